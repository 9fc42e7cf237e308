import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';

declare global {
  var __stopTestDatabase: (() => Promise<void>) | undefined;
}

/**
 * One fresh database per run: on TEST_DATABASE_URL's server when set, else on an embedded
 * PostgreSQL in a temporary directory. Workers read the URL from MENTOR_TEST_DATABASE_URL.
 */
export default async function globalSetup() {
  const name = `mentor_test_${Date.now()}_${process.pid}`;
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (serverUrl) {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    process.env['MENTOR_TEST_DATABASE_URL'] = url.toString();
    globalThis.__stopTestDatabase = async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    };
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'mentor-test-'));
  const db = await startEmbeddedPostgres({ dataDir, database: name, log: () => undefined });
  process.env['MENTOR_TEST_DATABASE_URL'] = db.url;
  globalThis.__stopTestDatabase = () => db.stop();
}
