import {
  addDays,
  addMonths,
  CourseFlag,
  COURSE_SORT_FIELDS,
  type CourseDetail,
  type CourseStatus,
  type CourseSummary,
  GRANT_EXPIRY_WARNING_DAYS,
  type GrantDetail,
  HandoverStatus,
  isoWeekStart,
  type MentorPeriod,
  NO_CONTACT_FLAG_DAYS,
  Role,
} from '@mentor/domain';
import type { ReadAudit } from '../audit/audit-sql';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { sortOrDefault } from '../common/pagination';
import { SqlParams } from '../common/sql-params';
import { JSON_ROW } from '../database/prepared';
import { GRANT_DETAIL_JSON } from '../grants/grant-sql';
import { unreadMessagesSql } from '../messages/message-sql';
import { NEXT_REPORT_DUE_SQL } from '../reports/report-due';
import { courseVisibility } from './course-visibility';

/** SQL pieces and statements of the course and contact queries, pure so the benchmark runs the same. */

/** Granted minutes of the week starting at the date expression `weekStart`, 0 outside the grant. */
export const GRANTED_IN_WEEK = (grant: string, weekStart: string) =>
  `CASE WHEN ${weekStart} + 6 < ${grant}.starts_on OR ${weekStart} > ${grant}.ends_on THEN 0 ELSE COALESCE((
     SELECT gm.minutes_per_week FROM grant_minutes gm
      WHERE gm.grant_id = ${grant}.id AND gm.effective_from <= GREATEST(${weekStart}, ${grant}.starts_on)
      ORDER BY gm.effective_from DESC LIMIT 1), 0) END`;

/** Granted minutes of the days from `from` to `to` inside the grant: weekly minutes × days / 7. */
export const GRANTED_IN_PERIOD = (grant: string, from: string, to: string) =>
  `(SELECT COALESCE(ROUND(SUM(GREATEST(0,
       LEAST(p.until, ${to}, ${grant}.ends_on) - GREATEST(p.effective_from, ${from}, ${grant}.starts_on) + 1)
       * p.minutes_per_week / 7.0)), 0)::int
     FROM (SELECT gm.effective_from, gm.minutes_per_week,
                  COALESCE(LEAD(gm.effective_from) OVER (ORDER BY gm.effective_from) - 1, 'infinity'::date) AS until
             FROM grant_minutes gm WHERE gm.grant_id = ${grant}.id) p)`;

/**
 * Minutes of the course's counted contacts in the ISO week or calendar month starting at the date
 * expression `startsOn`, from the totals the contact trigger keeps (migration CourseMinuteTotals).
 */
export const LOGGED_IN = (course: string, period: 'week' | 'month', startsOn: string) =>
  `COALESCE((SELECT cm.minutes FROM course_minutes cm
     WHERE cm.municipality_id = ${course}.municipality_id AND cm.course_id = ${course}.id
       AND cm.period = '${period}' AND cm.starts_on = ${startsOn}), 0)`;

/**
 * A grant's minutes history as rows `p` (effective_from, minutes_per_week, until: the day before the
 * next change, or infinity): from its grant_minutes rows, or from the arrays course_overview keeps
 * of them (migration CourseOverview), which need no index lookup, sort or window.
 */
const GRANT_MINUTE_PERIODS = (grant: string) =>
  `(SELECT gm.effective_from, gm.minutes_per_week,
           COALESCE(LEAD(gm.effective_from) OVER (ORDER BY gm.effective_from) - 1, 'infinity'::date) AS until
      FROM grant_minutes gm WHERE gm.grant_id = ${grant}.id) p`;
export const OVERVIEW_MINUTE_PERIODS = (overview: string) =>
  `unnest(${overview}.minutes_from, ${overview}.minutes_per_week, ${overview}.minutes_until)
     AS p(effective_from, minutes_per_week, until)`;

/**
 * GRANTED_IN_WEEK of a course_overview row (`overview`), from its copy of the minutes history: the
 * minutes in effect on the week's first day inside the grant.
 */
export const OVERVIEW_GRANTED_IN_WEEK = (overview: string, weekStart: string) =>
  `CASE WHEN ${weekStart} + 6 < ${overview}.starts_on OR ${weekStart} > ${overview}.ends_on THEN 0 ELSE COALESCE((
     SELECT p.minutes_per_week FROM ${OVERVIEW_MINUTE_PERIODS(overview)}
      WHERE GREATEST(${weekStart}, ${overview}.starts_on) BETWEEN p.effective_from AND p.until), 0) END`;

/**
 * GRANTED_IN_WEEK of each of `weeks` (a column per key, e.g. `{ week: … }`) and GRANTED_IN_PERIOD
 * (as `period`) of one grant from a single read of its minutes history (`periods`): a LATERAL
 * subquery for statements that read many grants at once (the course lists, the workforce load
 * view). The same rules; an integration test holds the two forms equal.
 */
export const GRANTED_WEEKS_AND_PERIOD = (
  grant: string,
  weeks: Record<string, string>,
  from: string,
  to: string,
  periods = GRANT_MINUTE_PERIODS(grant),
) =>
  `LATERAL (
     SELECT ${Object.entries(weeks)
       .map(
         ([column, weekStart]) => `COALESCE(sum(p.minutes_per_week) FILTER (
              WHERE NOT (${weekStart} + 6 < ${grant}.starts_on OR ${weekStart} > ${grant}.ends_on)
                AND GREATEST(${weekStart}, ${grant}.starts_on) BETWEEN p.effective_from AND p.until), 0)::int AS ${column},`,
       )
       .join('\n            ')}
            COALESCE(ROUND(SUM(GREATEST(0,
              LEAST(p.until, ${to}, ${grant}.ends_on) - GREATEST(p.effective_from, ${from}, ${grant}.starts_on) + 1)
              * p.minutes_per_week / 7.0)), 0)::int AS period
       FROM ${periods})`;

/**
 * LOGGED_IN of the ISO week starting at `week` from a course_overview row (`overview`), which holds
 * the course's latest week with minutes, that week's and the week's before it (migration
 * CourseOverviewMinutes): weeks after the latest have none. Only a week more than one before the
 * latest (not this week or last for a course without future contacts) is looked up.
 */
export const OVERVIEW_LOGGED_IN_WEEK = (overview: string, week: string) =>
  `CASE WHEN ${overview}.logged_week_start IS NULL OR ${overview}.logged_week_start < ${week} THEN 0
        WHEN ${overview}.logged_week_start = ${week} THEN ${overview}.logged_week
        WHEN ${overview}.logged_week_start = ${week} + 7 THEN ${overview}.logged_prev_week
        ELSE ${LOGGED_IN(overview, 'week', week)} END`;

/** LOGGED_IN of the month starting at `month` from a course_overview row, as OVERVIEW_LOGGED_IN_WEEK. */
export const OVERVIEW_LOGGED_IN_MONTH = (overview: string, month: string) =>
  `CASE WHEN ${overview}.logged_month_start IS NULL OR ${overview}.logged_month_start < ${month} THEN 0
        WHEN ${overview}.logged_month_start = ${month} THEN ${overview}.logged_month
        ELSE ${LOGGED_IN(overview, 'month', month)} END`;

/**
 * Minutes of counted contacts per course (`course_id`, `minutes`) in the ISO weeks starting from `from`
 * to `to` (Mondays), for every course of the municipality at once: one range of
 * ix_course_minutes_period, to be joined by course. Where thousands of courses are read (an
 * organisation's load view), this costs less than a lookup per course.
 */
export const LOGGED_WEEKS_BY_COURSE = (municipality: string, from: string, to: string) =>
  `(SELECT cm.course_id, sum(cm.minutes) AS minutes FROM course_minutes cm
     WHERE cm.municipality_id = ${municipality} AND cm.period = 'week' AND cm.starts_on BETWEEN ${from} AND ${to}
     GROUP BY cm.course_id)`;

export interface CourseFilter {
  id?: string;
  status?: CourseStatus;
  search?: string;
  flag?: CourseFlag;
  sort?: string;
  limit: number;
  offset: number;
}

/** A row of the course statement: the summary's columns before flags are derived in Node. */
export interface CourseRow extends Omit<
  CourseSummary,
  | 'thisWeek'
  | 'lastWeek'
  | 'noRecentContact'
  | 'overBudgetThisWeek'
  | 'expiresSoon'
  | 'reportOverdue'
  | 'handoverStatus'
  | 'handoverOverdue'
> {
  /** The current mentor's packet: its status and, once sent, the day to acknowledge by. */
  handover: { status: HandoverStatus; acknowledgeBy: string | null } | null;
  grantedMinutes: number;
  loggedMinutes: number;
  lastWeekGrantedMinutes: number;
  lastWeekLoggedMinutes: number;
  grantId: string;
  preferredMeetingPlace: CourseDetail['preferredMeetingPlace'];
  endReason: CourseDetail['endReason'];
  endedOn: string | null;
  version: number;
  total: number;
  /** Only with `detail`. */
  grant?: GrantDetail;
  mentorHistory?: MentorPeriod[];
}

// The page's order on the tables' columns, and the same order on the statement's output columns,
// so the outer query can restore it.
const PAGE_SORT_SQL: Record<(typeof COURSE_SORT_FIELDS)[number], string> = {
  citizenName: 'co.citizen_name',
  endsOn: 'co.ends_on',
  lastContactDate: 'co.last_contact_date',
};
const SORT_SQL: Record<(typeof COURSE_SORT_FIELDS)[number], string> = {
  citizenName: '"citizenName"',
  endsOn: '"endsOn"',
  lastContactDate: '"lastContactDate"',
};

/**
 * The courses the caller may see, with this week's, last week's and this month's budget and the
 * last contact, filtered, sorted and paged, in one statement; `audit` is the read's audit record for
 * ReadAuditWriter (with the filter when searching; it adds the returned rows' citizens). With
 * `detail`, each row also carries its grant and mentor history as JSON.
 *
 * It reads course_overview (migration CourseOverview): each course's course, grant, citizen, grant
 * minutes, latest logged minutes, current handover and thread in one row, whose columns carry the
 * names of the tables' own, so the alias `co` serves the SQL rules written for mentor_course,
 * mentor_grant and citizen.
 * Each row comes as one JSON value (JSON_ROW; read it with jsonRows).
 */
export function courseStatement(
  caller: AuthenticatedUser,
  filter: CourseFilter,
  today: string,
  options: { audit: Pick<ReadAudit, 'action' | 'entityType'>; detail?: boolean },
): { text: string; values: unknown[]; audit: ReadAudit; weekStart: string; prepare: boolean } {
  const weekStart = isoWeekStart(today);
  const monthStart = `${today.slice(0, 8)}01`;
  const monthEnd = addDays(addMonths(monthStart, 1), -1);
  const p = new SqlParams();
  const week = `${p.add(weekStart)}::date`;
  const lastWeek = `${p.add(addDays(weekStart, -7))}::date`;
  const month = { start: `${p.add(monthStart)}::date`, end: `${p.add(monthEnd)}::date` };
  const periods = OVERVIEW_MINUTE_PERIODS('co');
  const conditions = [courseVisibility(p, 'co', 'co', caller)];
  if (filter.id) conditions.push(`co.id = ${p.add(filter.id)}`);
  if (filter.status) conditions.push(`co.status = ${p.add(filter.status)}`);
  else if (!filter.id) conditions.push(`co.status <> 'ended'`);
  if (filter.search)
    conditions.push(`co.citizen_name ILIKE ${p.add(`%${filter.search.replace(/[\\%_]/g, '\\$&')}%`)}`);
  const nextReportDue = NEXT_REPORT_DUE_SQL('co', 'co');
  // A flag is a condition on the same expressions the columns show.
  const flagCondition = (flag: CourseFlag) => {
    switch (flag) {
      case CourseFlag.NoRecentContact:
        return `co.status = 'active' AND COALESCE(co.last_contact_date, co.starts_on) <= ${p.add(addDays(today, -NO_CONTACT_FLAG_DAYS))}::date`;
      case CourseFlag.OverBudget:
        return `${OVERVIEW_LOGGED_IN_WEEK('co', week)} > ${OVERVIEW_GRANTED_IN_WEEK('co', week)}`;
      case CourseFlag.UnderDelivered:
        return `${OVERVIEW_LOGGED_IN_WEEK('co', lastWeek)} < ${OVERVIEW_GRANTED_IN_WEEK('co', lastWeek)}`;
      case CourseFlag.ExpiresSoon:
        return `co.ends_on <= ${p.add(addDays(today, GRANT_EXPIRY_WARNING_DAYS))}::date`;
      case CourseFlag.ReportOverdue:
        return `co.status = 'active' AND ${nextReportDue} < ${p.add(today)}::date`;
      case CourseFlag.HandoverPending:
        return `co.mentor_id IS NOT NULL AND co.status <> 'ended'
                AND COALESCE(co.handover_status, '') <> '${HandoverStatus.Acknowledged}'`;
      case CourseFlag.NeedsSparring:
        return 'co.needs_sparring';
      case CourseFlag.UnreadMessages:
        return `${unreadMessagesSql(p, 'co', caller)} > 0`;
    }
  };
  if (filter.flag) conditions.push(flagCondition(filter.flag));
  const sort = sortOrDefault(filter.sort, COURSE_SORT_FIELDS, { field: 'citizenName', direction: 'ASC' });
  const orderBy = `ORDER BY ${SORT_SQL[sort.field]} ${sort.direction} NULLS LAST, id`;
  const detailColumns = options.detail
    ? `, ${GRANT_DETAIL_JSON('g', 'o', 'co')} AS "grant",
       (SELECT COALESCE(json_agg(json_build_object('mentorId', mp.mentor_id, 'mentorName', mu.name,
                 'fromDate', mp.from_date, 'toDate', mp.to_date)
                 ORDER BY mp.from_date, mp.created_at), '[]'::json)
          FROM course_mentor_period mp JOIN app_user mu ON mu.id = mp.mentor_id
         WHERE mp.course_id = co.id) AS "mentorHistory"`
    : '';
  // Only the course page shows the grant's own text (and its organisation as the grant's JSON has it).
  const detailJoin = options.detail
    ? `JOIN mentor_grant g ON g.municipality_id = co.municipality_id AND g.id = co.grant_id
       JOIN organisation o ON o.municipality_id = co.municipality_id AND o.id = co.organisation_id`
    : '';
  // The page is chosen first (filtered, counted, sorted, limited), and only its rows get the budget
  // and message columns: a team leader's list pages through thousands. Its rows are fetched again by
  // tuple id (ctid), one heap page each instead of an index descent; the ids come from the same
  // statement, so the same snapshot, which keeps those row versions where they are and visible.
  const select = `SELECT co.id, co.grant_id AS "grantId", co.citizen_id AS "citizenId", co.citizen_name AS "citizenName",
              co.cpr_masked AS "cprMasked", co.mentor_type AS "mentorType", co.status, co.mentor_id AS "mentorId",
              co.mentor_name AS "mentorName", co.organisation_id AS "organisationId",
              co.organisation_name AS "organisationName",
              co.starts_on AS "startsOn", co.ends_on AS "endsOn",
              co.preferred_meeting_place AS "preferredMeetingPlace", co.end_reason AS "endReason",
              co.ended_on AS "endedOn", co.version,
              granted.week AS "grantedMinutes",
              ${OVERVIEW_LOGGED_IN_WEEK('co', week)} AS "loggedMinutes",
              granted.last_week AS "lastWeekGrantedMinutes",
              ${OVERVIEW_LOGGED_IN_WEEK('co', lastWeek)} AS "lastWeekLoggedMinutes",
              granted.period AS "monthGrantedMinutes",
              ${OVERVIEW_LOGGED_IN_MONTH('co', month.start)} AS "monthDeliveredMinutes",
              co.last_contact_date AS "lastContactDate",
              ${nextReportDue} AS "nextReportDueOn",
              CASE WHEN co.handover_status IS NOT NULL THEN json_build_object('status', co.handover_status,
                'acknowledgeBy', co.handover_acknowledge_by) END AS handover,
              ${unreadMessagesSql(p, 'co', caller)} AS "unreadMessages",
              co.needs_sparring AS "needsSparring"${detailColumns},
              page.total
         FROM (SELECT co.municipality_id, co.ctid AS course_row, count(*) OVER () AS total
                 FROM course_overview co
                WHERE ${conditions.join(' AND ')}
                ORDER BY ${PAGE_SORT_SQL[sort.field]} ${sort.direction} NULLS LAST, co.id
                LIMIT ${p.add(filter.limit)} OFFSET ${p.add(filter.offset)}) page
         JOIN course_overview co ON co.ctid = page.course_row AND co.municipality_id = page.municipality_id
         ${detailJoin}
         CROSS JOIN ${GRANTED_WEEKS_AND_PERIOD('co', { week, last_week: lastWeek }, month.start, month.end, periods)} granted`;
  const { search, status, flag } = filter;
  const criteria = search || status || flag ? { search, status, flag } : undefined;
  return {
    text: `SELECT ${JSON_ROW('page')} FROM (${select}) page ${orderBy}`,
    values: p.values,
    audit: { ...options.audit, entityId: filter.id, details: criteria },
    weekStart,
    // A mentor's or caseworker's few dozen courses suit one generic plan; an organisation's courses
    // number from ten to thousands, so a team leader's list is planned for its values each time.
    prepare: caller.role !== Role.TeamLeader,
  };
}
