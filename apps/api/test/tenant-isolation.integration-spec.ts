import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { asTenant } from '../src/database/tenant-context';
import { startTestApp, type TestApp } from './test-app';

/**
 * Tables shared by every municipality, each with why: everything else is a tenant table and must
 * carry municipality_id in its keys and be held by row-level security.
 */
const REFERENCE_TABLES: Record<string, string> = {
  municipality: 'the tenants themselves',
  login_attempt: 'sign-in throttling by username, before any municipality is known',
  login_name: 'keeps usernames unique across municipalities; only its trigger can touch it',
  schema_migration: 'the migrations applied',
};

interface Key {
  table: string;
  name: string;
  kind: 'p' | 'u' | 'f' | 'i';
  columns: string[];
  referencedTable: string | null;
  referencedColumns: string[] | null;
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

describe('tenant isolation in PostgreSQL', () => {
  let t: TestApp;
  let owner: Client;
  let tenantTables: string[];
  let demoMunicipality: string;
  const otherMunicipality = randomUUID();

  beforeAll(async () => {
    t = await startTestApp({}, { ownDatabase: true });
    owner = await connect(t.databaseUrl);
    const tables = await owner.query<{ table_name: string }>(
      `SELECT c.relname AS table_name FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        ORDER BY 1`,
    );
    tenantTables = tables.rows.map((r) => r.table_name).filter((name) => !(name in REFERENCE_TABLES));
    const [demo] = (await owner.query<{ id: string }>(`SELECT id FROM municipality ORDER BY code LIMIT 1`))
      .rows;
    demoMunicipality = demo!.id;
    await owner.query(`INSERT INTO municipality (id, code, name) VALUES ($1, 999, 'Anden Testkommune')`, [
      otherMunicipality,
    ]);
  });
  afterAll(async () => {
    await owner?.end();
    await t?.close();
  });

  describe('the schema (what a database sharded by municipality needs)', () => {
    let keys: Key[];
    beforeAll(async () => {
      const constraints = await owner.query<Key>(
        `SELECT c.conrelid::regclass::text AS table, c.conname AS name, c.contype AS kind,
                ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a
                        ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS columns,
                c.confrelid::regclass::text AS "referencedTable",
                CASE WHEN c.contype = 'f' THEN ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                  JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) END AS "referencedColumns"
           FROM pg_constraint c
          WHERE c.connamespace = 'public'::regnamespace AND c.contype IN ('p', 'u', 'f')
            AND c.conrelid IN (SELECT oid FROM pg_class WHERE NOT relispartition)`,
      );
      // Unique indexes that are no constraint (partial ones, say) must hold the key too.
      const uniqueIndexes = await owner.query<Key>(
        `SELECT t.relname AS table, i.relname AS name, 'i' AS kind,
                ARRAY(SELECT a.attname::text FROM unnest(x.indkey) k JOIN pg_attribute a
                        ON a.attrelid = x.indrelid AND a.attnum = k) AS columns,
                NULL AS "referencedTable", NULL AS "referencedColumns"
           FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
          WHERE t.relnamespace = 'public'::regnamespace AND x.indisunique AND NOT t.relispartition
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
      );
      keys = [...constraints.rows, ...uniqueIndexes.rows].filter((k) => tenantTables.includes(k.table));
    });

    it('lists every shared table; the rest are tenant tables', () => {
      expect(tenantTables.length).toBeGreaterThanOrEqual(30);
    });

    it('gives every tenant table a municipality_id that is never null', async () => {
      const columns = await owner.query<{ table_name: string; is_nullable: string; data_type: string }>(
        `SELECT table_name, is_nullable, data_type FROM information_schema.columns
          WHERE table_schema = 'public' AND column_name = 'municipality_id'`,
      );
      const byTable = new Map(columns.rows.map((c) => [c.table_name, c]));
      const wrong = tenantTables.filter(
        (table) => byTable.get(table)?.is_nullable !== 'NO' || byTable.get(table)?.data_type !== 'uuid',
      );
      expect(wrong).toEqual([]);
    });

    it('puts municipality_id in every primary key and unique constraint or index', () => {
      const withoutMunicipality = keys
        .filter((k) => k.kind !== 'f' && !k.columns.includes('municipality_id'))
        .map((k) => `${k.table}.${k.name}`);
      expect(withoutMunicipality).toEqual([]);
      const tablesWithPrimaryKey = new Set(keys.filter((k) => k.kind === 'p').map((k) => k.table));
      expect(tenantTables.filter((table) => !tablesWithPrimaryKey.has(table))).toEqual([]);
    });

    it('joins municipality_id to municipality_id in every foreign key between tenant tables', () => {
      const foreignKeys = keys.filter((k) => k.kind === 'f' && tenantTables.includes(k.referencedTable!));
      expect(foreignKeys.length).toBeGreaterThan(50);
      const wrong = foreignKeys
        .filter((k) => {
          const at = k.columns.indexOf('municipality_id');
          return at < 0 || k.referencedColumns![at] !== 'municipality_id';
        })
        .map((k) => `${k.table}.${k.name}`);
      expect(wrong).toEqual([]);
    });

    it('forces row-level security with a policy on every tenant table, and nowhere else', async () => {
      const security = await owner.query<{
        relname: string;
        relrowsecurity: boolean;
        relforcerowsecurity: boolean;
        policies: number;
      }>(
        `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
           FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
            AND NOT c.relispartition`,
      );
      const unprotected = security.rows
        .filter((r) => tenantTables.includes(r.relname))
        .filter((r) => !r.relrowsecurity || !r.relforcerowsecurity || r.policies === 0)
        .map((r) => r.relname);
      expect(unprotected).toEqual([]);
    });
  });

  describe("the API's database login", () => {
    let app: Client;
    beforeAll(async () => {
      app = await connect((t.db.options as { url: string }).url);
    });
    afterAll(() => app?.end());

    it('is no superuser, does not bypass row-level security and owns no table', async () => {
      const { rows } = await app.query(
        `SELECT r.rolsuper, r.rolbypassrls,
                (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owned
           FROM pg_roles r WHERE r.rolname = current_user`,
      );
      expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, owned: 0 });
      const [{ current_user }] = (await owner.query('SELECT current_user')).rows;
      const [{ current_user: appUser }] = (await app.query('SELECT current_user')).rows;
      expect(appUser).not.toBe(current_user);
    });

    it('with no WHERE filter at all, reads, changes and deletes no row of another municipality', async () => {
      const demoRows = new Map<string, number>();
      for (const table of tenantTables) {
        const { rows } = await owner.query(
          `SELECT count(*)::int AS n FROM "${table}" WHERE municipality_id = $1`,
          [demoMunicipality],
        );
        demoRows.set(table, rows[0].n);
      }
      // The demo data fills nearly every table, so the sweep below proves something for each.
      const empty = tenantTables.filter((table) => demoRows.get(table) === 0);
      expect(empty.length).toBeLessThanOrEqual(3);

      // As the other municipality: nothing of the demo municipality is there to read or touch.
      await app.query(`SELECT set_config('app.municipality_id', $1, false)`, [otherMunicipality]);
      for (const table of tenantTables) {
        await app.query('BEGIN');
        try {
          const read = await app.query(`SELECT count(*)::int AS n FROM "${table}"`);
          const updated = await app.query(`UPDATE "${table}" SET municipality_id = municipality_id`);
          const deleted =
            table === 'audit_event' ? { rowCount: 0 } : await app.query(`DELETE FROM "${table}"`);
          expect({
            table,
            read: read.rows[0].n,
            updated: updated.rowCount,
            deleted: deleted.rowCount,
          }).toEqual({
            table,
            read: 0,
            updated: 0,
            deleted: 0,
          });
        } catch (error) {
          // audit_event: the login may not UPDATE it at all.
          if (!(table === 'audit_event' && /permission denied/.test(String(error)))) throw error;
        } finally {
          await app.query('ROLLBACK');
        }
      }

      // Writing a row into another municipality is refused, whatever the row.
      for (const table of tenantTables.filter((name) => demoRows.get(name)! > 0)) {
        await app.query(`SELECT set_config('app.municipality_id', '*', false)`);
        await app.query('BEGIN');
        try {
          await app.query(
            `CREATE TEMP TABLE copy ON COMMIT DROP AS SELECT * FROM "${table}" WHERE municipality_id = $1 LIMIT 1`,
            [demoMunicipality],
          );
          await app.query(`SELECT set_config('app.municipality_id', $1, true)`, [otherMunicipality]);
          await expect(app.query(`INSERT INTO "${table}" SELECT * FROM copy`)).rejects.toThrow(
            /row-level security|violates row-level/,
          );
        } finally {
          await app.query('ROLLBACK');
        }
      }

      // As the demo municipality the rows are all there: the policy is no blanket refusal.
      await app.query(`SELECT set_config('app.municipality_id', $1, false)`, [demoMunicipality]);
      for (const table of tenantTables) {
        const { rows } = await app.query(`SELECT count(*)::int AS n FROM "${table}"`);
        expect({ table, n: rows[0].n }).toEqual({ table, n: demoRows.get(table) });
      }
      // With no municipality set, or a value that is no municipality id, nothing at all.
      for (const value of ['', 'garbage', `${demoMunicipality}x`, `'${demoMunicipality}'`, '**']) {
        await app.query(`SELECT set_config('app.municipality_id', $1, false)`, [value]);
        const { rows } = await app.query(`SELECT count(*)::int AS n FROM citizen`);
        expect({ value, n: rows[0].n }).toEqual({ value, n: 0 });
      }
    });

    it('reads through every view only what row-level security lets the caller read', async () => {
      // A view reads its tables as its owner unless it is security_invoker; the tests' owner is a
      // superuser, which bypasses row-level security, so such a view would show every municipality.
      const { rows: views } = await owner.query<{ name: string; options: string[] | null }>(
        `SELECT relname AS name, reloptions AS options FROM pg_class
          WHERE relnamespace = 'public'::regnamespace AND relkind = 'v'
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = pg_class.oid AND d.deptype = 'e')
          ORDER BY 1`,
      );
      expect(views.map((v) => v.name)).toEqual(
        expect.arrayContaining(['counted_contact', 'course_overview_source']),
      );
      for (const view of views) {
        expect({ view: view.name, options: view.options }).toEqual({
          view: view.name,
          options: expect.arrayContaining(['security_invoker=true']),
        });
        const count = async (municipality: string) => {
          await app.query(`SELECT set_config('app.municipality_id', $1, false)`, [municipality]);
          return (await app.query(`SELECT count(*)::int AS n FROM "${view.name}"`)).rows[0].n;
        };
        const [{ n: demoRows }] = (
          await owner.query(`SELECT count(*)::int AS n FROM "${view.name}" WHERE municipality_id = $1`, [
            demoMunicipality,
          ])
        ).rows;
        expect(demoRows).toBeGreaterThan(0);
        expect({ view: view.name, n: await count(otherMunicipality) }).toEqual({ view: view.name, n: 0 });
        expect({ view: view.name, n: await count(demoMunicipality) }).toEqual({
          view: view.name,
          n: demoRows,
        });
      }
    });

    it("narrows the API's own statements to the scope's municipality", async () => {
      const count = () =>
        t.db.query(`SELECT count(*)::int AS n FROM citizen`).then((r: { n: number }[]) => r[0]!.n);
      const all = await count();
      expect(all).toBeGreaterThan(0);
      expect(await asTenant(otherMunicipality, count)).toBe(0);
      expect(await asTenant(demoMunicipality, count)).toBe(all);
    });

    it('sends the municipality again after a transaction whose setting a failed COMMIT rolled back', async () => {
      const runner = t.db.createQueryRunner();
      await runner.connect();
      try {
        const count = () =>
          runner.query(`SELECT count(*)::int AS n FROM citizen`).then((r: { n: number }[]) => r[0]!.n);
        // The transaction begins in the system scope, so the connection's setting before it is '*'.
        expect(await count()).toBeGreaterThan(0);
        await runner.query('BEGIN');
        await asTenant(otherMunicipality, async () => {
          // The setting changes inside the transaction, then the transaction fails...
          expect(await count()).toBe(0);
          await expect(runner.query('SELECT 1 / 0')).rejects.toThrow(/division by zero/);
          // ...and its COMMIT rolls back, the setting with it (back to '*', every municipality).
          await runner.query('COMMIT');
          // Still as the other municipality: its statement must not see the demo municipality's rows.
          expect(await count()).toBe(0);
        });
      } finally {
        await runner.release();
      }
    });
  });

  it("answers a request with the user's municipality only, even from a query without a filter", async () => {
    // A user of the other municipality signs in and lists citizens: the demo municipality's stay away.
    const [organisation] = (
      await owner.query(
        `INSERT INTO organisation (municipality_id, kind, name, version) VALUES ($1, 'internal_centre', 'Jobcenter Anden', 1) RETURNING id`,
        [otherMunicipality],
      )
    ).rows;
    const demoUser = (
      await owner.query(`SELECT password_hash FROM app_user WHERE username = 'sagsbehandler.cji'`)
    ).rows[0];
    await owner.query(
      `INSERT INTO app_user (municipality_id, organisation_id, username, name, role, password_hash, version)
       VALUES ($1, $2, 'sagsbehandler.anden', 'Anne Andenkommune', 'caseworker', $3, 1)`,
      [otherMunicipality, organisation.id, demoUser.password_hash],
    );
    const token = await t.login('sagsbehandler.anden');
    const citizens = await t.request<{ items: unknown[]; total: number }>('GET', '/api/citizens', { token });
    expect(citizens.status).toBe(200);
    expect(citizens.body.total).toBe(0);
  });
});
