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

  it('keep int_array_add (PL/pgSQL since ProceduralArrayAdd) giving what its SQL original gave', async () => {
    const rows: { same: boolean; a: string; b: string }[] = await db.query(
      `SELECT a::text, b::text, int_array_add(a, b) IS NOT DISTINCT FROM (
                SELECT array_agg(x + y ORDER BY i) FROM unnest(a, b) WITH ORDINALITY AS t (x, y, i)) AS same
         FROM (VALUES ('{1,2,3}'::int[], '{4,5,6}'::int[]), ('{1,2}', '{1,2,3}'), ('{}', '{}'), (NULL, '{1,2}'),
                      ('{1,2}', NULL), (NULL, NULL), ('{1,NULL,3}', '{1,2,3}'), ('{}', '{7}'),
                      ('[0:2]={1,2,3}', '{10,20,30}'), ('{0,0,0,0,0,0,0,0,1}', '{3,0,0,0,0,0,0,0,2}')) v (a, b)`,
    );
    expect(rows.filter((row) => !row.same)).toEqual([]);
    expect(rows).toHaveLength(10);
  });

  it('never synchronizes', () => {
    expect(dataSourceOptions('postgres://x').synchronize).toBe(false);
  });
});
