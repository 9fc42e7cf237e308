import { addDays } from '@mentor/domain';
import { DataSource } from 'typeorm';
import { todayInDenmark } from '../src/common/clock';
import { startTestApp, type TestApp } from './test-app';

describe('API conventions', () => {
  let t: TestApp;
  let teamLeader: string;
  beforeAll(async () => {
    t = await startTestApp();
    teamLeader = await t.login('teamleder.cji');
  });
  afterAll(() => t.close());

  const expectProblem = (response: { status: number; headers: Headers; body: any }, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status, title: expect.any(String), type: expect.any(String) });
  };

  it('answers malformed JSON with 400', async () => {
    const response = await t.request('POST', '/api/auth/login', {
      body: '{"username": ',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(response, 400);
    expect(response.body.code).toBe('request.malformed_json');
  });

  it('lists each invalid or unknown field', async () => {
    const response = await t.request<any>('POST', '/api/auth/login', {
      json: { username: 42, password: '', admin: true },
    });
    expectProblem(response, 400);
    const fields = response.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['admin', 'password', 'username']);
  });

  it('gives every field error a stable code per message, for clients to translate', async () => {
    const response = await t.request<any>('POST', '/api/auth/login', {
      json: { username: 42, password: '', admin: true },
    });
    const byField = Object.fromEntries(
      response.body.errors.map((e: { field: string; codes: string[] }) => [e.field, e]),
    );
    expect(byField.username.codes).toContain('isString');
    expect(byField.password.codes).toEqual(['isNotEmpty']);
    expect(byField.admin.codes).toEqual(['whitelistValidation']);
    for (const error of response.body.errors) expect(error.codes).toHaveLength(error.messages.length);

    const query = await t.request<any>('GET', '/api/users?limit=101&sort=password_hash', {
      token: teamLeader,
    });
    expect(query.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'limit', codes: ['max'] }),
        expect.objectContaining({ field: 'sort', codes: ['isIn'] }),
      ]),
    );
  });

  it('codes the field errors the services find', async () => {
    const caseworker = await t.login('sagsbehandler.cji');
    const mentor = await t.login('mentor.cji1');
    const me = await t.request<any>('GET', '/api/me', { token: mentor });
    const today = todayInDenmark();
    const codesOf = (response: { status: number; body: any }) => {
      expect(response.status).toBe(400);
      return response.body.errors.map((e: { field: string; codes: string[] }) => `${e.field}:${e.codes}`);
    };

    const badCpr = await t.request<any>('POST', '/api/citizens', {
      token: caseworker,
      json: { name: 'Kodeborger Fejlsen', cpr: '310290-1234', preferredMeetingPlace: 'home' },
    });
    expect(codesOf(badCpr)).toEqual(['cpr:isCpr']);
    const citizen = await t.request<any>('POST', '/api/citizens', {
      token: caseworker,
      json: { name: 'Kodeborger Fejlsen', cpr: '020285-2345', preferredMeetingPlace: 'home' },
    });
    expect(citizen.status).toBe(201);

    const grant = {
      citizenId: citizen.body.id,
      mentorType: 'holistic',
      purpose: 'Formål',
      tasks: 'Opgaver',
      goals: ['Mål'],
      minutesPerWeek: 60,
      startsOn: addDays(today, -10),
      endsOn: addDays(today, 60),
      deliveringOrganisationId: me.body.organisationId,
      mentorId: me.body.id,
    };
    const post = (json: object) => t.request<any>('POST', '/api/grants', { token: caseworker, json });
    expect(codesOf(await post({ ...grant, endsOn: addDays(today, -20) }))).toEqual([
      'endsOn:grant.ends_before_start',
    ]);
    expect(codesOf(await post({ ...grant, endsOn: addDays(today, 200) }))).toEqual(['endsOn:grant.too_long']);
    expect(codesOf(await post({ ...grant, minutesPerWeek: 0, purpose: '' }))).toEqual(
      expect.arrayContaining(['minutesPerWeek:min', 'purpose:isNotEmpty']),
    );
    const created = await post(grant);
    expect(created.status).toBe(201);

    const minutes = await t.request<any>('POST', `/api/grants/${created.body.id}/minutes`, {
      token: caseworker,
      json: { minutesPerWeek: 90, effectiveFrom: addDays(today, -30), version: created.body.version },
    });
    expect(codesOf(minutes)).toEqual(['effectiveFrom:grant.minutes_outside_period']);
    // The grant's start already has its minutes: a second change on that date is refused, not dropped.
    const sameDate = await t.request<any>('POST', `/api/grants/${created.body.id}/minutes`, {
      token: caseworker,
      json: { minutesPerWeek: 90, effectiveFrom: grant.startsOn, version: created.body.version },
    });
    expect(sameDate.status).toBe(409);
    expect(sameDate.body.code).toBe('grant.minutes_exist_for_date');

    const log = (json: object) =>
      t.request<any>('POST', `/api/courses/${created.body.courseId}/contacts`, {
        token: mentor,
        json: {
          contactDate: today,
          startTime: '00:00',
          minutes: 30,
          form: 'phone',
          showedUp: true,
          topics: [],
          help: [],
          ...json,
        },
      });
    expect(codesOf(await log({ contactDate: addDays(today, -20) }))).toEqual([
      'contactDate:contact.outside_course',
    ]);
    expect(codesOf(await log({ contactDate: addDays(today, 1) }))).toEqual(['contactDate:contact.in_future']);
    expect(codesOf(await log({ minutes: 601, form: 'pigeon' }))).toEqual(
      expect.arrayContaining(['minutes:max', 'form:isEnum']),
    );
  });

  it('rejects a body that is not an object', async () => {
    for (const body of ['[]', '"text"', 'null', '42']) {
      const response = await t.request('POST', '/api/auth/login', {
        body,
        headers: { 'content-type': 'application/json' },
      });
      expectProblem(response, 400);
    }
  });

  it('answers a body over 1 MB with 413', async () => {
    const response = await t.request('POST', '/api/auth/login', {
      json: { username: 'x'.repeat(1024 * 1024), password: 'y' },
    });
    expectProblem(response, 413);
  });

  it('answers an unknown API route with 404 problem+json', async () => {
    expectProblem(await t.request('GET', '/api/no-such-thing'), 404);
    expectProblem(await t.request('DELETE', '/api/me', { token: teamLeader }), 404);
  });

  it('answers a role without the permission with 403', async () => {
    const mentor = await t.login('mentor.cji1');
    const response = await t.request<any>('GET', '/api/users', { token: mentor });
    expectProblem(response, 403);
    expect(response.body.code).toBe('auth.forbidden');
    expectProblem(await t.request('GET', '/api/organisations', { token: mentor }), 403);
  });

  it('paginates with a default of 25, a maximum of 100, and whitelisted sorting', async () => {
    const page = await t.request<any>('GET', '/api/users', { token: teamLeader });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ limit: 25, offset: 0, total: 18 });
    expect(page.body.items).toHaveLength(18);

    const second = await t.request<any>('GET', '/api/users?limit=5&offset=5&sort=-username', {
      token: teamLeader,
    });
    const all = await t.request<any>('GET', '/api/users?limit=100&sort=-username', { token: teamLeader });
    expect(second.body.items.map((u: any) => u.username)).toEqual(
      all.body.items.slice(5, 10).map((u: any) => u.username),
    );
    const usernames = all.body.items.map((u: any) => u.username);
    expect(usernames).toEqual([...usernames].sort().reverse());

    for (const query of [
      'limit=101',
      'limit=0',
      'offset=-1',
      'limit=abc',
      'sort=password_hash',
      'sort=name;drop',
    ]) {
      expectProblem(await t.request('GET', `/api/users?${query}`, { token: teamLeader }), 400);
    }
    expectProblem(await t.request('GET', '/api/users?colour=blue', { token: teamLeader }), 400);
  });

  it('scopes lists to the caller’s municipality', async () => {
    const [other] = await t.db.query(
      `INSERT INTO municipality (code, name) VALUES (851, 'Aalborg Kommune') RETURNING id`,
    );
    const [org] = await t.db.query(
      `INSERT INTO organisation (municipality_id, kind, name, version) VALUES ($1, 'internal_centre', 'Jobcenter Aalborg', 1) RETURNING id`,
      [other.id],
    );
    await t.db.query(
      `INSERT INTO app_user (municipality_id, organisation_id, username, name, role, password_hash, version)
       VALUES ($1, $2, 'aalborg.tl', 'Fiktiv Leder', 'team_leader', (SELECT password_hash FROM app_user WHERE username = 'admin'), 1)`,
      [other.id, org.id],
    );
    const copenhagen = await t.request<any>('GET', '/api/organisations?limit=100', { token: teamLeader });
    expect(copenhagen.body.items.map((o: any) => o.name)).not.toContain('Jobcenter Aalborg');
    expect(copenhagen.body.total).toBe(4);

    const aalborg = await t.login('aalborg.tl');
    const aalborgUsers = await t.request<any>('GET', '/api/users', { token: aalborg });
    expect(aalborgUsers.body.items.map((u: any) => u.username)).toEqual(['aalborg.tl']);
    const aalborgOrgs = await t.request<any>('GET', '/api/organisations', { token: aalborg });
    expect(aalborgOrgs.body.items.map((o: any) => o.name)).toEqual(['Jobcenter Aalborg']);
  });

  it('echoes a request id, or makes one', async () => {
    const given = await t.request('GET', '/api/health', { headers: { 'x-request-id': 'trace-123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    const made = await t.request('GET', '/api/health', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers and a CSP without unsafe-eval', async () => {
    const response = await t.request('GET', '/api/health');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toBeTruthy();
  });

  it('reports health 200 with the database and 503 without it', async () => {
    const ok = await t.request('GET', '/api/health');
    expect(ok).toMatchObject({ status: 200, body: { status: 'ok' } });

    const broken = await startTestApp();
    try {
      await broken.app.get(DataSource).destroy();
      expectProblem(await broken.request('GET', '/api/health'), 503);
    } finally {
      await broken.app.close().catch(() => undefined);
    }
  });
});
