// The fault test at benchmark size: the built API (dist/api/main.js) on its own PostgreSQL, mentors
// logging contacts from many connections while PostgreSQL is stopped and started again; prints the
// counts and writes bench/results/fault.json. Knobs (bench/README.md): BENCH_FAULT_CONNECTIONS,
// BENCH_FAULT_RESTARTS, BENCH_FAULT_DURATION, BENCH_FAULT_DOWN. Exit code 1 when a promise is broken.
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildApi } from '../../tools/build-api.mjs';
import { ensureBuilt } from '../../tools/ensure-built.mjs';
import { startApp } from '../lib/app.mjs';
import { cleanupAll, finish, interrupted, onCleanup } from '../lib/cleanup.mjs';
import { printTable } from '../lib/report.mjs';
import { envNumber, freePort, heading, root } from '../lib/util.mjs';
import { startFaultPostgres } from '../../apps/api/test/fault/postgres.mjs';
import {
  faultProblems,
  figureRows,
  runFaultScenario,
  signInMentors,
} from '../../apps/api/test/fault/scenario.mjs';

// The demo mentors (apps/api/src/demo/demo-data.ts), password "demo"; one per connection in turn.
const DEMO_MENTORS = [
  'mentor.cji1',
  'mentor.cji2',
  'mentor.cab1',
  'mentor.cab2',
  'mentor.mentorhuset1',
  'mentor.mentorhuset2',
  'mentor.vejenvidere1',
  'mentor.vejenvidere2',
];
const RECOVERY_LIMIT_S = 30;

const settings = {
  connections: Math.max(1, Math.round(envNumber('BENCH_FAULT_CONNECTIONS', 50))),
  restarts: Math.max(1, Math.round(envNumber('BENCH_FAULT_RESTARTS', 3))),
  durationS: envNumber('BENCH_FAULT_DURATION', 60),
  downS: envNumber('BENCH_FAULT_DOWN', 3),
  timeoutS: envNumber('BENCH_FAULT_TIMEOUT', 10),
};
// The planned duration is spread over the stretches with the database up: before the first stop and
// after each start (recovery comes out of the up time's start, so the run may take a little longer).
settings.upS = Math.max(
  1,
  (settings.durationS - settings.restarts * settings.downS) / (settings.restarts + 1),
);

async function ensureApiBuilt() {
  if (!existsSync(join(root, 'dist/api/main.js'))) {
    console.log('dist/api is missing: building it (tools/build-api.mjs) ...');
    await buildApi();
    return;
  }
  try {
    await ensureBuilt({ web: false });
  } catch (error) {
    console.log(`  [!] rebuilding the API failed (${error.message.split('\n')[0]}); using dist/api as it is`);
  }
}

async function main() {
  console.log(`Mentorsystemet fault test, ${new Date().toISOString()}`);
  console.log(
    `${settings.connections} connections, ${settings.restarts} restarts, ${settings.durationS} s planned ` +
      `(${settings.upS.toFixed(1)} s up between restarts, ${settings.downS} s down each), ${cpus().length} CPUs`,
  );
  heading('Build');
  await ensureApiBuilt();
  console.log(`dist/api/main.js built ${statSync(join(root, 'dist/api/main.js')).mtime.toISOString()}`);

  const dataDir = mkdtempSync(join(tmpdir(), 'mentor-fault-'));
  onCleanup(async () => rmSync(dataDir, { recursive: true, force: true }));

  heading('PostgreSQL and the API');
  const db = await startFaultPostgres({ dataDir: join(dataDir, 'db'), log: (m) => console.log(`  ${m}`) });
  onCleanup(() => db.close());
  console.log(`PostgreSQL (embedded) on port ${db.port}`);
  const app = await startApp({
    dataDir: join(dataDir, 'app'),
    port: await freePort(),
    direct: true,
    env: { DATABASE_URL: db.url, DEMO_DATA: 'true', LOGIN_SLOWDOWN_MS: '0', REPORT_REMINDERS: 'false' },
  });
  console.log(`API (pid ${app.pid}) at ${app.baseUrl}, healthy after ${(app.startupMs / 1000).toFixed(1)} s`);
  const mentors = await signInMentors(app.baseUrl, DEMO_MENTORS, 'demo');
  console.log(
    `${mentors.length} mentors signed in, ${mentors.reduce((n, m) => n + m.courseIds.length, 0)} courses ` +
      'with an acknowledged handover',
  );

  heading('Load with PostgreSQL restarts');
  const figures = await runFaultScenario({
    baseUrl: app.baseUrl,
    databaseUrl: db.url,
    database: db,
    mentors,
    connections: settings.connections,
    restarts: settings.restarts,
    upS: settings.upS,
    downS: settings.downS,
    timeoutS: settings.timeoutS,
    recoveryLimitS: RECOVERY_LIMIT_S,
    log: (m) => console.log(`  ${m}`),
  });
  // The API must have come back by itself: the same process throughout.
  const problems = faultProblems(figures, { recoveryLimitS: RECOVERY_LIMIT_S });
  if (app.exited) problems.push(`the API exited during the run (${JSON.stringify(app.exited)})`);
  const rows = figureRows(figures);
  rows.push(['API process', app.exited ? 'exited' : `pid ${app.pid}, never restarted`]);
  printTable('Fault test', rows);
  const apiErrors = app.output.split('\n').filter((line) => /"level":(50|60)|\bERROR\b/.test(line));
  if (problems.length && apiErrors.length) {
    console.log(`\nThe API's last errors:\n${apiErrors.slice(-10).join('\n')}`);
  }
  await app.stop();
  await db.close();

  const resultsDir = join(root, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, 'fault.json');
  writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), settings, figures, problems }, null, 2)}\n`,
  );
  console.log(`\nResults written to ${relative(root, file)}`);
  if (problems.length) {
    console.error(`\n${problems.length} problem(s):`);
    for (const problem of problems) console.error(`  - ${problem}`);
    return 1;
  }
  console.log('\nEvery contact answered 2xx is stored exactly once; the API recovered by itself each time.');
  return 0;
}

main()
  .then(async (code) => {
    await cleanupAll();
    if (interrupted()) return;
    await finish(code);
  })
  .catch(async (error) => {
    console.error(error);
    await cleanupAll();
    await finish(1);
  });
