// The SQL each benchmarked request runs, taken from the built API (dist/api/sql.js, built from
// apps/api/src/sql.ts), so the raw-SQL runs time exactly the statements the services send:
//   GET /api/courses, GET /api/courses/:id   courseStatement(), then READ_AUDIT_INSERT (the API batches the
//                                            audit records of concurrent reads; here each read writes its own)
//   POST /api/courses/:id/contacts           contactLogStatement()  (lookup, contact and audit record, one statement)
//   GET /api/organisations/:id/workforce     workforceStatement()  (the team leader's load view, one statement)
// The session lookup is left out: the API caches a live session for SESSION_CACHE_MS (5 s), so with
// the benchmark's 100 tokens it runs about 20 times a second, not once per request.
// Each request is an async function of `db`: db.query(label, sql, params) runs one statement on a
// pooled connection (as TypeORM's DataSource.query does). The pool (rawSqlPoolOptions) connects as the
// API's requests do: as the application role, which row-level security holds, through the API's own
// pool client, which sets each statement's municipality; every request runs as its caller's (asCaller).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { todayInDenmark } from './domain.mjs';
import { root } from '../lib/util.mjs';

const require = createRequire(import.meta.url);
/** @type {typeof import('../../apps/api/src/sql') | undefined} */
let builtSql;
/** dist/api/sql.js, required on first use: run.mjs builds the API after importing this module. */
const sql = () => (builtSql ??= require(join(root, 'dist/api/sql.js')));

const LIST_AUDIT = { action: 'course.list', entityType: 'mentor_course' };
const READ_AUDIT = { action: 'course.read', entityType: 'mentor_course' };

export const requestHash = (...args) => sql().requestHash(...args);

/** pg.Pool options for the raw-SQL side: the API's pool client, as the application role. */
export function rawSqlPoolOptions() {
  return { Client: sql().ResilientPgClient, options: `-c role=${sql().APPLICATION_ROLE}` };
}

/** Runs `fn` as the API runs a request once it knows the caller: in the caller's municipality. */
const asCaller = (caller, fn) => sql().asTenant(caller.municipalityId, fn);

/**
 * What makes a transaction on the superuser's connection run `query` (from courseQuery, contactQuery,
 * workforceQuery or indicatorQuery) as the API runs it: as the application role, which row-level
 * security holds, in the caller's municipality, with the statement's own settings. As [text, values].
 */
export function asCallerInTransaction(query) {
  return [
    [`SET LOCAL ROLE ${sql().APPLICATION_ROLE}`, []],
    [`SELECT set_config('app.municipality_id', $1, true)`, [query.municipalityId]],
    ...(query.settings ?? []).map((setting) => [setting, []]),
  ];
}

/** One statement in a transaction of its own after `settings`, as the API's queryWithSettings sends it. */
function withSettings(db, settings, label, text, params, options) {
  return db.transaction(async (tx) => {
    for (const setting of settings) await tx.query('settings', setting, [], { prepare: false });
    return tx.query(label, text, params, options);
  });
}

/** CoursesService.list's statement (defaults: all but ended, sorted by citizen name), as { sql, params, audit }. */
export function courseQuery(caller, filter) {
  const detail = Boolean(filter.id);
  const statement = sql().courseStatement(caller, { offset: 0, ...filter }, todayInDenmark(), {
    audit: detail ? READ_AUDIT : LIST_AUDIT,
    detail,
  });
  return {
    sql: statement.text,
    params: statement.values,
    audit: statement.audit,
    municipalityId: caller.municipalityId,
  };
}

/**
 * The read's audit record, as ReadAuditWriter writes it, but one per request: the API batches the
 * records of concurrent requests into one statement.
 */
function recordRead(db, caller, audit, rows) {
  const record = sql().readAuditRecord(caller, audit, [...new Set(rows.map((row) => row.citizenId))]);
  return db.query('audit record', sql().READ_AUDIT_INSERT, [JSON.stringify([record])]);
}

/** GET /api/courses?limit=…: the course statement, then its audit record. */
export function listCourses(db, caller, limit) {
  return asCaller(caller, async () => {
    const { sql: text, params, audit } = courseQuery(caller, { limit });
    const rows = (await db.query('course query', text, params)).map(({ row }) => row);
    await recordRead(db, caller, audit, rows);
    return rows;
  });
}

/** GET /api/courses/:id: the course statement (course, grant, minutes, mentor history), then its audit record. */
export function coursePage(db, caller, courseId) {
  return asCaller(caller, async () => {
    const { sql: text, params, audit } = courseQuery(caller, { id: courseId, limit: 1 });
    const rows = (await db.query('course page', text, params)).map(({ row }) => row);
    await recordRead(db, caller, audit, rows);
    if (!rows[0]) throw new Error(`course ${courseId} is not visible to ${caller.username}`);
    return rows[0];
  });
}

/** ContactsService.log's statement (a contact dated today, so never in the future), as { sql, params }. */
export function contactQuery(caller, courseId, dto, idempotencyKey) {
  const statement = sql().contactLogStatement(
    caller,
    courseId,
    dto,
    idempotencyKey,
    requestHash(courseId, dto),
    true,
  );
  return { sql: statement.text, params: statement.values, municipalityId: caller.municipalityId };
}

/** POST /api/courses/:id/contacts with a new Idempotency-Key: ContactsService.log's one statement. */
export async function logContact(db, caller, courseId, dto, key) {
  const { sql: text, params } = contactQuery(caller, courseId, dto, key);
  const [found] = await asCaller(caller, () => db.query('course lookup + contact + audit', text, params));
  if (found.inserted) return found.inserted.id;
  if (found.earlierId) throw new Error(`Idempotency-Key ${key} was used before`);
  if (!found.id) throw new Error(`course ${courseId} is not visible to ${caller.username}`);
  if (found.handoverStatus !== 'acknowledged')
    throw new Error(`course ${courseId}: the handover packet is not acknowledged`);
  throw new Error(`course ${courseId}: the contact was not stored`);
}

/** WorkforceService.table's statement: every mentor of the organisation with their figures, as { sql, params }. */
export function workforceQuery(caller, organisationId) {
  const statement = sql().workforceStatement(caller.municipalityId, organisationId, todayInDenmark());
  return {
    sql: statement.text,
    params: statement.values,
    municipalityId: caller.municipalityId,
    settings: sql().WORKFORCE_STATEMENT_SETTINGS,
  };
}

/**
 * GET /api/organisations/:id/workforce: one statement (the load table; paging, status and alerts in
 * Node), named, in a transaction with WORKFORCE_STATEMENT_SETTINGS, as WorkforceService sends it.
 */
export async function loadView(db, caller, organisationId) {
  const { sql: text, params } = workforceQuery(caller, organisationId);
  const rows = await asCaller(caller, () =>
    withSettings(db, sql().WORKFORCE_STATEMENT_SETTINGS, 'load view', text, params),
  );
  if (rows.length === 0)
    throw new Error(`organisation ${organisationId} is not visible to ${caller.username}`);
  return rows;
}

/** GET /api/reports/indicators's scope for an administrator: the whole municipality, no filters. */
export function indicatorScope(caller, from, to) {
  return {
    municipalityId: caller.municipalityId,
    from,
    to,
    organisationId: null,
    organisationKind: null,
    mentorType: null,
  };
}

const INDICATOR_STATEMENTS = [
  ['citizens', (scope) => sql().citizenIndicatorStatement(scope)],
  ['mentors', (scope) => sql().mentorIndicatorStatement(scope)],
  ['survey responses', (scope) => sql().surveyIndicatorStatement(scope)],
];

/** The citizen statement, the heaviest of the three, as { sql, params } (for EXPLAIN). */
export function indicatorQuery(scope) {
  const statement = sql().citizenIndicatorStatement(scope);
  return {
    sql: statement.text,
    params: statement.values,
    municipalityId: scope.municipalityId,
    settings: sql().INDICATOR_STATEMENT_SETTINGS,
  };
}

/**
 * GET /api/reports/indicators: IndicatorsService's three statements at once, each in its own
 * transaction with INDICATOR_STATEMENT_SETTINGS, unnamed (as TypeORM's query sends them).
 */
export function indicatorReport(db, scope) {
  return asCaller(scope, () =>
    Promise.all(
      INDICATOR_STATEMENTS.map(([label, build]) => {
        const { text, values } = build(scope);
        return withSettings(db, sql().INDICATOR_STATEMENT_SETTINGS, label, text, values, { prepare: false });
      }),
    ),
  );
}
