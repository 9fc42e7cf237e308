// The SQL each benchmarked request runs, statement by statement, copied from the API so the raw-SQL
// runs time exactly what the service asks PostgreSQL (keep in sync when the services change):
//   apps/api/src/auth/session.service.ts        authenticate()   (every authenticated request)
//   apps/api/src/courses/course-queries.ts      the shared pieces
//   apps/api/src/courses/course-visibility.ts   courseVisibility()
//   apps/api/src/courses/courses.service.ts     query(), list(), get()
//   apps/api/src/grants/grants.service.ts       get()
//   apps/api/src/contacts/contacts.service.ts   log()
//   apps/api/src/audit/audit.service.ts         record() (TypeORM's insert of audit_event)
// Each request is an async function of `db`: db.query(label, sql, params) runs one statement on a
// pooled connection (as TypeORM's DataSource.query does); load.mjs also offers db.transaction(fn)
// (START TRANSACTION … COMMIT on one connection, as DataSource.transaction does).
import { createHash } from 'node:crypto';
import { addDays, addMonths, isoWeekStart, todayInDenmark } from './domain.mjs';

const SESSION_IDLE_MINUTES = 30;

/** A contact counts unless it is deleted or replaced by a correction. */
const COUNTED_CONTACT = (alias) =>
  `${alias}.deleted_at IS NULL AND NOT EXISTS (
     SELECT 1 FROM contact cx WHERE cx.corrects_contact_id = ${alias}.id AND cx.deleted_at IS NULL)`;

const GRANTED_IN_WEEK = (grant, weekStart) =>
  `CASE WHEN ${weekStart} + 6 < ${grant}.starts_on OR ${weekStart} > ${grant}.ends_on THEN 0 ELSE COALESCE((
     SELECT gm.minutes_per_week FROM grant_minutes gm
      WHERE gm.grant_id = ${grant}.id AND gm.effective_from <= GREATEST(${weekStart}, ${grant}.starts_on)
      ORDER BY gm.effective_from DESC LIMIT 1), 0) END`;

const LOGGED_IN_WEEK = (course, weekStart) =>
  `(SELECT COALESCE(SUM(ct.minutes), 0)::int FROM contact ct
     WHERE ct.course_id = ${course}.id AND ct.contact_date BETWEEN ${weekStart} AND ${weekStart} + 6
       AND ${COUNTED_CONTACT('ct')})`;

const GRANTED_IN_PERIOD = (grant, from, to) =>
  `(SELECT COALESCE(ROUND(SUM(GREATEST(0,
       LEAST(p.until, ${to}, ${grant}.ends_on) - GREATEST(p.effective_from, ${from}, ${grant}.starts_on) + 1)
       * p.minutes_per_week / 7.0)), 0)::int
     FROM (SELECT gm.effective_from, gm.minutes_per_week,
                  COALESCE(LEAD(gm.effective_from) OVER (ORDER BY gm.effective_from) - 1, 'infinity'::date) AS until
             FROM grant_minutes gm WHERE gm.grant_id = ${grant}.id) p)`;

const LOGGED_IN_PERIOD = (course, from, to) =>
  `(SELECT COALESCE(SUM(ct.minutes), 0)::int FROM contact ct
     WHERE ct.course_id = ${course}.id AND ct.contact_date BETWEEN ${from} AND ${to} AND ${COUNTED_CONTACT('ct')})`;

/** CourseVisibility: the condition, its parameters added to `p`. */
function courseVisibility(p, course, citizen, caller) {
  const municipality = `${course}.municipality_id = ${p.add(caller.municipalityId)}`;
  switch (caller.role) {
    case 'mentor':
      return `(${municipality} AND ${course}.mentor_id = ${p.add(caller.id)})`;
    case 'caseworker':
      return `(${municipality} AND ${citizen}.caseworker_id = ${p.add(caller.id)})`;
    case 'team_leader':
      return `(${municipality} AND ${course}.organisation_id = ${p.add(caller.organisationId)})`;
    default:
      return 'FALSE';
  }
}

class SqlParams {
  values = [];
  add(value) {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export const hashToken = (token) => createHash('sha256').update(token).digest('hex');

/** SessionService.authenticate (its once-a-minute `UPDATE session SET last_seen_at` is left out). */
function authenticate(db, caller) {
  return db.query(
    'session lookup',
    `SELECT s.id AS session_id, s.last_seen_at, u.id, u.role, u.organisation_id, u.municipality_id, u.name
         FROM session s JOIN app_user u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > now()
          AND s.last_seen_at > now() - make_interval(mins => $2) AND u.active`,
    [hashToken(caller.token), SESSION_IDLE_MINUTES],
  );
}

/** CoursesService.query with the list defaults (no status: all but ended; sorted by citizen name). */
export function courseQuery(caller, filter) {
  const today = todayInDenmark();
  const weekStart = isoWeekStart(today);
  const monthStart = `${today.slice(0, 8)}01`;
  const monthEnd = addDays(addMonths(monthStart, 1), -1);
  const p = new SqlParams();
  const week = `${p.add(weekStart)}::date`;
  const lastWeek = `${p.add(addDays(weekStart, -7))}::date`;
  const month = { start: `${p.add(monthStart)}::date`, end: `${p.add(monthEnd)}::date` };
  const conditions = [courseVisibility(p, 'co', 'ci', caller)];
  if (filter.id) conditions.push(`co.id = ${p.add(filter.id)}`);
  else conditions.push(`co.status <> 'ended'`);
  const sql = `SELECT x.*, count(*) OVER () AS total FROM (
         SELECT co.id, g.id AS "grantId", g.citizen_id AS "citizenId", ci.name AS "citizenName", ci.cpr_masked AS "cprMasked",
                g.mentor_type AS "mentorType", co.status, co.mentor_id AS "mentorId", m.name AS "mentorName",
                co.organisation_id AS "organisationId", o.name AS "organisationName",
                to_char(g.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(g.ends_on, 'YYYY-MM-DD') AS "endsOn",
                ci.preferred_meeting_place AS "preferredMeetingPlace", co.end_reason AS "endReason", to_char(co.ended_on, 'YYYY-MM-DD') AS "endedOn", co.version,
                ${GRANTED_IN_WEEK('g', week)} AS "grantedMinutes",
                ${LOGGED_IN_WEEK('co', week)} AS "loggedMinutes",
                ${GRANTED_IN_WEEK('g', lastWeek)} AS "lastWeekGrantedMinutes",
                ${LOGGED_IN_WEEK('co', lastWeek)} AS "lastWeekLoggedMinutes",
                ${GRANTED_IN_PERIOD('g', month.start, month.end)} AS "monthGrantedMinutes",
                ${LOGGED_IN_PERIOD('co', month.start, month.end)} AS "monthDeliveredMinutes",
                (SELECT to_char(MAX(ct.contact_date), 'YYYY-MM-DD') FROM contact ct
                  WHERE ct.course_id = co.id AND ${COUNTED_CONTACT('ct')}) AS "lastContactDate"
           FROM mentor_course co
           JOIN mentor_grant g ON g.id = co.grant_id
           JOIN citizen ci ON ci.id = g.citizen_id
           JOIN organisation o ON o.id = co.organisation_id
           LEFT JOIN app_user m ON m.id = co.mentor_id
          WHERE ${conditions.join(' AND ')}) x
        ORDER BY x."citizenName" ASC NULLS LAST, x.id
        LIMIT ${p.add(filter.limit)} OFFSET ${p.add(filter.offset ?? 0)}`;
  return { sql, params: p.values };
}

let requestCounter = 0;

/** AuditService.record: TypeORM's multi-row insert of audit_event. */
function audit(db, caller, entries) {
  const requestId = `sql-${++requestCounter}`;
  const values = [];
  const tuples = entries.map((entry) => {
    const at = values.length;
    values.push(caller.municipalityId, caller.id, entry.action, entry.citizenId ?? null);
    values.push(entry.entityType ?? null, entry.entityId ?? null, null, requestId);
    const n = (k) => `$${at + k}`;
    return `(DEFAULT, ${n(1)}, ${n(2)}, DEFAULT, ${n(3)}, ${n(4)}, ${n(5)}, ${n(6)}, ${n(7)}, ${n(8)})`;
  });
  return db.query(
    'audit insert',
    `INSERT INTO "audit_event"("id", "municipality_id", "user_id", "at", "action", "citizen_id", "entity_type", "entity_id", "details", "request_id") VALUES ${tuples.join(', ')} RETURNING "id", "at"`,
    values,
  );
}

/** GET /api/courses?limit=…: session, the course query, one audit row per listed course. */
export async function listCourses(db, caller, limit) {
  await authenticate(db, caller);
  const { sql, params } = courseQuery(caller, { limit, offset: 0 });
  const rows = await db.query('course query', sql, params);
  if (rows.length > 0) {
    await audit(
      db,
      caller,
      rows.map((r) => ({
        action: 'course.list',
        citizenId: r.citizenId,
        entityType: 'mentor_course',
        entityId: r.id,
      })),
    );
  }
  return rows;
}

/** GrantsService.get: the grant (visibility from $2), then its minutes. */
async function grant(db, caller, grantId) {
  const p = new SqlParams();
  const id = p.add(grantId);
  const visible = courseVisibility(p, 'co', 'ci', caller);
  const rows = await db.query(
    'grant',
    `SELECT g.id, g.citizen_id AS "citizenId", g.caseworker_id AS "caseworkerId", g.mentor_type AS "mentorType",
              g.purpose, g.tasks, g.goals, to_char(g.starts_on, 'YYYY-MM-DD') AS "startsOn",
              to_char(g.ends_on, 'YYYY-MM-DD') AS "endsOn", g.delivering_organisation_id AS "deliveringOrganisationId",
              o.name AS "deliveringOrganisationName", g.reporting_interval_weeks AS "reportingIntervalWeeks",
              g.renews_grant_id AS "renewsGrantId", co.id AS "courseId", g.version
         FROM mentor_grant g
         JOIN organisation o ON o.id = g.delivering_organisation_id
         JOIN mentor_course co ON co.grant_id = g.id
         JOIN citizen ci ON ci.id = g.citizen_id
        WHERE g.id = ${id} AND ${visible}`,
    p.values,
  );
  if (!rows[0]) throw new Error(`grant ${grantId} not found`);
  return db.query(
    'grant minutes',
    `SELECT gm.minutes_per_week AS "minutesPerWeek", to_char(gm.effective_from, 'YYYY-MM-DD') AS "effectiveFrom",
              gm.created_at AS "createdAt", u.name AS "createdByName"
         FROM grant_minutes gm JOIN app_user u ON u.id = gm.created_by
        WHERE gm.grant_id = $1 ORDER BY gm.effective_from`,
    [grantId],
  );
}

/** GET /api/courses/:id: session, the course query by id, grant + minutes beside the mentor history, audit. */
export async function coursePage(db, caller, courseId) {
  await authenticate(db, caller);
  const { sql, params } = courseQuery(caller, { id: courseId, limit: 1, offset: 0 });
  const [row] = await db.query('course query', sql, params);
  if (!row) throw new Error(`course ${courseId} is not visible to ${caller.username}`);
  await Promise.all([
    grant(db, caller, row.grantId),
    db.query(
      'mentor history',
      `SELECT p.mentor_id AS "mentorId", u.name AS "mentorName", to_char(p.from_date, 'YYYY-MM-DD') AS "fromDate",
                to_char(p.to_date, 'YYYY-MM-DD') AS "toDate"
           FROM course_mentor_period p JOIN app_user u ON u.id = p.mentor_id
          WHERE p.course_id = $1 ORDER BY p.from_date, p.created_at`,
      [courseId],
    ),
  ]);
  await audit(db, caller, [
    { action: 'course.read', citizenId: row.citizenId, entityType: 'mentor_course', entityId: courseId },
  ]);
  return row;
}

/** ContactsService's requestHash: the contact's fields in a fixed order. */
export function requestHash(courseId, dto) {
  const canonical = [
    courseId,
    dto.contactDate,
    dto.startTime,
    dto.minutes,
    dto.form,
    dto.showedUp,
    [...dto.topics].sort(),
    [...dto.help].sort(),
    dto.note ?? null,
    dto.transportMinutes ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** ContactsService.log's first statement: the visible course, its week budget, an earlier contact under the key. */
export function contactLookupQuery(caller, courseId, contactDate, idempotencyKey) {
  const p = new SqlParams();
  const id = p.add(courseId);
  const week = `${p.add(isoWeekStart(contactDate))}::date`;
  const key = p.add(idempotencyKey ?? null);
  const callerId = p.add(caller.id);
  const municipality = p.add(caller.municipalityId);
  const visible = courseVisibility(p, 'co', 'ci', caller);
  return {
    sql: `SELECT c.*, e.id AS "earlierId", e.request_hash AS "earlierHash"
         FROM (SELECT 1) one
         LEFT JOIN LATERAL (
           SELECT co.id, g.citizen_id AS "citizenId", co.status, co.mentor_id AS "mentorId",
                  to_char(g.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(g.ends_on, 'YYYY-MM-DD') AS "endsOn",
                  ${GRANTED_IN_WEEK('g', week)} AS "weekGranted", ${LOGGED_IN_WEEK('co', week)} AS "weekLogged"
             FROM mentor_course co JOIN mentor_grant g ON g.id = co.grant_id JOIN citizen ci ON ci.id = g.citizen_id
            WHERE co.id = ${id} AND ${visible}) c ON TRUE
         LEFT JOIN LATERAL (
           SELECT e.id, e.request_hash FROM contact e
            WHERE e.municipality_id = ${municipality}::uuid AND e.created_by = ${callerId}::uuid
              AND e.idempotency_key = ${key}::varchar) e ON TRUE`,
    params: p.values,
  };
}

/** POST /api/courses/:id/contacts with a new Idempotency-Key: ContactsService.log (two statements). */
export async function logContact(db, caller, courseId, dto, key) {
  await authenticate(db, caller);
  const hash = requestHash(courseId, dto);
  const lookup = contactLookupQuery(caller, courseId, dto.contactDate, key);
  const [found] = await db.query('course, budget and key lookup', lookup.sql, lookup.params);
  if (found?.earlierId) throw new Error(`Idempotency-Key ${key} was used before`);
  if (!found?.id) throw new Error(`course ${courseId} is not visible to ${caller.username}`);
  const [inserted] = await db.query(
    'contact + audit insert',
    `WITH inserted AS (
         INSERT INTO contact (municipality_id, course_id, contact_date, start_time, minutes, form, showed_up, topics, help,
                              note, transport_minutes, idempotency_key, request_hash, created_by, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1)
         ON CONFLICT (municipality_id, created_by, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
         RETURNING id, course_id AS "courseId", to_char(contact_date, 'YYYY-MM-DD') AS "contactDate",
                   to_char(start_time, 'HH24:MI') AS "startTime", minutes, form, showed_up AS "showedUp", topics, help,
                   note, transport_minutes AS "transportMinutes", corrects_contact_id AS "correctsContactId",
                   created_by AS "createdBy", created_at AS "createdAt", updated_at AS "updatedAt",
                   deleted_at AS "deletedAt", version
       ), audited AS (
         INSERT INTO audit_event (municipality_id, user_id, action, citizen_id, entity_type, entity_id, request_id)
         SELECT $1, $14, 'contact.create', $15, 'contact', id, $16 FROM inserted
       )
       SELECT * FROM inserted`,
    [
      caller.municipalityId,
      courseId,
      dto.contactDate,
      dto.startTime,
      dto.minutes,
      dto.form,
      dto.showedUp,
      dto.topics,
      dto.help,
      dto.note?.trim() || null,
      dto.transportMinutes ?? null,
      key,
      hash,
      caller.id,
      found.citizenId,
      `sql-${++requestCounter}`,
    ],
  );
  if (!inserted) throw new Error(`Idempotency-Key ${key} conflicted`);
  return inserted.id;
}
