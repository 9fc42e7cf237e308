import { DataSource } from 'typeorm';
import { MIGRATIONS, revertLastMigration, runMigrations, schemaDrift } from '@mentor/migrations';
import { appDataSourceOptions as dataSourceOptions } from '../src/database/data-source';

describe('migrations', () => {
  let db: DataSource;
  beforeAll(async () => {
    db = new DataSource(dataSourceOptions(process.env['MENTOR_TEST_DATABASE_URL']!));
    await db.initialize();
    await runMigrations(db);
  });
  afterAll(() => db.destroy());

  it('leave no drift between entities and schema', async () => {
    const drift = await schemaDrift(db);
    expect(drift.up).toEqual([]);
  });

  it('revert and re-apply cleanly', async () => {
    const count = MIGRATIONS.length;
    // The demo data of other suites may hold rows; revert on an empty copy of the schema instead.
    const scratch = `mentor_scratch_${Date.now()}`;
    await db.query(`CREATE DATABASE "${scratch}"`);
    const url = new URL(process.env['MENTOR_TEST_DATABASE_URL']!);
    url.pathname = `/${scratch}`;
    const copy = new DataSource(dataSourceOptions(url.toString()));
    await copy.initialize();
    try {
      expect(await runMigrations(copy)).toHaveLength(count);
      for (let i = 0; i < count; i++) await revertLastMigration(copy);
      const tables: unknown[] = await copy.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migration'`,
      );
      expect(tables).toEqual([]);
      expect(await runMigrations(copy)).toHaveLength(count);
      expect((await schemaDrift(copy)).up).toEqual([]);
    } finally {
      await copy.destroy();
      await db.query(`DROP DATABASE "${scratch}"`);
    }
  });

  it('never synchronizes', () => {
    expect(dataSourceOptions('postgres://x').synchronize).toBe(false);
  });
});
