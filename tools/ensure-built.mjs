// Rebuilds the API and the web app when any of their sources is newer than the last build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApi } from './build-api.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

function newestMtime(paths) {
  let newest = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(p)) if (entry !== 'node_modules') walk(join(p, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach((p) => walk(join(root, p)));
  return newest;
}

function builtAt(file) {
  const path = join(root, file);
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

const shared = ['libs/domain/src', 'tsconfig.base.json', 'package-lock.json'];

export async function ensureBuilt({ web = true, force = false } = {}) {
  if (force || newestMtime(['apps/api/src', 'migrations', ...shared]) > builtAt('dist/api/main.js')) {
    console.log('Building the API ...');
    await buildApi();
  }
  if (
    web &&
    (force ||
      newestMtime(['apps/web', 'libs/shared-ui/src', ...shared]) > builtAt('dist/web/browser/index.html'))
  ) {
    console.log('Building the web app ...');
    const result = spawnSync('npx', ['nx', 'run', 'web:build', '--skip-nx-cache'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    });
    if (result.status !== 0) throw new Error('The web build failed.');
  }
}
