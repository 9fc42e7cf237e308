// National-scale benchmark: `node bench/national/run.mjs [--skip-generate]`, or `BENCH_NATIONAL=1 npm run bench`.
// Generates 98 municipalities, 5,000 mentors, 60,000 citizens and 5,000,000 contacts (BENCH_SCALE
// scales them) into `mentor_bench_national` on the PostgreSQL server, starts the built API on it and
// loads six scenarios with autocannon, each beside the same SQL straight through pg. Writes
// bench/results/national.json. Knobs: bench/README.md.
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { buildApi } from '../../tools/build-api.mjs';
import { ensureBuilt } from '../../tools/ensure-built.mjs';
import { startApp } from '../lib/app.mjs';
import { cpuMeter, describeCpu } from '../lib/cpu.mjs';
import { cleanupAll, finish, interrupted, onCleanup } from '../lib/cleanup.mjs';
import { login, percentile } from '../lib/load.mjs';
import { printTable } from '../lib/report.mjs';
import { envNumber, freePort, heading, ms, root, sleep } from '../lib/util.mjs';
import { addDays, addMonths, CPR_KEYS, ENUMS, prng, todayInDenmark } from './domain.mjs';
import { databaseUrl, describe, generate } from './generate.mjs';
import { loadApi, loadSql } from './load.mjs';
import {
  asCallerInTransaction,
  contactQuery,
  courseQuery,
  coursePage,
  indicatorQuery,
  indicatorReport,
  indicatorScope,
  listCourses,
  loadView,
  logContact,
  rawSqlPoolOptions,
  workforceQuery,
} from './queries.mjs';

const TARGET_READ_P95_MS = 50;
const TARGET_CONTACTS_PER_S = 1000;
const TARGET_WORKFORCE_P95_MS = 100;
const TARGET_INDICATORS_P95_MS = 1000;

const args = new Set(process.argv.slice(2));
const settings = {
  databaseServer: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  database: process.env.BENCH_NATIONAL_DB || 'mentor_bench_national',
  scale: envNumber('BENCH_SCALE', 1),
  seed: Math.round(envNumber('BENCH_SEED', 1)),
  generateJobs: Math.max(1, Math.round(envNumber('BENCH_GEN_JOBS', cpus().length))),
  skipGenerate: args.has('--skip-generate'),
  durationS: envNumber('BENCH_DURATION', 20),
  connections: Math.round(envNumber('BENCH_CONNECTIONS', 50)),
  warmupS: envNumber('BENCH_WARMUP', 2),
  timeoutS: envNumber('BENCH_TIMEOUT', 10),
  mentors: Math.round(envNumber('BENCH_NATIONAL_MENTORS', 100)),
  caseworkers: Math.round(envNumber('BENCH_NATIONAL_CASEWORKERS', 50)),
  teamLeaders: Math.round(envNumber('BENCH_NATIONAL_TEAM_LEADERS', 10)),
  // The load view is a team leader's page: a few of one organisation's team leaders at once.
  workforceConnections: Math.round(envNumber('BENCH_WORKFORCE_CONNECTIONS', 2)),
  // The indicator report is an administrator's page: a couple of them at once.
  indicatorConnections: Math.round(envNumber('BENCH_INDICATOR_CONNECTIONS', 2)),
  scenarios: (process.env.BENCH_SCENARIOS || 'a,b,c,d,e,f').split(',').map((id) => id.trim()),
  probeLimitS: envNumber('BENCH_PROBE_LIMIT', 2),
};
const dbUrl = databaseUrl(settings.databaseServer, settings.database);
const redact = (url) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

const results = {
  date: new Date().toISOString(),
  machine: {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model?.trim() ?? 'unknown',
    loadAverageAtStart: loadavg(),
  },
  settings: { ...settings, databaseServer: redact(settings.databaseServer) },
  targets: {
    readP95Ms: TARGET_READ_P95_MS,
    contactsPerSecond: TARGET_CONTACTS_PER_S,
    workforceP95Ms: TARGET_WORKFORCE_P95_MS,
    indicatorsP95Ms: TARGET_INDICATORS_P95_MS,
  },
  api: null,
  generation: null,
  dataset: null,
  logins: null,
  scenarios: [],
  contactCheck: null,
  warnings: [],
  errors: [],
};

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;
const triple = (l) => `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)}`;
const mark = (ok) => (ok ? '✓' : '✗');

function warn(message) {
  results.warnings.push(message);
  console.log(`  [!] ${message}`);
}

/** dist/api brought up to date as `npm start` would (API only); a failing build falls back to dist/api as it is. */
async function ensureApiBuilt() {
  const main = join(root, 'dist/api/main.js');
  if (!existsSync(main) || !existsSync(join(root, 'dist/api/db-cli.js'))) {
    console.log('dist/api is missing: building it (tools/build-api.mjs) ...');
    await buildApi();
  } else {
    try {
      await ensureBuilt({ web: false });
    } catch (error) {
      warn(`rebuilding the API failed (${error.message.split('\n')[0]}); using dist/api as it is`);
    }
  }
  results.api = { builtAt: statSync(main).mtime.toISOString() };
  console.log(`API: dist/api/main.js built ${results.api.builtAt}`);
}

async function prepareDataset() {
  if (settings.skipGenerate) {
    heading(`1. Dataset: reusing ${settings.database} (--skip-generate)`);
    const client = new pg.Client({ connectionString: dbUrl });
    try {
      await client.connect();
      await client.query('SELECT 1 FROM contact LIMIT 1');
    } catch (error) {
      throw new Error(`--skip-generate, but ${settings.database} is not usable: ${error.message}`);
    } finally {
      await client.end().catch(() => undefined);
    }
    // Contacts of earlier runs would grow the dataset run by run.
    const cleanup = new pg.Client({ connectionString: dbUrl });
    await cleanup.connect();
    // Without an index on contact.corrects_contact_id each deleted row's foreign-key check would scan
    // the whole table; nothing refers to these contacts, so the session skips the FK triggers.
    await cleanup.query(`SET session_replication_role = replica`);
    await cleanup.query(`CREATE TEMP TABLE removed (course_id uuid, contact_date date)`);
    const removed = await cleanup.query(
      `WITH gone AS (DELETE FROM contact WHERE idempotency_key LIKE 'bench-%' RETURNING course_id, contact_date)
       INSERT INTO removed SELECT course_id, contact_date FROM gone`,
    );
    await cleanup.query(`SET session_replication_role = DEFAULT`);
    // Replica mode skipped the contact triggers too: their courses' weeks and months, last contact
    // dates and indicator statistics are counted again, by the functions the triggers use for a
    // deletion. (Recounting every course, rebuild_course_totals(), rewrote every course_minutes row
    // and scattered a week's rows over eight times the pages, which slowed the load view's range read.)
    if (removed.rowCount > 0)
      await cleanup.query(
        `SELECT refresh_course_totals(course_id, days), refresh_course_contact_stats(course_id, days)
           FROM (SELECT course_id, array_agg(DISTINCT contact_date) AS days FROM removed GROUP BY course_id) r`,
      );
    await cleanup.query('DELETE FROM session');
    if (removed.rowCount > 0) await settle(cleanup);
    const { rows } = await cleanup.query(
      `SELECT shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname = current_database()`,
    );
    await cleanup.end();
    console.log(`Removed ${fmt(removed.rowCount)} contacts logged by earlier runs, and their sessions.`);
    try {
      results.generatedWith = JSON.parse(rows[0]?.note ?? 'null');
    } catch {
      results.generatedWith = null;
    }
    if (results.generatedWith) {
      console.log(`Generated ${results.generatedWith.generatedAt} at scale ${results.generatedWith.scale}.`);
      settings.scale = results.generatedWith.scale;
      results.settings.scale = settings.scale;
    }
  } else {
    heading(`1. Dataset: generating at scale ${settings.scale} (${settings.generateJobs} contact jobs)`);
    results.generation = await generate({
      adminUrl: settings.databaseServer,
      dbName: settings.database,
      scale: settings.scale,
      seed: settings.seed,
      jobs: settings.generateJobs,
    });
  }
  // The data's shape takes a minute to compute over the contacts: once, kept with the database.
  const described = await describe(dbUrl, results.generatedWith?.shape);
  results.dataset = described;
  if (!settings.skipGenerate) {
    results.generatedWith = {
      scale: settings.scale,
      seed: settings.seed,
      generatedAt: new Date().toISOString(),
      shape: described.shape,
    };
    const note = JSON.stringify(results.generatedWith).replace(/'/g, "''");
    await withClient((client) => client.query(`COMMENT ON DATABASE "${settings.database}" IS '${note}'`));
  }
  console.log('');
  console.log(`${'table'.padEnd(22)} ${'rows'.padStart(11)} ${'size'.padStart(9)}`);
  for (const [table, { rows, bytes }] of Object.entries(described.sizes)) {
    console.log(`${table.padEnd(22)} ${fmt(rows).padStart(11)} ${mb(bytes).padStart(9)}`);
  }
  const s = described.shape;
  console.log(`database size ${mb(s.databaseBytes)}`);
  console.log(
    `users by role: ${JSON.stringify(s.usersByRole)}; organisations: ${JSON.stringify(s.organisations)}`,
  );
  console.log(`courses by status: ${JSON.stringify(s.coursesByStatus)}`);
  console.log(
    `courses per mentor avg ${s.coursesPerMentor.avg} (min ${s.coursesPerMentor.min}, max ${s.coursesPerMentor.max}); ` +
      `citizens per caseworker avg ${s.citizensPerCaseworker.avg}`,
  );
  console.log(
    `grants under 60 min/week: ${(s.grantsUnder60MinPerWeek * 100).toFixed(1)} %; ` +
      `course-weeks with contacts under 60 min: ${(s.weeksWithContactsUnder60Min * 100).toFixed(1)} %`,
  );
  console.log(
    `contact forms: ${Object.entries(s.contactForms)
      .map(([form, share]) => `${form} ${(share * 100).toFixed(1)} %`)
      .join(', ')}`,
  );
  console.log(`contacts deleted ${fmt(s.contactsDeleted)}, corrections ${fmt(s.contactsCorrections)}`);
}

async function withClient(fn) {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Mentors with courses (and active ones covering today), and caseworkers with a caseload, at random. */
async function pickUsers() {
  return withClient(async (client) => {
    const today = todayInDenmark();
    const { rows: mentors } = await client.query(
      `SELECT u.id, u.username, u.role, u.municipality_id AS "municipalityId", u.organisation_id AS "organisationId",
              array_agg(co.id::text ORDER BY co.id) AS courses,
              array_agg(co.id::text ORDER BY co.id) FILTER (
                WHERE co.status = 'active' AND g.starts_on <= $1::date AND g.ends_on >= $1::date) AS active
         FROM app_user u JOIN mentor_course co ON co.mentor_id = u.id JOIN mentor_grant g ON g.id = co.grant_id
        WHERE u.role = 'mentor' AND u.active
        GROUP BY u.id, u.municipality_id
       HAVING count(*) FILTER (WHERE co.status = 'active' AND g.starts_on <= $1::date AND g.ends_on >= $1::date) > 0
        ORDER BY md5(u.id::text || $2) LIMIT $3`,
      [today, String(settings.seed), settings.mentors],
    );
    const { rows: caseworkers } = await client.query(
      `SELECT u.id, u.username, u.role, u.municipality_id AS "municipalityId", u.organisation_id AS "organisationId",
              count(ci.id)::int AS citizens
         FROM app_user u JOIN citizen ci ON ci.caseworker_id = u.id
        WHERE u.role = 'caseworker' AND u.active
        GROUP BY u.id, u.municipality_id ORDER BY md5(u.id::text || $1) LIMIT $2`,
      [String(settings.seed), settings.caseworkers],
    );
    // The team leaders of the organisation with the most mentors (the generator makes it 500 at scale 1).
    const { rows: teamLeaders } = await client.query(
      `WITH big AS (
         SELECT organisation_id, count(*)::int AS mentors FROM app_user
          WHERE role = 'mentor' AND active GROUP BY organisation_id ORDER BY count(*) DESC, organisation_id LIMIT 1)
       SELECT u.id, u.username, u.role, u.municipality_id AS "municipalityId", u.organisation_id AS "organisationId",
              big.mentors
         FROM app_user u JOIN big ON big.organisation_id = u.organisation_id
        WHERE u.role = 'team_leader' AND u.active ORDER BY md5(u.id::text || $1) LIMIT $2`,
      [String(settings.seed), settings.teamLeaders],
    );
    // The administrator of the municipality with the most contacts: the indicator report's largest case.
    const { rows: admins } = await client.query(
      `WITH big AS (
         SELECT municipality_id FROM contact GROUP BY municipality_id ORDER BY count(*) DESC, municipality_id LIMIT 1)
       SELECT u.id, u.username, u.role, u.municipality_id AS "municipalityId", u.organisation_id AS "organisationId",
              (SELECT count(*)::int FROM contact c WHERE c.municipality_id = big.municipality_id) AS contacts
         FROM app_user u JOIN big ON big.municipality_id = u.municipality_id
        WHERE u.role = 'admin' AND u.active ORDER BY u.username LIMIT 1`,
    );
    return { mentors, caseworkers, teamLeaders, admins };
  });
}

/** Signs every user in through POST /api/auth/login (4 at a time); adds `token`. */
async function signIn(baseUrl, users) {
  const times = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < users.length && !interrupted()) {
        const user = users[next++];
        const t = performance.now();
        user.token = await login(baseUrl, user.username, 'demo');
        times.push(performance.now() - t);
      }
    }),
  );
  times.sort((a, b) => a - b);
  const seconds = (performance.now() - started) / 1000;
  return { count: users.length, seconds, perSecond: users.length / seconds, p50Ms: percentile(times, 50) };
}

/**
 * Waits until the bench database has been quiet for 2 s (no session but ours active or idle in a
 * transaction): requests still in flight after a run, or queued in the app for a pooled connection,
 * would otherwise land in the next measurement.
 */
async function drain(client, label) {
  const started = performance.now();
  let quietSince = null;
  for (;;) {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND state IS NOT NULL AND state <> 'idle' AND pid <> pg_backend_pid()`,
    );
    const now = performance.now();
    if (rows[0].n > 0) quietSince = null;
    else if (quietSince === null) quietSince = now;
    else if (now - quietSince >= 2000) break;
    if (now - started > 180_000) {
      warn(`${label}: the database is still busy 180 s after the run; carrying on`);
      break;
    }
    await sleep(100);
  }
  return Math.max(0, (performance.now() - started) / 1000 - 2);
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the scenario's main statement, once, before any load, as the API runs
 * it (the application role under row-level security, the caller's municipality, the statement's
 * settings: asCallerInTransaction), cut off after BENCH_PROBE_LIMIT seconds; then the plain EXPLAIN
 * shows the plan that was too slow. Rolled back: the probe's audit record, or its contact, is not kept.
 */
async function probe(client, query) {
  const limitMs = Math.round(settings.probeLimitS * 1000);
  const explain = async (options) => {
    await client.query('BEGIN');
    try {
      for (const [text, values] of asCallerInTransaction(query)) await client.query(text, values);
      await client.query(`SET LOCAL statement_timeout = ${limitMs}`);
      const { rows } = await client.query(`EXPLAIN ${options}${query.sql}`, query.params);
      return rows.map((r) => r['QUERY PLAN']);
    } finally {
      await client.query('ROLLBACK');
    }
  };
  try {
    const plan = await explain('(ANALYZE, BUFFERS) ');
    const executionMs = Number(/Execution Time: ([\d.]+)/.exec(plan.join('\n'))?.[1] ?? NaN);
    return { executionMs, plan, timedOut: false };
  } catch (error) {
    if (error.code !== '57014') throw error; // query_canceled: the statement timeout
    return { executionMs: limitMs, plan: await explain(''), timedOut: true };
  }
}

function printPlan(plan) {
  const shown = plan.filter((line) => !/^\s*(Buffers|I\/O Timings|Planning:)/.test(line));
  for (const line of shown.slice(0, 90)) console.log(`    ${line}`);
  if (shown.length > 90) console.log(`    ... (${shown.length - 90} more lines in national.json)`);
}

function contactBody(rng, today) {
  const form = rng.weighted([
    ['in_person_home', 15],
    ['in_person_jobcentre', 20],
    ['in_person_provider', 30],
    ['in_person_elsewhere', 20],
    ['phone', 8],
    ['sms', 3],
    ['email', 2],
    ['video', 2],
  ]);
  const minutes =
    form === 'sms' || form === 'email'
      ? rng.int(1, 5)
      : form === 'phone'
        ? rng.int(2, 20)
        : rng.int(5, form === 'in_person_home' ? 90 : 60);
  const body = {
    contactDate: today,
    startTime: '00:00',
    minutes,
    form,
    showedUp: rng.next() < 0.93,
    topics: rng.sample(ENUMS.contactTopic, rng.int(1, 3)),
    help: rng.sample(ENUMS.helpGiven, rng.int(0, 2)),
  };
  if (rng.next() < 0.3) body.note = 'Benchmark: kort opfølgning.';
  if (form.startsWith('in_person') && rng.next() < 0.5) body.transportMinutes = rng.int(5, 40);
  return body;
}

function scenarios({ mentors, caseworkers, teamLeaders, admins }, runId) {
  const rng = prng(settings.seed + 7);
  const auth = (user) => ({ authorization: `Bearer ${user.token}` });
  const pairs = mentors.flatMap((m) => m.courses.map((courseId) => [m, courseId]));
  const activePairs = mentors.flatMap((m) => (m.active ?? []).map((courseId) => [m, courseId]));
  const today = todayInDenmark();
  const sent = new Map();
  let counter = 0;
  const contactRequest = (kind) => () => {
    const [mentor, courseId] = rng.pick(activePairs);
    const body = contactBody(rng, today);
    const key = `bench-${runId}-${kind}-${++counter}`;
    const path = `/api/courses/${courseId}/contacts`;
    if (kind === 'api') sent.set(key, { mentor, courseId, path, body });
    return {
      method: 'POST',
      path,
      headers: { ...auth(mentor), 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
      key,
    };
  };
  const contactSql = (kind) => (db) => {
    const [mentor, courseId] = rng.pick(activePairs);
    return logContact(db, mentor, courseId, contactBody(rng, today), `bench-${runId}-${kind}-${++counter}`);
  };
  return [
    {
      id: 'a',
      name: "mentor's course list",
      request: 'GET /api/courses (as mentors)',
      kind: 'read',
      users: `${mentors.length} mentors, ${(pairs.length / mentors.length).toFixed(1)} courses each`,
      next: () => ({ method: 'GET', path: '/api/courses', headers: auth(rng.pick(mentors)) }),
      sql: (db) => listCourses(db, rng.pick(mentors), 25),
      probe: () => courseQuery(mentors[0], { limit: 25, offset: 0 }),
    },
    {
      id: 'b',
      name: "caseworker's caseload page",
      request: 'GET /api/courses?limit=25 (as caseworkers)',
      kind: 'read',
      users: `${caseworkers.length} caseworkers, ${(
        caseworkers.reduce((sum, c) => sum + c.citizens, 0) / caseworkers.length
      ).toFixed(1)} citizens each`,
      next: () => ({ method: 'GET', path: '/api/courses?limit=25', headers: auth(rng.pick(caseworkers)) }),
      sql: (db) => listCourses(db, rng.pick(caseworkers), 25),
      probe: () => courseQuery(caseworkers[0], { limit: 25, offset: 0 }),
    },
    {
      id: 'c',
      name: 'course page',
      request: 'GET /api/courses/:id (own courses)',
      kind: 'read',
      users: `${pairs.length} (mentor, course) pairs`,
      next: () => {
        const [mentor, courseId] = rng.pick(pairs);
        return { method: 'GET', path: `/api/courses/${courseId}`, headers: auth(mentor) };
      },
      sql: (db) => {
        const [mentor, courseId] = rng.pick(pairs);
        return coursePage(db, mentor, courseId);
      },
      probe: () => courseQuery(pairs[0][0], { id: pairs[0][1], limit: 1, offset: 0 }),
    },
    {
      id: 'd',
      name: 'logging a contact',
      request: 'POST /api/courses/:id/contacts (new Idempotency-Key each)',
      kind: 'write',
      users: `${activePairs.length} active (mentor, course) pairs`,
      next: contactRequest('api'),
      warmupNext: contactRequest('warm'),
      sql: contactSql('sql'),
      warmupSql: contactSql('sqlwarm'),
      probe: () =>
        contactQuery(activePairs[0][0], activePairs[0][1], contactBody(rng, today), `bench-${runId}-probe`),
      probeWhat: 'the lookup, contact and audit statement',
      sent,
      runId,
    },
    ...(teamLeaders.length
      ? [
          {
            id: 'e',
            name: "team leader's load view",
            request:
              'GET /api/organisations/:id/workforce?limit=100&sort=-utilisation (the largest organisation)',
            kind: 'workforce',
            users: `${teamLeaders.length} team leaders of an organisation of ${teamLeaders[0].mentors} mentors`,
            connections: settings.workforceConnections,
            next: () => {
              const leader = rng.pick(teamLeaders);
              return {
                method: 'GET',
                path: `/api/organisations/${leader.organisationId}/workforce?limit=100&sort=-utilisation`,
                headers: auth(leader),
              };
            },
            sql: (db) => {
              const leader = rng.pick(teamLeaders);
              return loadView(db, leader, leader.organisationId);
            },
            probe: () => workforceQuery(teamLeaders[0], teamLeaders[0].organisationId),
            probeWhat: 'the load-view statement',
          },
        ]
      : []),
    ...(admins.length
      ? (() => {
          // The last twelve months up to today.
          const to = today;
          const from = addDays(addMonths(today, -12), 1);
          const admin = admins[0];
          const scope = indicatorScope(admin, from, to);
          return [
            {
              id: 'f',
              name: 'indicator report',
              request: `GET /api/reports/indicators?from=${from}&to=${to} (an administrator, the largest municipality)`,
              kind: 'indicators',
              users: `${admin.username}: a municipality of ${admin.contacts.toLocaleString('en-US')} contacts, 12 months`,
              connections: settings.indicatorConnections,
              next: () => ({
                method: 'GET',
                path: `/api/reports/indicators?from=${from}&to=${to}`,
                headers: auth(admin),
              }),
              sql: (db) => indicatorReport(db, scope),
              probe: () => indicatorQuery(scope),
              probeWhat: 'the citizen statement',
            },
          ];
        })()
      : []),
  ];
}

/** After (d): every 201 stored once, nothing stored for an error, and replays create nothing. */
async function checkContacts(client, baseUrl, scenario, statusByKey) {
  const prefix = `bench-${scenario.runId}-api-`;
  const stored = async () =>
    (
      await client.query(`SELECT idempotency_key AS key, id FROM contact WHERE idempotency_key LIKE $1`, [
        `${prefix}%`,
      ])
    ).rows;
  // Until the count holds still: a request the app had queued may still be on its way.
  let rows = await stored();
  for (let previous = -1; previous !== rows.length;) {
    previous = rows.length;
    await sleep(1000);
    rows = await stored();
  }
  const idByKey = new Map(rows.map((r) => [r.key, r.id]));
  const answered201 = [...statusByKey].filter(([key, status]) => status === 201 && key.startsWith(prefix));
  const lost = answered201.filter(([key]) => !idByKey.has(key)).length;
  const duplicates = rows.length - idByKey.size;
  const storedDespiteError = rows.filter((r) => {
    const status = statusByKey.get(r.key);
    return status !== undefined && status !== 201;
  }).length;
  const storedWithoutAnswer = rows.filter((r) => !statusByKey.has(r.key)).length;

  // Replays: the same key and body answer 201 with the same contact; another body answers 422.
  const sample = answered201.slice(0, 100).map(([key]) => key);
  let replaysOk = 0;
  const replayProblems = [];
  await Promise.all(
    Array.from({ length: 10 }, async (_, worker) => {
      for (let i = worker; i < sample.length; i += 10) {
        const key = sample[i];
        const { mentor, path, body } = scenario.sent.get(key);
        const other = i % 10 === 0;
        const response = await fetch(baseUrl + path, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${mentor.token}`,
            'content-type': 'application/json',
            'idempotency-key': key,
          },
          body: JSON.stringify(other ? { ...body, minutes: (body.minutes % 600) + 1 } : body),
        });
        const answer = await response.json().catch(() => ({}));
        const expected = other
          ? response.status === 422
          : response.status === 201 && answer?.contact?.id === idByKey.get(key);
        if (expected) replaysOk++;
        else
          replayProblems.push(
            `${other ? 'changed body' : 'same body'}: ${response.status} ${JSON.stringify(answer).slice(0, 120)}`,
          );
      }
    }),
  );
  const after = (await stored()).length;
  const check = {
    answered201: answered201.length,
    stored: rows.length,
    storedWithoutAnswer,
    storedDespiteError,
    lost,
    duplicates,
    replays: sample.length,
    replaysWithChangedBody: sample.filter((_, i) => i % 10 === 0).length,
    replaysAsExpected: replaysOk,
    replayProblems: replayProblems.slice(0, 5),
    storedAfterReplays: after,
  };
  check.ok =
    lost === 0 &&
    duplicates === 0 &&
    storedDespiteError === 0 &&
    rows.length === answered201.length + storedWithoutAnswer &&
    replaysOk === sample.length &&
    after === rows.length;
  return check;
}

/**
 * What a request costs on this machine before any work: GET /api/health (HTTP, the framework and one
 * `SELECT 1` round trip) at the scenarios' connections. Its CPU per request is the floor under every
 * scenario's, and its req/s the ceiling over them.
 */
async function measureFloor(app) {
  heading('2·. The floor: GET /api/health (one SELECT 1), no work');
  const run = await loadApi({
    baseUrl: app.baseUrl,
    connections: settings.connections,
    durationS: Math.min(settings.durationS, 10),
    warmupS: settings.warmupS,
    timeoutS: settings.timeoutS,
    next: () => ({ method: 'GET', path: '/api/health' }),
    startCpuMeter: () => cpuMeter(app.pid),
  });
  const { statusByKey: _statuses, ...floor } = run;
  console.log(
    `API   ${floor.requestsPerSecond.toFixed(0).padStart(6)} req/s   p50/p95/p99 ${triple(floor.latencyMs)}   non-2xx ${floor.non2xx}`,
  );
  console.log(`      ${describeCpu(floor.cpu)}`);
  return floor;
}

// What the scenarios write: every read adds an audit record, every contact its totals and statistics.
const WRITTEN_TABLES = [
  'audit_event',
  'contact',
  'course_minutes',
  'course_contact_stats',
  'course_overview',
  'mentor_course',
  'session',
];

/**
 * Vacuums what the earlier runs wrote, as autovacuum would between them. The PostgreSQL servers of
 * these machines run with autovacuum off, and without it each run left the next one dead rows and
 * pages not marked all-visible (index-only scans turning into heap reads): the indicator statement
 * went from 0.8 s to over 2 s in a few runs.
 */
async function settle(client) {
  const started = performance.now();
  await client.query(`VACUUM (ANALYZE) ${WRITTEN_TABLES.join(', ')}`);
  return (performance.now() - started) / 1000;
}

async function runScenario(scenario, { baseUrl, appPid, pool, client }) {
  const { durationS, warmupS, timeoutS } = settings;
  const connections = scenario.connections ?? settings.connections;
  heading(`2${scenario.id}. ${scenario.name}: ${scenario.request}`);
  console.log(`    ${scenario.users}`);
  const entry = {
    id: scenario.id,
    name: scenario.name,
    request: scenario.request,
    users: scenario.users,
    connections,
  };
  results.scenarios.push(entry);

  entry.loadAverage = loadavg().map((v) => Number(v.toFixed(1)));
  console.log(
    `    machine load average ${entry.loadAverage.join(' / ')} (1 / 5 / 15 min) on ${cpus().length} CPUs`,
  );
  entry.vacuumS = await settle(client);
  console.log(`    VACUUM (ANALYZE) of the tables earlier runs wrote: ${entry.vacuumS.toFixed(1)} s`);
  const probed = await probe(client, scenario.probe());
  entry.probe = probed;
  const what = scenario.probeWhat ?? 'the course query';
  if (probed.timedOut) {
    console.log(`${what} once: still running after ${settings.probeLimitS} s (cancelled); its plan:`);
  } else {
    console.log(`${what} once, EXPLAIN ANALYZE: ${ms(probed.executionMs)}`);
  }
  if (probed.timedOut || probed.executionMs > TARGET_READ_P95_MS) printPlan(probed.plan);
  if (probed.timedOut) {
    entry.skipped = `one run of ${what} takes over ${settings.probeLimitS} s (BENCH_PROBE_LIMIT): not loaded`;
    warn(entry.skipped);
    return entry;
  }

  const api = await loadApi({
    baseUrl,
    connections,
    durationS,
    warmupS,
    timeoutS,
    next: scenario.next,
    warmupNext: scenario.warmupNext,
    startCpuMeter: () => cpuMeter(appPid),
  });
  const apiDrainS = await drain(client, `${scenario.id} API`);
  const { statusByKey, ...apiFigures } = api;
  entry.api = { ...apiFigures, drainS: apiDrainS };
  console.log(
    `API   ${api.requestsPerSecond.toFixed(0).padStart(6)} req/s   p50/p95/p99 ${triple(api.latencyMs)}   ` +
      `non-2xx ${api.non2xx} ${JSON.stringify(api.statusCodes)}, errors ${api.errors}, timeouts ${api.timeouts}`,
  );
  console.log(`      ${describeCpu(api.cpu)}`);
  if (apiDrainS > 1)
    console.log(`      (the database was busy ${apiDrainS.toFixed(1)} s more with requests still in flight)`);

  if (scenario.id === 'd') {
    results.contactCheck = await checkContacts(client, baseUrl, scenario, statusByKey);
    const c = results.contactCheck;
    console.log(
      `check ${mark(c.ok)}  201 answers ${fmt(c.answered201)}, stored ${fmt(c.stored)} ` +
        `(+${c.storedWithoutAnswer} still in flight when the run stopped), lost ${c.lost}, duplicated ${c.duplicates}, ` +
        `stored despite an error ${c.storedDespiteError}; replays ${c.replaysAsExpected}/${c.replays} as expected ` +
        `(${c.replaysWithChangedBody} with a changed body -> 422), stored after replays ${fmt(c.storedAfterReplays)}`,
    );
    for (const problem of c.replayProblems) console.log(`      replay problem: ${problem}`);
  }

  const sql = await loadSql({
    pool,
    connections,
    durationS,
    warmupS,
    request: scenario.sql,
    warmupRequest: scenario.warmupSql,
    startCpuMeter: () => cpuMeter(),
  });
  entry.sql = { ...sql, drainS: await drain(client, `${scenario.id} SQL`) };
  console.log(
    `SQL   ${sql.requestsPerSecond.toFixed(0).padStart(6)} req/s   p50/p95/p99 ${triple(sql.latencyMs)}   ` +
      `errors ${sql.errors}${sql.errorSamples.length ? ` (${sql.errorSamples[0].message})` : ''}`,
  );
  console.log(`      ${describeCpu(sql.cpu)}`);
  console.log(
    `      per statement, mean ms: ${Object.entries(sql.perStatementMeanMs)
      .map(([label, value]) => `${label} ${value}`)
      .join(', ')}`,
  );
  entry.ratio = {
    p50: api.latencyMs.p50 / sql.latencyMs.p50,
    requestsPerSecond: api.requestsPerSecond / sql.requestsPerSecond,
  };
  console.log(
    `API/SQL  p50 x ${entry.ratio.p50.toFixed(2)}, req/s x ${entry.ratio.requestsPerSecond.toFixed(2)}`,
  );
  const bad = api.non2xx + api.errors + api.timeouts;
  entry.target =
    scenario.kind === 'read'
      ? { text: `p95 < ${TARGET_READ_P95_MS} ms`, met: bad === 0 && api.latencyMs.p95 < TARGET_READ_P95_MS }
      : scenario.kind === 'workforce'
        ? {
            text: `p95 < ${TARGET_WORKFORCE_P95_MS} ms at ${connections} connections`,
            met: bad === 0 && api.latencyMs.p95 < TARGET_WORKFORCE_P95_MS,
          }
        : scenario.kind === 'indicators'
          ? {
              text: `p95 < ${TARGET_INDICATORS_P95_MS} ms at ${connections} connections`,
              met: bad === 0 && api.latencyMs.p95 < TARGET_INDICATORS_P95_MS,
            }
          : {
              text: `>= ${fmt(TARGET_CONTACTS_PER_S)} contacts/s`,
              met: bad === 0 && api.requestsPerSecond >= TARGET_CONTACTS_PER_S,
            };
  console.log(`target ${entry.target.text}: ${mark(entry.target.met)}`);
  return entry;
}

function summary() {
  const rows = [];
  const d = results.dataset;
  if (d) {
    rows.push([
      'dataset',
      `${fmt(d.sizes.municipality.rows)} municipalities, ${fmt(d.shape.usersByRole.mentor ?? 0)} mentors, ` +
        `${fmt(d.sizes.citizen.rows)} citizens, ${fmt(d.sizes.contact.rows)} contacts, ${mb(d.shape.databaseBytes)}`,
    ]);
  }
  if (results.generation)
    rows.push(['generated in', `${(results.generation.timings.totalMs / 1000).toFixed(1)} s`]);
  if (results.logins) {
    rows.push([
      'sign-ins (argon2, 4 at a time)',
      `${results.logins.count} in ${results.logins.seconds.toFixed(1)} s, p50 ${ms(results.logins.p50Ms)}`,
    ]);
  }
  const cpu = (figures) =>
    `${figures.msPerRequest.app ? `API ${figures.msPerRequest.app} + ` : ''}load ${figures.msPerRequest.loadGenerator} + ` +
    `rest ${figures.msPerRequest.rest} (busy ${figures.machineBusyPercent} %, I/O wait ${figures.ioWaitPercent} %)`;
  if (results.floor) {
    const f = results.floor;
    rows.push([
      'the floor: GET /api/health (SELECT 1)',
      `${f.requestsPerSecond.toFixed(0)} req/s, ${triple(f.latencyMs)}; CPU ms per request: ${f.cpu ? cpu(f.cpu) : '-'}`,
    ]);
  }
  for (const s of results.scenarios) {
    const label = `(${s.id}) ${s.name}`;
    if (s.skipped) {
      rows.push([label, `not loaded: one query > ${settings.probeLimitS} s (see its plan)`, mark(false)]);
      continue;
    }
    if (!s.api || !s.sql) continue;
    const bad = s.api.non2xx + s.api.errors + s.api.timeouts;
    rows.push([
      `${label}: API`,
      `${s.api.requestsPerSecond.toFixed(0)} req/s, ${triple(s.api.latencyMs)}, non-2xx ${s.api.non2xx}` +
        (bad > s.api.non2xx ? `, errors+timeouts ${bad - s.api.non2xx}` : ''),
      `${mark(s.target.met)} ${s.target.text}`,
    ]);
    rows.push([
      `${label}: raw SQL`,
      `${s.sql.requestsPerSecond.toFixed(0)} req/s, ${triple(s.sql.latencyMs)}, errors ${s.sql.errors}`,
    ]);
    rows.push([
      `${label}: API / SQL`,
      `p50 x ${s.ratio.p50.toFixed(2)}, req/s x ${s.ratio.requestsPerSecond.toFixed(2)}`,
    ]);
    if (s.api.cpu && s.sql.cpu)
      rows.push([`${label}: CPU ms per request`, `API run: ${cpu(s.api.cpu)}; SQL run: ${cpu(s.sql.cpu)}`]);
  }
  if (results.contactCheck) {
    const c = results.contactCheck;
    rows.push([
      '(d) no lost or duplicated contacts',
      `${fmt(c.answered201)} x 201 -> ${fmt(c.stored)} stored (+${c.storedWithoutAnswer} in flight), replays ${c.replaysAsExpected}/${c.replays}`,
      mark(c.ok),
    ]);
  }
  printTable(
    `Summary (scale ${settings.scale}, ${settings.connections} connections, ${settings.durationS} s each, ` +
      'p50 / p95 / p99)',
    rows,
  );
}

async function main() {
  console.log(`Mentorsystemet national benchmark, ${results.date}`);
  console.log(`Node ${process.version}, ${results.machine.cpus} x ${results.machine.cpuModel}`);
  console.log(`PostgreSQL: ${redact(dbUrl)}`);
  await ensureApiBuilt();
  await prepareDataset();
  if (interrupted()) return 1;

  heading('2. Scenarios: the built API on the national database');
  const dataDir = mkdtempSync(join(tmpdir(), 'mentor-bench-national-'));
  onCleanup(async () => rmSync(dataDir, { recursive: true, force: true }));
  const app = await startApp({
    dataDir,
    port: await freePort(),
    direct: true,
    env: {
      DATABASE_URL: dbUrl,
      CPR_ENCRYPTION_KEY: CPR_KEYS.encryptionKey,
      CPR_HASH_KEY: CPR_KEYS.hashKey,
      LOGIN_SLOWDOWN_MS: '0',
      // The hourly reminder job would write reminders for the whole national dataset during the load.
      REPORT_REMINDERS: 'false',
      DEMO_DATA: 'false',
    },
  });
  console.log(
    `app started in ${(app.startupMs / 1000).toFixed(2)} s at ${app.baseUrl} (node dist/api/main.js)`,
  );
  // The raw-SQL side gives up on a statement after 30 s, so an overloaded run ends in bounded time. It
  // runs as the API's requests do (row-level security, the caller's municipality): see queries.mjs.
  const pool = new pg.Pool({
    connectionString: dbUrl,
    max: settings.connections,
    statement_timeout: 30_000,
    ...rawSqlPoolOptions(),
  });
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  results.autovacuum = (await client.query('SHOW autovacuum')).rows[0].autovacuum;
  console.log(
    `the server's autovacuum: ${results.autovacuum} (each scenario starts with a VACUUM of what the runs write)`,
  );
  onCleanup(async () => {
    await client.end().catch(() => undefined);
    await pool.end().catch(() => undefined);
  });
  try {
    const users = await pickUsers();
    if (users.mentors.length === 0 || users.caseworkers.length === 0)
      throw new Error('No mentors or caseworkers to sign in.');
    results.logins = await signIn(app.baseUrl, [
      ...users.mentors,
      ...users.caseworkers,
      ...users.teamLeaders,
      ...users.admins,
    ]);
    console.log(
      `signed in ${users.mentors.length} mentors, ${users.caseworkers.length} caseworkers and ` +
        `${users.teamLeaders.length} team leaders through POST /api/auth/login ` +
        `in ${results.logins.seconds.toFixed(1)} s (${results.logins.perSecond.toFixed(1)}/s, p50 ${ms(results.logins.p50Ms)})`,
    );
    console.log(
      `each: ${settings.connections} connections, ${settings.durationS} s after ${settings.warmupS} s warm-up; ` +
        `raw SQL on a pg Pool of ${settings.connections} (the app's own pool holds 20)`,
    );
    results.floor = await measureFloor(app);
    const runId = Date.now().toString(36);
    for (const scenario of scenarios(users, runId).filter((s) => settings.scenarios.includes(s.id))) {
      if (interrupted()) break;
      try {
        await runScenario(scenario, { baseUrl: app.baseUrl, appPid: app.pid, pool, client });
      } catch (error) {
        if (interrupted()) break;
        const message = error instanceof Error ? error.message : String(error);
        results.errors.push({ part: `scenario ${scenario.id}`, message });
        console.error(`ERROR (scenario ${scenario.id}): ${message}`);
      }
    }
  } finally {
    await app.stop();
    await cleanupAll();
  }
  if (interrupted()) return 1;

  summary();
  const resultsDir = join(root, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, 'national.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nResults written to ${relative(root, file)}`);
  if (results.errors.length > 0) {
    console.error(`\n${results.errors.length} error(s):`);
    for (const { part, message } of results.errors) console.error(`  - ${part}: ${message.split('\n')[0]}`);
    return 1;
  }
  return 0;
}

main().then(finish, async (error) => {
  console.error(error);
  await cleanupAll();
  await finish(1);
});
