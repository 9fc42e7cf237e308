import {
  addDays,
  CourseStatus,
  daysBetween,
  FINAL_REPORT_DAYS_BEFORE_END,
  REPORT_DUE_SOON_DAYS,
} from '@mentor/domain';

/** When progression reports fall due: one rule, in TypeScript and as SQL, kept in step by the tests. */

export interface ReportDueInput {
  status: CourseStatus;
  /** The grant's period and reporting interval. */
  startsOn: string;
  endsOn: string;
  intervalWeeks: number;
  /** The last day a submitted report covers (mentor_course.reported_to), null before the first. */
  reportedTo: string | null;
}

/**
 * The next report's due date: the interval after the last submitted report (or the grant start),
 * but no later than the final report, due FINAL_REPORT_DAYS_BEFORE_END days before the grant ends
 * (never before the grant starts). Null once the final report is in, and for an ended course.
 */
export function nextReportDueOn(course: ReportDueInput): string | null {
  const final = maxDate(addDays(course.endsOn, -FINAL_REPORT_DAYS_BEFORE_END), course.startsOn);
  if (course.status === CourseStatus.Ended) return null;
  if (course.reportedTo !== null && course.reportedTo >= final) return null;
  const anchor = course.reportedTo ?? course.startsOn;
  return minDate(addDays(anchor, course.intervalWeeks * 7), final);
}

/** The same rule as a SQL date expression over the query's mentor_course and mentor_grant aliases. */
export const NEXT_REPORT_DUE_SQL = (course: string, grant: string) => {
  const final = `GREATEST(${grant}.ends_on - ${FINAL_REPORT_DAYS_BEFORE_END}, ${grant}.starts_on)`;
  return `CASE WHEN ${course}.status = '${CourseStatus.Ended}' OR ${course}.reported_to >= ${final} THEN NULL
    ELSE LEAST(COALESCE(${course}.reported_to, ${grant}.starts_on) + 7 * ${grant}.reporting_interval_weeks, ${final}) END`;
};

/** Overdue: an active course past its due date (a submitted report would have moved the date on). */
export function isReportOverdue(status: CourseStatus, nextDueOn: string | null, today: string): boolean {
  return status === CourseStatus.Active && nextDueOn !== null && today > nextDueOn;
}

/** Due soon: an active course whose report falls due within REPORT_DUE_SOON_DAYS, not yet overdue. */
export function isReportDueSoon(status: CourseStatus, nextDueOn: string | null, today: string): boolean {
  return (
    status === CourseStatus.Active &&
    nextDueOn !== null &&
    today <= nextDueOn &&
    daysBetween(today, nextDueOn) <= REPORT_DUE_SOON_DAYS
  );
}

const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);
