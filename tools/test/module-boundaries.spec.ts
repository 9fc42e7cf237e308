import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// Deliberate violations, linted in memory at paths inside each project: the boundaries must hold.
const root = join(__dirname, '..', '..');

async function errorsFor(file: string, code: string): Promise<string[]> {
  // ESLint loads its config with import(), which Jest's module system cannot; lint in a child process.
  const eslint = join(root, 'node_modules', '.bin', 'eslint');
  const run = spawnSync(eslint, ['--stdin', '--stdin-filename', join(root, file), '--format', 'json'], {
    cwd: root,
    input: code,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NX_DAEMON: 'false' },
  });
  // Without a cached project graph the rule is skipped with a warning: that must not pass silently.
  expect(run.stdout).not.toContain('will be skipped');
  const [result] = JSON.parse(run.stdout.slice(run.stdout.indexOf('['))) as {
    messages: { severity: number; ruleId: string; message: string }[];
  }[];
  return result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('Nx module boundaries', () => {
  jest.setTimeout(60_000);

  beforeAll(() => {
    spawnSync(join(root, 'node_modules', '.bin', 'nx'), ['show', 'projects'], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false' },
    });
  });

  it('fail lint when the web app imports the API', async () => {
    const errors = await errorsFor(
      'apps/web/src/app/violation.ts',
      "import { AppModule } from '../../../api/src/app.module';\nexport const x = AppModule;\n",
    );
    expect(errors.some((e) => e.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
  });

  it('fail lint when the domain library imports a framework', async () => {
    for (const framework of ['@angular/core', '@nestjs/common', 'typeorm']) {
      const errors = await errorsFor(
        'libs/domain/src/lib/violation.ts',
        `import * as f from '${framework}';\nexport const x = f;\n`,
      );
      expect(errors.join('\n')).toContain('is not allowed to import');
    }
  });

  it('fail lint when the domain library imports the web app', async () => {
    const errors = await errorsFor(
      'libs/domain/src/lib/violation.ts',
      "import { ProblemException } from '@mentor/shared-ui';\nexport const x = ProblemException;\n",
    );
    expect(errors.some((e) => e.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
  });

  it('pass lint for allowed imports', async () => {
    const errors = await errorsFor(
      'apps/api/src/violation.ts',
      "import { Role } from '@mentor/domain';\nexport const x = Role.Mentor;\n",
    );
    expect(errors).toEqual([]);
  });
});
