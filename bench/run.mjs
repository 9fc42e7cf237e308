// `npm run bench`: start-up time, API throughput and latency, the web app's initial JavaScript and
// Lighthouse scores. Prints each part, then a summary table, and writes bench/results/latest.json.
// Environment knobs: see bench/README.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { startApp } from './lib/app.mjs';
import { ensureFreshBuild } from './lib/build.mjs';
import { measureInitialBundle } from './lib/bundle.mjs';
import { cleanupAll, finish, interrupted, onCleanup } from './lib/cleanup.mjs';
import { lighthouseUnavailable, runLighthouse } from './lib/lighthouse.mjs';
import { loadEndpoint, login } from './lib/load.mjs';
import { printTable } from './lib/report.mjs';
import { envNumber, freePort, heading, kB, ms, root, round, seconds } from './lib/util.mjs';

const USERNAME = 'mentor.cji1';
const PASSWORD = 'demo';
const resultsDir = join(root, 'bench/results');

const settings = {
  durationS: envNumber('BENCH_DURATION', 20),
  connections: envNumber('BENCH_CONNECTIONS', 50),
  warmupS: envNumber('BENCH_WARMUP', 2),
  lighthouseRuns: Math.max(1, Math.round(envNumber('BENCH_LIGHTHOUSE_RUNS', 3))),
};

const results = {
  date: new Date().toISOString(),
  machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model?.trim() ?? 'unknown' },
  settings,
  build: null,
  startup: null,
  load: null,
  bundle: null,
  lighthouse: null,
  warnings: [],
  errors: [],
};
const rows = [];

function fail(part, error) {
  if (interrupted()) return; // a part cut short by Ctrl-C is no finding
  const message = error instanceof Error ? error.message : String(error);
  results.errors.push({ part, message });
  console.error(`ERROR (${part}): ${message}`);
}

function warn(message) {
  results.warnings.push(message);
  console.log(`  [!] ${message}`);
}

/** Cold start on a new data dir, stop, warm restart on the same dir; returns the running warm app. */
async function measureStartup(dataDir) {
  heading('1. Start-up time: spawn `npm start` until the first 200 from GET /api/health');
  const startup = {};
  results.startup = startup;
  const labels = {
    cold: 'cold start (new data dir: creates the cluster, migrates, seeds demo data)',
    warm: 'warm restart (same data dir, after the cold start stopped)',
  };
  let app;
  for (const kind of ['cold', 'warm']) {
    await ensureFreshBuild(); // sources edited meanwhile would otherwise be built inside the timing
    const port = await freePort();
    if (interrupted()) throw new Error('interrupted');
    app = await startApp({ dataDir, port });
    startup[`${kind}Ms`] = round(app.startupMs, 1);
    startup[`${kind}IncludedBuild`] = app.rebuilt;
    console.log(`${labels[kind].padEnd(74)} ${seconds(app.startupMs)}`);
    if (app.rebuilt) warn(`the ${kind} start rebuilt first (sources changed): its time includes a build`);
    if (kind === 'cold') {
      if (!/Demo logins/.test(app.output)) warn('the cold start printed no demo logins');
      await app.stop();
    }
  }
  rows.push([
    'start-up, cold (new data dir)',
    seconds(startup.coldMs),
    startup.coldIncludedBuild ? 'incl. build' : '',
  ]);
  rows.push([
    'start-up, warm restart',
    seconds(startup.warmMs),
    startup.warmIncludedBuild ? 'incl. build' : '',
  ]);
  return app;
}

async function measureLoad(app) {
  const { durationS, connections, warmupS } = settings;
  heading(`2. Throughput and latency: autocannon, ${connections} connections, ${durationS} s each`);
  console.log(
    `(${warmupS > 0 ? `after a ${warmupS} s unmeasured warm-up per endpoint` : 'no warm-up'}; ` +
      `load generator and app share ${results.machine.cpus} CPUs)`,
  );
  const token = await login(app.baseUrl, USERNAME, PASSWORD);
  const endpoints = [
    { name: 'GET /api/me', path: '/api/me', headers: { authorization: `Bearer ${token}` } },
    { name: 'GET /api/health', path: '/api/health', headers: {} },
  ];
  results.load = { connections, durationS, warmupS, endpoints: [] };
  for (const endpoint of endpoints) {
    const figures = await loadEndpoint({
      url: app.baseUrl + endpoint.path,
      headers: endpoint.headers,
      connections,
      durationS,
      warmupS,
    });
    const { p50, p95, p99 } = figures.latencyMs;
    results.load.endpoints.push({ name: endpoint.name, ...figures });
    const bad = figures.non2xx + figures.errors + figures.timeouts;
    console.log(
      `${endpoint.name.padEnd(16)} ${figures.requestsPerSecond.toFixed(0).padStart(7)} req/s (average)   ` +
        `latency p50 ${ms(p50)}  p95 ${ms(p95)}  p99 ${ms(p99)}   ` +
        `non-2xx ${figures.non2xx}, errors ${figures.errors}, timeouts ${figures.timeouts}`,
    );
    if (bad > 0) {
      fail(
        'load',
        `${endpoint.name}: ${figures.non2xx} non-2xx responses (${JSON.stringify(figures.statusCodes)}), ` +
          `${figures.errors} errors, ${figures.timeouts} timeouts; the figures above are not valid`,
      );
    }
    const flag = bad > 0 ? '<- NOT 0' : '';
    rows.push([`${endpoint.name}: throughput`, `${figures.requestsPerSecond.toFixed(0)} req/s`]);
    rows.push([`${endpoint.name}: latency p50 / p95 / p99`, `${ms(p50)} / ${ms(p95)} / ${ms(p99)}`]);
    rows.push([`${endpoint.name}: non-2xx responses`, String(figures.non2xx), flag]);
  }
}

function measureBundle() {
  heading('3. Initial JavaScript of the production web build (dist/web/browser/index.html)');
  const bundle = measureInitialBundle();
  results.bundle = bundle;
  for (const file of bundle.js.files) {
    console.log(
      `  ${file.file.padEnd(28)} ${kB(file.bytes).padStart(10)} raw ${kB(file.gzipBytes).padStart(10)} gzip`,
    );
  }
  console.log(
    `initial JavaScript (${bundle.js.files.length} files)`.padEnd(30) +
      ` ${kB(bundle.js.bytes).padStart(10)} raw ${kB(bundle.js.gzipBytes).padStart(10)} gzip`,
  );
  console.log(
    `initial CSS (${bundle.css.files.length} files)`.padEnd(30) +
      ` ${kB(bundle.css.bytes).padStart(10)} raw ${kB(bundle.css.gzipBytes).padStart(10)} gzip`,
  );
  const budget = bundle.budget
    ? `warning ${kB(bundle.budget.warningBytes)} / error ${kB(bundle.budget.errorBytes)}`
    : 'none set';
  console.log(`Angular "initial" budget (apps/web/project.json, raw JS + CSS): ${budget}`);
  console.log(`initial JS + CSS, raw: ${kB(bundle.initialBytes)} -> ${bundle.budgetStatus}`);
  if (bundle.budgetStatus.startsWith('over')) warn(`initial bundle ${bundle.budgetStatus} budget`);
  rows.push(['initial JS, raw / gzip', `${kB(bundle.js.bytes)} / ${kB(bundle.js.gzipBytes)}`]);
  rows.push([
    'initial JS + CSS vs budget (raw)',
    `${kB(bundle.initialBytes)} of ${bundle.budget ? kB(bundle.budget.warningBytes) : '-'} warn / ${
      bundle.budget ? kB(bundle.budget.errorBytes) : '-'
    } error`,
    bundle.budgetStatus === 'within budget' ? '' : bundle.budgetStatus,
  ]);
}

async function measureLighthouse(app) {
  heading(`4. Lighthouse (desktop preset, median of ${settings.lighthouseRuns} runs per page)`);
  const unavailable =
    lighthouseUnavailable() ?? (app ? null : 'the app did not start (see the errors above)');
  if (unavailable) {
    console.log(`Lighthouse skipped: ${unavailable}.`);
    results.lighthouse = { skipped: unavailable };
    rows.push(['Lighthouse', 'skipped', unavailable]);
    return;
  }
  const token = await login(app.baseUrl, USERNAME, PASSWORD);
  const pages = [
    {
      name: 'login',
      label: 'sign-in page (/login)',
      url: `${app.baseUrl}/login`,
      expectPath: (path) => path.startsWith('/login'),
    },
    {
      name: 'shell',
      label: `app shell signed in (/ as ${USERNAME})`,
      url: `${app.baseUrl}/`,
      cookie: `mentor_session=${token}`,
      expectPath: (path) => !path.startsWith('/login'),
    },
  ];
  const lighthouse = await runLighthouse(pages, { runs: settings.lighthouseRuns, resultsDir });
  results.lighthouse = lighthouse;
  for (const [i, page] of lighthouse.results.entries()) {
    const label = pages[i].label;
    if (page.error) {
      console.log(`${label.padEnd(40)} not measured`);
      fail('lighthouse', `${label}: ${page.error}`);
      rows.push([`Lighthouse ${label}`, 'failed', page.error.split('\n')[0].slice(0, 60)]);
      continue;
    }
    console.log(
      `${label.padEnd(40)} performance ${String(page.performance).padStart(3)}   accessibility ${String(
        page.accessibility,
      ).padStart(3)}   (performance per run: ${page.performanceRuns.join(', ')}; ended on ${
        new URL(page.finalUrl).pathname
      })`,
    );
    const m = page.metrics;
    console.log(
      `  FCP ${ms(m.firstContentfulPaintMs)}, LCP ${ms(m.largestContentfulPaintMs)}, TBT ${ms(
        m.totalBlockingTimeMs,
      )}, CLS ${m.cumulativeLayoutShift}, report ${relative(root, page.report)}`,
    );
    for (const problem of page.problems) fail('lighthouse', `${label}: ${problem}`);
    const flag = page.problems.length ? 'see errors' : '';
    rows.push([`Lighthouse ${label}: performance`, `${page.performance} / 100`, flag]);
    rows.push([`Lighthouse ${label}: accessibility`, `${page.accessibility} / 100`, flag]);
  }
}

async function main() {
  console.log(`Mentorsystemet benchmark, ${results.date}`);
  console.log(`Node ${process.version}, ${results.machine.cpus} x ${results.machine.cpuModel}`);

  heading('Build');
  let buildOk = true;
  try {
    results.build = await ensureFreshBuild();
    console.log(`dist/: ${results.build}`);
  } catch (error) {
    buildOk = false;
    fail('build', error);
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'mentor-bench-'));
  const keepData = process.env.BENCH_KEEP_DATA === '1';
  // Registered first, so it runs last: after the app (and its PostgreSQL) has stopped.
  onCleanup(async () => {
    if (keepData) console.log(`Data dir kept: ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  });

  let app;
  try {
    if (buildOk) {
      try {
        app = await measureStartup(dataDir);
      } catch (error) {
        fail('startup', error);
      }
    }
    if (app && !interrupted()) {
      try {
        await measureLoad(app);
      } catch (error) {
        fail('load', error);
      }
    }
    try {
      if (!interrupted()) measureBundle();
    } catch (error) {
      fail('bundle', error);
    }
    try {
      if (!interrupted()) await measureLighthouse(app);
    } catch (error) {
      fail('lighthouse', error);
    }
  } finally {
    await app?.stop();
    await cleanupAll();
  }
  if (interrupted()) return 1; // the signal handler exits once everything has stopped

  printTable('Summary', rows);
  mkdirSync(resultsDir, { recursive: true });
  const jsonFile = join(resultsDir, 'latest.json');
  writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nResults written to ${relative(root, jsonFile)}`);
  if (process.env.BENCH_NATIONAL === '1') {
    // Opt-in: the national-scale benchmark on the PostgreSQL server (bench/national/run.mjs).
    heading('5. National scale (BENCH_NATIONAL=1): node bench/national/run.mjs');
    const national = spawnSync(process.execPath, ['bench/national/run.mjs'], { cwd: root, stdio: 'inherit' });
    if (national.status !== 0) {
      results.errors.push({ part: 'national', message: `bench/national/run.mjs exited ${national.status}` });
    }
  }
  if (process.env.BENCH_FAULT === '1') {
    // Opt-in: PostgreSQL stopped and started under load (bench/fault/run.mjs).
    heading('6. Fault test (BENCH_FAULT=1): node bench/fault/run.mjs');
    const fault = spawnSync(process.execPath, ['bench/fault/run.mjs'], { cwd: root, stdio: 'inherit' });
    if (fault.status !== 0) {
      results.errors.push({ part: 'fault', message: `bench/fault/run.mjs exited ${fault.status}` });
    }
  }
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
