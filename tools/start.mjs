// `npm start`: builds what changed, then runs the API (which serves the web app) in this process,
// so Ctrl-C and SIGTERM reach it directly and it can stop the embedded PostgreSQL cleanly.
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './ensure-built.mjs';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
process.setSourceMapsEnabled(true);
await ensureBuilt({ web: true });
await import('../dist/api/main.js');
