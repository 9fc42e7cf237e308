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
import { GRANT_DETAIL_JSON } from '../grants/grant-sql';
import { CURRENT_HANDOVER_SQL, HANDOVER_STATUS_SQL } from '../handover/handover-queries';
import { needsSparringSql, unreadMessagesSql } from '../messages/message-sql';
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
 * GRANTED_IN_WEEK of each of `weeks` (a column per key, e.g. `{ week: … }`) and GRANTED_IN_PERIOD
 * (as `period`) of one grant from a single read of its minutes history: a LATERAL subquery for
 * statements that read many grants at once (the course lists, the workforce load view). The same
 * rules; an integration test holds the two forms equal.
 */
export const GRANTED_WEEKS_AND_PERIOD = (
  grant: string,
  weeks: Record<string, string>,
  from: string,
  to: string,
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
       FROM (SELECT gm.effective_from, gm.minutes_per_week,
                    COALESCE(LEAD(gm.effective_from) OVER (ORDER BY gm.effective_from) - 1, 'infinity'::date) AS until
               FROM grant_minutes gm WHERE gm.grant_id = ${grant}.id) p)`;

/**
 * LOGGED_IN of the ISO week starting at `week` (as `week`) and of the week before it (as
 * `last_week`): a LATERAL subquery reading both from one index range.
 */
export const LOGGED_THIS_AND_LAST_WEEK = (course: string, week: string, lastWeek: string) =>
  `LATERAL (
     SELECT COALESCE(sum(cm.minutes) FILTER (WHERE cm.starts_on = ${week}), 0)::int AS week,
            COALESCE(sum(cm.minutes) FILTER (WHERE cm.starts_on = ${lastWeek}), 0)::int AS last_week
       FROM course_minutes cm
      WHERE cm.municipality_id = ${course}.municipality_id AND cm.course_id = ${course}.id
        AND cm.period = 'week' AND cm.starts_on BETWEEN ${lastWeek} AND ${week})`;

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
  total: string;
  /** Only with `detail`. */
  grant?: GrantDetail;
  mentorHistory?: MentorPeriod[];
}

// The page's order on the tables' columns, and the same order on the statement's output columns,
// so the outer query can restore it (dates as 'YYYY-MM-DD' sort as the dates do).
const PAGE_SORT_SQL: Record<(typeof COURSE_SORT_FIELDS)[number], string> = {
  citizenName: 'ci.name',
  endsOn: 'g.ends_on',
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
  const conditions = [courseVisibility(p, 'co', 'ci', caller)];
  if (filter.id) conditions.push(`co.id = ${p.add(filter.id)}`);
  if (filter.status) conditions.push(`co.status = ${p.add(filter.status)}`);
  else if (!filter.id) conditions.push(`co.status <> 'ended'`);
  if (filter.search)
    conditions.push(`ci.name ILIKE ${p.add(`%${filter.search.replace(/[\\%_]/g, '\\$&')}%`)}`);
  const grantedThisWeek = GRANTED_IN_WEEK('g', week);
  const loggedThisWeek = LOGGED_IN('co', 'week', week);
  const grantedLastWeek = GRANTED_IN_WEEK('g', lastWeek);
  const loggedLastWeek = LOGGED_IN('co', 'week', lastWeek);
  const nextReportDue = NEXT_REPORT_DUE_SQL('co', 'g');
  // A flag is a condition on the same expressions the columns show.
  const flagCondition = (flag: CourseFlag) => {
    switch (flag) {
      case CourseFlag.NoRecentContact:
        return `co.status = 'active' AND COALESCE(co.last_contact_date, g.starts_on) <= ${p.add(addDays(today, -NO_CONTACT_FLAG_DAYS))}::date`;
      case CourseFlag.OverBudget:
        return `${loggedThisWeek} > ${grantedThisWeek}`;
      case CourseFlag.UnderDelivered:
        return `${loggedLastWeek} < ${grantedLastWeek}`;
      case CourseFlag.ExpiresSoon:
        return `g.ends_on <= ${p.add(addDays(today, GRANT_EXPIRY_WARNING_DAYS))}::date`;
      case CourseFlag.ReportOverdue:
        return `co.status = 'active' AND ${nextReportDue} < ${p.add(today)}::date`;
      case CourseFlag.HandoverPending:
        return `co.mentor_id IS NOT NULL AND co.status <> 'ended'
                AND COALESCE(${HANDOVER_STATUS_SQL('co')}, '') <> '${HandoverStatus.Acknowledged}'`;
      case CourseFlag.NeedsSparring:
        return needsSparringSql('co');
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
                 'fromDate', to_char(mp.from_date, 'YYYY-MM-DD'), 'toDate', to_char(mp.to_date, 'YYYY-MM-DD'))
                 ORDER BY mp.from_date, mp.created_at), '[]'::json)
          FROM course_mentor_period mp JOIN app_user mu ON mu.id = mp.mentor_id
         WHERE mp.course_id = co.id) AS "mentorHistory"`
    : '';
  // Every join repeats the municipality, so the planner can use the (municipality_id, …) indexes
  // from either side, and a database sharded by municipality can keep the join on one node.
  const joins = `JOIN mentor_grant g ON g.municipality_id = co.municipality_id AND g.id = co.grant_id
         JOIN citizen ci ON ci.municipality_id = co.municipality_id AND ci.id = g.citizen_id`;
  // The page is chosen first (filtered, counted, sorted, limited on plain columns), and only its
  // rows get the budget, report and message columns: a team leader's list pages through thousands.
  // The page's rows are fetched again by their tuple ids (ctid) rather than their keys: one heap page
  // read each instead of an index descent. The ids come from the same statement, so the same snapshot,
  // which keeps those row versions where they are and visible.
  const select = `SELECT co.id, g.id AS "grantId", g.citizen_id AS "citizenId", ci.name AS "citizenName", ci.cpr_masked AS "cprMasked",
              g.mentor_type AS "mentorType", co.status, co.mentor_id AS "mentorId", m.name AS "mentorName",
              co.organisation_id AS "organisationId", o.name AS "organisationName",
              to_char(g.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(g.ends_on, 'YYYY-MM-DD') AS "endsOn",
              ci.preferred_meeting_place AS "preferredMeetingPlace", co.end_reason AS "endReason",
              to_char(co.ended_on, 'YYYY-MM-DD') AS "endedOn", co.version,
              granted.week AS "grantedMinutes",
              logged.week AS "loggedMinutes",
              granted.last_week AS "lastWeekGrantedMinutes",
              logged.last_week AS "lastWeekLoggedMinutes",
              granted.period AS "monthGrantedMinutes",
              ${LOGGED_IN('co', 'month', month.start)} AS "monthDeliveredMinutes",
              to_char(co.last_contact_date, 'YYYY-MM-DD') AS "lastContactDate",
              to_char(${nextReportDue}, 'YYYY-MM-DD') AS "nextReportDueOn",
              ${CURRENT_HANDOVER_SQL('co', `json_build_object('status', hp.status, 'acknowledgeBy', to_char(hp.acknowledge_by, 'YYYY-MM-DD'))`)} AS handover,
              ${unreadMessagesSql(p, 'co', caller)} AS "unreadMessages",
              ${needsSparringSql('co')} AS "needsSparring"${detailColumns},
              page.total
         FROM (SELECT co.municipality_id, co.ctid AS course_row, g.ctid AS grant_row, ci.ctid AS citizen_row,
                      count(*) OVER () AS total
                 FROM mentor_course co
                 ${joins}
                WHERE ${conditions.join(' AND ')}
                ORDER BY ${PAGE_SORT_SQL[sort.field]} ${sort.direction} NULLS LAST, co.id
                LIMIT ${p.add(filter.limit)} OFFSET ${p.add(filter.offset)}) page
         JOIN mentor_course co ON co.ctid = page.course_row AND co.municipality_id = page.municipality_id
         JOIN mentor_grant g ON g.ctid = page.grant_row AND g.municipality_id = page.municipality_id
         JOIN citizen ci ON ci.ctid = page.citizen_row AND ci.municipality_id = page.municipality_id
         CROSS JOIN ${GRANTED_WEEKS_AND_PERIOD('g', { week, last_week: lastWeek }, month.start, month.end)} granted
         CROSS JOIN ${LOGGED_THIS_AND_LAST_WEEK('co', week, lastWeek)} logged
         JOIN organisation o ON o.id = co.organisation_id
         LEFT JOIN app_user m ON m.id = co.mentor_id`;
  const { search, status, flag } = filter;
  const criteria = search || status || flag ? { search, status, flag } : undefined;
  return {
    text: `SELECT * FROM (${select}) page ${orderBy}`,
    values: p.values,
    audit: { ...options.audit, entityId: filter.id, details: criteria },
    weekStart,
    // A mentor's or caseworker's few dozen courses suit one generic plan; an organisation's courses
    // number from ten to thousands, so a team leader's list is planned for its values each time.
    prepare: caller.role !== Role.TeamLeader,
  };
}
