import { AuditRetentionTask } from '../src/audit/audit-retention.task';
import { startTestApp, type TestApp } from './test-app';

describe('audit retention by month', () => {
  let t: TestApp;
  let municipalityId: string;
  let userId: string;
  let organisationId: string;

  beforeAll(async () => {
    t = await startTestApp({}, { ownDatabase: true });
    [{ municipality_id: municipalityId, id: userId, organisation_id: organisationId }] = await t.db.query(
      `SELECT municipality_id, id, organisation_id FROM app_user WHERE username = 'sagsbehandler.cji'`,
    );
  });
  afterAll(() => t?.close());

  const partitions = async (): Promise<string[]> =>
    (
      await t.db.query<{ relname: string }[]>(
        `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
          WHERE i.inhparent = 'audit_event'::regclass ORDER BY 1`,
      )
    ).map((r) => r.relname);

  const record = (at: string) =>
    t.db.query(
      `INSERT INTO audit_event (municipality_id, user_id, action, at, actor_role, actor_organisation_id)
       VALUES ($1, $2, 'citizen.read', $3, 'caseworker', $4)`,
      [municipalityId, userId, at, organisationId],
    );

  it('keeps months ahead ready, and a record in a month without a partition fails rather than hides', async () => {
    const months = await partitions();
    const now = new Date();
    const month = (offset: number) => {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
      return `audit_event_p${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    };
    expect(months).toEqual(expect.arrayContaining([month(0), month(1), month(2)]));
    await expect(record('2016-03-01T12:00:00Z')).rejects.toThrow(/no partition/);
  });

  it('drops whole months past the retention period, on several instances at once, and keeps the rest', async () => {
    // Records from seven years ago (its month made as the job would have made it then) and today.
    await t.db.query(`SELECT * FROM audit_partitions_maintain('-infinity', 0, '2019-05-10T00:00:00Z')`);
    await record('2019-05-10T09:00:00Z');
    await record('2019-05-31T21:59:00Z');
    await record(new Date().toISOString());
    const before = await partitions();
    expect(before).toContain('audit_event_p201905');
    const [{ n: recent }] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE at > now() - interval '1 day'`,
    );

    const task = t.app.get(AuditRetentionTask);
    // Nothing is due at a time when May 2019 was recent.
    expect(await task.run(new Date('2020-01-01T00:00:00Z'))).toMatchObject({ auditMonths: 0 });
    // Now, twice at once (two instances): each month past five years (May 2019, and the months the
    // run "in 2020" made ahead) goes exactly once, and nothing fails.
    const cut = new Date();
    cut.setUTCFullYear(cut.getUTCFullYear() - 5);
    const cutMonth = `${cut.getUTCFullYear()}${String(cut.getUTCMonth() + 1).padStart(2, '0')}`;
    const due = (await partitions()).filter((name) => name.slice(-6) < cutMonth).length;
    expect(due).toBe(4);
    const runs = await Promise.all([task.run(new Date()), task.run(new Date())]);
    expect(runs.reduce((sum, r) => sum + r.auditMonths!, 0)).toBe(due);

    expect(await partitions()).not.toContain('audit_event_p201905');
    const [{ n: old }] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE at < '2020-01-01'`,
    );
    expect(old).toBe(0);
    const [{ n: stillRecent }] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE at > now() - interval '1 day'`,
    );
    expect(stillRecent).toBeGreaterThanOrEqual(recent);
  });

  it('moves with the clock: six years on, this month goes too', async () => {
    const sixYearsOn = new Date();
    sixYearsOn.setUTCFullYear(sixYearsOn.getUTCFullYear() + 6);
    const result = await t.app.get(AuditRetentionTask).run(sixYearsOn);
    expect(result.auditMonths).toBeGreaterThanOrEqual(3);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE at < now() + interval '1 day'`,
    );
    expect(n).toBe(0);
  });
});
