import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DemoSeedService } from '../src/demo/demo-seed.service';
import { startTestApp, type TestApp } from './test-app';

/**
 * The demo of case access and messages, seeded on a database and file directory of its own (other
 * suites share the run's database, whose demo files lie in whichever suite's directory seeded first).
 */
describe('the demo of case access and messages', () => {
  let t: TestApp;
  let storageDir: string;
  let scratchUrl: URL;
  const runUrl = process.env['MENTOR_TEST_DATABASE_URL']!;

  const get = (username: string, path: string) =>
    t.login(username).then((token) => t.request<any>('GET', path, { token }));

  beforeAll(async () => {
    scratchUrl = new URL(runUrl);
    scratchUrl.pathname = `/mentor_demo_${Date.now()}`;
    const admin = new Client({ connectionString: runUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${scratchUrl.pathname.slice(1)}"`);
    await admin.end();
    storageDir = mkdtempSync(join(tmpdir(), 'mentor-demo-files-'));
    process.env['MENTOR_TEST_DATABASE_URL'] = scratchUrl.toString();
    try {
      t = await startTestApp({ FILE_STORAGE_DIR: storageDir });
    } finally {
      process.env['MENTOR_TEST_DATABASE_URL'] = runUrl;
    }
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    const admin = new Client({ connectionString: runUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${scratchUrl.pathname.slice(1)}" WITH (FORCE)`);
    await admin.end();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it("shows unread messages and a sparring request on the caseworker's caseload", async () => {
    const caseload = await get('sagsbehandler.cji', '/api/courses?limit=100');
    const flagged = caseload.body.items.filter((c: any) => c.unreadMessages > 0 || c.needsSparring);
    expect(flagged.map((c: any) => [c.unreadMessages, c.needsSparring]).sort()).toEqual([
      [1, false],
      [2, true],
    ]);
    // The external mentor has the caseworker's message on another course unread.
    const mine = await get('mentor.mentorhuset1', '/api/courses?limit=100');
    expect(
      mine.body.items.filter((c: any) => c.unreadMessages > 0).map((c: any) => c.unreadMessages),
    ).toEqual([1]);
  });

  it('gives the external mentor exactly the active shares, with the documents stored encrypted', async () => {
    const [external] = await t.db.query(
      `SELECT s.course_id AS "courseId", ci.id AS "citizenId", count(*)::int AS shares,
              count(*) FILTER (WHERE s.revoked_at IS NOT NULL)::int AS revoked
         FROM case_share s JOIN app_user m ON m.id = s.mentor_id
         JOIN case_item i ON i.id = s.item_id JOIN citizen ci ON ci.id = i.citizen_id
        WHERE m.username = 'mentor.mentorhuset1'
        GROUP BY 1, 2 ORDER BY shares DESC LIMIT 1`,
    );
    expect(external).toMatchObject({ shares: 3, revoked: 1 });
    const token = await t.login('mentor.mentorhuset1');
    const shared = await t.request<any[]>('GET', `/api/courses/${external.courseId}/shared-items`, { token });
    expect(shared.body.map((s) => s.title).sort()).toEqual(['Aftaler om praktik', 'Jobplan']);
    const plan = shared.body.find((s) => s.title === 'Jobplan');
    const file = await fetch(`${t.baseUrl}/api/shares/${plan.shareId}/file`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await file.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const [{ key }] = await t.db.query(
      `SELECT f.storage_key AS key FROM case_share s JOIN case_item i ON i.id = s.item_id
         JOIN stored_file f ON f.id = i.stored_file_id WHERE s.id = $1`,
      [plan.shareId],
    );
    const onDisk = readFileSync(join(storageDir, key));
    expect(onDisk.includes(Buffer.from('%PDF-'))).toBe(false);
    expect(onDisk.length).toBe(pdf.length + 28);

    // The citizen's access log shows the mentor's reads, by role and organisation.
    const log = await get('sagsbehandler.cji', `/api/citizens/${external.citizenId}/access-log?limit=100`);
    expect(log.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'share.download',
          actorRole: 'mentor',
          organisationName: 'Mentorhuset ApS',
        }),
        expect.objectContaining({ action: 'share.revoke', actorRole: 'caseworker' }),
      ]),
    );
  });

  it('has a thread with read receipts and an attachment, and one asking for sparring', async () => {
    const caseload = await get('sagsbehandler.cji', '/api/courses?limit=100');
    const withReceipts = caseload.body.items.find((c: any) => c.unreadMessages === 1);
    const thread = await get('sagsbehandler.cji', `/api/courses/${withReceipts.id}/messages`);
    expect(thread.body.messages).toHaveLength(5);
    expect(thread.body.messages.filter((m: any) => m.readBy.length > 0)).toHaveLength(4);
    const [attachment] = thread.body.messages.flatMap((m: any) => m.attachments);
    expect(attachment).toMatchObject({ fileName: 'ugeplan.txt', contentType: 'text/plain' });

    const sparring = caseload.body.items.find((c: any) => c.needsSparring);
    const asked = await get('mentor.cji1', `/api/courses/${sparring.id}/messages`);
    expect(asked.body).toMatchObject({ needsSparring: true, unreadCount: 0 });
    expect(asked.body.messages.every((m: any) => m.own && m.readBy.length === 0)).toBe(true);
    const notifications = await get('sagsbehandler.cji', '/api/notifications?limit=100');
    expect(
      notifications.body.items
        .filter((n: any) => n.courseId === sparring.id && !n.readAt)
        .map((n: any) => n.kind),
    ).toEqual(['sparring_requested', 'message_received', 'message_received']);
  });

  it('seeds once: a second run adds nothing', async () => {
    const counts = () =>
      t.db.query(
        `SELECT (SELECT count(*) FROM case_item)::int AS items, (SELECT count(*) FROM message)::int AS messages,
                (SELECT count(*) FROM stored_file)::int AS files`,
      );
    const before = await counts();
    expect(await t.app.get(DemoSeedService).seed()).toEqual({ created: 0 });
    expect(await counts()).toEqual(before);
  });
});
