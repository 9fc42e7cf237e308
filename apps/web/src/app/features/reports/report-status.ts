import { CourseReporting, CourseStatus, daysBetween, REPORT_DUE_SOON_DAYS } from '@mentor/domain';
import { FlagChip } from '@mentor/shared-ui';

type Translate = (key: string) => string;

/**
 * Due soon: an active course whose next report falls due within REPORT_DUE_SOON_DAYS and is not
 * overdue yet (the API's rule, for lists that carry only the due date).
 */
export function isReportDueSoon(status: CourseStatus, nextDueOn: string | null, today: string): boolean {
  return (
    status === CourseStatus.Active &&
    nextDueOn !== null &&
    today <= nextDueOn &&
    daysBetween(today, nextDueOn) <= REPORT_DUE_SOON_DAYS
  );
}

/** The report flag of a course: overdue (needs action) or due soon (for information); none else. */
export function reportFlag(
  course: { status: CourseStatus; nextReportDueOn: string | null; reportOverdue: boolean },
  today: string,
  t: Translate,
): FlagChip | null {
  if (course.reportOverdue) return { id: 'report_overdue', label: t('courseFlags.report_overdue') };
  if (isReportDueSoon(course.status, course.nextReportDueOn, today))
    return { id: 'report_due_soon', label: t('courseFlags.report_due_soon'), tone: 'info' };
  return null;
}

/** The flags of a course's reporting status, as the API computed them. */
export function reportingFlags(reporting: CourseReporting, t: Translate): FlagChip[] {
  if (reporting.overdue) return [{ id: 'report_overdue', label: t('courseFlags.report_overdue') }];
  if (reporting.dueSoon)
    return [{ id: 'report_due_soon', label: t('courseFlags.report_due_soon'), tone: 'info' }];
  return [];
}
