import {
  addDays,
  BarrierKind,
  checkReportQuality,
  CourseStatus,
  emptyReportContent,
  GoalProgress,
  Recommendation,
  type ReportContent,
} from '@mentor/domain';
import { todayInDenmark } from '../src/common/clock';
import { ReportRemindersService } from '../src/notifications/report-reminders.service';
import { NEXT_REPORT_DUE_SQL, nextReportDueOn } from '../src/reports/report-due';
import { handOver } from './handover-helpers';
import { startTestApp, type TestApp, type TestResponse } from './test-app';

const today = todayInDenmark();

/** A report every quality rule accepts (score 100 when the period holds contacts). */
function goodContent(goalIds: string[], periodTo: string): ReportContent {
  return {
    goals: goalIds.map((goalId) => ({
      goalId,
      status: GoalProgress.ClearProgress,
      whatHappened: 'Borgeren er mødt op til alle aftaler og har selv ringet ved forsinkelse.',
      evidence: 'Mødte til samtale på jobcentret klokken ni og fortalte selv om planen.',
      evidenceDate: periodTo,
    })),
    barriers: [
      {
        kind: BarrierKind.Housing,
        description: 'Bor midlertidigt hos en ven.',
        action: 'Ansøgning om bolig er sendt.',
      },
    ],
    citizenView: 'Borgeren synes, at de faste aftaler hjælper.',
    reviewedWithCitizen: true,
    reviewedWithCitizenOn: periodTo,
    citizenViewMissingReason: '',
    nextSteps: [{ action: 'Ring til boligkontoret', owner: 'Mentor', dueOn: addDays(today, 7) }],
    recommendation: Recommendation.Continue,
    recommendedMinutesPerWeek: null,
    recommendationReason: 'Fremmødet er stabilt, og boligen er ikke på plads endnu.',
  };
}

function expectProblem(response: TestResponse<any>, status: number, code?: string) {
  expect({ status: response.status, code: response.body?.code }).toEqual({
    status,
    code: code ?? response.body?.code,
  });
  expect(response.headers.get('content-type')).toContain('application/problem+json');
}

/** The field errors of a 400 as `field:code,code`. */
function fieldCodes(response: TestResponse<any>): string[] {
  expectProblem(response, 400);
  return response.body.errors.map((e: { field: string; codes: string[] }) => `${e.field}:${e.codes}`);
}

describe('progression reports', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let cjiId: string;
  let vejenVidereId: string;

  // Course 1: CJI, mentor.cji1, caseworker sagsbehandler.cji, 40 days in, 60 minutes a week.
  const startsOn = addDays(today, -40);
  let courseId: string;
  let goalIds: string[];
  let reportId: string;
  let version: number;

  const as = (user: string) => ({ token: tokens[user] as string });
  const get = (user: string, path: string) => t.request<any>('GET', path, as(user));
  const send = (user: string, method: string, path: string, json: unknown) =>
    t.request<any>(method, path, { ...as(user), json });

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of [
      'mentor.cji1',
      'mentor.cji2',
      'sagsbehandler.cji',
      'sagsbehandler2.cji',
      'teamleder.cji',
      'mentor.mentorhuset1',
      'teamleder.mentorhuset',
      'mentor.vejenvidere1',
      'mentor.vejenvidere2',
      'teamleder.vejenvidere',
      'admin',
    ]) {
      tokens[user] = await t.login(user);
      ids[user] = (await get(user, '/api/me')).body.id;
    }
    cjiId = (await get('mentor.cji1', '/api/me')).body.organisationId;
    vejenVidereId = (await get('mentor.vejenvidere1', '/api/me')).body.organisationId;
  });
  afterAll(() => t.close());

  /** A citizen with a grant and an active course; returns the course id and the grant's goal ids. */
  async function makeCourse(
    name: string,
    cpr: string,
    options: { startsOn: string; organisationId: string; mentor: string },
  ): Promise<{ courseId: string; goalIds: string[] }> {
    const citizen = await send('sagsbehandler.cji', 'POST', '/api/citizens', {
      name,
      cpr,
      preferredMeetingPlace: 'out_of_home',
    });
    expect(citizen.status).toBe(201);
    const grant = await send('sagsbehandler.cji', 'POST', '/api/grants', {
      citizenId: citizen.body.id,
      mentorType: 'holistic',
      purpose: 'Struktur i hverdagen',
      tasks: 'Støtte til aftaler',
      goals: ['Møde stabilt op til aftaler', 'Starte i praktik'],
      minutesPerWeek: 60,
      startsOn: options.startsOn,
      endsOn: addDays(today, 120),
      deliveringOrganisationId: options.organisationId,
      mentorId: ids[options.mentor],
    });
    expect(grant.status).toBe(201);
    await handOver(
      t,
      grant.body.courseId,
      tokens['sagsbehandler.cji'] as string,
      tokens[options.mentor] as string,
    );
    return { courseId: grant.body.courseId, goalIds: grant.body.goals.map((g: { id: string }) => g.id) };
  }

  async function logContact(
    mentor: string,
    course: string,
    daysAgo: number,
    minutes: number,
    form: string,
    showedUp = true,
  ) {
    const response = await send(mentor, 'POST', `/api/courses/${course}/contacts`, {
      contactDate: addDays(today, -daysAgo),
      startTime: '10:00',
      minutes,
      form,
      showedUp,
      topics: [],
      help: [],
    });
    expect(response.status).toBe(201);
    return response.body.contact;
  }

  it('computes the first due date from the grant start and flags the course overdue in lists', async () => {
    ({ courseId, goalIds } = await makeCourse('Rapport Testborger', '120381-1111', {
      startsOn,
      organisationId: cjiId,
      mentor: 'mentor.cji1',
    }));
    await logContact('mentor.cji1', courseId, 35, 45, 'in_person_elsewhere');
    await logContact('mentor.cji1', courseId, 30, 30, 'phone');
    await logContact('mentor.cji1', courseId, 28, 20, 'in_person_home', false);
    const deleted = await logContact('mentor.cji1', courseId, 27, 15, 'phone');
    expect(
      (await t.request('DELETE', `/api/contacts/${deleted.id}?version=1`, as('mentor.cji1'))).status,
    ).toBe(204);
    await logContact('mentor.cji1', courseId, 20, 60, 'in_person_elsewhere');

    const reporting = await get('mentor.cji1', `/api/courses/${courseId}/reporting`);
    expect(reporting.body).toEqual({
      courseId,
      intervalWeeks: 4,
      nextDueOn: addDays(startsOn, 28),
      dueSoon: false,
      overdue: true,
      openReportId: null,
    });
    const list = await get('sagsbehandler.cji', '/api/courses?flag=report_overdue&limit=100');
    const row = list.body.items.find((c: any) => c.id === courseId);
    expect(row).toMatchObject({ nextReportDueOn: addDays(startsOn, 28), reportOverdue: true });
    const detail = await get('mentor.cji1', `/api/courses/${courseId}`);
    expect(detail.body).toMatchObject({ nextReportDueOn: addDays(startsOn, 28), reportOverdue: true });
    for (const item of list.body.items) expect(item.reportOverdue).toBe(true);
  });

  it('notifies of overdue reports by the job, once however often and wherever it runs', async () => {
    const reminders = t.app.get(ReportRemindersService);
    const key = `report_overdue:${courseId}:${addDays(startsOn, 28)}`;
    const first = await reminders.run(today);
    expect(first.skipped).toBe(false);
    expect(first.created).toBeGreaterThan(0);
    const recipients = await t.db.query(
      `SELECT u.username FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.key = $1 ORDER BY 1`,
      [key],
    );
    expect(recipients.map((r: any) => r.username)).toEqual([
      'mentor.cji1',
      'sagsbehandler.cji',
      'teamleder.cji',
    ]);
    const count = async () => (await t.db.query('SELECT count(*)::int AS n FROM notification'))[0].n;
    const before = await count();
    expect(await reminders.run(today)).toEqual({ skipped: false, created: 0 });
    // Two instances at once: one works (or both find nothing new), nothing is stored twice.
    const both = await Promise.all([reminders.run(today), reminders.run(today)]);
    expect(both.reduce((sum, r) => sum + r.created, 0)).toBe(0);
    expect(await count()).toBe(before);

    const page = await get('teamleder.cji', '/api/notifications?limit=100');
    const reminder = page.body.items.find((n: any) => n.courseId === courseId);
    expect(reminder).toMatchObject({
      kind: 'report_overdue',
      dueOn: addDays(startsOn, 28),
      reportId: null,
      readAt: null,
    });
    expect(page.body.unreadCount).toBeGreaterThan(0);
  });

  it('lets only the course mentor create a report, for a period from the course start to a past day', async () => {
    const path = `/api/courses/${courseId}/reports`;
    const periodTo = addDays(today, -25);
    expectProblem(await send('mentor.cji2', 'POST', path, { periodTo }), 404, 'course.not_found');
    expectProblem(await send('mentor.mentorhuset1', 'POST', path, { periodTo }), 404);
    expectProblem(await send('sagsbehandler.cji', 'POST', path, { periodTo }), 403, 'auth.forbidden');
    expectProblem(await send('teamleder.cji', 'POST', path, { periodTo }), 403, 'auth.forbidden');
    expect(fieldCodes(await send('mentor.cji1', 'POST', path, { periodTo: addDays(today, 1) }))).toEqual([
      'periodTo:report.period_in_future',
    ]);
    expect(fieldCodes(await send('mentor.cji1', 'POST', path, { periodTo: addDays(startsOn, -1) }))).toEqual([
      'periodTo:report.period_before_start',
    ]);
    expect(fieldCodes(await send('mentor.cji1', 'POST', path, { periodTo: 'yesterday' }))).toEqual([
      'periodTo:isIso8601,matches',
    ]);

    const created = await send('mentor.cji1', 'POST', path, { periodTo });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      courseId,
      status: 'draft',
      periodFrom: startsOn,
      periodTo,
      dueOn: addDays(startsOn, 28),
      submittedAt: null,
      version: 1,
      versions: [],
      openComments: [],
      qualityThreshold: 70,
      can: { edit: true, submit: true, review: false },
      content: emptyReportContent(goalIds),
      goals: [
        { id: goalIds[0], text: 'Møde stabilt op til aftaler' },
        { id: goalIds[1], text: 'Starte i praktik' },
      ],
    });
    reportId = created.body.id;
    version = created.body.version;
    expectProblem(await send('mentor.cji1', 'POST', path, { periodTo }), 409, 'report.open_exists');
    const reporting = await get('mentor.cji1', `/api/courses/${courseId}/reporting`);
    expect(reporting.body.openReportId).toBe(reportId);
  });

  it('counts section 1 from the logged contacts of the period: not deleted, no-shows apart', async () => {
    const report = await get('mentor.cji1', `/api/reports/${reportId}`);
    // Days -35 (45 min, showed up), -30 (30, phone), -28 (20, no-show); -27 was deleted; -20 is after the period.
    expect(report.body.attendance).toEqual({
      contactsHeld: 2,
      noShows: 1,
      minutesDelivered: 95,
      minutesGranted: Math.round((60 * 16) / 7),
      forms: { in_person_elsewhere: 1, phone: 1, in_person_home: 1 },
    });
    const [logged] = await t.db.query(
      `SELECT count(*) FILTER (WHERE showed_up)::int AS held, count(*) FILTER (WHERE NOT showed_up)::int AS "noShows",
              sum(minutes)::int AS minutes
         FROM counted_contact WHERE course_id = $1 AND contact_date BETWEEN $2 AND $3`,
      [courseId, startsOn, addDays(today, -25)],
    );
    expect(report.body.attendance).toMatchObject({
      contactsHeld: logged.held,
      noShows: logged.noShows,
      minutesDelivered: logged.minutes,
    });
  });

  it('shows the report to the course mentor, the caseworker and the team leader only', async () => {
    const path = `/api/reports/${reportId}`;
    for (const user of ['mentor.cji1', 'sagsbehandler.cji', 'teamleder.cji'])
      expect((await get(user, path)).status).toBe(200);
    for (const user of ['mentor.cji2', 'sagsbehandler2.cji', 'mentor.mentorhuset1', 'teamleder.mentorhuset'])
      expectProblem(await get(user, path), 404, 'report.not_found');
    expectProblem(await get('admin', path), 403, 'auth.forbidden');
    expect((await get('sagsbehandler.cji', path)).body.can).toEqual({
      edit: false,
      submit: false,
      review: false,
    });
    const [audit] = await t.db.query(
      `SELECT count(*)::int AS n, bool_and(array_length(citizen_ids, 1) = 1) AS one FROM audit_event
        WHERE action = 'report.read' AND entity_id = $1`,
      [reportId],
    );
    expect(audit.n).toBeGreaterThanOrEqual(3);
    expect(audit.one).toBe(true);
  });

  it('refuses bad content with problem+json naming the field', async () => {
    const path = `/api/reports/${reportId}`;
    const save = (content: unknown, extra: object = {}) =>
      send('mentor.cji1', 'PATCH', path, { content, version, ...extra });
    const base = emptyReportContent(goalIds);
    const goal = (change: object) => ({ ...base, goals: [{ ...base.goals[0], ...change }, base.goals[1]] });

    expect(fieldCodes(await save(goal({ goalId: 'not-a-goal' })))).toEqual([
      'content.goals.0.goalId:report.unknown_goal',
    ]);
    expect(fieldCodes(await save({ ...base, goals: [base.goals[0], base.goals[0]] }))).toEqual([
      'content.goals.1.goalId:report.duplicate_goal',
    ]);
    expect(fieldCodes(await save(goal({ status: 'going_well' })))).toEqual(['content.goals.0.status:isEnum']);
    expect(fieldCodes(await save(goal({ evidenceDate: addDays(today, 2) })))).toEqual([
      'content.goals.0.evidenceDate:report.date_in_future',
    ]);
    expect(
      fieldCodes(
        await save({ ...base, nextSteps: [{ action: 'Ring', owner: 'Mentor', dueOn: 'next week' }] }),
      ),
    ).toEqual(['content.nextSteps.0.dueOn:isIso8601,matches']);
    expect(
      fieldCodes(await save({ ...base, barriers: [{ kind: 'weather', description: '', action: '' }] })),
    ).toEqual(['content.barriers.0.kind:isEnum']);
    expect(fieldCodes(await save({ ...base, recommendation: 'promote' }))).toEqual([
      'content.recommendation:isEnum',
    ]);
    expect(fieldCodes(await save({ ...base, citizenView: 'x'.repeat(4001) }))).toEqual([
      'content.citizenView:maxLength',
    ]);
    expect(fieldCodes(await save(goal({ mood: 'good' })))).toEqual([
      'content.goals.0.mood:whitelistValidation',
    ]);
    const { citizenView: _missing, ...withoutView } = base;
    expect(fieldCodes(await save(withoutView))).toEqual(['content.citizenView:isString,maxLength']);
    expect(fieldCodes(await save(base, { periodTo: addDays(today, 1) }))).toEqual([
      'periodTo:report.period_in_future',
    ]);
    expect(fieldCodes(await save(undefined))[0]).toMatch(/^content:isDefined/);
    // Nothing was saved.
    expect((await get('mentor.cji1', path)).body.version).toBe(version);
  });

  it('saves a draft with a next step lacking its date, and the quality check hints it', async () => {
    const periodTo = addDays(today, -25);
    const content = goodContent(goalIds, periodTo);
    const withoutDate = {
      ...content,
      nextSteps: [{ action: 'Ring til boligkontoret', owner: 'Mentor', dueOn: null }],
    };
    const saved = await send('mentor.cji1', 'PATCH', `/api/reports/${reportId}`, {
      content: withoutDate,
      version,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(version + 1);
    expect(saved.body.content).toEqual(withoutDate);
    const result = checkReportQuality(saved.body.content, {
      goalIds,
      attendance: saved.body.attendance,
      periodFrom: saved.body.periodFrom,
      periodTo: saved.body.periodTo,
      today,
    });
    expect(result.hints).toEqual([{ rule: 'next_steps', section: 'next_steps', field: 'nextSteps.0.dueOn' }]);
    expect(saved.body.qualityScore).toBe(result.score);
    const [stored] = await t.db.query('SELECT quality_score FROM progress_report WHERE id = $1', [reportId]);
    expect(stored.quality_score).toBe(result.score);
    expect(result.score).toBeLessThan(100);

    expectProblem(
      await send('mentor.cji1', 'PATCH', `/api/reports/${reportId}`, { content: withoutDate, version }),
      409,
      'report.stale_version',
    );
    expectProblem(
      await send('mentor.cji2', 'PATCH', `/api/reports/${reportId}`, { content: withoutDate, version }),
      404,
    );
    expectProblem(
      await send('sagsbehandler.cji', 'PATCH', `/api/reports/${reportId}`, { content: withoutDate, version }),
      403,
      'auth.forbidden',
    );
    version = saved.body.version;
  });

  it('needs a justification to submit under the threshold, and computes section 1 itself', async () => {
    const empty = emptyReportContent(goalIds);
    const saved = await send('mentor.cji1', 'PATCH', `/api/reports/${reportId}`, { content: empty, version });
    expect(saved.body.qualityScore).toBe(50);
    version = saved.body.version;
    expectProblem(
      await send('sagsbehandler.cji', 'POST', `/api/reports/${reportId}/accept`, { version }),
      409,
      'report.invalid_transition',
    );

    const refused = await send('mentor.cji1', 'POST', `/api/reports/${reportId}/submit`, { version });
    expectProblem(refused, 422, 'report.justification_required');
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'justification', codes: ['report.justification_required'] }),
    ]);
    const blank = await send('mentor.cji1', 'POST', `/api/reports/${reportId}/submit`, {
      version,
      justification: '  ',
    });
    expectProblem(blank, 422, 'report.justification_required');
    const typedAttendance = await send('mentor.cji1', 'POST', `/api/reports/${reportId}/submit`, {
      version,
      justification: 'Fristen er i dag',
      attendance: { contactsHeld: 99 },
    });
    expect(fieldCodes(typedAttendance)).toEqual(['attendance:whitelistValidation']);
    expectProblem(
      await send('mentor.cji2', 'POST', `/api/reports/${reportId}/submit`, { version, justification: 'x' }),
      404,
    );

    const submitted = await send('mentor.cji1', 'POST', `/api/reports/${reportId}/submit`, {
      version,
      justification: 'Borgeren har været indlagt; resten følger ved næste rapport.',
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', qualityScore: 50, version: version + 1 });
    expect(submitted.body.submittedAt).toEqual(expect.any(String));
    expect(submitted.body.versions).toEqual([
      expect.objectContaining({
        number: 1,
        periodFrom: startsOn,
        periodTo: addDays(today, -25),
        qualityScore: 50,
        justification: 'Borgeren har været indlagt; resten følger ved næste rapport.',
        submittedByName: 'Jonas Krogh Petersen',
        attendance: submitted.body.attendance,
        content: empty,
        review: null,
      }),
    ]);
    expect(submitted.body.attendance).toMatchObject({ contactsHeld: 2, noShows: 1, minutesDelivered: 95 });
    version = submitted.body.version;
  });

  it('moves the due date on once a report is submitted', async () => {
    const nextDue = addDays(today, -25 + 28);
    const reporting = await get('sagsbehandler.cji', `/api/courses/${courseId}/reporting`);
    expect(reporting.body).toMatchObject({
      nextDueOn: nextDue,
      dueSoon: true,
      overdue: false,
      openReportId: reportId,
    });
    const list = await get('sagsbehandler.cji', '/api/courses?limit=100');
    expect(list.body.items.find((c: any) => c.id === courseId)).toMatchObject({
      nextReportDueOn: nextDue,
      reportOverdue: false,
    });
    const overdue = await get('sagsbehandler.cji', '/api/courses?flag=report_overdue&limit=100');
    expect(overdue.body.items.map((c: any) => c.id)).not.toContain(courseId);
  });

  it('notifies the caseworker of the submit, in the same transaction, with ids only', async () => {
    const page = await get('sagsbehandler.cji', '/api/notifications?limit=100');
    expect(page.body.items.filter((n: any) => n.reportId === reportId)).toEqual([
      expect.objectContaining({
        kind: 'report_submitted',
        courseId,
        reportVersion: 1,
        dueOn: null,
        readAt: null,
      }),
    ]);
    const payloads = await t.db.query('SELECT DISTINCT jsonb_object_keys(payload) AS key FROM notification');
    for (const { key } of payloads) expect(['dueOn', 'version']).toContain(key);
  });

  it('refuses to edit or resubmit a submitted report, and to review it by anyone but the caseworker', async () => {
    const path = `/api/reports/${reportId}`;
    const content = goodContent(goalIds, addDays(today, -25));
    expectProblem(
      await send('mentor.cji1', 'PATCH', path, { content, version }),
      409,
      'report.invalid_transition',
    );
    expectProblem(
      await send('mentor.cji1', 'POST', `${path}/submit`, { version, justification: 'x' }),
      409,
      'report.invalid_transition',
    );
    const comments = [{ section: 'goals', comment: 'Skriv hvad du har set ske' }];
    expectProblem(
      await send('teamleder.cji', 'POST', `${path}/return`, { version, comments }),
      403,
      'auth.forbidden',
    );
    expectProblem(await send('teamleder.cji', 'POST', `${path}/accept`, { version }), 403, 'auth.forbidden');
    expectProblem(await send('mentor.cji1', 'POST', `${path}/accept`, { version }), 403, 'auth.forbidden');
    expectProblem(await send('sagsbehandler2.cji', 'POST', `${path}/return`, { version, comments }), 404);
    expectProblem(
      await send('sagsbehandler.cji', 'POST', `${path}/accept`, { version: version - 1 }),
      409,
      'report.stale_version',
    );
    expect(
      fieldCodes(await send('sagsbehandler.cji', 'POST', `${path}/return`, { version, comments: [] })),
    ).toEqual(['comments:arrayMinSize']);
    expect(
      fieldCodes(
        await send('sagsbehandler.cji', 'POST', `${path}/return`, {
          version,
          comments: [{ section: 'mood', comment: '' }],
        }),
      ),
    ).toEqual(['comments.0.section:isEnum', 'comments.0.comment:isNotEmpty']);
    expect((await get('sagsbehandler.cji', path)).body.can).toEqual({
      edit: false,
      submit: false,
      review: true,
    });
  });

  it('returns the report with comments on sections, and the mentor revises and resubmits it', async () => {
    const path = `/api/reports/${reportId}`;
    const comments = [
      { section: 'goals', comment: 'Skriv hvad du har set ske, med dato.' },
      { section: 'next_steps', comment: 'Hvem gør hvad hvornår?' },
    ];
    const returned = await send('sagsbehandler.cji', 'POST', `${path}/return`, { version, comments });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      status: 'returned',
      openComments: comments,
      can: { review: false },
    });
    expect(returned.body.versions[0].review).toEqual({
      decision: 'returned',
      reviewedAt: expect.any(String),
      reviewedByName: 'Peter Falk Nielsen',
      comments,
    });
    version = returned.body.version;
    expectProblem(
      await send('sagsbehandler.cji', 'POST', `${path}/accept`, { version }),
      409,
      'report.invalid_transition',
    );
    const mentorView = await get('mentor.cji1', path);
    expect(mentorView.body.can).toEqual({ edit: true, submit: true, review: false });
    const notified = await get('mentor.cji1', '/api/notifications?limit=100');
    expect(notified.body.items.find((n: any) => n.reportId === reportId)).toMatchObject({
      kind: 'report_returned',
      reportVersion: 1,
    });

    const content = goodContent(goalIds, addDays(today, -25));
    const saved = await send('mentor.cji1', 'PATCH', path, { content, version });
    expect(saved.status).toBe(200);
    expect(saved.body.qualityScore).toBe(100);
    const resubmitted = await send('mentor.cji1', 'POST', `${path}/submit`, { version: saved.body.version });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.status).toBe('submitted');
    expect(resubmitted.body.openComments).toEqual([]);
    expect(
      resubmitted.body.versions.map((v: any) => [
        v.number,
        v.qualityScore,
        v.justification,
        v.review?.decision ?? null,
      ]),
    ).toEqual([
      [1, 50, 'Borgeren har været indlagt; resten følger ved næste rapport.', 'returned'],
      [2, 100, null, null],
    ]);
    version = resubmitted.body.version;
  });

  it('accepts the resubmitted version, keeps every version with its review, and refuses any further step', async () => {
    const path = `/api/reports/${reportId}`;
    const accepted = await send('sagsbehandler.cji', 'POST', `${path}/accept`, { version });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    expect(accepted.body.versions[1].review).toMatchObject({ decision: 'accepted', comments: [] });
    version = accepted.body.version;
    const rows = await t.db.query(
      `SELECT number, decision, jsonb_array_length(COALESCE(comments, '[]')) AS comments, reviewed_by
         FROM progress_report_version WHERE report_id = $1 ORDER BY number`,
      [reportId],
    );
    expect(rows).toEqual([
      { number: 1, decision: 'returned', comments: 2, reviewed_by: ids['sagsbehandler.cji'] },
      { number: 2, decision: 'accepted', comments: 0, reviewed_by: ids['sagsbehandler.cji'] },
    ]);
    const notified = await get('mentor.cji1', '/api/notifications?limit=100');
    expect(notified.body.items.filter((n: any) => n.reportId === reportId).map((n: any) => n.kind)).toEqual([
      'report_accepted',
      'report_returned',
    ]);

    expectProblem(
      await send('mentor.cji1', 'POST', `${path}/submit`, { version, justification: 'x' }),
      409,
      'report.invalid_transition',
    );
    expectProblem(
      await send('mentor.cji1', 'PATCH', path, { content: goodContent(goalIds, today), version }),
      409,
      'report.invalid_transition',
    );
    expectProblem(
      await send('sagsbehandler.cji', 'POST', `${path}/accept`, { version }),
      409,
      'report.invalid_transition',
    );
    expectProblem(
      await send('sagsbehandler.cji', 'POST', `${path}/return`, {
        version,
        comments: [{ section: 'goals', comment: 'x' }],
      }),
      409,
      'report.invalid_transition',
    );
  });

  it('keeps section 1 of a submitted version as it was when later contacts are logged', async () => {
    await logContact('mentor.cji1', courseId, 26, 25, 'video');
    const report = await get('sagsbehandler.cji', `/api/reports/${reportId}`);
    expect(report.body.attendance).toMatchObject({ contactsHeld: 2, noShows: 1, minutesDelivered: 95 });
    expect(report.body.versions[1].attendance).toEqual(report.body.attendance);
  });

  it('serves the accepted report as a PDF attachment, audit-logged, and no other', async () => {
    const response = await fetch(`${t.baseUrl}/api/reports/${reportId}/pdf`, {
      headers: { authorization: `Bearer ${tokens['sagsbehandler.cji']}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="fremdriftsrapport-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.pdf"$/,
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-8).toString('latin1')).toContain('%%EOF');
    const [audit] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'report.pdf' AND entity_id = $1 AND user_id = $2`,
      [reportId, ids['sagsbehandler.cji']],
    );
    expect(audit.n).toBe(1);
    expect((await get('mentor.cji1', `/api/reports/${reportId}/pdf`)).status).toBe(200);
    expectProblem(await get('mentor.cji2', `/api/reports/${reportId}/pdf`), 404);
  });

  it('starts the next report the day after the last one, due an interval later; drafts have no PDF', async () => {
    const created = await send('mentor.cji1', 'POST', `/api/courses/${courseId}/reports`, {
      periodTo: addDays(today, -1),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      periodFrom: addDays(today, -24),
      dueOn: addDays(today, -25 + 28),
      status: 'draft',
    });
    // Live: the contact of day -20 falls in this period.
    expect(created.body.attendance).toMatchObject({ contactsHeld: 1, minutesDelivered: 60 });
    expectProblem(
      await get('mentor.cji1', `/api/reports/${created.body.id}/pdf`),
      409,
      'report.not_accepted',
    );
    const list = await get('teamleder.cji', `/api/courses/${courseId}/reports`);
    expect(list.body.map((r: any) => [r.id, r.status])).toEqual([
      [created.body.id, 'draft'],
      [reportId, 'accepted'],
    ]);
    expect(list.body[1]).toEqual({
      id: reportId,
      courseId,
      citizenId: expect.any(String),
      citizenName: 'Rapport Testborger',
      mentorName: 'Jonas Krogh Petersen',
      status: 'accepted',
      periodFrom: startsOn,
      periodTo: addDays(today, -25),
      dueOn: addDays(startsOn, 28),
      qualityScore: 100,
      submittedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      updatedAt: expect.any(String),
      version,
    });
    expectProblem(await get('mentor.cji2', `/api/courses/${courseId}/reports`), 404, 'course.not_found');
    expectProblem(await get('admin', `/api/courses/${courseId}/reports`), 403);
  });

  it('reads a course’s reports and a report in a fixed number of statements', async () => {
    const count = async (path: string) => {
      await t.db.query('UPDATE session SET last_seen_at = now()');
      t.queries.reset();
      expect((await get('sagsbehandler.cji', path)).status).toBe(200);
      return t.queries.count;
    };
    // The session, the read, and its audit record.
    expect(await count(`/api/courses/${courseId}/reports`)).toBe(3);
    expect(await count(`/api/reports/${reportId}`)).toBe(3);
    expect(await count(`/api/courses/${courseId}/reporting`)).toBe(3);
  });

  it("keeps one external provider's reports from another provider's staff", async () => {
    const { courseId: providerCourse, goalIds: providerGoals } = await makeCourse(
      'Udbyder Rapportborger',
      '030385-3333',
      {
        startsOn: addDays(today, -20),
        organisationId: vejenVidereId,
        mentor: 'mentor.vejenvidere1',
      },
    );
    await logContact('mentor.vejenvidere1', providerCourse, 5, 45, 'in_person_provider');
    // Two creates at once (a double tap): one report, the other answered 409.
    const both = await Promise.all(
      [1, 2].map(() =>
        send('mentor.vejenvidere1', 'POST', `/api/courses/${providerCourse}/reports`, {
          periodTo: addDays(today, -1),
        }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const created = both.find((r) => r.status === 201)!;
    expect(both.find((r) => r.status === 409)!.body.code).toBe('report.open_exists');
    const id = created.body.id;
    for (const user of ['mentor.mentorhuset1', 'teamleder.mentorhuset']) {
      expectProblem(await get(user, `/api/reports/${id}`), 404);
      expectProblem(await get(user, `/api/reports/${id}/pdf`), 404);
      expectProblem(await get(user, `/api/courses/${providerCourse}/reports`), 404);
      expectProblem(await get(user, `/api/courses/${providerCourse}/reporting`), 404);
    }
    expectProblem(
      await send('mentor.mentorhuset1', 'PATCH', `/api/reports/${id}`, {
        content: emptyReportContent(providerGoals),
        version: 1,
      }),
      404,
    );
    expectProblem(
      await send('mentor.mentorhuset1', 'POST', `/api/reports/${id}/submit`, { version: 1 }),
      404,
    );
    expectProblem(
      await send('mentor.vejenvidere2', 'POST', `/api/reports/${id}/submit`, { version: 1 }),
      404,
    );
    expect((await get('teamleder.vejenvidere', `/api/reports/${id}`)).status).toBe(200);
  });

  describe('quality figures', () => {
    // Vejen Videre A/S: two reports of mentor.vejenvidere1, made through the API, with known times.
    let reportA: string;
    let reportB: string;
    const dueA = addDays(today, 18);
    const dueB = addDays(today, -12);
    const at = (date: string) => `${date}T12:00:00+01:00`;

    beforeAll(async () => {
      const a = await makeCourse('Kvalitet Aborger', '040486-4444', {
        startsOn: addDays(today, -10),
        organisationId: vejenVidereId,
        mentor: 'mentor.vejenvidere1',
      });
      const b = await makeCourse('Kvalitet Bborger', '050587-5555', {
        startsOn: addDays(today, -40),
        organisationId: vejenVidereId,
        mentor: 'mentor.vejenvidere1',
      });
      await logContact('mentor.vejenvidere1', a.courseId, 3, 45, 'in_person_provider');
      await logContact('mentor.vejenvidere1', b.courseId, 30, 45, 'phone');
      const flow = async (
        course: { courseId: string; goalIds: string[] },
        periodTo: string,
        returnFirst: boolean,
      ) => {
        const created = await send('mentor.vejenvidere1', 'POST', `/api/courses/${course.courseId}/reports`, {
          periodTo,
        });
        expect(created.status).toBe(201);
        const id = created.body.id;
        let v = created.body.version;
        const good = goodContent(course.goalIds, periodTo);
        if (returnFirst) {
          const weak = await send('mentor.vejenvidere1', 'POST', `/api/reports/${id}/submit`, {
            version: v,
            justification: 'Første udkast',
          });
          expect(weak.body.qualityScore).toBe(50);
          const returned = await send('sagsbehandler.cji', 'POST', `/api/reports/${id}/return`, {
            version: weak.body.version,
            comments: [{ section: 'goals', comment: 'Mere konkret' }],
          });
          v = returned.body.version;
        }
        const saved = await send('mentor.vejenvidere1', 'PATCH', `/api/reports/${id}`, {
          content: good,
          version: v,
        });
        const submitted = await send('mentor.vejenvidere1', 'POST', `/api/reports/${id}/submit`, {
          version: saved.body.version,
        });
        expect(submitted.body.qualityScore).toBe(100);
        const accepted = await send('sagsbehandler.cji', 'POST', `/api/reports/${id}/accept`, {
          version: submitted.body.version,
        });
        expect(accepted.body.status).toBe('accepted');
        return id;
      };
      reportA = await flow(a, addDays(today, -1), true);
      reportB = await flow(b, addDays(today, -13), false);
      expect((await get('mentor.vejenvidere1', `/api/reports/${reportA}`)).body.dueOn).toBe(dueA);
      expect((await get('mentor.vejenvidere1', `/api/reports/${reportB}`)).body.dueOn).toBe(dueB);
      // A: first submitted two days before its due date, reviewed after 2 and 1 days; B: 3 days late, reviewed after 3.
      const times: [string, number, string, string][] = [
        [reportA, 1, at(addDays(dueA, -2)), at(dueA)],
        [reportA, 2, at(addDays(dueA, 1)), at(addDays(dueA, 2))],
        [reportB, 1, at(addDays(dueB, 3)), at(addDays(dueB, 6))],
      ];
      for (const [id, number, submitted, reviewed] of times) {
        await t.db.query(
          'UPDATE progress_report_version SET submitted_at = $3, reviewed_at = $4 WHERE report_id = $1 AND number = $2',
          [id, number, submitted, reviewed],
        );
      }
    });

    const query = (user: string, from: string, to: string, organisationId?: string) =>
      get(
        user,
        `/api/reports/quality?from=${from}&to=${to}${organisationId ? `&organisationId=${organisationId}` : ''}`,
      );

    // The draft of the external-provider test above (due in 8 days, never submitted) counts as due, not on time.
    it('gives an administrator every organisation side by side, and each mentor', async () => {
      const all = await query('admin', addDays(today, -30), addDays(today, 30));
      expect(all.status).toBe(200);
      const organisations = all.body
        .filter((r: any) => r.mentorId === undefined)
        .map((r: any) => r.organisationName);
      expect(organisations).toEqual([
        'Center for Afklaring og Beskæftigelse',
        'Center for Jobindsats',
        'Mentorhuset ApS',
        'Vejen Videre A/S',
      ]);
      const vejenVidere = all.body.filter((r: any) => r.organisationId === vejenVidereId);
      expect(vejenVidere).toEqual([
        {
          organisationId: vejenVidereId,
          organisationName: 'Vejen Videre A/S',
          reportsDue: 3,
          submittedOnTime: 1,
          averageQualityScore: Math.round(((50 + 100 + 100) / 3) * 10) / 10,
          acceptedWithoutRevisionShare: 0.5,
          averageDaysToReview: 2,
        },
        {
          organisationId: vejenVidereId,
          organisationName: 'Vejen Videre A/S',
          mentorId: ids['mentor.vejenvidere1'],
          mentorName: 'Emil Skov Christensen',
          reportsDue: 3,
          submittedOnTime: 1,
          averageQualityScore: 83.3,
          acceptedWithoutRevisionShare: 0.5,
          averageDaysToReview: 2,
        },
        {
          organisationId: vejenVidereId,
          organisationName: 'Vejen Videre A/S',
          mentorId: ids['mentor.vejenvidere2'],
          mentorName: 'Zeynep Yilmaz',
          reportsDue: 0,
          submittedOnTime: 0,
          averageQualityScore: null,
          acceptedWithoutRevisionShare: null,
          averageDaysToReview: null,
        },
      ]);
    });

    it('counts the reports due in the period only', async () => {
      const later = await query('admin', today, addDays(today, 30), vejenVidereId);
      expect(later.body[0]).toMatchObject({
        reportsDue: 2,
        submittedOnTime: 1,
        averageQualityScore: 75,
        acceptedWithoutRevisionShare: 0,
        averageDaysToReview: 1.5,
      });
      const none = await query('admin', addDays(today, 60), addDays(today, 90), vejenVidereId);
      expect(none.body[0]).toMatchObject({
        reportsDue: 0,
        averageQualityScore: null,
        averageDaysToReview: null,
      });
    });

    it('shows a team leader their own organisation only', async () => {
      const own = await query('teamleder.vejenvidere', addDays(today, -30), addDays(today, 30));
      expect(new Set(own.body.map((r: any) => r.organisationId))).toEqual(new Set([vejenVidereId]));
      expect(own.body).toHaveLength(3);
      const explicit = await query(
        'teamleder.vejenvidere',
        addDays(today, -30),
        addDays(today, 30),
        vejenVidereId,
      );
      expect(explicit.body).toEqual(own.body);
      expectProblem(await query('teamleder.vejenvidere', today, today, cjiId), 404, 'organisation.not_found');
      expectProblem(await query('admin', today, today, '00000000-0000-4000-8000-000000000000'), 404);
    });

    it('is for team leaders and administrators, over a valid period', async () => {
      expectProblem(await query('mentor.cji1', today, today), 403, 'auth.forbidden');
      expectProblem(await query('sagsbehandler.cji', today, today), 403, 'auth.forbidden');
      expect(fieldCodes(await query('admin', today, addDays(today, -1)))).toEqual([
        'to:report.quality_period_reversed',
      ]);
      expect(fieldCodes(await get('admin', `/api/reports/quality?from=${today}`))).toEqual([
        'to:isIso8601,matches',
      ]);
    });
  });

  describe('notifications', () => {
    it('lists only the caller’s own, newest first, and marks them read', async () => {
      const page = await get('mentor.cji1', '/api/notifications?limit=2');
      expect(page.status).toBe(200);
      expect(page.body.items).toHaveLength(2);
      expect(page.body.total).toBeGreaterThan(2);
      const times = page.body.items.map((n: any) => n.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
      const unread = page.body.unreadCount;
      const [first] = page.body.items;
      expect((await t.request('POST', `/api/notifications/${first.id}/read`, as('mentor.cji1'))).status).toBe(
        204,
      );
      expect((await t.request('POST', `/api/notifications/${first.id}/read`, as('mentor.cji1'))).status).toBe(
        204,
      );
      expectProblem(await t.request('POST', `/api/notifications/${first.id}/read`, as('mentor.cji2')), 404);
      const after = await get('mentor.cji1', '/api/notifications?limit=2');
      expect(after.body.unreadCount).toBe(unread - 1);
      expect(after.body.items[0].readAt).toEqual(expect.any(String));
      const others = await get('mentor.cji2', '/api/notifications?limit=100');
      expect(others.body.items.map((n: any) => n.id)).not.toContain(first.id);

      expect((await t.request('POST', '/api/notifications/read-all', as('mentor.cji1'))).status).toBe(204);
      const none = await get('mentor.cji1', '/api/notifications?offset=1000');
      expect(none.body).toMatchObject({ items: [], unreadCount: 0, total: page.body.total });
      expect((await get('admin', '/api/notifications')).status).toBe(200);
    });
  });

  describe('municipality settings', () => {
    it('lets an administrator change the quality threshold under a version check', async () => {
      const settings = await get('admin', '/api/municipality/settings');
      expect(settings.body).toEqual({
        municipalityName: 'Københavns Kommune',
        reportQualityThreshold: 70,
        requireCertificationForAssignment: false,
        version: 1,
      });
      expectProblem(await get('teamleder.cji', '/api/municipality/settings'), 403, 'auth.forbidden');
      expect(
        fieldCodes(
          await send('admin', 'PATCH', '/api/municipality/settings', {
            reportQualityThreshold: 101,
            version: 1,
          }),
        ),
      ).toEqual(['reportQualityThreshold:max']);
      const changed = await send('admin', 'PATCH', '/api/municipality/settings', {
        reportQualityThreshold: 100,
        version: 1,
      });
      expect(changed.body).toMatchObject({ reportQualityThreshold: 100, version: 2 });
      expectProblem(
        await send('admin', 'PATCH', '/api/municipality/settings', {
          reportQualityThreshold: 80,
          version: 1,
        }),
        409,
        'municipality.stale_version',
      );
      // A report of 99 now needs a justification.
      const { courseId: course, goalIds: goals } = await makeCourse('Tærskel Testborger', '060688-6666', {
        startsOn: addDays(today, -10),
        organisationId: cjiId,
        mentor: 'mentor.cji2',
      });
      const created = await send('mentor.cji2', 'POST', `/api/courses/${course}/reports`, {
        periodTo: addDays(today, -1),
      });
      expect(created.body.qualityThreshold).toBe(100);
      const content = { ...goodContent(goals, addDays(today, -1)) };
      const saved = await send('mentor.cji2', 'PATCH', `/api/reports/${created.body.id}`, {
        content,
        version: 1,
      });
      // No contacts in the period: the period rule fails.
      expect(saved.body.qualityScore).toBe(90);
      expectProblem(
        await send('mentor.cji2', 'POST', `/api/reports/${created.body.id}/submit`, {
          version: saved.body.version,
        }),
        422,
        'report.justification_required',
      );
      const restored = await send('admin', 'PATCH', '/api/municipality/settings', {
        reportQualityThreshold: 70,
        version: 2,
      });
      expect(restored.body).toMatchObject({ reportQualityThreshold: 70, version: 3 });
      const submitted = await send('mentor.cji2', 'POST', `/api/reports/${created.body.id}/submit`, {
        version: saved.body.version,
      });
      expect(submitted.body).toMatchObject({ status: 'submitted', qualityThreshold: 70 });
    });
  });

  it('computes due dates in SQL exactly as in TypeScript', async () => {
    const cases = [
      {
        status: CourseStatus.Active,
        startsOn: '2026-01-05',
        endsOn: '2026-06-30',
        intervalWeeks: 4,
        reportedTo: null,
      },
      {
        status: CourseStatus.Active,
        startsOn: '2026-01-05',
        endsOn: '2026-06-30',
        intervalWeeks: 2,
        reportedTo: '2026-02-10',
      },
      {
        status: CourseStatus.Paused,
        startsOn: '2026-01-05',
        endsOn: '2026-06-30',
        intervalWeeks: 4,
        reportedTo: '2026-06-01',
      },
      {
        status: CourseStatus.Active,
        startsOn: '2026-01-05',
        endsOn: '2026-06-30',
        intervalWeeks: 4,
        reportedTo: '2026-06-16',
      },
      {
        status: CourseStatus.Ended,
        startsOn: '2026-01-05',
        endsOn: '2026-06-30',
        intervalWeeks: 4,
        reportedTo: null,
      },
      {
        status: CourseStatus.Planned,
        startsOn: '2026-01-05',
        endsOn: '2026-01-12',
        intervalWeeks: 4,
        reportedTo: null,
      },
      {
        status: CourseStatus.Active,
        startsOn: '2026-01-05',
        endsOn: '2026-01-12',
        intervalWeeks: 4,
        reportedTo: '2026-01-05',
      },
    ];
    for (const c of cases) {
      const [row] = await t.db.query(
        `SELECT to_char(${NEXT_REPORT_DUE_SQL('co', 'g')}, 'YYYY-MM-DD') AS due
           FROM (SELECT $1::varchar AS status, $2::date AS reported_to) co,
                (SELECT $3::date AS starts_on, $4::date AS ends_on, $5::smallint AS reporting_interval_weeks) g`,
        [c.status, c.reportedTo, c.startsOn, c.endsOn, c.intervalWeeks],
      );
      expect({ ...c, due: row.due }).toEqual({ ...c, due: nextReportDueOn(c) });
    }
  });
});
