// Starts the built app for the browser tests on a database of its own: a fresh database on
// TEST_DATABASE_URL's server when set, else an embedded PostgreSQL in a temporary directory.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const port = process.env.E2E_PORT ?? '4310';
const serverUrl = process.env.TEST_DATABASE_URL;
const env = { ...process.env, PORT: port, DEMO_DATA: 'true', LOG_LEVEL: 'warn', NODE_ENV: 'test' };
let cleanup = async () => undefined;

if (serverUrl) {
  const name = `mentor_e2e_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  cleanup = async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  };
} else {
  const dataDir = mkdtempSync(join(tmpdir(), 'mentor-e2e-'));
  delete env.DATABASE_URL;
  env.DATA_DIR = dataDir;
  cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
}

const app = spawn(process.execPath, ['--enable-source-maps', 'dist/api/main.js'], { stdio: 'inherit', env });
const stop = (signal) => app.kill(signal);
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
app.on('exit', async (code) => {
  await cleanup().catch((error) => console.error('e2e cleanup failed:', error.message));
  process.exit(code ?? 0);
});
