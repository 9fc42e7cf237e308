import { Role } from '@mentor/domain';
import { startTestApp, type TestApp } from './test-app';

describe('sign-in and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('signs in a demo user of each role and returns the token and user', async () => {
    for (const [username, role] of [
      ['mentor.cji1', Role.Mentor],
      ['sagsbehandler.cji', Role.Caseworker],
      ['teamleder.cji', Role.TeamLeader],
      ['admin', Role.Admin],
    ] as const) {
      const response = await t.request<any>('POST', '/api/auth/login', {
        json: { username, password: 'demo' },
      });
      expect(response.status).toBe(200);
      expect(response.body.accessToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      expect(Object.keys(response.body.user).sort()).toEqual([
        'id',
        'municipalityId',
        'name',
        'organisationId',
        'role',
      ]);
      expect(response.body.user.role).toBe(role);
    }
  });

  it('accepts the username in any case', async () => {
    const response = await t.request('POST', '/api/auth/login', {
      json: { username: ' Mentor.CJI2 ', password: 'demo' },
    });
    expect(response.status).toBe(200);
  });

  it('sets an httpOnly, SameSite=Strict session cookie that authenticates /api/me', async () => {
    const response = await t.request('POST', '/api/auth/login', {
      json: { username: 'mentor.cab1', password: 'demo' },
    });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^mentor_session=[^;]+/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api/);
    const me = await t.request<any>('GET', '/api/me', { headers: { cookie: cookie.split(';')[0] } });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      username: 'mentor.cab1',
      role: 'mentor',
      organisationName: 'Center for Afklaring og Beskæftigelse',
      organisationKind: 'internal_centre',
      municipalityName: 'Københavns Kommune',
    });
  });

  it('answers wrong username and wrong password with the same 401', async () => {
    const strip = (body: any) => ({ ...body, requestId: undefined });
    const unknownUser = await t.request('POST', '/api/auth/login', {
      json: { username: 'nobody.here', password: 'demo' },
    });
    const wrongPassword = await t.request('POST', '/api/auth/login', {
      json: { username: 'mentor.cab2', password: 'nope' },
    });
    expect(unknownUser.status).toBe(401);
    expect(wrongPassword.status).toBe(401);
    expect(strip(unknownUser.body)).toEqual(strip(wrongPassword.body));
    expect(unknownUser.headers.get('content-type')).toContain('application/problem+json');
  });

  it('slows down, then blocks repeated failures for one username with 429 and Retry-After', async () => {
    // A user of its own, removed afterwards: the block lasts 15 minutes in the shared database,
    // and the specs after this one sign in as the demo users.
    await t.db.query(
      `INSERT INTO app_user (municipality_id, organisation_id, username, name, role, password_hash, version)
       SELECT municipality_id, organisation_id, 'mentor.laasetest', 'Låse Testsen', role, password_hash, 1
         FROM app_user WHERE username = 'mentor.mentorhuset2'`,
    );
    const attempt = () =>
      t.request<any>('POST', '/api/auth/login', {
        json: { username: 'mentor.laasetest', password: 'wrong' },
      });
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 5; i++) {
      last = await attempt();
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.body.code).toBe('auth.too_many_attempts');
    // Even the right password is refused while blocked.
    const right = await t.request('POST', '/api/auth/login', {
      json: { username: 'mentor.laasetest', password: 'demo' },
    });
    expect(right.status).toBe(429);
    // Other usernames are not affected.
    expect(
      (
        await t.request('POST', '/api/auth/login', {
          json: { username: 'mentor.mentorhuset1', password: 'demo' },
        })
      ).status,
    ).toBe(200);
    await t.db.query(`DELETE FROM app_user WHERE username = 'mentor.laasetest'`);
  });

  it('ends the session on logout', async () => {
    const token = await t.login('mentor.vejenvidere1');
    expect((await t.request('GET', '/api/me', { token })).status).toBe(200);
    const logout = await t.request('POST', '/api/auth/logout', { token });
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toMatch(/mentor_session=;/);
    expect((await t.request('GET', '/api/me', { token })).status).toBe(401);
  });

  it('expires a session after 30 minutes idle', async () => {
    const token = await t.login('mentor.vejenvidere2');
    await t.db.query(
      `UPDATE session SET last_seen_at = now() - interval '31 minutes'
        WHERE user_id = (SELECT id FROM app_user WHERE username = 'mentor.vejenvidere2')`,
    );
    const me = await t.request<any>('GET', '/api/me', { token });
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('auth.unauthenticated');
  });

  it('keeps an active session alive but ends it 12 hours after sign-in', async () => {
    const token = await t.login('sagsbehandler.cab');
    await t.db.query(
      `UPDATE session SET last_seen_at = now() - interval '29 minutes'
        WHERE user_id = (SELECT id FROM app_user WHERE username = 'sagsbehandler.cab')`,
    );
    expect((await t.request('GET', '/api/me', { token })).status).toBe(200);
    await t.db.query(
      `UPDATE session SET expires_at = now() - interval '1 second'
        WHERE user_id = (SELECT id FROM app_user WHERE username = 'sagsbehandler.cab')`,
    );
    expect((await t.request('GET', '/api/me', { token })).status).toBe(401);
  });

  it('stores only a hash of the session token', async () => {
    const token = await t.login('teamleder.cab');
    const rows: { token_hash: string }[] = await t.db.query('SELECT token_hash FROM session');
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it('stores passwords as argon2id hashes', async () => {
    const rows: { password_hash: string }[] = await t.db.query('SELECT password_hash FROM app_user');
    expect(rows.every((r) => r.password_hash.startsWith('$argon2id$'))).toBe(true);
  });
});

describe('session cache', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SESSION_CACHE_MS: '60000' });
  });
  afterAll(() => t.close());

  it('looks a session up once, then answers from memory', async () => {
    const token = await t.login('mentor.mentorhuset1');
    expect((await t.request('GET', '/api/me', { token })).status).toBe(200);
    t.queries.reset();
    expect((await t.request('GET', '/api/me', { token })).status).toBe(200);
    expect(t.queries.statements.some((s) => /FROM session/.test(s))).toBe(false);
  });

  it('still ends the session at once on sign-out', async () => {
    const token = await t.login('mentor.cji2');
    expect((await t.request('GET', '/api/me', { token })).status).toBe(200);
    expect((await t.request('POST', '/api/auth/logout', { token })).status).toBe(204);
    expect((await t.request('GET', '/api/me', { token })).status).toBe(401);
  });
});
