import {
  CertificationState,
  CertificationStatus,
  MentorLoad,
  WORKFORCE_ALERTS,
  WorkforceAlert,
  WorkforceRow,
} from '@mentor/domain';
import { FlagChip } from '@mentor/shared-ui';

type Translate = (key: string, params?: Record<string, string | number>) => string;
type FormatDate = (isoDate: string) => string;

/** How urgent a certification status is: `ok` certified, `warn` expiring, `bad` expired or none. */
export function certificationTone(status: CertificationStatus): 'ok' | 'warn' | 'bad' {
  if (status === CertificationStatus.Certified) return 'ok';
  if (status === CertificationStatus.Expiring) return 'warn';
  return 'bad';
}

/** "Certificeret", "Udløber 01.03.2026", "Udløbet 01.03.2026", "Ikke certificeret". */
export function certificationText(state: CertificationState, t: Translate, date: FormatDate): string {
  const status = t(`certificationStatuses.${state.status}`);
  if (
    state.renewalDueOn &&
    (state.status === CertificationStatus.Expiring || state.status === CertificationStatus.Expired)
  )
    return t('workforce.certificationUntil', { status, date: date(state.renewalDueOn) });
  return status;
}

/** A load row's alerts as chips, in the order of the domain's list (overload first). */
export function alertChips(alerts: readonly WorkforceAlert[], t: Translate): FlagChip[] {
  return WORKFORCE_ALERTS.filter((alert) => alerts.includes(alert)).map((alert) => ({
    id: alert,
    label: t(`workforceAlerts.${alert}`),
  }));
}

/** Granted minutes per week against capacity: "240 af 600 min/uge (40 %)", or without capacity "240 min/uge". */
export function utilisationText(
  load: Pick<MentorLoad, 'grantedMinutesPerWeek' | 'capacityMinutesPerWeek' | 'utilisationPercent'>,
  t: Translate,
): string {
  const granted = load.grantedMinutesPerWeek;
  if (load.capacityMinutesPerWeek === null || load.utilisationPercent === null)
    return t('workforce.grantedNoCapacity', { granted });
  return t('workforce.grantedOfCapacity', {
    granted,
    capacity: load.capacityMinutesPerWeek,
    percent: load.utilisationPercent,
  });
}

/** Delivered against granted over the delivery window: "180 af 240 min (75 %)", or "Intet bevilget". */
export function deliveryText(
  row: Pick<WorkforceRow, 'deliveredMinutesWindow' | 'grantedMinutesWindow' | 'deliveryPercent'>,
  t: Translate,
): string {
  if (row.deliveryPercent === null) return t('workforce.nothingGranted');
  return t('workforce.deliveredOfGranted', {
    delivered: row.deliveredMinutesWindow,
    granted: row.grantedMinutesWindow,
    percent: row.deliveryPercent,
  });
}

/**
 * A candidate mentor's load and certification in one line, for choosing whom to assign:
 * "2 aktive forløb · 120 af 600 min/uge (20 %) · Certificeret".
 */
export function mentorLoadText(load: MentorLoad, t: Translate, date: FormatDate): string {
  return [
    t('workforce.activeCoursesCount', { count: load.activeCourses }),
    utilisationText(load, t),
    certificationText(load.certification, t, date),
  ].join(' · ');
}

/** Over capacity (strictly above 100 %): the load view's overload. */
export function isOverloaded(
  load: Pick<MentorLoad, 'utilisationPercent' | 'grantedMinutesPerWeek' | 'capacityMinutesPerWeek'>,
): boolean {
  return (
    load.capacityMinutesPerWeek !== null &&
    load.capacityMinutesPerWeek > 0 &&
    load.grantedMinutesPerWeek > load.capacityMinutesPerWeek
  );
}
