import {
  addDays,
  addWorkingDays,
  BarrierKind,
  type CourseHandover,
  emptyHandoverContent,
  GoalProgress,
  HANDOVER_ACKNOWLEDGE_WORKING_DAYS,
  HANDOVER_LIST_MAX_ITEMS,
  HANDOVER_TEXT_MAX_LENGTH,
  type HandoverContent,
  OtherActorKind,
  Recommendation,
  type ReportContent,
} from '@mentor/domain';
import { MIGRATIONS } from '@mentor/migrations';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { todayInDenmark } from '../src/common/clock';
import { appDataSourceOptions } from '../src/database/data-source';
import { ReportRemindersService } from '../src/notifications/report-reminders.service';
import { completeContent } from './handover-helpers';
import { startTestApp, type TestApp, type TestResponse } from './test-app';

const today = todayInDenmark();

function expectProblem(response: TestResponse<any>, status: number, code?: string) {
  expect({ status: response.status, code: response.body?.code }).toEqual({
    status,
    code: code ?? response.body?.code,
  });
  expect(response.headers.get('content-type')).toContain('application/problem+json');
}

/** The caseworker's packet as a mentor should get it: every part filled in. */
function fullContent(prefilled: HandoverContent): HandoverContent {
  return {
    ...completeContent(prefilled),
    background: 'Borgeren har været ledig i tre år og bor alene.',
    knownBarriers: 'Sover dårligt; undgår breve fra kommunen.',
    triedBefore: 'Praktik i butik, stoppede efter to uger.',
    contactPreferences: {
      meetingPlace: prefilled.contactPreferences.meetingPlace,
      meetingPlaceReason: prefilled.contactPreferences.meetingPlaceReason,
      times: 'Formiddage, ikke mandag',
      forms: ['in_person_home', 'phone'],
    } as HandoverContent['contactPreferences'],
    safetyNotes: 'Mød ikke alene i hjemmet.',
    otherActors: [{ kind: OtherActorKind.Doctor, name: 'Egen læge', contact: 'Via borgeren' }],
    firstSteps: ['Første møde på biblioteket', 'Lave en ugeplan'],
  };
}

function reportContent(goalIds: string[], periodTo: string): ReportContent {
  return {
    goals: goalIds.map((goalId) => ({
      goalId,
      status: GoalProgress.ClearProgress,
      whatHappened: 'Borgeren er mødt op til alle aftaler.',
      evidence: 'Mødte på jobcentret klokken ni og fortalte selv om planen.',
      evidenceDate: periodTo,
    })),
    barriers: [
      { kind: BarrierKind.Housing, description: 'Bor hos en ven.', action: 'Boligansøgning sendt.' },
    ],
    citizenView: 'De faste aftaler hjælper mig.',
    reviewedWithCitizen: true,
    reviewedWithCitizenOn: periodTo,
    citizenViewMissingReason: '',
    nextSteps: [{ action: 'Ring til boligkontoret', owner: 'Mentor', dueOn: addDays(today, 7) }],
    recommendation: Recommendation.Continue,
    recommendedMinutesPerWeek: null,
    recommendationReason: 'Fremmødet er stabilt.',
  };
}

describe('handover packets', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let cjiId: string;
  let citizenId: string;
  let courseId: string;
  let goalIds: string[];
  let handover: string;

  const as = (user: string) => ({ token: tokens[user] as string });
  const get = (user: string, path: string) => t.request<any>('GET', path, as(user));
  const send = (user: string, method: string, path: string, json: unknown) =>
    t.request<any>(method, path, { ...as(user), json });
  const read = async (user: string): Promise<CourseHandover> => {
    const response = await get(user, handover);
    expect(response.status).toBe(200);
    return response.body;
  };
  const logContact = (user: string, daysAgo = 0, topics: string[] = ['housing']) =>
    send(user, 'POST', `/api/courses/${courseId}/contacts`, {
      contactDate: addDays(today, -daysAgo),
      startTime: '00:00',
      minutes: 30,
      form: 'phone',
      showedUp: true,
      topics,
      help: [],
    });
  const audits = async (action: string): Promise<{ citizen_ids: string[]; user_id: string }[]> =>
    t.db.query(`SELECT citizen_ids, user_id FROM audit_event WHERE action = $1 AND $2 = ANY(citizen_ids)`, [
      action,
      citizenId,
    ]);
  const notifications = async (kind: string, packetId: string): Promise<string[]> =>
    (
      await t.db.query(
        `SELECT u.username FROM notification n JOIN app_user u ON u.id = n.user_id
          WHERE n.kind = $1 AND n.key = $1 || ':' || $2 ORDER BY 1`,
        [kind, packetId],
      )
    ).map((r: { username: string }) => r.username);

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of [
      'sagsbehandler.cji',
      'sagsbehandler2.cji',
      'mentor.cji1',
      'mentor.cji2',
      'mentor.mentorhuset1',
      'teamleder.cji',
      'teamleder.mentorhuset',
      'admin',
    ]) {
      tokens[user] = await t.login(user);
      ids[user] = (await get(user, '/api/me')).body.id;
    }
    cjiId = (await get('mentor.cji1', '/api/me')).body.organisationId;
    const citizen = await send('sagsbehandler.cji', 'POST', '/api/citizens', {
      name: 'Overdragelse Testborger',
      cpr: '070480-1113',
      preferredMeetingPlace: 'home',
      meetingPlaceReason: 'Har svært ved at komme ud',
    });
    expect(citizen.status).toBe(201);
    citizenId = citizen.body.id;
    const grant = await send('sagsbehandler.cji', 'POST', '/api/grants', {
      citizenId,
      mentorType: 'holistic',
      purpose: 'Struktur i hverdagen',
      tasks: 'Støtte til aftaler',
      goals: ['Møde stabilt op til aftaler', 'Starte i praktik'],
      minutesPerWeek: 60,
      startsOn: addDays(today, -40),
      endsOn: addDays(today, 100),
      deliveringOrganisationId: cjiId,
      mentorId: ids['mentor.cji1'],
    });
    expect(grant.status).toBe(201);
    courseId = grant.body.courseId;
    goalIds = grant.body.goals.map((g: { id: string }) => g.id);
    handover = `/api/courses/${courseId}/handover`;
  });
  afterAll(() => t.close());

  it('pre-fills the first packet from the grant and the citizen, unsaved, and audits the read', async () => {
    const body = await read('sagsbehandler.cji');
    expect(body.earlier).toEqual([]);
    expect(body.current).toMatchObject({
      id: null,
      courseId,
      mentorId: ids['mentor.cji1'],
      mentorName: 'Jonas Krogh Petersen',
      status: 'draft',
      source: 'grant',
      version: 0,
      sentAt: null,
      acknowledgeOverdue: false,
    });
    expect(body.current!.content).toEqual({
      ...emptyHandoverContent(),
      purpose: 'Struktur i hverdagen',
      goals: ['Møde stabilt op til aftaler', 'Starte i praktik'],
      contactPreferences: {
        meetingPlace: 'home',
        meetingPlaceReason: 'Har svært ved at komme ud',
        times: '',
        forms: [],
      },
    });
    const reads = await audits('handover.read');
    expect(reads.map((r) => r.user_id)).toContain(ids['sagsbehandler.cji']);
  });

  it('hides drafts from the mentor and the team leader, and the course from everyone else', async () => {
    const prefilled = (await read('sagsbehandler.cji')).current!;
    const saved = await send('sagsbehandler.cji', 'PUT', handover, {
      content: prefilled.content,
      version: 0,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.current).toMatchObject({ id: expect.any(String), status: 'draft', version: 1 });
    expect(saved.body.current.createdByName).toBe('Peter Falk Nielsen');

    expect(await read('mentor.cji1')).toEqual({ current: null, earlier: [] });
    expect(await read('teamleder.cji')).toEqual({ current: null, earlier: [] });
    expectProblem(
      await send('mentor.cji1', 'POST', `${handover}/acknowledge`, { version: 1 }),
      409,
      'handover.not_sent',
    );

    // Another caseworker, a mentor of the same centre, another provider's mentor and team leader.
    for (const user of [
      'sagsbehandler2.cji',
      'mentor.cji2',
      'mentor.mentorhuset1',
      'teamleder.mentorhuset',
    ]) {
      expectProblem(await get(user, handover), 404, 'course.not_found');
    }
    expectProblem(
      await send('sagsbehandler2.cji', 'PUT', handover, { content: prefilled.content, version: 1 }),
      404,
    );
    expectProblem(await send('sagsbehandler2.cji', 'POST', `${handover}/send`, { version: 1 }), 404);
    for (const user of ['mentor.cji2', 'mentor.mentorhuset1'])
      expectProblem(await send(user, 'POST', `${handover}/acknowledge`, { version: 1 }), 404);
    // Roles without the permission: refused before any lookup.
    expectProblem(await get('admin', handover), 403);
    expectProblem(
      await send('mentor.cji1', 'PUT', handover, { content: prefilled.content, version: 1 }),
      403,
    );
    expectProblem(await send('teamleder.cji', 'POST', `${handover}/send`, { version: 1 }), 403);
    expectProblem(await get('sagsbehandler.cji', `/api/courses/${randomUUID()}/handover`), 404);
  });

  it('checks the content and the version, and refuses to send an incomplete packet', async () => {
    const current = (await read('sagsbehandler.cji')).current!;
    expectProblem(
      await send('sagsbehandler.cji', 'PUT', handover, { content: current.content, version: 0 }),
      409,
    );
    const invalid = await send('sagsbehandler.cji', 'PUT', handover, {
      content: {
        ...current.content,
        background: 'x'.repeat(HANDOVER_TEXT_MAX_LENGTH + 1),
        goals: Array.from({ length: HANDOVER_LIST_MAX_ITEMS + 1 }, (_, i) => `Mål ${i}`),
        otherActors: [{ kind: 'neighbour', name: 'Nabo', contact: '' }],
        contactPreferences: { ...current.content.contactPreferences, forms: ['pigeon'] },
      },
      version: current.version,
    });
    expectProblem(invalid, 400);
    expect(
      invalid.body.errors.map((e: { field: string; codes: string[] }) => `${e.field}:${e.codes}`),
    ).toEqual(
      expect.arrayContaining([
        'content.background:maxLength',
        'content.goals:arrayMaxSize',
        'content.otherActors.0.kind:isEnum',
        'content.contactPreferences.forms:isEnum',
      ]),
    );
    const { background: _background, ...missing } = current.content;
    expectProblem(await send('sagsbehandler.cji', 'PUT', handover, { content: missing, version: 1 }), 400);

    const incomplete = await send('sagsbehandler.cji', 'POST', `${handover}/send`, {
      version: current.version,
    });
    expectProblem(incomplete, 422, 'handover.incomplete');
    expect(incomplete.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'content.background',
      'content.knownBarriers',
      'content.firstSteps',
    ]);
  });

  it('blocks the mentor’s contacts until the packet is acknowledged, then lets them log', async () => {
    const blocked = await logContact('mentor.cji1');
    expectProblem(blocked, 409, 'contact.handover_not_acknowledged');
    expect(blocked.body.detail).toMatch(/handover packet/);

    const current = (await read('sagsbehandler.cji')).current!;
    const saved = await send('sagsbehandler.cji', 'PUT', handover, {
      content: fullContent(current.content),
      version: current.version,
    });
    expect(saved.status).toBe(200);
    expectProblem(
      await send('sagsbehandler.cji', 'POST', `${handover}/send`, { version: current.version }),
      409,
    );
    const sent = await send('sagsbehandler.cji', 'POST', `${handover}/send`, {
      version: saved.body.current.version,
    });
    expect(sent.status).toBe(200);
    const acknowledgeBy = addWorkingDays(today, HANDOVER_ACKNOWLEDGE_WORKING_DAYS);
    expect(sent.body.current).toMatchObject({
      status: 'sent',
      sentAt: expect.any(String),
      acknowledgeBy,
      acknowledgeOverdue: false,
      acknowledgedAt: null,
    });
    const packetId = sent.body.current.id;
    expect(await notifications('handover_sent', packetId)).toEqual(['mentor.cji1']);
    const mentorNotice = (await get('mentor.cji1', '/api/notifications?limit=100')).body.items.find(
      (n: any) => n.kind === 'handover_sent' && n.courseId === courseId,
    );
    expect(mentorNotice).toMatchObject({ dueOn: acknowledgeBy, reportId: null });

    expectProblem(
      await send('sagsbehandler.cji', 'PUT', handover, {
        content: sent.body.current.content,
        version: sent.body.current.version,
      }),
      409,
      'handover.already_sent',
    );
    const mentorView = await read('mentor.cji1');
    expect(mentorView.current).toMatchObject({
      id: packetId,
      status: 'sent',
      content: fullContent(current.content),
    });
    expect(mentorView.earlier).toEqual([]);
    expect((await read('teamleder.cji')).current).toMatchObject({ id: packetId, status: 'sent' });
    expectProblem(await logContact('mentor.cji1'), 409, 'contact.handover_not_acknowledged');

    // The caseworker cannot acknowledge for the mentor.
    expectProblem(await send('sagsbehandler.cji', 'POST', `${handover}/acknowledge`, { version: 3 }), 403);
    expectProblem(await send('mentor.cji1', 'POST', `${handover}/acknowledge`, { version: 1 }), 409);
    const acknowledged = await send('mentor.cji1', 'POST', `${handover}/acknowledge`, {
      version: sent.body.current.version,
    });
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.current).toMatchObject({
      status: 'acknowledged',
      acknowledgedAt: expect.any(String),
    });
    expect(await notifications('handover_acknowledged', packetId)).toEqual(['sagsbehandler.cji']);
    expectProblem(
      await send('mentor.cji1', 'POST', `${handover}/acknowledge`, {
        version: acknowledged.body.current.version,
      }),
      409,
      'handover.already_acknowledged',
    );

    expect((await logContact('mentor.cji1', 3, ['housing', 'finances'])).status).toBe(201);
    expect((await logContact('mentor.cji1', 2, ['health'])).status).toBe(201);

    for (const action of ['handover.save', 'handover.send'])
      expect((await audits(action)).map((r) => r.user_id)).toContain(ids['sagsbehandler.cji']);
    expect((await audits('handover.acknowledge')).map((r) => r.user_id)).toEqual([ids['mentor.cji1']]);
    for (const user of ['mentor.cji1', 'teamleder.cji'])
      expect((await audits('handover.read')).map((r) => r.user_id)).toContain(ids[user]);
  });

  it('drafts the next mentor’s packet from the course after a change of mentor', async () => {
    const periodTo = addDays(today, -1);
    const created = await send('mentor.cji1', 'POST', `/api/courses/${courseId}/reports`, { periodTo });
    expect(created.status).toBe(201);
    const saved = await send('mentor.cji1', 'PATCH', `/api/reports/${created.body.id}`, {
      content: reportContent(goalIds, periodTo),
      version: created.body.version,
    });
    expect(saved.status).toBe(200);
    const submitted = await send('mentor.cji1', 'POST', `/api/reports/${created.body.id}/submit`, {
      version: saved.body.version,
    });
    expect(submitted.status).toBe(200);
    const accepted = await send('sagsbehandler.cji', 'POST', `/api/reports/${created.body.id}/accept`, {
      version: submitted.body.version,
    });
    expect(accepted.status).toBe(200);

    const previous = (await read('sagsbehandler.cji')).current!;
    const course = await get('sagsbehandler.cji', `/api/courses/${courseId}`);
    const changed = await send('sagsbehandler.cji', 'PATCH', `/api/courses/${courseId}`, {
      mentorId: ids['mentor.cji2'],
      version: course.body.version,
    });
    expect(changed.status).toBe(200);

    const body = await read('sagsbehandler.cji');
    expect(body.earlier).toEqual([expect.objectContaining({ id: previous.id, status: 'acknowledged' })]);
    const draft = body.current!;
    expect(draft).toMatchObject({
      id: null,
      version: 0,
      source: 'course',
      mentorId: ids['mentor.cji2'],
      mentorName: 'Fatima El-Amin',
    });
    const carried = previous.content;
    expect(draft.content).toMatchObject({
      background: carried.background,
      purpose: 'Struktur i hverdagen',
      goals: ['Møde stabilt op til aftaler', 'Starte i praktik'],
      knownBarriers: carried.knownBarriers,
      triedBefore: carried.triedBefore,
      contactPreferences: carried.contactPreferences,
      safetyNotes: carried.safetyNotes,
      otherActors: carried.otherActors,
    });
    expect(draft.content.firstSteps).toEqual([
      expect.stringMatching(/^Ring til boligkontoret \(Mentor, senest \d{2}\.\d{2}\.\d{4}\)$/),
    ]);
    const soFar = draft.content.courseSoFar;
    expect(soFar).toContain('Seneste godkendte statusrapport');
    expect(soFar).toContain('Møde stabilt op til aftaler: Tydelig fremgang');
    expect(soFar).toContain('Bolig: Bor hos en ven. Handling: Boligansøgning sendt.');
    expect(soFar).toContain('Borgerens egen vurdering: De faste aftaler hjælper mig.');
    expect(soFar).toContain('Seneste 2 kontakter:');
    expect(soFar).toContain('Telefon, 30 min. – Helbred');
    expect(soFar).toContain('Telefon, 30 min. – Bolig, Økonomi');

    // The new mentor waits for the packet; the former mentor no longer sees the course.
    expect(await read('mentor.cji2')).toEqual({ current: null, earlier: [] });
    expectProblem(await logContact('mentor.cji2'), 409, 'contact.handover_not_acknowledged');
    expectProblem(await get('mentor.cji1', handover), 404);
    // The team leader sees the sent (here: acknowledged) earlier packet, not the unsaved draft.
    expect(await read('teamleder.cji')).toEqual({
      current: null,
      earlier: [expect.objectContaining({ id: previous.id })],
    });
  });

  it('flags a packet unacknowledged after its day, and notifies mentor and caseworker once', async () => {
    const draft = (await read('sagsbehandler.cji')).current!;
    const saved = await send('sagsbehandler.cji', 'PUT', handover, { content: draft.content, version: 0 });
    expect(saved.status).toBe(200);
    const sent = await send('sagsbehandler.cji', 'POST', `${handover}/send`, {
      version: saved.body.current.version,
    });
    expect(sent.status).toBe(200);
    const packetId = sent.body.current.id;
    const reminders = t.app.get(ReportRemindersService);
    await reminders.run(today);
    expect(await notifications('handover_overdue', packetId)).toEqual([]);

    // Four working days later, as the job and the page would see it then.
    const later = addWorkingDays(today, HANDOVER_ACKNOWLEDGE_WORKING_DAYS + 1);
    await t.db.query(`UPDATE handover_packet SET acknowledge_by = $2 WHERE id = $1`, [
      packetId,
      addDays(today, -1),
    ]);
    expect((await read('sagsbehandler.cji')).current).toMatchObject({
      id: packetId,
      acknowledgeOverdue: true,
    });
    expect((await read('mentor.cji2')).current).toMatchObject({ id: packetId, acknowledgeOverdue: true });
    expect((await reminders.run(later)).created).toBeGreaterThanOrEqual(2);
    expect(await notifications('handover_overdue', packetId)).toEqual(['mentor.cji2', 'sagsbehandler.cji']);
    const [flagged] = await t.db.query('SELECT overdue_notified_at FROM handover_packet WHERE id = $1', [
      packetId,
    ]);
    expect(flagged.overdue_notified_at).toBeInstanceOf(Date);
    await reminders.run(later);
    expect(await notifications('handover_overdue', packetId)).toEqual(['mentor.cji2', 'sagsbehandler.cji']);

    const acknowledged = await send('mentor.cji2', 'POST', `${handover}/acknowledge`, {
      version: sent.body.current.version,
    });
    expect(acknowledged.body.current).toMatchObject({ status: 'acknowledged', acknowledgeOverdue: false });
    expect((await logContact('mentor.cji2')).status).toBe(201);
  });

  it('leaves the demo with a packet sent to an external mentor and acknowledged ones elsewhere', async () => {
    const rows: { username: string; status: string; n: number }[] = await t.db.query(
      `SELECT u.username, hp.status, count(*)::int AS n FROM handover_packet hp JOIN app_user u ON u.id = hp.mentor_id
        WHERE u.username LIKE 'mentor.%' AND hp.source = 'grant' AND hp.content->>'background' <> ''
        GROUP BY 1, 2`,
    );
    expect(rows.filter((r) => r.status === 'sent')).toEqual([
      { username: 'mentor.mentorhuset1', status: 'sent', n: 1 },
    ]);
    expect(rows.filter((r) => r.status === 'acknowledged').length).toBeGreaterThan(5);
    const demo = await t.request<any>('GET', '/api/courses?limit=100', as('mentor.mentorhuset1'));
    const pending = demo.body.items.find((c: any) => c.citizenName === 'Vibeke Skitsesen');
    expect(pending).toBeDefined();
    const packet = await get('mentor.mentorhuset1', `/api/courses/${pending.id}/handover`);
    expect(packet.body.current).toMatchObject({ status: 'sent', acknowledgeOverdue: false });
    expect(packet.body.current.content.background).not.toBe('');
  });
});

describe('the HandoverPackets migration', () => {
  it('gives every course with a mentor an acknowledged, migrated packet for its current mentor', async () => {
    const admin = new DataSource(appDataSourceOptions(process.env['MENTOR_TEST_DATABASE_URL']!));
    await admin.initialize();
    const scratch = `mentor_handover_${Date.now()}`;
    await admin.query(`CREATE DATABASE "${scratch}"`);
    const url = new URL(process.env['MENTOR_TEST_DATABASE_URL']!);
    url.pathname = `/${scratch}`;
    const index = MIGRATIONS.findIndex((m) => new m().name === 'HandoverPackets1795889900000');
    const Migration = MIGRATIONS[index]!;
    // The schema as it was before handover packets.
    const db = new DataSource({
      ...appDataSourceOptions(url.toString()),
      migrations: MIGRATIONS.slice(0, index),
    });
    await db.initialize();
    try {
      await db.runMigrations();
      const one = async (sql: string, values: unknown[]) =>
        ((await db.query(sql, values)) as { id: string }[])[0]!.id;
      const municipality = await one(
        `INSERT INTO municipality (code, name) VALUES (999, 'Prøvekommune') RETURNING id`,
        [],
      );
      const organisation = await one(
        `INSERT INTO organisation (municipality_id, kind, name, version) VALUES ($1, 'internal_centre', 'Centret', 1) RETURNING id`,
        [municipality],
      );
      const user = (username: string, role: string) =>
        one(
          `INSERT INTO app_user (municipality_id, organisation_id, username, name, role, password_hash, version)
           VALUES ($1, $2, $3, $3, $4, '-', 1) RETURNING id`,
          [municipality, organisation, username, role],
        );
      const caseworker = await user('cw', 'caseworker');
      const [m1, m2] = [await user('m1', 'mentor'), await user('m2', 'mentor')];
      const citizen = await one(
        `INSERT INTO citizen (municipality_id, name, cpr_encrypted, cpr_hash, cpr_masked, preferred_meeting_place,
                              target_group, caseworker_id, version)
         VALUES ($1, 'Borger', '\\x00', repeat('a', 64), '010101-XXXX', 'home', 'activity_ready_cash_benefit_30_plus', $2, 1)
         RETURNING id`,
        [municipality, caseworker],
      );
      const course = async (
        mentor: string | null,
        status: string,
        periods: [string, string, string | null][],
      ) => {
        const grant = await one(
          `INSERT INTO mentor_grant (municipality_id, citizen_id, caseworker_id, mentor_type, purpose, tasks, goals,
                                     starts_on, ends_on, delivering_organisation_id, version)
           VALUES ($1, $2, $3, 'holistic', 'Formål', 'Opgaver', '[]', '2026-01-05', '2026-06-30', $4, 1) RETURNING id`,
          [municipality, citizen, caseworker, organisation],
        );
        const id = await one(
          `INSERT INTO mentor_course (municipality_id, grant_id, organisation_id, mentor_id, status, end_reason, ended_on, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 1) RETURNING id`,
          [
            municipality,
            grant,
            organisation,
            mentor,
            status,
            status === 'ended' ? 'goal_reached' : null,
            status === 'ended' ? '2026-03-01' : null,
          ],
        );
        for (const [mentorId, from, to] of periods)
          await db.query(
            `INSERT INTO course_mentor_period (municipality_id, course_id, mentor_id, from_date, to_date, changed_by)
             VALUES ($1, $2, $3, $4, $5, $6)`,
            [municipality, id, mentorId, from, to, caseworker],
          );
        return id;
      };
      const single = await course(m1, 'active', [[m1, '2026-01-05', null]]);
      const changed = await course(m2, 'active', [
        [m1, '2026-01-05', '2026-02-01'],
        [m2, '2026-02-01', null],
      ]);
      const ended = await course(m1, 'ended', [[m1, '2026-01-05', '2026-03-01']]);
      await course(null, 'planned', []);

      const runner = db.createQueryRunner();
      try {
        await new Migration().up(runner);
      } finally {
        await runner.release();
      }
      const packets: {
        course_id: string;
        mentor_id: string;
        status: string;
        source: string;
        created_by: string;
      }[] = await db.query(
        `SELECT hp.course_id, hp.mentor_id, hp.status, hp.source, hp.created_by, hp.content, hp.sent_at,
                  mp.to_date IS NULL AS open
             FROM handover_packet hp JOIN course_mentor_period mp ON mp.id = hp.mentor_period_id
            ORDER BY hp.course_id`,
      );
      const byCourse = new Map(packets.map((p) => [p.course_id, p]));
      expect(packets).toHaveLength(3);
      for (const [id, mentor] of [
        [single, m1],
        [changed, m2],
        [ended, m1],
      ] as const) {
        expect(byCourse.get(id)).toMatchObject({
          mentor_id: mentor,
          status: 'acknowledged',
          source: 'migrated',
          created_by: caseworker,
          content: emptyHandoverContent(),
          sent_at: null,
        });
      }
      // The new kinds are allowed, the old ones still are.
      await db.query(
        `INSERT INTO notification (municipality_id, user_id, kind, course_id, key)
         VALUES ($1, $2, 'handover_overdue', $3, 'a'), ($1, $2, 'report_overdue', $3, 'b')`,
        [municipality, m1, single],
      );
    } finally {
      await db.destroy();
      await admin.query(`DROP DATABASE "${scratch}"`);
      await admin.destroy();
    }
  });
});
