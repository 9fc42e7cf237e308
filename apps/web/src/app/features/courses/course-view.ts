import {
  ContactForm,
  ContactView,
  CourseStatus,
  CourseSummary,
  HandoverStatus,
  MeetingPlace,
  WeekBudget,
} from '@mentor/domain';
import { FlagChip } from '@mentor/shared-ui';
import { localToday } from '../../core/http/local-time';
import { reportFlag } from '../reports/report-status';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The flags of a course as chips, in the order that needs action first. */
export function courseFlags(course: CourseSummary, t: Translate, today = localToday()): FlagChip[] {
  const flags: FlagChip[] = [];
  if (course.needsSparring) flags.push({ id: 'needs_sparring', label: t('courseFlags.needs_sparring') });
  const handover = handoverFlag(course, t);
  if (handover) flags.push(handover);
  const report = reportFlag(course, today, t);
  if (report && report.tone !== 'info') flags.push(report);
  if (course.noRecentContact)
    flags.push({ id: 'no_recent_contact', label: t('courseFlags.no_recent_contact') });
  if (course.overBudgetThisWeek) flags.push({ id: 'over_budget', label: t('courseFlags.over_budget') });
  if (course.expiresSoon)
    flags.push({ id: 'expires_soon', label: t('courseFlags.expires_soon'), tone: 'info' });
  if (report?.tone === 'info') flags.push(report);
  if (course.unreadMessages > 0)
    flags.push({
      id: 'unread_messages',
      label: t('courseFlags.unreadCount', { count: course.unreadMessages }),
      tone: 'info',
    });
  return flags;
}

/** A course with a mentor whose handover packet is missing, unacknowledged or overdue. */
function handoverFlag(course: CourseSummary, t: Translate): FlagChip | null {
  if (!course.mentorId || course.status === CourseStatus.Ended) return null;
  if (course.handoverOverdue) return { id: 'handover_overdue', label: t('courseFlags.handover_overdue') };
  if (course.handoverStatus === HandoverStatus.Sent)
    return { id: 'handover_awaiting', label: t('courseFlags.handover_awaiting'), tone: 'info' };
  if (course.handoverStatus !== HandoverStatus.Acknowledged)
    return { id: 'handover_pending', label: t('courseFlags.handover_pending') };
  return null;
}

/** "45 af 60 min". */
export function minutesOf(logged: number, granted: number, t: Translate): string {
  return t('budget.minutesOf', { logged, granted });
}

/** `2026-W48` → 48. */
export function weekNumber(week: WeekBudget | string): number {
  const label = typeof week === 'string' ? week : week.week;
  return Number(label.split('-W')[1] ?? 0);
}

/**
 * The form a new contact starts with: the most frequent form of the recent contacts (the newest
 * wins a tie), else from the citizen's meeting preference, else in person elsewhere (the study's 70 %).
 */
export function usualContactForm(
  recent: readonly Pick<ContactView, 'form' | 'deleted'>[],
  preferredPlace?: MeetingPlace | null,
): ContactForm {
  const counts = new Map<ContactForm, number>();
  for (const contact of recent) {
    if (!contact.deleted) counts.set(contact.form, (counts.get(contact.form) ?? 0) + 1);
  }
  let best: ContactForm | undefined;
  // Map keeps insertion order, newest first, so `>` lets the newest win a tie.
  for (const [form, count] of counts) if (!best || count > (counts.get(best) ?? 0)) best = form;
  if (best) return best;
  return preferredPlace === MeetingPlace.Home ? ContactForm.InPersonHome : ContactForm.InPersonElsewhere;
}
