// Throughput and latency with autocannon's programmatic API.
import autocannon from 'autocannon';
import { onCleanup } from './cleanup.mjs';

/** Signs in and returns the session token (`accessToken`, also the `mentor_session` cookie's value). */
export async function login(baseUrl, username, password) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`POST /api/auth/login answered ${response.status}: ${body}`);
  const { accessToken } = JSON.parse(body);
  if (!accessToken) throw new Error('POST /api/auth/login answered without an accessToken.');
  return accessToken;
}

/** The value at percentile p (0–100) of ascending values (nearest rank). */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** One autocannon run, stopped on cleanup; onResponse(client, statusCode, bytes, ms) per response. */
export function runAutocannon(options, onResponse) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => {
      unregister();
      if (error) reject(error);
      else resolve(result);
    });
    const unregister = onCleanup(async () => instance.stop());
    if (onResponse) instance.on('response', onResponse);
  });
}

/**
 * Loads one endpoint for `durationS` seconds with `connections` connections (after an unmeasured
 * warm-up of `warmupS` seconds). Latency percentiles are computed from every response's own time
 * (autocannon's sub-millisecond measurements; its summary has no p95 and rounds to whole ms).
 */
export async function loadEndpoint({ url, headers = {}, connections, durationS, warmupS }) {
  if (warmupS > 0) await runAutocannon({ url, headers, connections, duration: warmupS });
  const latencies = [];
  const result = await runAutocannon({ url, headers, connections, duration: durationS }, (_c, _s, _b, time) =>
    latencies.push(time),
  );
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    latencyMs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? NaN,
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([k, v]) => [k, v.count]),
    ),
  };
}
