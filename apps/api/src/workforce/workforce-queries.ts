import {
  addDays,
  CourseStatus,
  deliveryWindow,
  isoWeekStart,
  type OrganisationKind,
  Role,
  SUPERVISION_ALERT_KINDS,
  SuggestionStatus,
} from '@mentor/domain';
import { SqlParams } from '../common/sql-params';
import {
  GRANTED_IN_WEEK,
  GRANTED_WEEKS_AND_PERIOD,
  LOGGED_WEEKS_BY_COURSE,
  OVERVIEW_MINUTE_PERIODS,
} from '../courses/course-queries';
import { NEXT_REPORT_DUE_SQL } from '../reports/report-due';

/** SQL of the workforce reads, pure so the national benchmark runs exactly these statements. */

/**
 * The certification a status is read from (the latest granted on or before `today`), as a lateral
 * subquery over the query's app_user alias; certificationState() in libs/domain reads the status.
 */
export const CURRENT_CERTIFICATION = (user: string, today: string) =>
  `LEFT JOIN LATERAL (
     SELECT c.certified_on, c.renewal_due_on FROM mentor_certification c
      WHERE c.municipality_id = ${user}.municipality_id AND c.mentor_id = ${user}.id AND c.certified_on <= ${today}
      ORDER BY c.certified_on DESC LIMIT 1) cert ON true`;

/** A row of the load-view statement: the mentor's figures before status and alerts are derived. */
export interface WorkforceSqlRow {
  organisationName: string;
  organisationKind: OrganisationKind;
  /** Null on the one row of an organisation without mentors. */
  mentorId: string | null;
  name: string;
  employeeNumber: string | null;
  email: string | null;
  mentorTypes: string[];
  mentorSince: string | null;
  capacityMinutesPerWeek: number | null;
  activeCourses: number;
  grantedMinutesPerWeek: number;
  grantedMinutesWindow: number;
  deliveredMinutesWindow: number;
  overdueReports: number;
  certifiedOn: string | null;
  renewalDueOn: string | null;
  trainingsCompleted: number;
  lastTrainingCompletedOn: string | null;
  lastSupervisionOn: string | null;
  pendingSuggestions: number;
}

/**
 * The team leader's load view of one organisation, in one statement: every active mentor with the
 * organisation's active courses they hold, their granted minutes this ISO week and in the delivery
 * window (the complete weeks before it), the minutes logged in the window (course_minutes), overdue
 * progression reports (the reports' due rule), the current certification, completed trainings, the
 * latest supervision and pending profile suggestions. An organisation without mentors gives one row with a null mentorId;
 * an organisation outside the municipality gives none.
 */
export function workforceStatement(
  municipalityId: string,
  organisationId: string,
  today: string,
): { text: string; values: unknown[]; window: ReturnType<typeof deliveryWindow> } {
  const window = deliveryWindow(today);
  const p = new SqlParams();
  const municipality = `${p.add(municipalityId)}::uuid`;
  const organisation = `${p.add(organisationId)}::uuid`;
  const day = `${p.add(today)}::date`;
  const week = `${p.add(window.weekStart)}::date`;
  const from = `${p.add(window.from)}::date`;
  const to = `${p.add(window.to)}::date`;
  const lastWeek = `${p.add(addDays(window.weekStart, -7))}::date`;
  const supervisionKinds = `${p.add(SUPERVISION_ALERT_KINDS)}::varchar[]`;
  // The organisation's active courses come from course_overview (migration CourseOverview), whose
  // rows carry their grant's period, reporting and minutes history: no join with mentor_grant and no
  // lookup of grant_minutes per course (500 mentors' 5,000 courses, sequentially: 52-58 -> 44 ms).
  // The window's logged minutes come from one range of the municipality's weeks, and the per-mentor
  // sums are made once (MATERIALIZED: inlined, the planner may re-run them for every mentor).
  const text = `WITH load AS MATERIALIZED (
       SELECT co.mentor_id,
              count(*)::int AS courses,
              sum(gx.week)::int AS granted_week,
              sum(gx.period)::int AS granted_window,
              COALESCE(sum(logged.minutes), 0)::int AS delivered_window,
              (count(*) FILTER (WHERE ${NEXT_REPORT_DUE_SQL('co', 'co')} < ${day}))::int AS overdue
         FROM course_overview co
         CROSS JOIN ${GRANTED_WEEKS_AND_PERIOD('co', { week }, from, to, OVERVIEW_MINUTE_PERIODS('co'))} gx
         LEFT JOIN ${LOGGED_WEEKS_BY_COURSE(municipality, from, lastWeek)} logged ON logged.course_id = co.id
        WHERE co.municipality_id = ${municipality} AND co.organisation_id = ${organisation}
          AND co.status = '${CourseStatus.Active}' AND co.mentor_id IS NOT NULL
        GROUP BY co.mentor_id)
     SELECT org.name AS "organisationName", org.kind AS "organisationKind",
            u.id AS "mentorId", u.name, mp.employee_number AS "employeeNumber", mp.email,
            COALESCE(mp.mentor_types, '{}') AS "mentorTypes", to_char(mp.mentor_since, 'YYYY-MM-DD') AS "mentorSince",
            mp.capacity_minutes_per_week AS "capacityMinutesPerWeek",
            COALESCE(l.courses, 0) AS "activeCourses", COALESCE(l.granted_week, 0) AS "grantedMinutesPerWeek",
            COALESCE(l.granted_window, 0) AS "grantedMinutesWindow",
            COALESCE(l.delivered_window, 0) AS "deliveredMinutesWindow", COALESCE(l.overdue, 0) AS "overdueReports",
            to_char(cert.certified_on, 'YYYY-MM-DD') AS "certifiedOn",
            to_char(cert.renewal_due_on, 'YYYY-MM-DD') AS "renewalDueOn",
            COALESCE(tr.completed, 0) AS "trainingsCompleted",
            to_char(tr.last_completed, 'YYYY-MM-DD') AS "lastTrainingCompletedOn",
            to_char(sv.last_held, 'YYYY-MM-DD') AS "lastSupervisionOn",
            COALESCE(sg.pending, 0) AS "pendingSuggestions"
       FROM organisation org
       LEFT JOIN app_user u ON u.municipality_id = org.municipality_id AND u.organisation_id = org.id
                           AND u.role = '${Role.Mentor}' AND u.active
       LEFT JOIN mentor_profile mp ON mp.municipality_id = u.municipality_id AND mp.mentor_id = u.id
       LEFT JOIN load l ON l.mentor_id = u.id
       ${CURRENT_CERTIFICATION('u', day)}
       LEFT JOIN LATERAL (
         SELECT count(*)::int AS completed, max(t.completed_on) AS last_completed FROM mentor_training t
          WHERE t.municipality_id = u.municipality_id AND t.mentor_id = u.id AND t.completed_on IS NOT NULL) tr ON true
       LEFT JOIN LATERAL (
         SELECT max(s.held_on) AS last_held FROM mentor_supervision s
          WHERE s.municipality_id = u.municipality_id AND s.mentor_id = u.id
            AND s.kind = ANY(${supervisionKinds}) AND s.held_on <= ${day}) sv ON true
       LEFT JOIN LATERAL (
         SELECT count(*)::int AS pending FROM profile_suggestion ps
          WHERE ps.municipality_id = u.municipality_id AND ps.mentor_id = u.id
            AND ps.status = '${SuggestionStatus.Pending}') sg ON true
      WHERE org.id = ${organisation} AND org.municipality_id = ${municipality}`;
  return { text, values: p.values, window };
}

/**
 * Run before the load-view statement, in its transaction. The statement goes as a named prepared
 * statement, so PostgreSQL parses it once per connection (the largest organisation, sequentially:
 * 44 -> 34 ms), but is planned for each organisation's values: a generic plan of it, which
 * PostgreSQL would otherwise choose after five runs, reads every course per mentor (4.3 s).
 */
export const WORKFORCE_STATEMENT_SETTINGS: readonly string[] = [
  'SET LOCAL plan_cache_mode = force_custom_plan',
];

/** A row of mentorLoadStatement. */
export interface MentorLoadSqlRow {
  id: string;
  name: string;
  activeCourses: number;
  grantedMinutesPerWeek: number;
  capacityMinutesPerWeek: number | null;
  certifiedOn: string | null;
  renewalDueOn: string | null;
  requireCertification: boolean;
}

/**
 * The active mentors of an organisation by name, each with their active courses, this week's
 * granted minutes, capacity and current certification, and whether the municipality requires
 * certification for assignment: the candidates when a course gets a mentor.
 */
export function mentorLoadStatement(
  municipalityId: string,
  organisationId: string,
  today: string,
): { text: string; values: unknown[] } {
  const p = new SqlParams();
  const municipality = `${p.add(municipalityId)}::uuid`;
  const organisation = `${p.add(organisationId)}::uuid`;
  const day = `${p.add(today)}::date`;
  const week = `${p.add(isoWeekStart(today))}::date`;
  const text = `SELECT u.id, u.name, COALESCE(l.courses, 0) AS "activeCourses",
            COALESCE(l.granted_week, 0) AS "grantedMinutesPerWeek",
            mp.capacity_minutes_per_week AS "capacityMinutesPerWeek",
            to_char(cert.certified_on, 'YYYY-MM-DD') AS "certifiedOn",
            to_char(cert.renewal_due_on, 'YYYY-MM-DD') AS "renewalDueOn",
            m.require_certification_for_assignment AS "requireCertification"
       FROM app_user u
       JOIN municipality m ON m.id = u.municipality_id
       LEFT JOIN mentor_profile mp ON mp.municipality_id = u.municipality_id AND mp.mentor_id = u.id
       LEFT JOIN LATERAL (
         SELECT count(*)::int AS courses, sum(${GRANTED_IN_WEEK('g', week)})::int AS granted_week
           FROM mentor_course co
           JOIN mentor_grant g ON g.municipality_id = co.municipality_id AND g.id = co.grant_id
          WHERE co.municipality_id = u.municipality_id AND co.mentor_id = u.id
            AND co.status = '${CourseStatus.Active}') l ON true
       ${CURRENT_CERTIFICATION('u', day)}
      WHERE u.municipality_id = ${municipality} AND u.organisation_id = ${organisation}
        AND u.role = '${Role.Mentor}' AND u.active
      ORDER BY u.name, u.id`;
  return { text, values: p.values };
}

/**
 * Whether a user is an active mentor of the organisation, with their current certification and the
 * municipality's requirement: what assigning a course checks (grants' checkMentor).
 */
export function assignableMentorStatement(
  municipalityId: string,
  organisationId: string,
  mentorId: string,
  today: string,
): { text: string; values: unknown[] } {
  const p = new SqlParams();
  const text = `SELECT m.require_certification_for_assignment AS "requireCertification",
            to_char(cert.certified_on, 'YYYY-MM-DD') AS "certifiedOn",
            to_char(cert.renewal_due_on, 'YYYY-MM-DD') AS "renewalDueOn"
       FROM app_user u
       JOIN municipality m ON m.id = u.municipality_id
       ${CURRENT_CERTIFICATION('u', `${p.add(today)}::date`)}
      WHERE u.id = ${p.add(mentorId)}::uuid AND u.municipality_id = ${p.add(municipalityId)}::uuid
        AND u.organisation_id = ${p.add(organisationId)}::uuid AND u.role = '${Role.Mentor}' AND u.active`;
  return { text, values: p.values };
}

/** Profile columns of mentor_profile `mp` as the API names them (profile_fields of MentorProfile). */
export const PROFILE_COLUMNS = `mp.employee_number AS "employeeNumber", mp.email, mp.gender, mp.birth_year AS "birthYear",
  mp.education_level AS "educationLevel", mp.professional_background AS "professionalBackground",
  mp.target_group_experience AS "targetGroupExperience",
  mp.target_group_experience_years AS "targetGroupExperienceYears",
  to_char(mp.mentor_since, 'YYYY-MM-DD') AS "mentorSince", COALESCE(mp.mentor_types, '{}') AS "mentorTypes",
  COALESCE(mp.specialisations, '{}') AS specialisations, mp.capacity_minutes_per_week AS "capacityMinutesPerWeek",
  COALESCE(mp.upskilling_wishes, '{}') AS "upskillingWishes"`;

/**
 * One mentor's whole record in one statement: the profile (empty when never saved), the training,
 * certification, upskilling and supervision records, the organisation's recruitment requirements
 * with the hire's assessment, and the profile suggestions. `organisationId` null: any organisation
 * of the municipality.
 */
export function mentorRecordStatement(
  municipalityId: string,
  mentorId: string,
  organisationId: string | null,
): { text: string; values: unknown[] } {
  const text = `SELECT u.id AS "mentorId", u.name, u.username, u.active, u.organisation_id AS "organisationId",
            o.name AS "organisationName", o.kind AS "organisationKind", ${PROFILE_COLUMNS},
            COALESCE(mp.version, 0) AS version, mp.updated_at AS "updatedAt",
            (SELECT COALESCE(json_agg(json_build_object('id', t.id, 'mentorId', t.mentor_id, 'kind', t.kind,
                      'provider', t.provider, 'lengthDays', t.length_days, 'completedOn', t.completed_on,
                      'feltWellEquipped', t.felt_well_equipped, 'version', t.version)
                      ORDER BY t.completed_on DESC NULLS FIRST, t.created_at), '[]')
               FROM mentor_training t WHERE t.municipality_id = u.municipality_id AND t.mentor_id = u.id) AS trainings,
            (SELECT COALESCE(json_agg(json_build_object('id', c.id, 'mentorId', c.mentor_id,
                      'certifiedOn', c.certified_on, 'renewalDueOn', c.renewal_due_on, 'basis', c.basis,
                      'note', c.note, 'certifiedById', c.certified_by, 'certifiedByName', cb.name,
                      'version', c.version) ORDER BY c.certified_on DESC), '[]')
               FROM mentor_certification c JOIN app_user cb ON cb.id = c.certified_by
              WHERE c.municipality_id = u.municipality_id AND c.mentor_id = u.id) AS certifications,
            (SELECT COALESCE(json_agg(json_build_object('id', x.id, 'mentorId', x.mentor_id, 'topic', x.topic,
                      'offeredOn', x.offered_on, 'taken', x.taken, 'version', x.version)
                      ORDER BY x.offered_on DESC, x.topic), '[]')
               FROM mentor_upskilling x WHERE x.municipality_id = u.municipality_id AND x.mentor_id = u.id) AS upskilling,
            (SELECT COALESCE(json_agg(json_build_object('id', s.id, 'mentorId', s.mentor_id, 'kind', s.kind,
                      'heldOn', s.held_on, 'note', s.note, 'version', s.version) ORDER BY s.held_on DESC, s.kind), '[]')
               FROM mentor_supervision s WHERE s.municipality_id = u.municipality_id AND s.mentor_id = u.id) AS supervision,
            (SELECT COALESCE(array_agg(r.competency ORDER BY r.competency), '{}') FROM recruitment_requirement r
              WHERE r.municipality_id = u.municipality_id AND r.organisation_id = u.organisation_id) AS requirements,
            (SELECT COALESCE(json_agg(json_build_object('competency', a.competency, 'met', a.met)
                      ORDER BY a.competency), '[]')
               FROM recruitment_assessment a WHERE a.municipality_id = u.municipality_id AND a.mentor_id = u.id) AS assessments,
            (SELECT COALESCE(json_agg(json_build_object('id', ps.id, 'mentorId', ps.mentor_id, 'mentorName', u.name,
                      'changes', ps.changes, 'status', ps.status, 'note', ps.note, 'createdAt', ps.created_at,
                      'decidedAt', ps.decided_at, 'decidedByName', d.name) ORDER BY ps.created_at DESC), '[]')
               FROM profile_suggestion ps LEFT JOIN app_user d ON d.id = ps.decided_by
              WHERE ps.municipality_id = u.municipality_id AND ps.mentor_id = u.id) AS suggestions
       FROM app_user u
       JOIN organisation o ON o.id = u.organisation_id
       LEFT JOIN mentor_profile mp ON mp.municipality_id = u.municipality_id AND mp.mentor_id = u.id
      WHERE u.id = $1 AND u.municipality_id = $2 AND u.role = '${Role.Mentor}' AND ($3::uuid IS NULL OR u.organisation_id = $3)`;
  return { text, values: [mentorId, municipalityId, organisationId] };
}
