import { addDays, addMonths } from '@mentor/domain';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { todayInDenmark } from '../src/common/clock';
import type { RetentionCounts } from '../src/retention/retention-task';
import { type RetentionRun, RetentionService } from '../src/retention/retention.service';
import { SAMPLES } from './file-samples';
import { handOver } from './handover-helpers';
import { startTestApp, type TestApp } from './test-app';

/** The tables behind each count a run reports. */
const TABLE_OF: Record<string, string> = {
  courses: 'mentor_course',
  grants: 'mentor_grant',
  grantMinutes: 'grant_minutes',
  contacts: 'contact',
  reports: 'progress_report',
  reportVersions: 'progress_report_version',
  handoverPackets: 'handover_packet',
  mentorPeriods: 'course_mentor_period',
  caseShares: 'case_share',
  notifications: 'notification',
  messages: 'message',
  messageReads: 'message_read',
  messageAttachments: 'message_attachment',
  messageThreads: 'message_thread',
  caseItems: 'case_item',
  citizens: 'citizen',
  files: 'stored_file',
};

/** What a course's deletion takes, by table and the column naming the course. */
const COURSE_ROWS: [string, string][] = [
  ['mentor_course', 'id'],
  ['contact', 'course_id'],
  ['course_minutes', 'course_id'],
  ['course_contact_stats', 'course_id'],
  ['course_mentor_period', 'course_id'],
  ['progress_report', 'course_id'],
  ['handover_packet', 'course_id'],
  ['message_thread', 'course_id'],
  ['message', 'course_id'],
  ['message_attachment', 'course_id'],
  ['case_share', 'course_id'],
  ['notification', 'course_id'],
];

interface Course {
  citizenId: string;
  courseId: string;
  grantId: string;
  itemId?: string;
  reportId?: string;
  messageId?: string;
}

/** The kinds this spec is about (the audit trail's task has a spec of its own). */
const KINDS = ['courses', 'messages', 'documents', 'citizens'];

/** Every count of a run summed over its kinds (a course's files and a document's are both `files`). */
function totals(run: RetentionRun): RetentionCounts {
  const sum: RetentionCounts = {};
  for (const kind of KINDS)
    for (const [key, n] of Object.entries(run.kinds[kind] ?? {}))
      if (key !== 'unreferencedFiles') sum[key] = (sum[key] ?? 0) + n;
  return sum;
}

/** The run deleted nothing of these kinds. */
const nothing = (run: RetentionRun) =>
  KINDS.every((kind) => Object.values(run.kinds[kind] ?? {}).every((n) => n === 0));

describe('retention', () => {
  let t: TestApp;
  let storageDir: string;
  let caseworker: string;
  let mentor: string;
  let mentorId: string;
  let organisationId: string;
  const today = todayInDenmark();
  let cprCounter = 0;
  // Small batches, so a run works through several transactions (and two instances take turns).
  const env = () => ({ FILE_STORAGE_DIR: storageDir, RETENTION_BATCH_SIZE: '2' });

  const send = async (token: string, method: string, path: string, json?: unknown, status = 200) => {
    const response = await t.request<any>(method, path, { token, json });
    if (response.status !== status)
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };

  async function multipart(token: string, path: string, content: Buffer, fileName: string) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), fileName);
    const response = await fetch(`${t.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string };
  }

  async function citizen(name: string): Promise<string> {
    for (;;) {
      const birth = new Date(Date.UTC(1961, 0, 1) + cprCounter++ * 86_400_000);
      const cpr = `${String(birth.getUTCDate()).padStart(2, '0')}${String(birth.getUTCMonth() + 1).padStart(2, '0')}${String(birth.getUTCFullYear() % 100).padStart(2, '0')}-4417`;
      const response = await t.request<any>('POST', '/api/citizens', {
        token: caseworker,
        json: { name, cpr, preferredMeetingPlace: 'home' },
      });
      // A CPR number the demo data happens to use: take the next.
      if (response.status === 409) continue;
      if (response.status !== 201) throw new Error(`citizen: ${response.status}`);
      return response.body.id;
    }
  }

  /** A course with a message carrying an attachment (and, `full`, everything else that hangs on a course). */
  async function course(name: string, full: boolean): Promise<Course> {
    const citizenId = await citizen(name);
    const grant = await send(
      caseworker,
      'POST',
      '/api/grants',
      {
        citizenId,
        mentorType: 'holistic',
        purpose: 'Stabil hverdag',
        tasks: 'Støtte til aftaler',
        goals: ['Møde op til aftaler'],
        minutesPerWeek: 60,
        startsOn: addDays(today, -20),
        endsOn: addDays(today, 60),
        deliveringOrganisationId: organisationId,
        mentorId,
      },
      201,
    );
    const found: Course = { citizenId, courseId: grant.courseId, grantId: grant.id };
    const courseId = found.courseId;
    const attachment = await multipart(
      mentor,
      `/api/courses/${courseId}/message-attachments`,
      SAMPLES.text,
      'ugeplan.txt',
    );
    const message = await send(
      mentor,
      'POST',
      `/api/courses/${courseId}/messages`,
      { body: 'Her er ugeplanen.', attachmentIds: [attachment.id] },
      201,
    );
    found.messageId = message.id;
    if (!full) return found;

    await send(caseworker, 'POST', `/api/courses/${courseId}/messages/read`, { upTo: message.id }, 204);
    await send(mentor, 'PUT', `/api/courses/${courseId}/messages/settings`, { needsSparring: true });
    await handOver(t, courseId, caseworker, mentor);
    const contactBody = {
      contactDate: addDays(today, -3),
      startTime: '10:00',
      minutes: 30,
      form: 'phone',
      showedUp: true,
      topics: ['housing'],
      help: [],
    };
    const logged = await send(mentor, 'POST', `/api/courses/${courseId}/contacts`, contactBody, 201);
    // Past its days of editing, it is corrected with a new record.
    await t.db.query(`UPDATE contact SET created_at = now() - interval '8 days' WHERE id = $1`, [
      logged.contact.id,
    ]);
    await send(
      mentor,
      'POST',
      `/api/contacts/${logged.contact.id}/corrections`,
      { ...contactBody, minutes: 45 },
      201,
    );
    const report = await send(
      mentor,
      'POST',
      `/api/courses/${courseId}/reports`,
      { periodTo: addDays(today, -1) },
      201,
    );
    await send(mentor, 'POST', `/api/reports/${report.id}/submit`, {
      version: report.version,
      justification: 'Forløbet er netop startet.',
    });
    found.reportId = report.id;
    const item = await multipart(
      caseworker,
      `/api/citizens/${citizenId}/case-documents`,
      SAMPLES.pdf,
      'Handleplan.pdf',
    );
    await send(
      caseworker,
      'POST',
      `/api/courses/${courseId}/shares`,
      {
        itemId: item.id,
        basis: 'consent',
        consentGivenOn: addDays(today, -2),
        consentScope: 'Handleplanen må deles med mentor',
      },
      201,
    );
    found.itemId = item.id;
    return found;
  }

  async function end(courseId: string) {
    const current = await send(caseworker, 'GET', `/api/courses/${courseId}`);
    await send(caseworker, 'PATCH', `/api/courses/${courseId}`, {
      status: 'ended',
      endReason: 'goal_reached',
      version: current.version,
    });
  }

  /** The course's rows in every table its deletion takes (and its report's versions). */
  async function rowsOf(c: Course): Promise<Record<string, number>> {
    const rows: Record<string, number> = {};
    for (const [table, column] of COURSE_ROWS) {
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [
        c.courseId,
      ]);
      rows[table] = n;
    }
    const [{ n: versions }] = await t.db.query(
      `SELECT count(*)::int AS n FROM progress_report_version v JOIN progress_report r ON r.id = v.report_id
        WHERE r.course_id = $1`,
      [c.courseId],
    );
    const [{ n: grants }] = await t.db.query('SELECT count(*)::int AS n FROM mentor_grant WHERE id = $1', [
      c.grantId,
    ]);
    const [{ n: minutes }] = await t.db.query(
      'SELECT count(*)::int AS n FROM grant_minutes WHERE grant_id = $1',
      [c.grantId],
    );
    const [{ n: reads }] = await t.db.query(
      'SELECT count(*)::int AS n FROM message_read WHERE message_id = $1',
      [c.messageId],
    );
    const [{ n: items }] = await t.db.query('SELECT count(*)::int AS n FROM case_item WHERE id = $1', [
      c.itemId ?? null,
    ]);
    return {
      ...rows,
      progress_report_version: versions,
      mentor_grant: grants,
      grant_minutes: minutes,
      message_read: reads,
      case_item: items,
    };
  }

  /** The course's stored files (attachments, its shared document): storage keys. */
  async function filesOf(c: Course): Promise<string[]> {
    const rows = await t.db.query(
      `SELECT f.storage_key AS key FROM stored_file f
        WHERE f.id IN (SELECT stored_file_id FROM message_attachment WHERE course_id = $1
                       UNION SELECT stored_file_id FROM case_item WHERE id = $2)`,
      [c.courseId, c.itemId ?? null],
    );
    return rows.map((r: { key: string }) => r.key);
  }

  async function tableCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const [key, table] of Object.entries(TABLE_OF)) {
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM ${table}`);
      counts[key] = n;
    }
    return counts;
  }

  const onDisk = (keys: string[]) => keys.filter((key) => existsSync(join(storageDir, key)));
  /** Noon in Denmark on a date, as the clock the job is given. */
  const noonOn = (date: string) => new Date(`${date}T10:00:00Z`);

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'mentor-retention-'));
    t = await startTestApp(env(), { ownDatabase: true });
    [caseworker, mentor] = await Promise.all(['sagsbehandler.cji', 'mentor.cji1'].map((u) => t.login(u)));
    const me = await send(mentor, 'GET', '/api/me');
    mentorId = me.id;
    organisationId = me.organisationId;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('keeps an ended course through its period, then deletes it with all that hangs on it and its files, and nothing else', async () => {
    const ended = await course('Slettes Fiktivsen', true);
    const running = await course('Bliver Fiktivsen', true);
    await end(ended.courseId);
    const endedRows = await rowsOf(ended);
    const endedFiles = await filesOf(ended);
    const runningRows = await rowsOf(running);
    const runningFiles = await filesOf(running);
    // The fixture has every kind of row the deletion must take.
    for (const [table, n] of Object.entries(endedRows))
      expect({ table, some: n > 0 }).toEqual({ table, some: true });
    expect(endedRows['contact']).toBe(2);
    expect(endedFiles).toHaveLength(2);
    expect(onDisk(endedFiles)).toEqual(endedFiles);

    const retention = t.app.get(RetentionService);
    expect(nothing(await retention.run())).toBe(true);
    // Kept through the last day of its period (5 years by default), due the day after.
    const lastDay = addMonths(today, 60);
    const atLastDay = await retention.run(noonOn(lastDay));
    console.log(JSON.stringify(atLastDay.kinds));
    expect(nothing(atLastDay)).toBe(true);
    expect(await rowsOf(ended)).toEqual(endedRows);

    const before = await tableCounts();
    const notifications = endedRows['notification']!;
    const run = await retention.run(noonOn(addDays(lastDay, 1)));
    const after = await tableCounts();

    expect(run.kinds['courses']).toEqual({
      courses: 1,
      grants: 1,
      grantMinutes: endedRows['grant_minutes'],
      contacts: 2,
      reports: 1,
      reportVersions: 1,
      handoverPackets: 1,
      mentorPeriods: 1,
      caseShares: 1,
      notifications: expect.any(Number),
      messages: 1,
      messageReads: 1,
      messageAttachments: 1,
      messageThreads: endedRows['message_thread'],
      files: 1,
    });
    expect(run.kinds['courses']!['notifications']).toBeGreaterThanOrEqual(notifications);
    // Every row the counts name is gone, and no other.
    const sums = totals(run);
    for (const key of Object.keys(TABLE_OF))
      expect({ key, deleted: before[key]! - after[key]! }).toEqual({ key, deleted: sums[key] ?? 0 });

    const gone = await rowsOf(ended);
    for (const [table, n] of Object.entries(gone)) expect({ table, n }).toEqual({ table, n: 0 });
    expect(onDisk(endedFiles)).toEqual([]);
    expect(await rowsOf(running)).toEqual(runningRows);
    expect(onDisk(runningFiles)).toEqual(runningFiles);
    // The citizen stays while the audit trail names them (the audit retention decides).
    const [{ n: citizens }] = await t.db.query('SELECT count(*)::int AS n FROM citizen WHERE id = $1', [
      ended.citizenId,
    ]);
    expect(citizens).toBe(1);

    expect(nothing(await retention.run(noonOn(addDays(lastDay, 1))))).toBe(true);
  });

  it('deletes a citizen with nothing left and no audit record once the period has run, and no other', async () => {
    const insert = (name: string, yearsAgo: number) =>
      t.db.query(
        `INSERT INTO citizen (municipality_id, name, cpr_encrypted, cpr_hash, cpr_masked, preferred_meeting_place,
                              target_group, caseworker_id, created_at, updated_at, version)
         SELECT municipality_id, $1, cpr_encrypted, md5(random()::text) || md5(random()::text), cpr_masked,
                preferred_meeting_place, target_group, caseworker_id,
                now() - make_interval(years => $2), now() - make_interval(years => $2), 1
           FROM citizen LIMIT 1
         RETURNING id`,
        [name, yearsAgo],
      ) as Promise<{ id: string }[]>;
    const [old] = await insert('Glemt Fiktivsen', 6);
    const [recent] = await insert('Nylig Fiktivsen', 4);
    const run = await t.app.get(RetentionService).run();
    expect(run.kinds['citizens']).toEqual({ citizens: 1 });
    const left = await t.db.query('SELECT id FROM citizen WHERE id = ANY($1::uuid[])', [
      [old!.id, recent!.id],
    ]);
    expect(left).toEqual([{ id: recent!.id }]);
  });

  it('runs on two instances at once: each due course goes exactly once, without errors, and the counts add up', async () => {
    const courses: Course[] = [];
    for (let i = 0; i < 5; i++) courses.push(await course(`Samtidig ${i} Fiktivsen`, false));
    for (const c of courses) await end(c.courseId);
    const files = (await Promise.all(courses.map(filesOf))).flat();
    expect(onDisk(files)).toHaveLength(5);
    // Every ended course is due on the moved clock: these five (and any an earlier test left).
    const [{ due }] = await t.db.query(
      `SELECT count(*)::int AS due FROM mentor_course WHERE status = 'ended'`,
    );
    expect(due).toBeGreaterThanOrEqual(5);
    const other = await startTestApp(env(), { databaseUrl: t.databaseUrl });
    try {
      const moved = noonOn(addDays(addMonths(today, 60), 1));
      const runs = await Promise.all([t, other].map((app) => app.app.get(RetentionService).run(moved)));
      for (const run of runs)
        for (const counts of Object.values(run.kinds)) expect(counts['failed']).toBeUndefined();
      const courseCounts = runs.map((run) => run.kinds['courses']!);
      expect(courseCounts.reduce((sum, c) => sum + (c['courses'] ?? 0), 0)).toBe(due);
      expect(courseCounts.reduce((sum, c) => sum + (c['messages'] ?? 0), 0)).toBeGreaterThanOrEqual(5);
      expect(courseCounts.reduce((sum, c) => sum + (c['files'] ?? 0), 0)).toBeGreaterThanOrEqual(5);
      // Both took part: with batches of two, the instances took turns at the lock.
      expect(courseCounts.map((c) => (c['courses'] ?? 0) > 0)).toEqual([true, true]);
      const [{ left }] = await t.db.query(
        `SELECT count(*)::int AS left FROM mentor_course WHERE status = 'ended'`,
      );
      expect(left).toBe(0);
      for (const c of courses) {
        const rows = await rowsOf(c);
        expect(Object.values(rows).every((n) => n === 0)).toBe(true);
      }
      expect(onDisk(files)).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
