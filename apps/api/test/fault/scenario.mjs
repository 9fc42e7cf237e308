// The fault test itself, shared by the benchmark (bench/fault/run.mjs) and its shorter Jest version
// (apps/api/test/fault.integration-spec.ts): mentors log contacts from many connections while the
// database is stopped (fast shutdown) and started again, a few times; then every contact that was
// answered 2xx must be stored exactly once. Plain ESM without import.meta, so Jest can load it.
import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Today in Denmark (YYYY-MM-DD), the date the API checks contacts against. */
function todayInDenmark() {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
}

async function call(baseUrl, method, path, { token, json } = {}) {
  const response = await fetch(baseUrl + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(json ? { 'content-type': 'application/json' } : {}),
    },
    body: json ? JSON.stringify(json) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text);
}

/**
 * Signs the mentors in and finds, for each, the own active courses whose handover packet they
 * acknowledged (where contacts may be logged). Mentors without such a course are left out.
 */
export async function signInMentors(baseUrl, usernames, password) {
  const mentors = [];
  for (const username of usernames) {
    const { accessToken: token } = await call(baseUrl, 'POST', '/api/auth/login', {
      json: { username, password },
    });
    const page = await call(baseUrl, 'GET', '/api/courses?limit=100', { token });
    const courseIds = page.items
      .filter((c) => c.status === 'active' && c.handoverStatus === 'acknowledged')
      .map((c) => c.id);
    if (courseIds.length) mentors.push({ username, token, courseIds });
  }
  if (!mentors.length) throw new Error('No mentor has an active course with an acknowledged handover.');
  return mentors;
}

const FORMS = ['phone', 'in_person_jobcentre', 'in_person_provider', 'video'];

/** A valid contact, today at 00:00 (never in the future), varied a little. */
function contactBody(n, today) {
  return {
    contactDate: today,
    startTime: '00:00',
    minutes: 5 + (n % 40),
    form: FORMS[n % FORMS.length],
    showedUp: n % 10 !== 0,
    topics: [n % 2 ? 'job_and_education' : 'finances'],
    help: n % 3 ? ['practical_tasks'] : [],
  };
}

/** Every this many contacts, one answered 2xx is sent once more, as a client that lost the answer does. */
const REPLAY_EVERY = 10;

/**
 * The load: `connections` autocannon connections, connection i as mentor i mod n. Each request logs a
 * contact under a new Idempotency-Key; a request answered 5xx or not at all (connection closed,
 * timeout) is sent again with the same key and body, as a client that retries does, until it gets a
 * non-5xx answer; and every REPLAY_EVERY-th contact is sent once more after its 2xx (it must be
 * answered as before, without a second contact). Every attempt is recorded by key.
 */
function startLoad({ baseUrl, mentors, connections, timeoutS, runId, onAnswer }) {
  const keys = new Map(); // key -> { attempts, statuses: [], answered2xx, inFlight }
  const counts = {
    requests: 0,
    s2xx: 0,
    s4xx: 0,
    s5xx: 0,
    noAnswer: 0,
    retries: 0,
    replays: 0,
    replays2xx: 0,
    byStatus: {},
  };
  const today = todayInDenmark();
  let connectionCount = 0;
  let n = 0;

  const setupClient = (client) => {
    const index = connectionCount++;
    const mentor = mentors[index % mentors.length];
    // This connection's request in flight (one at a time: no pipelining), and one to send again.
    let current = null;
    let again = null;
    client.setRequests([
      {
        setupRequest(request) {
          if (current && !current.answered) {
            // Sent but never answered: the connection closed or timed out. Send it again.
            counts.noAnswer++;
            keys.get(current.key).statuses.push('no answer');
            again = { ...current, kind: 'retry' };
          }
          let next = again;
          again = null;
          if (next?.kind === 'retry') counts.retries++;
          if (next?.kind === 'replay') counts.replays++;
          if (!next) {
            const courseId = mentor.courseIds[n % mentor.courseIds.length];
            const key = `fault-${runId}-${index}-${++n}`;
            next = {
              key,
              kind: 'new',
              replay: n % REPLAY_EVERY === 0,
              path: `/api/courses/${courseId}/contacts`,
              body: JSON.stringify(contactBody(n, today)),
            };
            keys.set(key, { attempts: 0, statuses: [], answered2xx: false, inFlight: false });
          }
          if (current) keys.get(current.key).inFlight = false;
          current = { ...next, answered: false };
          const entry = keys.get(next.key);
          entry.attempts++;
          entry.inFlight = true;
          counts.requests++;
          return {
            ...request,
            method: 'POST',
            path: next.path,
            headers: {
              authorization: `Bearer ${mentor.token}`,
              'content-type': 'application/json',
              'idempotency-key': next.key,
            },
            body: next.body,
          };
        },
        onResponse(status) {
          if (!current) return;
          current.answered = true;
          const entry = keys.get(current.key);
          entry.inFlight = false;
          entry.statuses.push(status);
          counts.byStatus[status] = (counts.byStatus[status] ?? 0) + 1;
          if (status >= 200 && status < 300) {
            counts.s2xx++;
            entry.answered2xx = true;
            if (current.replayOf2xx) counts.replays2xx++;
            else if (current.replay) again = { ...current, kind: 'replay', replay: false, replayOf2xx: true };
          } else if (status >= 500) {
            counts.s5xx++;
            again = { ...current, kind: 'retry' };
          } else counts.s4xx++;
          onAnswer(status);
        },
      },
    ]);
  };

  let instance;
  const done = new Promise((resolve, reject) => {
    instance = autocannon(
      {
        url: baseUrl,
        connections,
        // Stopped by the caller once the restarts are done; this is only an upper bound.
        duration: 3600,
        timeout: timeoutS,
        setupClient,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  return {
    keys,
    counts,
    stop: async () => {
      instance.stop();
      return done;
    },
  };
}

/** GET /api/health every `everyMs`, each probe with when it was sent and what it answered. */
function startHealthProbe(baseUrl, everyMs, clock) {
  const probes = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const sentAt = clock();
      let status = 'no answer';
      let problemJson = false;
      try {
        const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) });
        const body = await response.text();
        status = response.status;
        problemJson =
          (response.headers.get('content-type') ?? '').startsWith('application/problem+json') &&
          JSON.parse(body).status === status;
      } catch {
        // no answer within 5 s, or refused
      }
      probes.push({ sentAt, answeredAt: clock(), status, problemJson });
      await sleep(everyMs);
    }
  })();
  return {
    probes,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

/**
 * Runs the scenario and checks the database afterwards. `database` is { stop(), start() } (each
 * resolving once PostgreSQL has stopped, or accepts connections again); `databaseUrl` is read only
 * for the check. Times are in seconds from the start of the load. Throws only on errors of the test
 * itself; what the API did is in the returned figures, for the caller to judge.
 */
export async function runFaultScenario({
  baseUrl,
  databaseUrl,
  database,
  mentors,
  connections = 10,
  restarts = 3,
  upS = 4,
  downS = 3,
  timeoutS = 10,
  recoveryLimitS = 30,
  log = () => undefined,
}) {
  const t0 = performance.now();
  const clock = () => (performance.now() - t0) / 1000;
  const runId = Date.now().toString(36);
  // The cycle whose recovery is being timed: its first 2xx after PostgreSQL is back.
  let recovering = null;
  const load = startLoad({
    baseUrl,
    mentors,
    connections,
    timeoutS,
    runId,
    onAnswer: (status) => {
      if (status >= 200 && status < 300 && recovering && recovering.first2xxAt === undefined)
        recovering.first2xxAt = clock();
    },
  });
  const health = startHealthProbe(baseUrl, 200, clock);
  const cycles = [];
  let loadResult;
  try {
    await sleep(upS * 1000);
    for (let i = 1; i <= restarts; i++) {
      const cycle = { restart: i, stopCalledAt: clock() };
      log(
        `restart ${i}/${restarts}: stopping PostgreSQL (fast shutdown) at ${cycle.stopCalledAt.toFixed(1)} s`,
      );
      cycle.stopMs = await database.stop();
      cycle.downAt = clock();
      await sleep(downS * 1000);
      cycle.startCalledAt = clock();
      cycle.startMs = await database.start();
      cycle.upAt = clock();
      recovering = cycle;
      log(`restart ${i}/${restarts}: PostgreSQL accepts connections again at ${cycle.upAt.toFixed(1)} s`);
      // Recovery: the first 2xx contact, and the first 200 from health, after the database is back.
      const limitAt = cycle.upAt + recoveryLimitS;
      const health200After = () =>
        health.probes.find((p) => p.sentAt >= cycle.upAt && p.status === 200)?.answeredAt;
      while (clock() < limitAt && (cycle.first2xxAt === undefined || health200After() === undefined))
        await sleep(50);
      recovering = null;
      cycle.contactRecoveryS = cycle.first2xxAt === undefined ? null : cycle.first2xxAt - cycle.upAt;
      const healthBack = health200After();
      cycle.healthRecoveryS = healthBack === undefined ? null : healthBack - cycle.upAt;
      log(
        `restart ${i}/${restarts}: first 2xx contact after ${fmtS(cycle.contactRecoveryS)}, health 200 after ${fmtS(
          cycle.healthRecoveryS,
        )}`,
      );
      cycles.push(cycle);
      await sleep(upS * 1000);
    }
  } finally {
    loadResult = await load.stop();
    await health.stop();
  }
  const durationS = clock();

  // Health while the database was away: the probes sent and answered between "stopped" and "start".
  for (const cycle of cycles) {
    const down = health.probes.filter((p) => p.sentAt >= cycle.downAt && p.answeredAt <= cycle.startCalledAt);
    cycle.healthWhileDown = {
      probes: down.length,
      answered503ProblemJson: down.filter((p) => p.status === 503 && p.problemJson).length,
      other: [...new Set(down.filter((p) => !(p.status === 503 && p.problemJson)).map((p) => p.status))],
    };
  }
  const lastProbe = health.probes.at(-1);

  const stored = await checkStored(databaseUrl, [...load.keys.keys()]);
  const keys = [...load.keys.entries()];
  const answered2xx = keys.filter(([, k]) => k.answered2xx);
  const figures = {
    durationS,
    connections,
    restarts,
    requests: load.counts.requests,
    answered2xx: load.counts.s2xx,
    answered4xx: load.counts.s4xx,
    answered5xx: load.counts.s5xx,
    noAnswer: load.counts.noAnswer,
    byStatus: load.counts.byStatus,
    autocannon: { errors: loadResult.errors, timeouts: loadResult.timeouts },
    keys: keys.length,
    keysAnswered2xx: answered2xx.length,
    /** Sent again with the same key after a 5xx or no answer. */
    retries: load.counts.retries,
    /** Sent again after a 2xx, and of those answered 2xx (the same contact, nothing new stored). */
    replays: load.counts.replays,
    replays2xx: load.counts.replays2xx,
    /** Still waiting for an answer when the load stopped: may or may not be stored. */
    inFlightAtStop: keys.filter(([, k]) => k.inFlight).length,
    stored: stored.keys,
    duplicates: stored.duplicates,
    /** Answered 2xx but not in the database: must be 0. */
    lost: answered2xx.filter(([key]) => !stored.counts.has(key)).length,
    /**
     * Stored although no attempt was answered 2xx and none was in flight at the end: a commit whose
     * answer was lost (a retry with the key would replay it). Harmless, counted to be seen.
     */
    storedWithout2xx: [...stored.counts.keys()].filter((key) => {
      const k = load.keys.get(key);
      return k && !k.answered2xx && !k.inFlight;
    }).length,
    /** Stored contacts without exactly one 'contact.create' audit record: must be 0. */
    auditMismatches: stored.auditMismatches,
    cycles,
    healthAtEnd: lastProbe?.status ?? 'no probe',
  };
  return figures;
}

/** How many of the keys are stored, duplicates among them, and contacts whose audit record is missing. */
async function checkStored(databaseUrl, keys) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT idempotency_key AS key, count(*)::int AS n FROM contact
        WHERE idempotency_key = ANY($1::varchar[]) GROUP BY idempotency_key`,
      [keys],
    );
    const counts = new Map(rows.map((r) => [r.key, r.n]));
    const { rows: audit } = await client.query(
      `SELECT count(*)::int AS n FROM contact c
        WHERE c.idempotency_key = ANY($1::varchar[])
          AND (SELECT count(*) FROM audit_event a WHERE a.entity_id = c.id AND a.action = 'contact.create') <> 1`,
      [keys],
    );
    return {
      counts,
      keys: counts.size,
      duplicates: rows.reduce((sum, r) => sum + r.n - 1, 0),
      auditMismatches: audit[0].n,
    };
  } finally {
    await client.end();
  }
}

export const fmtS = (s) => (s === null || s === undefined ? 'never' : `${s.toFixed(2)} s`);

/** The figures as [figure, value] rows for a table. */
export function figureRows(f) {
  const rows = [
    ['duration', `${f.durationS.toFixed(1)} s, ${f.connections} connections, ${f.restarts} restarts`],
    ['requests (attempts)', f.requests],
    ['answered 2xx', f.answered2xx],
    ['answered 4xx', f.answered4xx],
    ['answered 5xx', `${f.answered5xx} (${statusList(f.byStatus, 500)})`],
    ['no answer (connection closed, timeout)', f.noAnswer],
    ['contacts sent (keys)', f.keys],
    ['retries after 5xx / no answer (same key)', f.retries],
    ['replays after 2xx (same key): sent / 2xx', `${f.replays} / ${f.replays2xx}`],
    ['keys answered 2xx', f.keysAnswered2xx],
    ['in flight when the load stopped', f.inFlightAtStop],
    ['stored', f.stored],
    ['stored without a 2xx, not in flight', f.storedWithout2xx],
    ['lost (2xx, not stored)', f.lost],
    ['duplicates', f.duplicates],
    ['contacts without one audit record', f.auditMismatches],
  ];
  for (const c of f.cycles) {
    const h = c.healthWhileDown;
    rows.push([
      `restart ${c.restart}: stop / down / start`,
      `${(c.stopMs / 1000).toFixed(2)} s / ${(c.startCalledAt - c.downAt).toFixed(1)} s / ${(c.startMs / 1000).toFixed(2)} s`,
    ]);
    rows.push([
      `restart ${c.restart}: health while down`,
      `${h.answered503ProblemJson} of ${h.probes} probes 503 problem+json${h.other.length ? `; also ${h.other.join(', ')}` : ''}`,
    ]);
    rows.push([
      `restart ${c.restart}: recovery (first 2xx / health 200)`,
      `${fmtS(c.contactRecoveryS)} / ${fmtS(c.healthRecoveryS)}`,
    ]);
  }
  rows.push(['health at the end', f.healthAtEnd]);
  return rows;
}

function statusList(byStatus, from) {
  const list = Object.entries(byStatus)
    .filter(([status]) => Number(status) >= from)
    .map(([status, count]) => `${status}: ${count}`);
  return list.length ? list.join(', ') : 'none';
}

/** What must hold; an empty list when the run passed. */
export function faultProblems(f, { recoveryLimitS = 30 } = {}) {
  const problems = [];
  if (f.lost) problems.push(`${f.lost} contacts answered 2xx are not stored`);
  if (f.duplicates) problems.push(`${f.duplicates} duplicate contacts`);
  if (f.auditMismatches)
    problems.push(`${f.auditMismatches} stored contacts without exactly one audit record`);
  if (f.answered4xx) problems.push(`${f.answered4xx} answers 4xx (${statusList(f.byStatus, 400)})`);
  const other5xx = Object.entries(f.byStatus).filter(([s]) => Number(s) >= 500 && Number(s) !== 503);
  if (other5xx.length)
    problems.push(`5xx other than 503: ${other5xx.map(([s, n]) => `${s}: ${n}`).join(', ')}`);
  if (f.cycles.length !== f.restarts) problems.push(`only ${f.cycles.length} of ${f.restarts} restarts ran`);
  for (const c of f.cycles) {
    if (c.contactRecoveryS === null || c.contactRecoveryS >= recoveryLimitS)
      problems.push(
        `restart ${c.restart}: no 2xx contact within ${recoveryLimitS} s of the database being back`,
      );
    if (c.healthRecoveryS === null || c.healthRecoveryS >= recoveryLimitS)
      problems.push(`restart ${c.restart}: health not 200 within ${recoveryLimitS} s`);
    const h = c.healthWhileDown;
    if (h.probes === 0)
      problems.push(`restart ${c.restart}: no health probe answered while the database was down`);
    else if (h.answered503ProblemJson !== h.probes)
      problems.push(
        `restart ${c.restart}: health answered ${h.other.join(', ')} while the database was down`,
      );
  }
  if (f.healthAtEnd !== 200) problems.push(`health answered ${f.healthAtEnd} at the end`);
  return problems;
}
