// Makes sure dist/ is up to date before anything is timed, so the timed `npm start` does not build.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt } from '../../tools/ensure-built.mjs';
import { root } from './util.mjs';

export const apiEntry = join(root, 'dist/api/main.js');
export const webIndex = join(root, 'dist/web/browser/index.html');

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);

/**
 * A missing build gets a full `node tools/build.mjs`. An existing one is brought up to date the way
 * `npm start` itself would (tools/ensure-built.mjs rebuilds only what is older than its sources; a
 * no-op when nothing changed). Returns what was done.
 */
export async function ensureFreshBuild() {
  if (!existsSync(apiEntry) || !existsSync(webIndex)) {
    console.log('dist/api or dist/web is missing: running node tools/build.mjs ...');
    const result = spawnSync(process.execPath, ['tools/build.mjs'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`node tools/build.mjs failed (exit ${result.status}).`);
    return 'full build (dist was missing)';
  }
  const before = [mtime(apiEntry), mtime(webIndex)];
  await ensureBuilt({ web: true });
  const rebuilt = before[0] !== mtime(apiEntry) || before[1] !== mtime(webIndex);
  return rebuilt ? 'rebuilt what had changed' : 'up to date';
}
