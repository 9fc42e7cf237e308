import { addDays } from '@mentor/domain';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { todayInDenmark } from '../src/common/clock';
import { ABANDONED_UPLOAD_HOURS, AbandonedUploadsService } from '../src/messages/abandoned-uploads.service';
import { SAMPLES } from './file-samples';
import { startTestApp, type TestApp } from './test-app';

describe('abandoned message attachments', () => {
  let t: TestApp;
  let jobs: AbandonedUploadsService;
  let storageDir: string;
  let caseworker: string;
  let mentor: string;
  let courseId: string;
  const today = todayInDenmark();

  /** Uploads a file for the next message, as the composer does; answers the attachment id. */
  async function upload(token: string, fileName: string): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(SAMPLES.text)]), fileName);
    const response = await fetch(`${t.baseUrl}/api/courses/${courseId}/message-attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  const uploadedHoursAgo = (ids: string[], hours: number) =>
    t.db.query(
      `UPDATE message_attachment SET created_at = now() - make_interval(hours => $2) WHERE id = ANY($1::uuid[])`,
      [ids, hours],
    );

  /** The attachment's stored file: its storage key, and whether the row and the file on disk still exist. */
  async function stored(attachmentId: string, storageKey?: string) {
    const [row] = await t.db.query(
      `SELECT f.storage_key AS "storageKey" FROM message_attachment a JOIN stored_file f ON f.id = a.stored_file_id
        WHERE a.id = $1`,
      [attachmentId],
    );
    const key = (row?.storageKey as string | undefined) ?? storageKey ?? '';
    return { storageKey: key, row: Boolean(row), file: key !== '' && existsSync(join(storageDir, key)) };
  }

  const abandonedCount = async () =>
    (
      await t.db.query(
        `SELECT count(*)::int AS n FROM message_attachment
          WHERE message_id IS NULL AND created_at < now() - make_interval(hours => $1)`,
        [ABANDONED_UPLOAD_HOURS],
      )
    )[0].n as number;

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'mentor-abandoned-uploads-'));
    t = await startTestApp({ FILE_STORAGE_DIR: storageDir });
    jobs = t.app.get(AbandonedUploadsService);
    [caseworker, mentor] = await Promise.all(
      ['sagsbehandler.cji', 'mentor.mentorhuset1'].map((u) => t.login(u)),
    );
    const mentorMe = (await t.request<any>('GET', '/api/me', { token: mentor })).body;
    const citizen = await t.request<any>('POST', '/api/citizens', {
      token: caseworker,
      json: { name: 'Bilagborger Fiktivsen', cpr: '250487-3333', preferredMeetingPlace: 'home' },
    });
    expect(citizen.status).toBe(201);
    const grant = await t.request<any>('POST', '/api/grants', {
      token: caseworker,
      json: {
        citizenId: citizen.body.id,
        mentorType: 'holistic',
        purpose: 'Stabil hverdag',
        tasks: 'Støtte til aftaler',
        goals: ['Møde op til aftaler'],
        minutesPerWeek: 60,
        startsOn: addDays(today, -7),
        endsOn: addDays(today, 90),
        deliveringOrganisationId: mentorMe.organisationId,
        mentorId: mentorMe.id,
      },
    });
    expect(grant.status).toBe(201);
    courseId = grant.body.courseId;
  });
  afterAll(async () => {
    await t.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('deletes an upload never sent a day on, its row and its encrypted file, and nothing else', async () => {
    const abandoned = await upload(mentor, 'glemt.txt');
    const fresh = await upload(mentor, 'ny.txt');
    const almost = await upload(mentor, 'naesten.txt');
    const sent = await upload(mentor, 'sendt.txt');
    const message = await t.request<any>('POST', `/api/courses/${courseId}/messages`, {
      token: mentor,
      json: { body: 'Her er ugeplanen.', attachmentIds: [sent] },
    });
    expect(message.status).toBe(201);
    await uploadedHoursAgo([abandoned, sent], ABANDONED_UPLOAD_HOURS + 1);
    await uploadedHoursAgo([almost], ABANDONED_UPLOAD_HOURS - 1);
    const before = await stored(abandoned);
    expect(before).toMatchObject({ row: true, file: true });

    const { deleted } = await jobs.run();
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await stored(abandoned, before.storageKey)).toEqual({
      storageKey: before.storageKey,
      row: false,
      file: false,
    });
    const [{ n: fileRows }] = await t.db.query(
      'SELECT count(*)::int AS n FROM stored_file WHERE storage_key = $1',
      [before.storageKey],
    );
    expect(fileRows).toBe(0);
    for (const kept of [fresh, almost, sent])
      expect(await stored(kept)).toMatchObject({ row: true, file: true });

    // It cannot be sent or fetched any more; the sent one still can.
    const late = await t.request<any>('POST', `/api/courses/${courseId}/messages`, {
      token: mentor,
      json: { body: 'Og den glemte fil.', attachmentIds: [abandoned] },
    });
    expect(late.status).toBe(400);
    expect(late.body.errors[0].codes).toEqual(['message.attachment_unavailable']);
    const fetchAs = (id: string) =>
      fetch(`${t.baseUrl}/api/courses/${courseId}/message-attachments/${id}`, {
        headers: { authorization: `Bearer ${mentor}` },
      });
    expect((await fetchAs(abandoned)).status).toBe(404);
    expect((await fetchAs(sent)).status).toBe(200);
    expect(await jobs.run()).toEqual({ deleted: 0 });
  });

  it('runs on several instances at once: each upload goes once, and one being sent is left to its message', async () => {
    const ids = [
      ...(await Promise.all(['a.txt', 'b.txt', 'c.txt'].map((name) => upload(mentor, name)))),
      ...(await Promise.all(['d.txt', 'e.txt'].map((name) => upload(caseworker, name)))),
    ];
    await uploadedHoursAgo(ids, 2 * ABANDONED_UPLOAD_HOURS);
    const [beingSent, ...others] = ids as [string, ...string[]];
    const keys = await Promise.all(others.map(async (id) => (await stored(id)).storageKey));

    // A message being sent with `beingSent` holds its row (as MessagesService.send does) while the jobs run.
    const sending = t.db.createQueryRunner();
    await sending.connect();
    await sending.startTransaction();
    try {
      const [message] = await sending.query(
        `INSERT INTO message (municipality_id, course_id, author_id, body)
         SELECT a.municipality_id, a.course_id, a.uploaded_by, 'Se vedhæftede.' FROM message_attachment a WHERE a.id = $1
         RETURNING id`,
        [beingSent],
      );
      await sending.query(
        `UPDATE message_attachment SET message_id = $1 WHERE id = $2 AND message_id IS NULL`,
        [message.id, beingSent],
      );
      const expected = (await abandonedCount()) - 1;
      const runs = await Promise.all([jobs.run(), jobs.run(), jobs.run()]);
      expect(runs.reduce((sum, run) => sum + run.deleted, 0)).toBe(expected);
      await sending.commitTransaction();
    } finally {
      if (sending.isTransactionActive) await sending.rollbackTransaction();
      await sending.release();
    }

    expect(await abandonedCount()).toBe(0);
    for (const [i, id] of others.entries()) {
      expect(await stored(id, keys[i])).toMatchObject({ row: false, file: false });
    }
    const kept = await stored(beingSent);
    expect(kept).toMatchObject({ row: true, file: true });
    const [{ messageId }] = await t.db.query(
      'SELECT message_id AS "messageId" FROM message_attachment WHERE id = $1',
      [beingSent],
    );
    expect(messageId).not.toBeNull();
    expect(await jobs.run()).toEqual({ deleted: 0 });
  });
});
