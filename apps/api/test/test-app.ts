import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/app-config';
import { createLogger } from '../src/common/logger';
import { QueryCounter } from '../src/database/query-counter';
import { DEMO_PASSWORD } from '../src/demo/demo-data';
import { DemoSeedService } from '../src/demo/demo-seed.service';

export interface TestResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestApp {
  app: NestFastifyApplication;
  /** SQL statements sent since the last reset. */
  queries: QueryCounter;
  baseUrl: string;
  /** The database it runs on (give it to another startTestApp as `databaseUrl` for a second instance). */
  databaseUrl: string;
  db: DataSource;
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<TestResponse<T>>;
  /** Signs in a demo user and returns the bearer token. */
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

export interface RequestOptions {
  token?: string;
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
}

export interface StartOptions {
  /**
   * A fresh database of its own, dropped on close, instead of the run's shared one: for specs that
   * add organisations, users or settings that other specs' exact counts would see.
   */
  ownDatabase?: boolean;
  /** Another instance on this database (another TestApp's `databaseUrl`), left in place on close. */
  databaseUrl?: string;
}

/** A new empty database on the run database's server; returns its URL and how to drop it. */
async function createOwnDatabase(runUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = new URL(runUrl);
  const name = `${server.pathname.slice(1)}_${randomBytes(4).toString('hex')}`;
  server.pathname = '/postgres';
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: server.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(runUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/**
 * Throws unless course_overview holds exactly what course_overview_source computes (migration
 * CourseOverview), read as the database owner, past row-level security: a write path whose triggers
 * missed a change leaves a row that differs.
 */
export async function expectCourseOverviewCurrent(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; side: string }>(
      `SELECT id, 'stored' AS side FROM (TABLE course_overview EXCEPT TABLE course_overview_source) stale
       UNION ALL
       SELECT id, 'computed' FROM (TABLE course_overview_source EXCEPT TABLE course_overview) missing`,
    );
    if (rows.length > 0)
      throw new Error(`course_overview differs from course_overview_source: ${JSON.stringify(rows)}`);
  } finally {
    await client.end();
  }
}

/** Boots the whole API on the run's database (or one of its own) with demo data, on a free port. */
export async function startTestApp(
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<TestApp> {
  const runUrl = process.env['MENTOR_TEST_DATABASE_URL'];
  if (!runUrl)
    throw new Error('MENTOR_TEST_DATABASE_URL is not set; run through jest.integration.config.cjs');
  const own = options.ownDatabase && !options.databaseUrl ? await createOwnDatabase(runUrl) : null;
  const databaseUrl = options.databaseUrl ?? own?.url ?? runUrl;
  const config = loadConfig({ ...process.env, WEB_DIST_DIR: '/nonexistent', ...env });
  const queries = new QueryCounter();
  const app = await createApp({
    config,
    databaseUrl,
    logger: createLogger(process.env.TEST_LOG_LEVEL === 'error' ? 'error' : 'silent'),
    queryLogger: queries,
  });
  await app.get(DemoSeedService).seed();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const request = async <T>(method: string, path: string, options: RequestOptions = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    let body = options.body;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await fetch(baseUrl + path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (e.g. HTML); keep the text.
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  };

  return {
    app,
    queries,
    baseUrl,
    databaseUrl,
    db: app.get(DataSource),
    request,
    async login(username: string) {
      const response = await request<{ accessToken: string }>('POST', '/api/auth/login', {
        json: { username, password: DEMO_PASSWORD },
      });
      if (response.status !== 200) throw new Error(`login ${username}: ${response.status}`);
      return response.body.accessToken;
    },
    async close() {
      await app.close();
      // Whatever a spec changed, the course lists' read model must still equal its definition.
      await expectCourseOverviewCurrent(databaseUrl);
      await own?.drop();
    },
  };
}
