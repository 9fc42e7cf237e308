// `npm run db:migrate` / `db:revert`: builds the API if needed and runs the migration CLI.
import { spawnSync } from 'node:child_process';
import { ensureBuilt } from './ensure-built.mjs';

await ensureBuilt({ web: false });
const result = spawnSync(
  process.execPath,
  ['--enable-source-maps', 'dist/api/db-cli.js', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
