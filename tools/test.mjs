// `npm test`: lint, format, types, unit, integration (real PostgreSQL) and browser tests.
// Runs every step even after a failure, then prints one summary line and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
mkdirSync('tmp', { recursive: true });
const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  FORCE_COLOR: process.env.FORCE_COLOR ?? '1',
};

const steps = [];
const failures = [];
let passed = 0;
let failed = 0;

/** Names of a Jest or Playwright JSON report's failed tests (and suites that failed to run). */
function failedNames(report) {
  if (report.testResults)
    return report.testResults.flatMap((suite) => {
      const file = suite.name.slice(root.length);
      const tests = (suite.assertionResults ?? [])
        .filter((t) => t.status === 'failed')
        .map((t) => `${file} › ${t.fullName}`);
      return tests.length || suite.status !== 'failed' ? tests : [`${file} (the suite failed to run)`];
    });
  const walk = (suite) => [
    ...(suite.specs ?? [])
      .filter((spec) => !spec.ok)
      .map((spec) => `${spec.file}:${spec.line} › ${spec.title}`),
    ...(suite.suites ?? []).flatMap(walk),
  ];
  return (report.suites ?? []).flatMap(walk);
}

function run(name, command, args, { results } = {}) {
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  if (results) rmSync(results, { force: true });
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  const ok = result.status === 0;
  let counts = '';
  if (results && existsSync(results)) {
    const report = JSON.parse(readFileSync(results, 'utf8'));
    const p = report.numPassedTests ?? report.stats?.expected ?? 0;
    const f = report.numFailedTests ?? (report.stats ? report.stats.unexpected + report.stats.flaky : 0);
    passed += p;
    failed += f;
    counts = ` (${p} passed, ${f} failed)`;
    failures.push(...failedNames(report).map((test) => `${name}: ${test}`));
  } else if (results) {
    failed += 1;
    counts = ' (no report)';
  }
  steps.push(`${name} ${ok ? 'ok' : 'FAILED'}`);
  console.log(
    `=== ${name}: ${ok ? 'ok' : 'FAILED'}${counts} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return ok;
}

// The Nx module-boundaries rule is skipped, with only a warning, when no project graph is cached.
run('project graph', 'npx', ['nx', 'show', 'projects']);
run('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
run('format', 'npx', ['prettier', '--check', '.']);
run('types', 'npm', ['run', '--silent', 'typecheck']);
run('unit', 'npx', ['jest', '--config', 'jest.unit.config.cjs', '--json', '--outputFile=tmp/unit.json'], {
  results: 'tmp/unit.json',
});
run(
  'integration',
  'npx',
  ['jest', '--config', 'apps/api/jest.integration.config.cjs', '--json', '--outputFile=tmp/integration.json'],
  { results: 'tmp/integration.json' },
);
if (run('build', 'node', ['tools/build.mjs'])) {
  run('browser', 'node', ['tools/e2e.mjs'], { results: 'tmp/e2e.json' });
} else {
  steps.push('browser SKIPPED (build failed)');
  failed += 1;
}

const allOk = steps.every((s) => s.endsWith(' ok'));
// Last, so that the tail of a CI log names what failed.
if (failures.length) console.log(`\nFailed:\n${failures.map((test) => `  ${test}`).join('\n')}`);
console.log(`\nSummary: ${passed} tests passed, ${failed} failed; ${steps.join(', ')}.`);
process.exit(allOk && failed === 0 ? 0 : 1);
