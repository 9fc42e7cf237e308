import type { NestFastifyApplication } from '@nestjs/platform-fastify';
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

/** Boots the whole API on the run's database with demo data, listening on a free port. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const databaseUrl = process.env['MENTOR_TEST_DATABASE_URL'];
  if (!databaseUrl)
    throw new Error('MENTOR_TEST_DATABASE_URL is not set; run through jest.integration.config.cjs');
  const config = loadConfig({ ...process.env, WEB_DIST_DIR: '/nonexistent', ...env });
  const queries = new QueryCounter();
  const app = await createApp({ config, databaseUrl, logger: createLogger('silent'), queryLogger: queries });
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
    db: app.get(DataSource),
    request,
    async login(username: string) {
      const response = await request<{ accessToken: string }>('POST', '/api/auth/login', {
        json: { username, password: DEMO_PASSWORD },
      });
      if (response.status !== 200) throw new Error(`login ${username}: ${response.status}`);
      return response.body.accessToken;
    },
    close: () => app.close(),
  };
}
