/** What changed between two versions of a progression report, field by field, for the caseworker. */
import { type ReportContent, ReportSection } from './progress-report';

export interface ReportChange {
  section: ReportSection;
  /** E.g. `periodTo`, `goals.<goalId>.evidence`, `barriers.0.action`, `recommendationReason`. */
  field: string;
  /** Empty string when the field did not exist or was empty. */
  before: string;
  after: string;
}

interface Comparable {
  periodFrom: string;
  periodTo: string;
  content: ReportContent;
}

const text = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : String(value);

/** Every field of a report as section, path and text; goals keyed by goal id so their order does not matter. */
function fields(report: Comparable): Map<string, { section: ReportSection; value: string }> {
  const out = new Map<string, { section: ReportSection; value: string }>();
  const put = (section: ReportSection, field: string, value: unknown) =>
    out.set(field, { section, value: text(value) });
  put(ReportSection.Attendance, 'periodFrom', report.periodFrom);
  put(ReportSection.Attendance, 'periodTo', report.periodTo);
  const c = report.content;
  for (const goal of c.goals) {
    for (const key of ['status', 'whatHappened', 'evidence', 'evidenceDate'] as const)
      put(ReportSection.Goals, `goals.${goal.goalId}.${key}`, goal[key]);
  }
  c.barriers.forEach((barrier, i) => {
    for (const key of ['kind', 'description', 'action'] as const)
      put(ReportSection.Barriers, `barriers.${i}.${key}`, barrier[key]);
  });
  for (const key of [
    'citizenView',
    'reviewedWithCitizen',
    'reviewedWithCitizenOn',
    'citizenViewMissingReason',
  ] as const)
    put(ReportSection.CitizenView, key, c[key]);
  c.nextSteps.forEach((step, i) => {
    for (const key of ['action', 'owner', 'dueOn'] as const)
      put(ReportSection.NextSteps, `nextSteps.${i}.${key}`, step[key]);
  });
  for (const key of ['recommendation', 'recommendedMinutesPerWeek', 'recommendationReason'] as const)
    put(ReportSection.Recommendation, key, c[key]);
  return out;
}

/** The fields whose text differs, in the report's section order. */
export function reportChanges(before: Comparable, after: Comparable): ReportChange[] {
  const a = fields(before);
  const b = fields(after);
  const order = Object.values(ReportSection);
  const changes: ReportChange[] = [];
  for (const field of new Set([...a.keys(), ...b.keys()])) {
    const was = a.get(field);
    const now = b.get(field);
    const section = now?.section ?? was?.section;
    if (section && (was?.value ?? '') !== (now?.value ?? ''))
      changes.push({ section, field, before: was?.value ?? '', after: now?.value ?? '' });
  }
  return changes.sort((x, y) => order.indexOf(x.section) - order.indexOf(y.section));
}
