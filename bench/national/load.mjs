// The two sides of each scenario at the same concurrency and duration: HTTP requests with autocannon
// against the app, and the same statements straight through a pg Pool.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { onCleanup } from '../lib/cleanup.mjs';
import { percentile, runAutocannon } from '../lib/load.mjs';

function latencyFigures(latencies) {
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
  };
}

/**
 * autocannon with a request built per request: next() returns { method, path, headers, body, key };
 * `key` (optional) is remembered per response, so responses can be matched to what was sent.
 * Returns the figures and, with keys, a Map key -> status code.
 */
export async function loadApi({
  baseUrl,
  connections,
  durationS,
  warmupS,
  timeoutS,
  next,
  warmupNext,
  startCpuMeter,
}) {
  const options = (build) => ({
    url: baseUrl,
    connections,
    timeout: timeoutS,
    requests: [
      {
        setupRequest(request, context) {
          const built = build();
          context.key = built.key;
          const { key: _key, ...http } = built;
          return { ...request, ...http };
        },
      },
    ],
  });
  if (warmupS > 0) await runAutocannon({ ...options(warmupNext ?? next), duration: warmupS });
  const latencies = [];
  const statusByKey = new Map();
  const started = performance.now();
  const meter = startCpuMeter?.();
  const result = await runAutocannon(
    { ...options(next), duration: durationS },
    (client, statusCode, _bytes, time) => {
      latencies.push(time);
      const key = client.requestIterator?.context?.key;
      if (key !== undefined) statusByKey.set(key, statusCode);
    },
  );
  const elapsedS = (performance.now() - started) / 1000;
  return {
    requests: latencies.length,
    cpu: meter?.stop(latencies.length),
    requestsPerSecond: result.requests.average,
    elapsedS,
    latencyMs: latencyFigures(latencies),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, v]) => [code, v.count]),
    ),
    statusByKey,
  };
}

/**
 * A `db` for the request functions of queries.mjs that times each statement by its label. Statements
 * run as named prepared statements, as the API's queryPrepared (apps/api/src/database/prepared.ts) does,
 * unless the request passes `{ prepare: false }` (as the API sends the indicator report's statements).
 */
function timedDb(pool, perStatement) {
  const names = new Map();
  const prepared = (text) => {
    if (!names.has(text)) names.set(text, `s_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`);
    return names.get(text);
  };
  const timed =
    (runner) =>
    async (label, sql, params, { prepare = true } = {}) => {
      const t = performance.now();
      try {
        const query = prepare
          ? { name: prepared(sql), text: sql, values: params }
          : { text: sql, values: params };
        return (await runner.query(query)).rows;
      } finally {
        const entry = perStatement.get(label) ?? { count: 0, totalMs: 0 };
        entry.count++;
        entry.totalMs += performance.now() - t;
        perStatement.set(label, entry);
      }
    };
  return {
    query: timed(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('START TRANSACTION');
        const result = await fn({ query: timed(client) });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

/**
 * `connections` loops, each running request(db, n) back to back for `durationS` seconds (after an
 * unmeasured warm-up), on a pool of `connections` clients. Latency is the whole request function.
 */
export async function loadSql({
  pool,
  connections,
  durationS,
  warmupS,
  request,
  warmupRequest,
  startCpuMeter,
}) {
  let stopped = false;
  const unregister = onCleanup(async () => {
    stopped = true;
  });
  const run = async (seconds, fn, measure) => {
    const perStatement = new Map();
    const db = timedDb(pool, perStatement);
    const latencies = [];
    const errorMessages = new Map();
    let errors = 0;
    let n = 0;
    const started = performance.now();
    const end = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (!stopped && performance.now() < end) {
          const t = performance.now();
          try {
            await fn(db, n++);
            if (measure) latencies.push(performance.now() - t);
          } catch (error) {
            errors++;
            const message = error instanceof Error ? error.message : String(error);
            errorMessages.set(message, (errorMessages.get(message) ?? 0) + 1);
          }
        }
      }),
    );
    const elapsedS = (performance.now() - started) / 1000;
    return { latencies, errors, errorMessages, perStatement, elapsedS };
  };
  try {
    if (warmupS > 0) await run(warmupS, warmupRequest ?? request, false);
    const meter = startCpuMeter?.();
    const { latencies, errors, errorMessages, perStatement, elapsedS } = await run(durationS, request, true);
    const count = latencies.length;
    return {
      requests: count,
      cpu: meter?.stop(count),
      requestsPerSecond: count / elapsedS,
      elapsedS,
      latencyMs: latencyFigures(latencies),
      errors,
      errorSamples: [...errorMessages.entries()].slice(0, 3).map(([message, times]) => ({ message, times })),
      perStatementMeanMs: Object.fromEntries(
        [...perStatement.entries()].map(([label, e]) => [label, Number((e.totalMs / e.count).toFixed(2))]),
      ),
    };
  } finally {
    unregister();
  }
}
