import {
  addDays,
  CONTACT_TOPICS,
  ContactForm,
  CourseStatus,
  HelpGiven,
  isoWeekStart,
  MentorType,
  OrganisationKind,
  Role,
} from '@mentor/domain';
import { SqlParams } from '../common/sql-params';
import {
  type CitizenRow,
  computeIndicators,
  type Count,
  type MentorRow,
  type ResponseRow,
} from './indicator-compute';

/**
 * The statements behind the indicator report, pure so that the benchmark and `npm run
 * study:reproduce` run exactly what the API runs. Each sums the records of one population (citizens,
 * mentors, survey responses) per person or response; indicator-compute.ts does the rest.
 */

/** Whose records a report covers: one municipality, a period, and the filters (already scoped to the caller). */
export interface IndicatorScope {
  municipalityId: string;
  from: string;
  to: string;
  organisationId: string | null;
  organisationKind: OrganisationKind | null;
  mentorType: MentorType | null;
}

export interface Statement {
  text: string;
  values: unknown[];
}

const IN_PERSON_ELSEWHERE = [
  ContactForm.InPersonJobcentre,
  ContactForm.InPersonProvider,
  ContactForm.InPersonElsewhere,
];
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** The organisation filters, on the statement's organisation alias `o` and the row's organisation column. */
function organisationFilter(p: SqlParams, scope: IndicatorScope, column: string): string {
  const organisation = p.add(scope.organisationId);
  const kind = p.add(scope.organisationKind);
  return `(${organisation}::uuid IS NULL OR ${column} = ${organisation}::uuid)
         AND (${kind}::varchar IS NULL OR o.kind = ${kind})`;
}

/**
 * The ISO weeks the period touches (their Mondays, `first` to `last`) and the days of those weeks
 * outside the period: the weeks are read from course_contact_stats, and the contacts on the outside
 * days taken off again (none to read when the outside days have no contact, as when `to` is today).
 */
export function periodWeeks(from: string, to: string) {
  const first = isoWeekStart(from);
  const last = isoWeekStart(to);
  return {
    first,
    last,
    // Empty ranges (from > to) when the period starts on a Monday or ends on a Sunday.
    head: { from: first, to: addDays(from, -1) },
    tail: { from: addDays(to, 1), to: addDays(last, 6) },
  };
}

const HOME = `ct.form = '${ContactForm.InPersonHome}'`;
const ELSEWHERE = `ct.form IN (${list(IN_PERSON_ELSEWHERE)})`;
const REMOTE = `NOT (${HOME} OR ${ELSEWHERE})`;
const FORMS = [HOME, ELSEWHERE, REMOTE];
const hasTopic = (topic: string) => `'${topic}' = ANY(ct.topics)`;
const countIf = (condition: string) => `count(*) FILTER (WHERE ${condition})`;
const minutesIf = (condition: string) => `COALESCE(sum(ct.minutes) FILTER (WHERE ${condition}), 0)`;

/** course_contact_stats' figures of a group of contacts `ct` (as its trigger counts them), times `sign`. */
const contactFigures = (sign: 1 | -1) => {
  const signed = (expression: string) => (sign === 1 ? expression : `-(${expression})`);
  return `${signed('count(*)')}::int AS contacts, ${signed('sum(ct.minutes)')}::int AS minutes,
  ARRAY[${FORMS.map((f) => signed(countIf(f))).join(', ')}]::int[] AS form_contacts,
  ARRAY[${FORMS.map((f) => signed(minutesIf(f))).join(', ')}]::int[] AS form_minutes,
  ARRAY[${CONTACT_TOPICS.map((t) => signed(countIf(hasTopic(t)))).join(', ')}]::int[] AS topic_contacts,
  ARRAY[${CONTACT_TOPICS.map((t) => signed(minutesIf(hasTopic(t)))).join(', ')}]::int[] AS topic_minutes,
  ${signed(countIf(`'${HelpGiven.PersonalChallenges}' = ANY(ct.help)`))}::int AS help_personal,
  ${signed(countIf(`'${HelpGiven.ClarifyingResources}' = ANY(ct.help)`))}::int AS help_resources`;
};

/** Element-wise sums of an int[] column of `n` elements, as an int[]. */
const sumArray = (column: string, n: number) =>
  `ARRAY[${Array.from({ length: n }, (_, i) => `sum(${column}[${i + 1}])`).join(', ')}]::int[]`;

/** The sums of the figure columns of the alias `t`, under the same names. */
const sumFigures = (t: string) => `sum(${t}.contacts)::int AS contacts, sum(${t}.minutes)::int AS minutes,
  ${sumArray(`${t}.form_contacts`, 3)} AS form_contacts, ${sumArray(`${t}.form_minutes`, 3)} AS form_minutes,
  ${sumArray(`${t}.topic_contacts`, CONTACT_TOPICS.length)} AS topic_contacts,
  ${sumArray(`${t}.topic_minutes`, CONTACT_TOPICS.length)} AS topic_minutes,
  sum(${t}.help_personal)::int AS help_personal, sum(${t}.help_resources)::int AS help_resources`;

/**
 * One row per citizen in mentor support in the period (a course, not planned, whose grant overlaps
 * it): their latest course's mentor type and organisation kind, the days of active course in the
 * period, and their counted, attended contacts in the period by form category, topic and help.
 */
export function citizenIndicatorStatement(scope: IndicatorScope): Statement {
  const p = new SqlParams();
  const municipality = p.add(scope.municipalityId);
  const from = `${p.add(scope.from)}::date`;
  const to = `${p.add(scope.to)}::date`;
  const type = p.add(scope.mentorType);
  const organisations = organisationFilter(p, scope, 'co.organisation_id');
  const weeks = periodWeeks(scope.from, scope.to);
  const day = (value: string) => `${p.add(value)}::date`;
  const [firstWeek, lastWeek] = [day(weeks.first), day(weeks.last)];
  const [headFrom, headTo, tailFrom, tailTo] = [
    day(weeks.head.from),
    day(weeks.head.to),
    day(weeks.tail.from),
    day(weeks.tail.to),
  ];
  return {
    text: `WITH course_in AS (
      SELECT co.id, g.citizen_id, g.mentor_type, g.starts_on, g.ends_on, o.kind,
             GREATEST(0, LEAST(g.ends_on, co.ended_on, ${to}) - GREATEST(g.starts_on, ${from}) + 1) AS active_days
        FROM mentor_course co
        JOIN mentor_grant g ON g.id = co.grant_id
        JOIN organisation o ON o.id = co.organisation_id
       WHERE co.municipality_id = ${municipality} AND co.status <> '${CourseStatus.Planned}'
         AND g.starts_on <= ${to} AND LEAST(g.ends_on, co.ended_on) >= ${from}
         AND (${type}::varchar IS NULL OR g.mentor_type = ${type})
         AND ${organisations}
    ), figures AS (
      SELECT c.citizen_id, ${sumFigures('s')}
        FROM course_in c
        JOIN course_contact_stats s ON s.municipality_id = ${municipality} AND s.course_id = c.id
                                   AND s.week_start BETWEEN ${firstWeek} AND ${lastWeek}
       GROUP BY c.citizen_id
      UNION ALL
      -- The contacts of the first and last week that fall outside the period, taken off again; only
      -- for courses whose week says it has some.
      SELECT c.citizen_id, e.*
        FROM course_in c
        CROSS JOIN LATERAL (
          SELECT ${contactFigures(-1)}
            FROM contact ct
           WHERE ct.course_id = c.id
             AND (ct.contact_date BETWEEN ${headFrom} AND ${headTo} OR ct.contact_date BETWEEN ${tailFrom} AND ${tailTo})
             AND ct.municipality_id = ${municipality} AND ct.showed_up AND ct.deleted_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM contact cx WHERE cx.corrects_contact_id = ct.id AND cx.deleted_at IS NULL)
          HAVING count(*) > 0) e
       WHERE EXISTS (
         SELECT 1 FROM course_contact_stats s
          WHERE s.municipality_id = ${municipality} AND s.course_id = c.id
            AND ((s.week_start = ${firstWeek} AND s.first_contact_on < ${from})
              OR (s.week_start = ${lastWeek} AND s.last_contact_on > ${to})))
    ), contacts AS (
      SELECT citizen_id, ${sumFigures('f')} FROM figures f GROUP BY citizen_id
    ), latest AS (
      SELECT DISTINCT ON (citizen_id) citizen_id, mentor_type, kind
        FROM course_in ORDER BY citizen_id, starts_on DESC, id DESC
    ), days AS (
      SELECT citizen_id, sum(active_days)::int AS active_days FROM course_in GROUP BY citizen_id
    )
    SELECT l.mentor_type = '${MentorType.Holistic}' AS holistic,
           l.kind = '${OrganisationKind.InternalCentre}' AS internal,
           d.active_days AS "activeDays",
           COALESCE(a.minutes, 0) AS minutes,
           -- As JSON: node-postgres parses a JSON array natively, a PostgreSQL array character by
           -- character in JavaScript (national benchmark: 100 -> 40 ms of the API's CPU per report).
           to_json(COALESCE(a.form_contacts, '{0,0,0}')) AS "formCounts",
           to_json(COALESCE(a.form_minutes, '{0,0,0}')) AS "formMinutes",
           to_json(COALESCE(a.topic_contacts, '{}')) AS "topicCounts",
           to_json(COALESCE(a.topic_minutes, '{}')) AS "topicMinutes",
           COALESCE(a.help_personal, 0) > 0 AS "helpPersonal",
           COALESCE(a.help_resources, 0) > 0 AS "helpResources"
      FROM latest l JOIN days d USING (citizen_id) LEFT JOIN contacts a USING (citizen_id)`,
    values: p.values,
  };
}

/**
 * One row per active mentor of the scope: the profile, the onboarding (the first training completed
 * by the period's end), upskilling offered and taken in the period, and the kinds of supervision held
 * in it. The mentor-type filter keeps mentors whose profile lists the type.
 */
export function mentorIndicatorStatement(scope: IndicatorScope): Statement {
  const p = new SqlParams();
  const municipality = p.add(scope.municipalityId);
  const from = `${p.add(scope.from)}::date`;
  const to = `${p.add(scope.to)}::date`;
  const type = p.add(scope.mentorType);
  const organisations = organisationFilter(p, scope, 'u.organisation_id');
  return {
    text: `SELECT o.kind = '${OrganisationKind.InternalCentre}' AS internal,
           pr.gender, pr.birth_year AS "birthYear", pr.education_level AS "educationLevel",
           COALESCE(pr.mentor_types, '{}') AS "mentorTypes",
           pr.target_group_experience AS "targetGroupExperience",
           pr.target_group_experience_years AS "targetGroupExperienceYears",
           to_char(pr.mentor_since, 'YYYY-MM-DD') AS "mentorSince",
           ob.onboarding,
           up.offered AS "offeredInPeriod", up.last_offer AS "lastOfferOn", up.taken AS "takenTopics",
           sv.kinds AS "supervisionKinds"
      FROM app_user u
      JOIN organisation o ON o.id = u.organisation_id
      LEFT JOIN mentor_profile pr ON pr.municipality_id = u.municipality_id AND pr.mentor_id = u.id
      LEFT JOIN LATERAL (
        SELECT json_build_object('kind', t.kind, 'lengthDays', t.length_days, 'feltWellEquipped', t.felt_well_equipped) AS onboarding
          FROM mentor_training t
         WHERE t.municipality_id = u.municipality_id AND t.mentor_id = u.id AND t.completed_on <= ${to}
         ORDER BY t.completed_on, t.id LIMIT 1) ob ON TRUE
      LEFT JOIN LATERAL (
        SELECT count(*) > 0 AS offered, to_char(max(us.offered_on), 'YYYY-MM-DD') AS last_offer,
               COALESCE(array_agg(DISTINCT us.topic) FILTER (WHERE us.taken), '{}') AS taken
          FROM mentor_upskilling us
         WHERE us.municipality_id = u.municipality_id AND us.mentor_id = u.id
           AND us.offered_on BETWEEN ${from} AND ${to}) up ON TRUE
      LEFT JOIN LATERAL (
        SELECT COALESCE(array_agg(DISTINCT s.kind), '{}') AS kinds
          FROM mentor_supervision s
         WHERE s.municipality_id = u.municipality_id AND s.mentor_id = u.id
           AND s.held_on BETWEEN ${from} AND ${to}) sv ON TRUE
     WHERE u.municipality_id = ${municipality} AND u.role = '${Role.Mentor}' AND u.active
       AND (${type}::varchar IS NULL OR pr.mentor_types @> ARRAY[${type}]::varchar[])
       AND ${organisations}`,
    values: p.values,
  };
}

/**
 * The survey responses dated in the period, of the scope; a respondent who answered their own
 * questionnaire more than once in the period counts once, with their latest answers. The
 * mentor-type filter keeps responses recorded with that type (never a recruiter's).
 */
export function surveyIndicatorStatement(scope: IndicatorScope): Statement {
  const p = new SqlParams();
  const municipality = p.add(scope.municipalityId);
  const from = `${p.add(scope.from)}::date`;
  const to = `${p.add(scope.to)}::date`;
  const type = p.add(scope.mentorType);
  const organisations = organisationFilter(p, scope, 'r.organisation_id');
  return {
    text: `SELECT DISTINCT ON (r.kind, COALESCE(r.respondent_id, r.id)) r.kind, r.answers
      FROM survey_response r
      JOIN organisation o ON o.id = r.organisation_id
     WHERE r.municipality_id = ${municipality} AND r.answered_on BETWEEN ${from} AND ${to}
       AND (${type}::varchar IS NULL OR r.mentor_type = ${type})
       AND ${organisations}
     ORDER BY r.kind, COALESCE(r.respondent_id, r.id), r.answered_on DESC, r.created_at DESC`,
    values: p.values,
  };
}

/** Runs one statement and returns its rows (DataSource.query, or a pg client's query). */
export type RunStatement = (text: string, values: unknown[]) => Promise<unknown[]>;

/** The three statements, at once, and every indicator's numerator and denominator. */
export async function indicatorCounts(
  run: RunStatement,
  scope: IndicatorScope,
): Promise<Record<string, Count>> {
  const [citizens, mentors, responses] = await Promise.all(
    [citizenIndicatorStatement, mentorIndicatorStatement, surveyIndicatorStatement].map((statement) => {
      const { text, values } = statement(scope);
      return run(text, values);
    }),
  );
  return computeIndicators(
    {
      citizens: citizens as CitizenRow[],
      mentors: mentors as MentorRow[],
      responses: responses as ResponseRow[],
    },
    scope.to,
  );
}

/**
 * Run before each statement, in its transaction. The statements are planned with costs above
 * PostgreSQL's JIT threshold, and compiling them takes longer than running them (≈ 0.5 s).
 */
export const INDICATOR_STATEMENT_SETTINGS: readonly string[] = ['SET LOCAL jit = off'];
