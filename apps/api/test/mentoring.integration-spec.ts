import { Client } from 'pg';
import {
  addDays,
  COURSE_FLAGS,
  CourseFlag,
  type CourseSummary,
  HandoverStatus,
  isoWeekStart,
  type Page,
} from '@mentor/domain';
import { todayInDenmark } from '../src/common/clock';
import { handOver } from './handover-helpers';
import { startTestApp, type TestApp } from './test-app';

const contact = (overrides: Record<string, unknown> = {}) => ({
  contactDate: addDays(todayInDenmark(), -1),
  startTime: '10:00',
  minutes: 45,
  form: 'in_person_elsewhere',
  showedUp: true,
  topics: ['housing', 'finances'],
  help: ['practical_tasks'],
  note: 'Fiktiv note',
  ...overrides,
});

describe('citizens, grants, courses and contacts', () => {
  let t: TestApp;
  let caseworker: string;
  let mentor: string;
  let otherMentor: string;
  let externalMentor: string;
  let teamLeader: string;
  let externalTeamLeader: string;
  let admin: string;
  let citizenId: string;
  let courseId: string;
  let organisationId: string;
  let mentorId: string;
  const today = todayInDenmark();
  const startsOn = addDays(today, -30);
  const endsOn = addDays(today, 120);

  beforeAll(async () => {
    t = await startTestApp();
    [caseworker, mentor, otherMentor, externalMentor, teamLeader, externalTeamLeader, admin] =
      await Promise.all(
        [
          'sagsbehandler.cji',
          'mentor.cji1',
          'mentor.cji2',
          'mentor.mentorhuset1',
          'teamleder.cji',
          'teamleder.mentorhuset',
          'admin',
        ].map((u) => t.login(u)),
      );
    const me = await t.request<any>('GET', '/api/me', { token: mentor });
    mentorId = me.body.id;
    organisationId = me.body.organisationId;
  });
  afterAll(() => t.close());

  it('registers a citizen with a masked, encrypted CPR number', async () => {
    const bad = await t.request<any>('POST', '/api/citizens', {
      token: caseworker,
      json: { name: 'Testborger Unikasen', cpr: '320190-1234', preferredMeetingPlace: 'home' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.field)).toEqual(['cpr']);

    const created = await t.request<any>('POST', '/api/citizens', {
      token: caseworker,
      json: {
        name: 'Testborger Unikasen',
        cpr: '010190-1235',
        preferredMeetingPlace: 'out_of_home',
        meetingPlaceReason: 'Vil gerne ud',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      cprMasked: '010190-XXXX',
      targetGroup: 'activity_ready_cash_benefit_30_plus',
    });
    citizenId = created.body.id;

    const [row] = await t.db.query(
      'SELECT cpr_encrypted::text AS sealed, cpr_hash FROM citizen WHERE id = $1',
      [citizenId],
    );
    expect(row.sealed).not.toContain('0101901235');
    expect(row.cpr_hash).not.toContain('0101901235');

    const duplicate = await t.request<any>('POST', '/api/citizens', {
      token: caseworker,
      json: { name: 'Dublet', cpr: '0101901235', preferredMeetingPlace: 'home' },
    });
    expect(duplicate.status).toBe(409);
  });

  it('reveals the CPR number only on request, and audits it', async () => {
    const revealed = await t.request<any>('POST', `/api/citizens/${citizenId}/cpr-reveal`, {
      token: caseworker,
    });
    expect(revealed.body).toEqual({ cpr: '010190-1235' });
    const [audit] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'citizen.cpr_reveal' AND $1 = ANY(citizen_ids)`,
      [citizenId],
    );
    expect(audit.n).toBe(1);
    expect((await t.request('POST', `/api/citizens/${citizenId}/cpr-reveal`, { token: mentor })).status).toBe(
      403,
    );
  });

  it('finds a citizen by whole CPR number or part of the name, audit-logging the search', async () => {
    const byCpr = await t.request<any>('GET', '/api/citizens?search=010190-1235', { token: caseworker });
    expect(byCpr.body.items.map((c: any) => c.id)).toEqual([citizenId]);
    const byName = await t.request<any>('GET', '/api/citizens?search=unikasen', { token: caseworker });
    expect(byName.body.total).toBe(1);
    const [search] = await t.db.query(
      `SELECT details, citizen_ids FROM audit_event WHERE action = 'citizen.search' AND details->>'cpr' IS NOT NULL ORDER BY at DESC LIMIT 1`,
    );
    expect(search.details.cpr).toBe('010190-XXXX');
    expect(search.citizen_ids).toEqual([citizenId]);
  });

  it('refuses a grant longer than six months or without purpose, naming the field', async () => {
    const base = {
      citizenId,
      mentorType: 'holistic',
      purpose: 'Stabilisere hverdagen',
      tasks: 'Støtte til praktiske opgaver',
      goals: ['Møde op til aktivering'],
      minutesPerWeek: 60,
      startsOn,
      endsOn,
      deliveringOrganisationId: organisationId,
      mentorId,
    };
    const tooLong = await t.request<any>('POST', '/api/grants', {
      token: caseworker,
      json: { ...base, endsOn: addDays(startsOn, 200) },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].field).toBe('endsOn');
    const { purpose: _purpose, ...noPurpose } = base;
    const missing = await t.request<any>('POST', '/api/grants', { token: caseworker, json: noPurpose });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: any) => e.field)).toContain('purpose');
    const externalMentorId = (await t.request<any>('GET', '/api/me', { token: externalMentor })).body.id;
    const wrongMentor = await t.request<any>('POST', '/api/grants', {
      token: caseworker,
      json: { ...base, mentorId: externalMentorId },
    });
    expect(wrongMentor.status).toBe(400);
    expect(wrongMentor.body.errors[0].field).toBe('mentorId');

    const grant = await t.request<any>('POST', '/api/grants', { token: caseworker, json: base });
    expect(grant.status).toBe(201);
    expect(grant.body.minutes).toEqual([
      expect.objectContaining({ minutesPerWeek: 60, effectiveFrom: startsOn }),
    ]);
    courseId = grant.body.courseId;
    await handOver(t, courseId, caseworker, mentor);
  });

  it('shows the course to its mentor, the caseworker and the team leader, and to nobody else', async () => {
    const mine = await t.request<any>('GET', '/api/courses', { token: mentor });
    expect(mine.body.items.map((c: any) => c.id)).toContain(courseId);
    expect(
      (await t.request<any>('GET', '/api/courses', { token: otherMentor })).body.items.map((c: any) => c.id),
    ).not.toContain(courseId);
    expect((await t.request('GET', `/api/courses/${courseId}`, { token: caseworker })).status).toBe(200);
    expect((await t.request('GET', `/api/courses/${courseId}`, { token: teamLeader })).status).toBe(200);
    for (const token of [otherMentor, externalMentor, externalTeamLeader]) {
      expect((await t.request('GET', `/api/courses/${courseId}`, { token })).status).toBe(404);
      expect((await t.request('GET', `/api/citizens/${citizenId}`, { token })).status).toBe(404);
    }
    expect((await t.request('GET', `/api/courses/${courseId}`, { token: admin })).status).toBe(403);
    const other = await t.login('sagsbehandler.cab');
    expect((await t.request('GET', `/api/citizens/${citizenId}`, { token: other })).status).toBe(404);
  });

  it("keeps one external provider's course from another provider's staff", async () => {
    const organisations = await t.request<any>('GET', '/api/organisations?limit=100', { token: caseworker });
    const vejenVidere = organisations.body.items.find((o: any) => o.name === 'Vejen Videre A/S');
    const [providerMentor] = await t
      .request<any>('GET', `/api/organisations/${vejenVidere.id}/mentors`, {
        token: caseworker,
      })
      .then((r) => r.body);
    const citizen = await t.request<any>('POST', '/api/citizens', {
      token: caseworker,
      json: { name: 'Udbyder Testborger', cpr: '150575-2222', preferredMeetingPlace: 'home' },
    });
    const grant = await t.request<any>('POST', '/api/grants', {
      token: caseworker,
      json: {
        citizenId: citizen.body.id,
        mentorType: 'retention',
        purpose: 'Fastholdelse i praktik',
        tasks: 'Opfølgning',
        goals: ['Gennemføre praktikken'],
        minutesPerWeek: 45,
        startsOn,
        endsOn,
        deliveringOrganisationId: vejenVidere.id,
        mentorId: providerMentor.id,
      },
    });
    expect(grant.status).toBe(201);
    const providerCourse = grant.body.courseId;
    const own = await t.login('mentor.vejenvidere1');
    expect((await t.request('GET', `/api/courses/${providerCourse}`, { token: own })).status).toBe(200);
    for (const token of [externalMentor, externalTeamLeader]) {
      expect((await t.request('GET', `/api/courses/${providerCourse}`, { token })).status).toBe(404);
      expect((await t.request('GET', `/api/courses/${providerCourse}/contacts`, { token })).status).toBe(404);
      expect((await t.request('GET', `/api/grants/${grant.body.id}`, { token })).status).toBe(404);
      expect((await t.request('GET', `/api/citizens/${citizen.body.id}`, { token })).status).toBe(404);
      const search = await t.request<any>('GET', '/api/citizens?search=udbyder', { token });
      expect(search.body.total).toBe(0);
    }
    const post = await t.request('POST', `/api/courses/${providerCourse}/contacts`, {
      token: externalMentor,
      json: contact(),
    });
    expect(post.status).toBe(404);
  });

  it('logs a contact and updates the week at once', async () => {
    const response = await t.request<any>('POST', `/api/courses/${courseId}/contacts`, {
      token: mentor,
      json: contact({ contactDate: today, startTime: '00:00', minutes: 30 }),
    });
    expect(response.status).toBe(201);
    expect(response.body.week).toMatchObject({ weekStart: isoWeekStart(today), grantedMinutes: 60 });
    expect(response.body.week.loggedMinutes).toBeGreaterThanOrEqual(30);
    expect(response.body.contact).toMatchObject({
      minutes: 30,
      locked: false,
      createdByName: 'Jonas Krogh Petersen',
    });
  });

  it('refuses bad contacts with the field named', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ minutes: 0 }, 'minutes'],
      [{ minutes: 601 }, 'minutes'],
      [{ minutes: 30.5 }, 'minutes'],
      [{ contactDate: addDays(today, 1) }, 'contactDate'],
      [{ contactDate: addDays(startsOn, -1) }, 'contactDate'],
      [{ topics: ['gossip'] }, 'topics'],
      [{ form: 'telepathy' }, 'form'],
      [{ startTime: '25:00' }, 'startTime'],
    ];
    for (const [override, field] of cases) {
      const response = await t.request<any>('POST', `/api/courses/${courseId}/contacts`, {
        token: mentor,
        json: contact(override),
      });
      expect({ override, status: response.status }).toEqual({ override, status: 400 });
      expect(response.body.errors.map((e: any) => e.field)).toContain(field);
    }
  });

  it('lets only the course mentor log contacts', async () => {
    expect(
      (await t.request('POST', `/api/courses/${courseId}/contacts`, { token: otherMentor, json: contact() }))
        .status,
    ).toBe(404);
    expect(
      (await t.request('POST', `/api/courses/${courseId}/contacts`, { token: caseworker, json: contact() }))
        .status,
    ).toBe(403);
  });

  it('logs contacts only on an active course, from its first day, and stores nothing otherwise', async () => {
    const stored = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM contact WHERE course_id = $1`, [courseId]))[0].n;
    const before = await stored();
    const setStatus = async (status: string) => {
      const course = await t.request<any>('GET', `/api/courses/${courseId}`, { token: caseworker });
      const changed = await t.request<any>('PATCH', `/api/courses/${courseId}`, {
        token: caseworker,
        json: { status, version: course.body.version },
      });
      expect(changed.status).toBe(200);
    };
    await setStatus('paused');
    const paused = await t.request<any>('POST', `/api/courses/${courseId}/contacts`, {
      token: mentor,
      json: contact(),
    });
    expect(paused.status).toBe(422);
    expect(paused.body.code).toBe('contact.course_not_active');
    expect(await stored()).toBe(before);
    await setStatus('active');
    const firstDay = await t.request<any>('POST', `/api/courses/${courseId}/contacts`, {
      token: mentor,
      json: contact({ contactDate: startsOn }),
    });
    expect(firstDay.status).toBe(201);
    expect(await stored()).toBe(before + 1);
    // Out of the week totals again: the tests below count the first week's minutes.
    const { id, version } = firstDay.body.contact;
    const deleted = await t.request('DELETE', `/api/contacts/${id}?version=${version}`, { token: mentor });
    expect(deleted.status).toBe(204);
  });

  it('logs a contact once per Idempotency-Key', async () => {
    const key = 'phone-retry-0001';
    const first = await t.request<any>('POST', `/api/courses/${courseId}/contacts`, {
      token: mentor,
      json: contact({ minutes: 20 }),
      headers: { 'idempotency-key': key },
    });
    const retries = await Promise.all(
      [1, 2, 3].map(() =>
        t.request<any>('POST', `/api/courses/${courseId}/contacts`, {
          token: mentor,
          json: contact({ minutes: 20 }),
          headers: { 'idempotency-key': key },
        }),
      ),
    );
    expect(first.status).toBe(201);
    for (const retry of retries) expect(retry.body.contact.id).toBe(first.body.contact.id);
    const [count] = await t.db.query(`SELECT count(*)::int AS n FROM contact WHERE idempotency_key = $1`, [
      key,
    ]);
    expect(count.n).toBe(1);
    const changed = await t.request<any>('POST', `/api/courses/${courseId}/contacts`, {
      token: mentor,
      json: contact({ minutes: 25 }),
      headers: { 'idempotency-key': key },
    });
    expect(changed.status).toBe(422);
  });

  it('flags a week over budget', async () => {
    const response = await t.request<any>('POST', `/api/courses/${courseId}/contacts`, {
      token: mentor,
      json: contact({ contactDate: today, startTime: '00:00', minutes: 120 }),
    });
    expect(response.body.week.overrunMinutes).toBeGreaterThan(0);
    const list = await t.request<any>('GET', '/api/courses', { token: mentor });
    expect(list.body.items.find((c: any) => c.id === courseId).overBudgetThisWeek).toBe(true);
    const weeks = await t.request<any>('GET', `/api/courses/${courseId}/weeks`, { token: caseworker });
    expect(weeks.body.at(-1).overrunMinutes).toBeGreaterThan(0);
    expect(weeks.body[0].underDeliveredMinutes).toBe(60);
  });

  it("shows the caseload with this month's delivery and filters by flag", async () => {
    const caseload = await t.request<any>('GET', '/api/courses?flag=over_budget&limit=100', {
      token: caseworker,
    });
    const row = caseload.body.items.find((c: any) => c.id === courseId);
    expect(row).toBeDefined();
    expect(row.monthDeliveredMinutes).toBeGreaterThan(0);
    expect(row.monthGrantedMinutes).toBeGreaterThan(0);
    expect(row.expiresSoon).toBe(false);
    const expiring = await t.request<any>('GET', '/api/courses?flag=expires_soon&limit=100', {
      token: caseworker,
    });
    expect(expiring.body.items.map((c: any) => c.id)).not.toContain(courseId);
    const byName = await t.request<any>('GET', '/api/courses?search=borger%20unika', { token: caseworker });
    expect(byName.body.items.map((c: any) => c.id)).toEqual([courseId]);
    expect((await t.request('GET', '/api/courses?flag=bogus', { token: caseworker })).status).toBe(400);

    const { lastWeek } = row;
    expect(lastWeek.grantedMinutes).toBe(60);
    expect(lastWeek.underDeliveredMinutes).toBe(Math.max(0, 60 - lastWeek.loggedMinutes));
    const under = await t.request<any>('GET', '/api/courses?flag=under_delivered&limit=100', {
      token: teamLeader,
    });
    expect(under.body.items.some((c: any) => c.id === courseId)).toBe(lastWeek.underDeliveredMinutes > 0);
  });

  it('filters by each flag exactly the courses the list shows with that flag', async () => {
    // The flag filters are SQL conditions and the flags in the rows are derived in Node: both agree.
    const shows: Record<CourseFlag, (c: CourseSummary) => boolean> = {
      [CourseFlag.NoRecentContact]: (c) => c.noRecentContact,
      [CourseFlag.OverBudget]: (c) => c.overBudgetThisWeek,
      [CourseFlag.UnderDelivered]: (c) => c.lastWeek.underDeliveredMinutes > 0,
      [CourseFlag.ExpiresSoon]: (c) => c.expiresSoon,
      [CourseFlag.ReportOverdue]: (c) => c.reportOverdue,
      [CourseFlag.HandoverPending]: (c) =>
        c.mentorId !== null && c.handoverStatus !== HandoverStatus.Acknowledged,
      [CourseFlag.NeedsSparring]: (c) => c.needsSparring,
      [CourseFlag.UnreadMessages]: (c) => c.unreadMessages > 0,
    };
    const seen = new Set<CourseFlag>();
    for (const token of [caseworker, mentor, teamLeader, externalTeamLeader]) {
      const all = await t.request<Page<CourseSummary>>('GET', '/api/courses?limit=100', { token });
      expect(all.body.total).toBe(all.body.items.length);
      for (const flag of COURSE_FLAGS) {
        const flagged = await t.request<Page<CourseSummary>>('GET', `/api/courses?flag=${flag}&limit=100`, {
          token,
        });
        const expected = all.body.items.filter(shows[flag]).map((c) => c.id);
        expect({ flag, ids: flagged.body.items.map((c) => c.id) }).toEqual({ flag, ids: expected });
        expect(flagged.body.total).toBe(expected.length);
        if (expected.length > 0) seen.add(flag);
      }
    }
    // The demo data exercises most flags; an empty filter proves nothing.
    expect(seen.size).toBeGreaterThanOrEqual(5);
  });

  it('pages and sorts on the server: pages join up to the whole sorted list', async () => {
    for (const sort of ['citizenName', '-citizenName', 'endsOn', '-lastContactDate']) {
      const all = await t.request<Page<CourseSummary>>('GET', `/api/courses?limit=100&sort=${sort}`, {
        token: caseworker,
      });
      const pages: string[] = [];
      for (let offset = 0; offset < all.body.total; offset += 3) {
        const page = await t.request<Page<CourseSummary>>(
          'GET',
          `/api/courses?limit=3&offset=${offset}&sort=${sort}`,
          { token: caseworker },
        );
        expect(page.body.total).toBe(all.body.total);
        pages.push(...page.body.items.map((c) => c.id));
      }
      expect(pages).toEqual(all.body.items.map((c) => c.id));
      const key = sort.replace('-', '') as 'citizenName' | 'endsOn' | 'lastContactDate';
      const values = all.body.items.map((c) => c[key]).filter((v): v is string => v !== null);
      const ordered = [...values].sort((a, b) => (sort.startsWith('-') ? -1 : 1) * a.localeCompare(b, 'da'));
      if (key !== 'citizenName') expect(values).toEqual(ordered);
    }
    const beyond = await t.request<Page<CourseSummary>>('GET', '/api/courses?limit=3&offset=1000', {
      token: caseworker,
    });
    expect(beyond.body.items).toEqual([]);
  });

  it('lists the mentors a course can be given to', async () => {
    const mentors = await t.request<any>('GET', `/api/organisations/${organisationId}/mentors`, {
      token: caseworker,
    });
    expect(mentors.body.map((m: any) => m.name)).toEqual(['Fatima El-Amin', 'Jonas Krogh Petersen']);
    expect(
      (await t.request('GET', `/api/organisations/${organisationId}/mentors`, { token: externalTeamLeader }))
        .status,
    ).toBe(404);
    expect(
      (await t.request('GET', `/api/organisations/${organisationId}/mentors`, { token: mentor })).status,
    ).toBe(403);
  });

  it('lets the author edit for 7 days, answers a stale version with 409, then locks', async () => {
    const created = await t.request<any>('POST', `/api/courses/${courseId}/contacts`, {
      token: mentor,
      json: contact({ minutes: 15 }),
    });
    const id = created.body.contact.id;
    const edited = await t.request<any>('PATCH', `/api/contacts/${id}`, {
      token: mentor,
      json: { ...contact({ minutes: 16 }), version: 1 },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.contact).toMatchObject({ minutes: 16, version: 2 });
    const stale = await t.request<any>('PATCH', `/api/contacts/${id}`, {
      token: mentor,
      json: { ...contact({ minutes: 17 }), version: 1 },
    });
    expect(stale.status).toBe(409);

    await t.db.query(`UPDATE contact SET created_at = now() - interval '8 days' WHERE id = $1`, [id]);
    const locked = await t.request<any>('PATCH', `/api/contacts/${id}`, {
      token: mentor,
      json: { ...contact({ minutes: 18 }), version: 2 },
    });
    expect(locked.status).toBe(422);
    expect(locked.body.code).toBe('contact.locked');
    expect((await t.request('DELETE', `/api/contacts/${id}?version=2`, { token: mentor })).status).toBe(422);

    const correction = await t.request<any>('POST', `/api/contacts/${id}/corrections`, {
      token: mentor,
      json: contact({ minutes: 18 }),
    });
    expect(correction.status).toBe(201);
    expect(correction.body.contact.correctsContactId).toBe(id);
    const timeline = await t.request<any>('GET', `/api/courses/${courseId}/contacts?limit=100`, {
      token: mentor,
    });
    expect(timeline.body.items.find((c: any) => c.id === id).correctedById).toBe(correction.body.contact.id);
    const again = await t.request<any>('POST', `/api/contacts/${id}/corrections`, {
      token: mentor,
      json: contact({ minutes: 19 }),
    });
    expect(again.status).toBe(409);
  });

  it('keeps the minute totals and the last contact date in step with every change, also when concurrent', async () => {
    const totals = async () => ({
      periods: await t.db.query(
        `SELECT period, to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", minutes FROM course_minutes
          WHERE course_id = $1 AND minutes > 0 ORDER BY 1, 2`,
        [courseId],
      ),
      last: (
        await t.db.query(`SELECT last_contact_date::text AS d FROM mentor_course WHERE id = $1`, [courseId])
      )[0].d,
    });
    const logged = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.request<any>('POST', `/api/courses/${courseId}/contacts`, {
          token: mentor,
          json: contact({ minutes: 5 + i, contactDate: addDays(today, -1 - (i % 10)) }),
        }),
      ),
    );
    expect(logged.map((r) => r.status)).toEqual(Array(12).fill(201));
    // New contacts are added to the totals (not recounted): concurrent ones too, as a recount finds them.
    const afterInserts = await totals();
    await t.db.query('SELECT rebuild_course_totals()');
    expect(await totals()).toEqual(afterInserts);
    const [a, b, c] = logged.map((r) => r.body.contact);
    expect(
      (
        await t.request('PATCH', `/api/contacts/${a.id}`, {
          token: mentor,
          json: { ...contact({ minutes: 50, contactDate: addDays(today, -20) }), version: 1 },
        })
      ).status,
    ).toBe(200);
    expect((await t.request('DELETE', `/api/contacts/${b.id}?version=1`, { token: mentor })).status).toBe(
      204,
    );
    await t.db.query(`UPDATE contact SET created_at = now() - interval '8 days' WHERE id = $1`, [c.id]);
    const correction = await t.request<any>('POST', `/api/contacts/${c.id}/corrections`, {
      token: mentor,
      json: contact({ minutes: 33, contactDate: addDays(today, -15) }),
    });
    expect(correction.status).toBe(201);
    const afterCorrection = await totals();
    // Deleting the correction makes the corrected contact count again.
    expect(
      (await t.request('DELETE', `/api/contacts/${correction.body.contact.id}?version=1`, { token: mentor }))
        .status,
    ).toBe(204);
    const incremental = await totals();
    expect(incremental).not.toEqual(afterCorrection);

    await t.db.query('SELECT rebuild_course_totals()');
    expect(await totals()).toEqual(incremental);
    const [week] = await t.db.query(
      `SELECT COALESCE(sum(minutes), 0)::int AS n FROM counted_contact
        WHERE course_id = $1 AND contact_date >= $2::date`,
      [courseId, isoWeekStart(today)],
    );
    const course = await t.request<any>('GET', `/api/courses/${courseId}`, { token: mentor });
    expect(course.body.thisWeek.loggedMinutes).toBe(week.n);
    expect(course.body.lastContactDate).toBe(incremental.last);
  });

  it('answers a stale course version with 409 and keeps the mentor history', async () => {
    const course = await t.request<any>('GET', `/api/courses/${courseId}`, { token: caseworker });
    const otherMentorId = (await t.request<any>('GET', '/api/me', { token: otherMentor })).body.id;
    const changed = await t.request<any>('PATCH', `/api/courses/${courseId}`, {
      token: caseworker,
      json: { mentorId: otherMentorId, version: course.body.version },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.mentorHistory.map((p: any) => p.mentorId)).toEqual([mentorId, otherMentorId]);
    const stale = await t.request<any>('PATCH', `/api/courses/${courseId}`, {
      token: teamLeader,
      json: { mentorId, version: course.body.version },
    });
    expect(stale.status).toBe(409);
    expect((await t.request('GET', `/api/courses/${courseId}`, { token: mentor })).status).toBe(404);
  });

  it('keeps the audit trail append-only', async () => {
    // The API's login has no right to change or delete audit records ...
    await expect(t.db.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(t.db.query(`DELETE FROM audit_event`)).rejects.toThrow(/permission denied/);
    // ... and a trigger refuses even the tables' owner.
    const owner = new Client({ connectionString: t.databaseUrl });
    await owner.connect();
    try {
      await expect(owner.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/append-only/);
      await expect(owner.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    } finally {
      await owner.end();
    }
    const [reads] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'course.read' AND $1 = ANY(citizen_ids)`,
      [citizenId],
    );
    expect(reads.n).toBeGreaterThan(0);
  });

  it('audits a list in one record naming every listed citizen, with the search', async () => {
    const list = await t.request<any>('GET', '/api/courses?search=e&limit=100', { token: teamLeader });
    expect(list.body.items.length).toBeGreaterThan(1);
    const [record] = await t.db.query(
      `SELECT citizen_ids, details, entity_id FROM audit_event WHERE action = 'course.list' ORDER BY at DESC LIMIT 1`,
    );
    expect([...record.citizen_ids].sort()).toEqual(
      [...new Set(list.body.items.map((c: any) => c.citizenId))].sort(),
    );
    expect(record.details).toEqual({ search: 'e' });
    expect(record.entity_id).toBeNull();
    // The GIN index finds a citizen's records.
    const [found] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE citizen_ids @> ARRAY[$1::uuid] AND action = 'course.list'`,
      [list.body.items[0].citizenId],
    );
    expect(found.n).toBeGreaterThan(0);
  });
});
