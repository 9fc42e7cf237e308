import {
  addDays,
  CASE_FILE_MAX_BYTES,
  MESSAGE_ATTACHMENTS_MAX,
  MESSAGE_MAX_LENGTH,
  MESSAGE_PAGE_SIZE,
} from '@mentor/domain';
import { todayInDenmark } from '../src/common/clock';
import { SqlParams } from '../src/common/sql-params';
import { unreadMessagesSql } from '../src/messages/message-sql';
import { MESSAGE_PENDING_ATTACHMENTS_MAX } from '../src/messages/messages.service';
import { SAMPLES } from './file-samples';
import { startTestApp, type TestApp, type TestResponse } from './test-app';

describe('course message threads', () => {
  let t: TestApp;
  let caseworker: string;
  let mentor: string;
  let sameProviderMentor: string;
  let otherProviderMentor: string;
  let teamLeader: string;
  let otherTeamLeader: string;
  let admin: string;
  let courseId: string;
  let citizenId: string;
  let caseworkerId: string;
  let mentorId: string;
  let teamLeaderId: string;
  const today = todayInDenmark();

  const thread = (token: string, query = '') =>
    t.request<any>('GET', `/api/courses/${courseId}/messages${query}`, { token });
  const send = (token: string, json: unknown) =>
    t.request<any>('POST', `/api/courses/${courseId}/messages`, { token, json });
  const settings = (token: string, json: unknown) =>
    t.request<any>('PUT', `/api/courses/${courseId}/messages/settings`, { token, json });

  /** Uploads a file as the multipart part `file`, as a browser form does. */
  async function upload(token: string, content: Buffer, fileName: string, course = courseId) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), fileName);
    const response = await fetch(`${t.baseUrl}/api/courses/${course}/message-attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : undefined,
    } as TestResponse<any>;
  }

  async function download(token: string, attachmentId: string) {
    const response = await fetch(`${t.baseUrl}/api/courses/${courseId}/message-attachments/${attachmentId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return {
      status: response.status,
      headers: response.headers,
      body: Buffer.from(await response.arrayBuffer()),
    };
  }

  const expectProblem = (response: { status: number; headers: Headers }, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  };

  const notificationsOf = async (userId: string, kind: string) =>
    (await t.db.query(
      `SELECT key, course_id AS "courseId", payload FROM notification WHERE user_id = $1 AND kind = $2 AND course_id = $3`,
      [userId, kind, courseId],
    )) as { key: string; courseId: string; payload: object }[];

  const auditCount = async (action: string, userId?: string) =>
    (
      await t.db.query(
        `SELECT count(*)::int AS n FROM audit_event
          WHERE action = $1 AND citizen_ids @> ARRAY[$2]::uuid[] AND ($3::uuid IS NULL OR user_id = $3)`,
        [action, citizenId, userId ?? null],
      )
    )[0].n as number;

  beforeAll(async () => {
    t = await startTestApp();
    [caseworker, mentor, sameProviderMentor, otherProviderMentor, teamLeader, otherTeamLeader, admin] =
      await Promise.all(
        [
          'sagsbehandler.cji',
          'mentor.mentorhuset1',
          'mentor.mentorhuset2',
          'mentor.vejenvidere1',
          'teamleder.mentorhuset',
          'teamleder.vejenvidere',
          'admin',
        ].map((u) => t.login(u)),
      );
    const me = async (token: string) => (await t.request<any>('GET', '/api/me', { token })).body;
    const [caseworkerMe, mentorMe, teamLeaderMe] = await Promise.all([
      me(caseworker),
      me(mentor),
      me(teamLeader),
    ]);
    caseworkerId = caseworkerMe.id;
    mentorId = mentorMe.id;
    teamLeaderId = teamLeaderMe.id;
    const citizen = await t.request<any>('POST', '/api/citizens', {
      token: caseworker,
      json: { name: 'Beskedborger Fiktivsen', cpr: '230487-1111', preferredMeetingPlace: 'home' },
    });
    expect(citizen.status).toBe(201);
    citizenId = citizen.body.id;
    const grant = await t.request<any>('POST', '/api/grants', {
      token: caseworker,
      json: {
        citizenId,
        mentorType: 'holistic',
        purpose: 'Stabil hverdag',
        tasks: 'Støtte til aftaler',
        goals: ['Møde op til aftaler'],
        minutesPerWeek: 60,
        startsOn: addDays(today, -7),
        endsOn: addDays(today, 90),
        deliveringOrganisationId: mentorMe.organisationId,
        mentorId,
      },
    });
    expect(grant.status).toBe(201);
    courseId = grant.body.courseId;
  });
  afterAll(() => t.close());

  it('starts with an empty thread between the caseworker and the external mentor', async () => {
    const response = await thread(mentor);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      courseId,
      teamLeaderInvited: false,
      needsSparring: false,
      unreadCount: 0,
      messages: [],
      hasOlder: false,
    });
    expect(response.body.participants.map((p: any) => [p.userId, p.role])).toEqual([
      [caseworkerId, 'caseworker'],
      [mentorId, 'mentor'],
    ]);
  });

  it('exchanges messages, notifies the other side and keeps read receipts and unread counts', async () => {
    const first = await send(caseworker, { body: '  Hej Thomas, borgeren vil gerne mødes tirsdag.  ' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      authorId: caseworkerId,
      authorRole: 'caseworker',
      body: 'Hej Thomas, borgeren vil gerne mødes tirsdag.',
      own: true,
      attachments: [],
      readBy: [],
    });
    expect(await notificationsOf(mentorId, 'message_received')).toEqual([
      { key: `message_received:${first.body.id}`, courseId, payload: {} },
    ]);
    expect(await notificationsOf(caseworkerId, 'message_received')).toEqual([]);

    const mentorView = await thread(mentor);
    expect(mentorView.body.unreadCount).toBe(1);
    expect(mentorView.body.messages).toEqual([
      expect.objectContaining({ id: first.body.id, own: false, authorName: 'Peter Falk Nielsen' }),
    ]);

    const read = await t.request('POST', `/api/courses/${courseId}/messages/read`, {
      token: mentor,
      json: { upTo: first.body.id },
    });
    expect(read.status).toBe(204);
    const reply = await send(mentor, { body: 'Tirsdag passer fint.' });
    expect(reply.status).toBe(201);

    const caseworkerView = await thread(caseworker);
    expect(caseworkerView.body.unreadCount).toBe(1);
    expect(caseworkerView.body.messages.map((m: any) => m.body)).toEqual([
      'Hej Thomas, borgeren vil gerne mødes tirsdag.',
      'Tirsdag passer fint.',
    ]);
    const [own, theirs] = caseworkerView.body.messages;
    expect(own.readBy).toEqual([
      { userId: mentorId, name: 'Thomas Brandt Poulsen', readAt: expect.any(String) },
    ]);
    expect(theirs).toMatchObject({ own: false, authorRole: 'mentor', readBy: [] });
    expect((await thread(mentor)).body.unreadCount).toBe(0);

    // Marking read twice, or up to an earlier message, changes nothing.
    for (const upTo of [first.body.id, first.body.id]) {
      const again = await t.request('POST', `/api/courses/${courseId}/messages/read`, {
        token: mentor,
        json: { upTo },
      });
      expect(again.status).toBe(204);
    }
  });

  it('gives course lists unread counts and the sparring flag by index-friendly SQL', async () => {
    const countFor = async (userId: string, role: string, organisationId: string) => {
      const p = new SqlParams();
      const caller = { id: userId, role, organisationId, municipalityId: '', name: '', sessionId: '' } as any;
      const course = p.add(courseId);
      const [row] = await t.db.query(
        `SELECT ${unreadMessagesSql(p, 'co', caller)} AS unread, co.needs_sparring AS sparring
           FROM course_overview co WHERE co.id = ${course}`,
        p.values,
      );
      return row as { unread: number; sparring: boolean };
    };
    const [course] = await t.db.query('SELECT organisation_id FROM mentor_course WHERE id = $1', [courseId]);
    expect(await countFor(caseworkerId, 'caseworker', '')).toEqual({ unread: 1, sparring: false });
    expect(await countFor(mentorId, 'mentor', course.organisation_id)).toEqual({
      unread: 0,
      sparring: false,
    });
    // A team leader not asked in counts nothing, though the messages are unread by them.
    expect(await countFor(teamLeaderId, 'team_leader', course.organisation_id)).toEqual({
      unread: 0,
      sparring: false,
    });

    // With the planner kept off sequential scans (the test tables are tiny), the indexes serve it.
    const plan = await t.db.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      const p = new SqlParams();
      const caller = { id: mentorId, role: 'mentor' } as any;
      const sql = `EXPLAIN SELECT ${unreadMessagesSql(p, 'co', caller)} FROM mentor_course co WHERE co.id = ${p.add(courseId)}`;
      return (await tx.query(sql, p.values)) as { 'QUERY PLAN': string }[];
    });
    const text = plan.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toContain('ix_message_course');
    expect(text).toContain('pk_message_read');
  });

  it('refuses bad input with problem+json naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ body: '   ' }, 'body'],
      [{ body: 'x'.repeat(MESSAGE_MAX_LENGTH + 1) }, 'body'],
      [{ body: 42 }, 'body'],
      [{ body: 'Hej', attachmentIds: ['not-a-uuid'] }, 'attachmentIds'],
      [
        {
          body: 'Hej',
          attachmentIds: Array.from(
            { length: MESSAGE_ATTACHMENTS_MAX + 1 },
            (_, i) => `00000000-0000-4000-8000-00000000000${i}`,
          ),
        },
        'attachmentIds',
      ],
      [{ body: 'Hej', sender: 'someone else' }, 'sender'],
    ];
    for (const [json, field] of cases) {
      const response = await send(mentor, json);
      expectProblem(response, 400);
      expect(response.body.errors.map((e: any) => e.field)).toContain(field);
    }
    const bodyLimit = await send(mentor, { body: 'y'.repeat(MESSAGE_MAX_LENGTH) });
    expect(bodyLimit.status).toBe(201);

    const unknownUpTo = await t.request<any>('POST', `/api/courses/${courseId}/messages/read`, {
      token: mentor,
      json: { upTo: '00000000-0000-4000-8000-000000000000' },
    });
    expectProblem(unknownUpTo, 400);
    expect(unknownUpTo.body.errors[0]).toMatchObject({ field: 'upTo', codes: ['message.unknown'] });
    const badBefore = await thread(mentor, '?before=00000000-0000-4000-8000-000000000000');
    expectProblem(badBefore, 400);
    expect(badBefore.body.errors[0].field).toBe('before');
    expectProblem(await settings(mentor, {}), 400);
    expectProblem(await settings(mentor, { needsSparring: 'yes' }), 400);
  });

  it('pages back through a long thread, oldest first within a page', async () => {
    const before = (await thread(caseworker)).body.messages.length;
    for (let i = 1; i <= MESSAGE_PAGE_SIZE; i++) {
      expect((await send(caseworker, { body: `Besked nummer ${i}` })).status).toBe(201);
    }
    const newest = await thread(mentor);
    expect(newest.body.messages).toHaveLength(MESSAGE_PAGE_SIZE);
    expect(newest.body.hasOlder).toBe(true);
    expect(newest.body.messages.at(-1).body).toBe(`Besked nummer ${MESSAGE_PAGE_SIZE}`);
    expect(newest.body.messages[0].body).toBe('Besked nummer 1');
    expect(newest.body.unreadCount).toBe(MESSAGE_PAGE_SIZE);
    const older = await thread(mentor, `?before=${newest.body.messages[0].id}`);
    expect(older.body.messages).toHaveLength(before);
    expect(older.body.hasOlder).toBe(false);
    expect(older.body.messages[0].body).toBe('Hej Thomas, borgeren vil gerne mødes tirsdag.');

    const lastId = newest.body.messages.at(-1).id;
    await t.request('POST', `/api/courses/${courseId}/messages/read`, {
      token: mentor,
      json: { upTo: lastId },
    });
    expect((await thread(mentor)).body.unreadCount).toBe(0);
  });

  it('sends attachments the FileStore accepted, and lets participants download them', async () => {
    const pdf = await upload(caseworker, SAMPLES.pdf, 'Aftale.pdf');
    expect(pdf.status).toBe(201);
    expect(pdf.body).toEqual({
      id: expect.any(String),
      fileName: 'Aftale.pdf',
      contentType: 'application/pdf',
      sizeBytes: SAMPLES.pdf.length,
    });
    const picture = await upload(caseworker, SAMPLES.png, '../../etc/Kort over ruten.png');
    expect(picture.status).toBe(201);
    expect(picture.body.fileName).not.toContain('/');

    // An unsent upload is the uploader's alone.
    expect((await download(caseworker, pdf.body.id)).status).toBe(200);
    expect((await download(mentor, pdf.body.id)).status).toBe(404);

    // Only the uploader may send it.
    const stolen = await send(mentor, { body: 'Min nu', attachmentIds: [pdf.body.id] });
    expectProblem(stolen, 400);
    expect(stolen.body.errors[0]).toMatchObject({
      field: 'attachmentIds',
      codes: ['message.attachment_unavailable'],
    });

    const sent = await send(caseworker, {
      body: 'Her er aftalen og et kort.',
      attachmentIds: [pdf.body.id, picture.body.id],
    });
    expect(sent.status).toBe(201);
    expect(sent.body.attachments.map((a: any) => a.id)).toEqual([pdf.body.id, picture.body.id]);

    // Once sent, it cannot go out again with another message.
    const reused = await send(caseworker, { body: 'Igen', attachmentIds: [pdf.body.id] });
    expectProblem(reused, 400);

    const file = await download(mentor, pdf.body.id);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('cache-control')).toBe('no-store');
    expect(file.body.equals(SAMPLES.pdf)).toBe(true);

    const view = await thread(mentor);
    expect(view.body.messages.at(-1).attachments).toEqual([pdf.body, picture.body]);
    expect(await auditCount('message.download', mentorId)).toBe(1);
  });

  it('refuses disguised types and files over the limit, and caps unsent uploads', async () => {
    const disguised = await upload(mentor, SAMPLES.html, 'rapport.pdf');
    expectProblem(disguised, 415);
    const exe = await upload(mentor, SAMPLES.exe, 'noter.txt');
    expectProblem(exe, 415);
    const mismatch = await upload(mentor, SAMPLES.png, 'billede.pdf');
    expectProblem(mismatch, 415);
    expect(mismatch.body.code).toBe('file.type_mismatch');
    const large = await upload(
      mentor,
      Buffer.concat([SAMPLES.pdf, Buffer.alloc(CASE_FILE_MAX_BYTES)]),
      'stor.pdf',
    );
    expectProblem(large, 413);
    const json = await t.request('POST', `/api/courses/${courseId}/message-attachments`, {
      token: mentor,
      json: { file: 'not a file' },
    });
    expectProblem(json, 415);

    for (let i = 0; i < MESSAGE_PENDING_ATTACHMENTS_MAX; i++) {
      expect((await upload(mentor, SAMPLES.text, `note-${i}.txt`)).status).toBe(201);
    }
    const overCap = await upload(mentor, SAMPLES.text, 'en-for-meget.txt');
    expectProblem(overCap, 422);
    expect(overCap.body.code).toBe('message.too_many_pending_attachments');
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM message_attachment WHERE course_id = $1 AND message_id IS NULL AND uploaded_by = $2`,
      [courseId, mentorId],
    );
    expect(n).toBe(MESSAGE_PENDING_ATTACHMENTS_MAX);
  });

  it('keeps the thread and its files from everyone else with 404', async () => {
    const [attachment] = await t.db.query(
      `SELECT id FROM message_attachment WHERE course_id = $1 AND message_id IS NOT NULL LIMIT 1`,
      [courseId],
    );
    const other = await t.login('sagsbehandler2.cji');
    for (const token of [otherProviderMentor, sameProviderMentor, otherTeamLeader, other, teamLeader]) {
      expectProblem(await thread(token), 404);
      expectProblem(await send(token, { body: 'Hej' }), 404);
      expectProblem(await settings(token, { needsSparring: true }), 404);
      expectProblem((await download(token, attachment.id)) as any, 404);
      expectProblem(await upload(token, SAMPLES.pdf, 'x.pdf'), 404);
      const read = await t.request('POST', `/api/courses/${courseId}/messages/read`, {
        token,
        json: { upTo: attachment.id },
      });
      expectProblem(read, 404);
    }
    // The attachment's id on another course the caller does take part in is no way in either.
    const response = await fetch(
      `${t.baseUrl}/api/courses/00000000-0000-4000-8000-000000000000/message-attachments/${attachment.id}`,
      { headers: { authorization: `Bearer ${mentor}` } },
    );
    expect(response.status).toBe(404);
    // Administrators have no thread at all.
    expect((await thread(admin)).status).toBe(403);
  });

  it('asks the team leaders in, who may then read and write but not change settings', async () => {
    const invited = await settings(caseworker, { teamLeaderInvited: true });
    expect(invited.status).toBe(200);
    expect(invited.body.teamLeaderInvited).toBe(true);
    expect(invited.body.participants.map((p: any) => p.role)).toEqual(
      expect.arrayContaining(['caseworker', 'mentor', 'team_leader']),
    );
    expect(invited.body.participants.map((p: any) => p.userId)).toContain(teamLeaderId);

    const view = await thread(teamLeader);
    expect(view.status).toBe(200);
    expect(view.body.unreadCount).toBeGreaterThan(0);
    const message = await send(teamLeader, { body: 'Jeg følger med.' });
    expect(message.status).toBe(201);
    expect(message.body.authorRole).toBe('team_leader');
    expect(await notificationsOf(mentorId, 'message_received')).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: `message_received:${message.body.id}` })]),
    );
    expect(await notificationsOf(caseworkerId, 'message_received')).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: `message_received:${message.body.id}` })]),
    );

    const refused = await settings(teamLeader, { needsSparring: true });
    expectProblem(refused, 403);
    expect(refused.body.code).toBe('message.settings_forbidden');
    // The other provider's team leader is still out.
    expectProblem(await thread(otherTeamLeader), 404);
  });

  it('flags sparring on the caseload and notifies the caseworker and asked-in team leaders once', async () => {
    const flagged = await settings(mentor, { needsSparring: true });
    expect(flagged.status).toBe(200);
    expect(flagged.body.needsSparring).toBe(true);
    const [row] = await t.db.query(
      `SELECT needs_sparring, needs_sparring_set_by, needs_sparring_set_at FROM message_thread WHERE course_id = $1`,
      [courseId],
    );
    expect(row).toMatchObject({ needs_sparring: true, needs_sparring_set_by: mentorId });
    expect(row.needs_sparring_set_at).not.toBeNull();
    expect(await notificationsOf(caseworkerId, 'sparring_requested')).toHaveLength(1);
    expect(await notificationsOf(teamLeaderId, 'sparring_requested')).toHaveLength(1);
    expect(await notificationsOf(mentorId, 'sparring_requested')).toHaveLength(0);

    // Setting it again changes nothing and notifies no one.
    expect((await settings(mentor, { needsSparring: true })).status).toBe(200);
    expect(await notificationsOf(caseworkerId, 'sparring_requested')).toHaveLength(1);

    const [list] = await t.db.query(
      `SELECT co.needs_sparring AS sparring FROM course_overview co WHERE co.id = $1`,
      [courseId],
    );
    expect(list.sparring).toBe(true);

    // The caseworker clears it; the setter goes with it. Asking again notifies again.
    const cleared = await settings(caseworker, { needsSparring: false, teamLeaderInvited: false });
    expect(cleared.body).toMatchObject({ needsSparring: false, teamLeaderInvited: false });
    const [after] = await t.db.query(
      `SELECT needs_sparring_set_by FROM message_thread WHERE course_id = $1`,
      [courseId],
    );
    expect(after.needs_sparring_set_by).toBeNull();
    expectProblem(await thread(teamLeader), 404);
    expect((await settings(mentor, { needsSparring: true })).status).toBe(200);
    expect(await notificationsOf(caseworkerId, 'sparring_requested')).toHaveLength(2);
    // Team leaders are no longer asked in: not notified.
    expect(await notificationsOf(teamLeaderId, 'sparring_requested')).toHaveLength(1);
  });

  it('audit-logs every read, send, download and settings change with the citizen', async () => {
    expect(await auditCount('message.list', mentorId)).toBeGreaterThan(0);
    expect(await auditCount('message.list', caseworkerId)).toBeGreaterThan(0);
    expect(await auditCount('message.create', caseworkerId)).toBeGreaterThan(0);
    expect(await auditCount('message.create', teamLeaderId)).toBe(1);
    expect(await auditCount('message.settings', mentorId)).toBe(2);
    expect(await auditCount('message.attachment_upload', caseworkerId)).toBe(2);
    const [event] = await t.db.query(
      `SELECT entity_type, entity_id, actor_role, details FROM audit_event
        WHERE action = 'message.settings' AND user_id = $1 ORDER BY at LIMIT 1`,
      [mentorId],
    );
    expect(event).toEqual({
      entity_type: 'mentor_course',
      entity_id: courseId,
      actor_role: 'mentor',
      details: { needsSparring: true },
    });
    // A refused read still leaves its record, without the citizen.
    const [refused] = await t.db.query(
      `SELECT citizen_ids FROM audit_event WHERE action = 'message.list' AND user_id = (
         SELECT id FROM app_user WHERE username = 'mentor.vejenvidere1') ORDER BY at DESC LIMIT 1`,
    );
    expect(refused.citizen_ids).toEqual([]);
  });
});
