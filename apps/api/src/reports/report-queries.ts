import type {
  CourseStatus,
  ReportAttendance,
  ReportContent,
  ReportStatus,
  ReportSummary,
  ReportVersion,
} from '@mentor/domain';
import type { AuditedStatement, ReadAudit, ReadStatement } from '../audit/audit-sql';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { SqlParams } from '../common/sql-params';
import { GRANTED_IN_PERIOD } from '../courses/course-queries';
import { courseVisibility } from '../courses/course-visibility';

/** The SQL of the report routes: raw statements scoped by course visibility, one round trip each. */

const DATE = (expr: string) => `to_char(${expr}, 'YYYY-MM-DD')`;
const TIMESTAMP = (expr: string) => `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Statuses in which a report is being written or reviewed: at most one per course. */
export const OPEN_STATUSES = `('draft', 'submitted', 'returned')`;

/**
 * Section 1 as JSON: the course's counted contacts (not deleted, not replaced by a correction) from
 * `from` to `to`, and the granted minutes of those days. `course` and `grant` are the query's
 * aliases of mentor_course and mentor_grant; `from` and `to` are date expressions.
 */
export const ATTENDANCE_JSON = (course: string, grant: string, from: string, to: string) =>
  `(SELECT json_build_object(
       'contactsHeld', COALESCE(sum(f.held), 0)::int,
       'noShows', COALESCE(sum(f.no_shows), 0)::int,
       'minutesDelivered', COALESCE(sum(f.minutes), 0)::int,
       'minutesGranted', ${GRANTED_IN_PERIOD(grant, from, to)},
       'forms', COALESCE(json_object_agg(f.form, f.n), '{}'::json))
      FROM (SELECT cc.form, count(*)::int AS n, count(*) FILTER (WHERE cc.showed_up) AS held,
                   count(*) FILTER (WHERE NOT cc.showed_up) AS no_shows, sum(cc.minutes) AS minutes
              FROM counted_contact cc
             WHERE cc.municipality_id = ${course}.municipality_id AND cc.course_id = ${course}.id
               AND cc.contact_date BETWEEN ${from} AND ${to}
             GROUP BY cc.form) f)`;

/** A report with its course, grant, citizen and author; every join repeats the municipality. */
const REPORT_FROM = `progress_report r
  JOIN mentor_course co ON co.municipality_id = r.municipality_id AND co.id = r.course_id
  JOIN mentor_grant g ON g.municipality_id = co.municipality_id AND g.id = co.grant_id
  JOIN citizen ci ON ci.municipality_id = co.municipality_id AND ci.id = g.citizen_id
  JOIN app_user a ON a.id = r.created_by`;

const SUMMARY_COLUMNS = `r.id, r.course_id AS "courseId", g.citizen_id AS "citizenId", ci.name AS "citizenName",
  a.name AS "mentorName", r.status, ${DATE('r.period_from')} AS "periodFrom", ${DATE('r.period_to')} AS "periodTo",
  ${DATE('r.due_on')} AS "dueOn", r.quality_score AS "qualityScore",
  (SELECT ${TIMESTAMP('max(v.submitted_at)')} FROM progress_report_version v
    WHERE v.municipality_id = r.municipality_id AND v.report_id = r.id) AS "submittedAt",
  ${TIMESTAMP('r.updated_at')} AS "updatedAt", r.version`;

const VERSIONS_JSON = `(SELECT COALESCE(json_agg(json_build_object(
    'number', v.number, 'submittedAt', ${TIMESTAMP('v.submitted_at')}, 'submittedByName', su.name,
    'periodFrom', ${DATE('v.period_from')}, 'periodTo', ${DATE('v.period_to')},
    'attendance', v.attendance, 'content', v.content, 'qualityScore', v.quality_score,
    'justification', v.justification,
    'review', CASE WHEN v.decision IS NULL THEN NULL ELSE json_build_object(
      'decision', v.decision, 'reviewedAt', ${TIMESTAMP('v.reviewed_at')}, 'reviewedByName', rv.name,
      'comments', COALESCE(v.comments, '[]'::jsonb)) END)
    ORDER BY v.number), '[]'::json)
   FROM progress_report_version v
   JOIN app_user su ON su.id = v.submitted_by
   LEFT JOIN app_user rv ON rv.id = v.reviewed_by
  WHERE v.municipality_id = r.municipality_id AND v.report_id = r.id)`;

export interface ReportRow extends ReportSummary {
  content: ReportContent;
  createdBy: string;
  courseMentorId: string | null;
  caseworkerId: string;
  courseStatus: CourseStatus;
  cprMasked: string;
  goals: { id: string; text: string }[];
  qualityThreshold: number;
  municipalityId: string;
  grantEndsOn: string;
  /** Section 1 from the contacts now, for a report still being written (draft or returned). */
  liveAttendance: ReportAttendance | null;
  versions: ReportVersion[];
}

/**
 * One report as the caller may see it, with everything its page shows. With `periodTo`, the live
 * attendance is counted up to that day instead of the stored one (a save or submit that moves it).
 * With `audit`, the statement carries the read's audit record.
 */
export function reportStatement(
  caller: AuthenticatedUser,
  reportId: string,
  options: { audit?: Pick<ReadAudit, 'action'>; periodTo?: string } = {},
): ReadStatement {
  const p = new SqlParams();
  const id = p.add(reportId);
  const periodTo = options.periodTo ? `${p.add(options.periodTo)}::date` : 'r.period_to';
  const visible = courseVisibility(p, 'co', 'ci', caller);
  const select = `SELECT ${SUMMARY_COLUMNS}, r.content, r.created_by AS "createdBy", co.mentor_id AS "courseMentorId",
         ci.caseworker_id AS "caseworkerId", co.status AS "courseStatus", ci.cpr_masked AS "cprMasked", g.goals,
         mu.report_quality_threshold AS "qualityThreshold", r.municipality_id AS "municipalityId",
         ${DATE('g.ends_on')} AS "grantEndsOn",
         CASE WHEN r.status IN ('draft', 'returned') THEN ${ATTENDANCE_JSON('co', 'g', 'r.period_from', periodTo)} END
           AS "liveAttendance",
         ${VERSIONS_JSON} AS versions
    FROM ${REPORT_FROM}
    JOIN municipality mu ON mu.id = r.municipality_id
   WHERE r.id = ${id} AND r.municipality_id = co.municipality_id AND ${visible}`;
  const audit = options.audit && { ...options.audit, entityType: 'progress_report', entityId: reportId };
  return { text: select, values: p.values, audit };
}

export interface CourseReportsRow extends Partial<ReportSummary> {
  citizenId: string;
}

/**
 * A course's reports, newest period first, with the read's audit record. The course's own
 * row comes back even without reports (with a null id), so no row means the course is out of scope.
 */
export function courseReportsStatement(caller: AuthenticatedUser, courseId: string): AuditedStatement {
  const p = new SqlParams();
  const id = p.add(courseId);
  const visible = courseVisibility(p, 'co', 'ci', caller);
  const select = `SELECT ${SUMMARY_COLUMNS}
    FROM mentor_course co
    JOIN mentor_grant g ON g.municipality_id = co.municipality_id AND g.id = co.grant_id
    JOIN citizen ci ON ci.municipality_id = co.municipality_id AND ci.id = g.citizen_id
    LEFT JOIN progress_report r ON r.municipality_id = co.municipality_id AND r.course_id = co.id
    LEFT JOIN app_user a ON a.id = r.created_by
   WHERE co.id = ${id} AND ${visible}`;
  return {
    text: `SELECT * FROM (${select}) page ORDER BY "periodTo" DESC NULLS LAST, id`,
    values: p.values,
    audit: { action: 'report.list', entityType: 'mentor_course', entityId: courseId },
  };
}

export interface CourseForReportRow {
  id: string;
  citizenId: string;
  status: CourseStatus;
  mentorId: string | null;
  caseworkerId: string;
  startsOn: string;
  endsOn: string;
  intervalWeeks: number;
  goals: { id: string; text: string }[];
  reportedTo: string | null;
  /** The day after the latest report, or the grant start. */
  periodFrom: string;
  openReportId: string | null;
  openReportStatus: ReportStatus | null;
  /** With `attendanceTo`: section 1 from periodFrom to that day. */
  attendance?: ReportAttendance;
}

/**
 * A course as the report routes need it: its mentor, grant period, goals and reporting interval,
 * where a new report would start, the open report if any, and (with `attendanceTo`) the attendance
 * of the new report's period. With `audit`, the statement carries the read's audit record.
 */
export function courseForReportStatement(
  caller: AuthenticatedUser,
  courseId: string,
  options: { attendanceTo?: string; audit?: Pick<ReadAudit, 'action'> } = {},
): ReadStatement {
  const p = new SqlParams();
  const id = p.add(courseId);
  const attendance = options.attendanceTo
    ? `, ${ATTENDANCE_JSON('co', 'g', 'x.period_from', `${p.add(options.attendanceTo)}::date`)} AS attendance`
    : '';
  const visible = courseVisibility(p, 'co', 'ci', caller);
  const select = `SELECT co.id, g.citizen_id AS "citizenId", co.status, co.mentor_id AS "mentorId",
         ci.caseworker_id AS "caseworkerId", ${DATE('g.starts_on')} AS "startsOn", ${DATE('g.ends_on')} AS "endsOn",
         g.reporting_interval_weeks AS "intervalWeeks", g.goals, ${DATE('co.reported_to')} AS "reportedTo",
         ${DATE('x.period_from')} AS "periodFrom", o.id AS "openReportId", o.status AS "openReportStatus"${attendance}
    FROM mentor_course co
    JOIN mentor_grant g ON g.municipality_id = co.municipality_id AND g.id = co.grant_id
    JOIN citizen ci ON ci.municipality_id = co.municipality_id AND ci.id = g.citizen_id
    CROSS JOIN LATERAL (SELECT COALESCE(max(pr.period_to) + 1, g.starts_on) AS period_from FROM progress_report pr
                         WHERE pr.municipality_id = co.municipality_id AND pr.course_id = co.id) x
    LEFT JOIN progress_report o ON o.municipality_id = co.municipality_id AND o.course_id = co.id
                               AND o.status IN ${OPEN_STATUSES}
   WHERE co.id = ${id} AND ${visible}`;
  const audit = options.audit && { ...options.audit, entityType: 'mentor_course', entityId: courseId };
  return { text: select, values: p.values, audit };
}

export interface QualityFilter {
  municipalityId: string;
  from: string;
  to: string;
  organisationId?: string;
}

/**
 * Quality figures of the reports due from `from` to `to`, per organisation and per mentor (the
 * report's author) in one statement: every organisation in scope and each of its active mentors
 * gets a row, with zeros where nothing was due. No citizen data.
 */
export function qualityStatement(filter: QualityFilter): { text: string; values: unknown[] } {
  const p = new SqlParams();
  const m = `${p.add(filter.municipalityId)}::uuid`;
  const from = `${p.add(filter.from)}::date`;
  const to = `${p.add(filter.to)}::date`;
  const organisation = filter.organisationId ? `AND o.id = ${p.add(filter.organisationId)}::uuid` : '';
  const text = `WITH orgs AS (
      SELECT o.id, o.name FROM organisation o WHERE o.municipality_id = ${m} ${organisation}
    ), due AS (
      SELECT co.organisation_id AS org, r.created_by AS mentor, r.id, r.status, r.due_on,
             fv.submitted_at AS first_submitted_at, fv.decision AS first_decision
        FROM progress_report r
        JOIN mentor_course co ON co.municipality_id = r.municipality_id AND co.id = r.course_id
        LEFT JOIN progress_report_version fv
          ON fv.municipality_id = r.municipality_id AND fv.report_id = r.id AND fv.number = 1
       WHERE r.municipality_id = ${m} AND r.due_on BETWEEN ${from} AND ${to}
         AND co.organisation_id IN (SELECT id FROM orgs)
    ), per_report AS (
      SELECT d.org, d.mentor, count(*) AS due,
             count(*) FILTER (WHERE (d.first_submitted_at AT TIME ZONE 'Europe/Copenhagen')::date <= d.due_on) AS on_time,
             count(*) FILTER (WHERE d.status = 'accepted') AS accepted,
             count(*) FILTER (WHERE d.status = 'accepted' AND d.first_decision = 'accepted') AS accepted_first
        FROM due d GROUP BY GROUPING SETS ((d.org), (d.org, d.mentor))
    ), per_version AS (
      SELECT d.org, d.mentor, avg(v.quality_score) AS quality,
             avg(extract(epoch FROM v.reviewed_at - v.submitted_at) / 86400) FILTER (WHERE v.reviewed_at IS NOT NULL) AS days
        FROM due d JOIN progress_report_version v ON v.municipality_id = ${m} AND v.report_id = d.id
       GROUP BY GROUPING SETS ((d.org), (d.org, d.mentor))
    ), people AS (
      SELECT u.organisation_id AS org, u.id AS mentor, u.name FROM app_user u
       WHERE u.municipality_id = ${m} AND u.role = 'mentor' AND u.active AND u.organisation_id IN (SELECT id FROM orgs)
      UNION
      SELECT d.org, d.mentor, u.name FROM due d JOIN app_user u ON u.id = d.mentor
    ), grid AS (
      SELECT o.id AS org, o.name AS org_name, NULL::uuid AS mentor, NULL::varchar AS mentor_name FROM orgs o
      UNION ALL
      SELECT pe.org, o.name, pe.mentor, pe.name FROM people pe JOIN orgs o ON o.id = pe.org
    )
    SELECT x.org AS "organisationId", x.org_name AS "organisationName", x.mentor AS "mentorId",
           x.mentor_name AS "mentorName", COALESCE(pr.due, 0)::int AS "reportsDue",
           COALESCE(pr.on_time, 0)::int AS "submittedOnTime",
           round(pv.quality::numeric, 1)::float AS "averageQualityScore",
           CASE WHEN pr.accepted > 0 THEN round(pr.accepted_first::numeric / pr.accepted, 3)::float END
             AS "acceptedWithoutRevisionShare",
           round(pv.days::numeric, 1)::float AS "averageDaysToReview"
      FROM grid x
      LEFT JOIN per_report pr ON pr.org = x.org AND pr.mentor IS NOT DISTINCT FROM x.mentor
      LEFT JOIN per_version pv ON pv.org = x.org AND pv.mentor IS NOT DISTINCT FROM x.mentor
     ORDER BY x.org_name, x.org, x.mentor IS NOT NULL, x.mentor_name, x.mentor`;
  return { text, values: p.values };
}
