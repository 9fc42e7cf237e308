import { DEMO_PASSWORD } from '../src/demo/demo-data';
import { LISTENER_APPLICATION_NAME } from '../src/auth/session-revocations';
import { SessionService } from '../src/auth/session.service';
import { startTestApp, type TestApp } from './test-app';

/**
 * Ending sessions reaches every API instance at once: two instances on one database, each caching
 * sessions for the default SESSION_CACHE_MS (5 s), so an answer 401 on the very next request proves
 * the cached session was dropped, on the second instance by the NOTIFY on `session_revoked`.
 */
describe('session revocation across instances', () => {
  let a: TestApp;
  let b: TestApp;
  let admin: string;
  const CACHE = { SESSION_CACHE_MS: '5000' };

  const me = (t: TestApp, token: string) => t.request<any>('GET', '/api/me', { token });
  const status = async (t: TestApp, token: string) => (await me(t, token)).status;
  /**
   * The status another instance answers once the revocation has reached it: its notification
   * travels through PostgreSQL and may be read a moment after the next request (milliseconds; both
   * instances share one event loop here). Fails if the cached session outlives a second.
   */
  async function statusOnOther(t: TestApp, token: string): Promise<number> {
    const until = Date.now() + 1000;
    for (;;) {
      const answer = await status(t, token);
      if (answer !== 200 || Date.now() > until) return answer;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** The session is answered from the instance's cache: no session query is sent for it. */
  async function expectCached(t: TestApp, token: string) {
    t.queries.reset();
    expect(await status(t, token)).toBe(200);
    expect(t.queries.statements.filter((s) => /FROM session/.test(s))).toEqual([]);
  }

  const setActive = (userId: string, active: boolean, token = admin) =>
    a.request<any>('PUT', `/api/users/${userId}/active`, { token, json: { active } });

  /** Both instances listen on the channel (each has its own connection for it). */
  async function listeners(): Promise<number> {
    const [{ n }] = await a.db.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = $1 AND query ILIKE 'LISTEN%'`,
      [LISTENER_APPLICATION_NAME],
    );
    return n as number;
  }

  async function waitFor(check: () => Promise<boolean>, what: string, ms = 15_000) {
    const until = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  beforeAll(async () => {
    a = await startTestApp(CACHE, { ownDatabase: true });
    b = await startTestApp(CACHE, { databaseUrl: a.databaseUrl });
    admin = await a.login('admin');
    expect(await listeners()).toBe(2);
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('disabling a user ends both their sessions on both instances at the very next request; enabling revives neither', async () => {
    const first = await a.login('mentor.cji2');
    const second = await b.login('mentor.cji2');
    const userId = (await me(a, first)).body.id as string;
    // Both sessions are cached on both instances.
    for (const t of [a, b]) for (const token of [first, second]) expect(await status(t, token)).toBe(200);
    for (const t of [a, b]) for (const token of [first, second]) await expectCached(t, token);

    const disabled = await setActive(userId, false);
    expect(disabled.status).toBe(200);
    expect(disabled.body).toEqual({ id: userId, active: false, endedSessions: 2 });

    for (const token of [first, second]) expect(await status(a, token)).toBe(401);
    for (const token of [first, second]) expect(await statusOnOther(b, token)).toBe(401);
    const [{ open }] = await a.db.query(
      'SELECT count(*)::int AS open FROM session WHERE user_id = $1 AND ended_at IS NULL',
      [userId],
    );
    expect(open).toBe(0);
    const refused = await b.request('POST', '/api/auth/login', {
      json: { username: 'mentor.cji2', password: DEMO_PASSWORD },
    });
    expect(refused.status).toBe(401);

    const enabled = await setActive(userId, true);
    expect(enabled.body).toEqual({ id: userId, active: true, endedSessions: 0 });
    for (const t of [a, b]) for (const token of [first, second]) expect(await status(t, token)).toBe(401);
    // A new sign-in works again.
    expect(await status(b, await b.login('mentor.cji2'))).toBe(200);

    const audit = await a.db.query(
      `SELECT action FROM audit_event WHERE entity_id = $1 AND action LIKE 'user.%' ORDER BY at`,
      [userId],
    );
    expect(audit.map((r: { action: string }) => r.action)).toEqual(['user.disable', 'user.enable']);
  });

  it('a new password ends the mentor’s sessions on every instance at once (the same path)', async () => {
    const mentor = await b.login('mentor.cji1');
    const mentorId = (await me(b, mentor)).body.id as string;
    await status(b, mentor);
    await expectCached(b, mentor);
    const teamLeader = await a.login('teamleder.cji');
    const set = await a.request('PUT', `/api/workforce/mentors/${mentorId}/password`, {
      token: teamLeader,
      json: { password: 'et-nyt-kodeord' },
    });
    expect(set.status).toBe(204);
    expect(await statusOnOther(b, mentor)).toBe(401);
  });

  it('sign-out on one instance ends the session on the other at once', async () => {
    const token = await a.login('sagsbehandler.cji');
    await status(b, token);
    await expectCached(b, token);
    expect((await a.request('POST', '/api/auth/logout', { token })).status).toBe(204);
    expect(await statusOnOther(b, token)).toBe(401);
  });

  it('refuses an administrator disabling themselves, other roles, and users of no municipality of theirs', async () => {
    const adminId = (await me(a, admin)).body.id as string;
    const self = await setActive(adminId, false);
    expect(self.status).toBe(422);
    expect(self.body.code).toBe('user.cannot_disable_self');
    expect(await status(a, admin)).toBe(200);

    const teamLeader = await a.login('teamleder.cji');
    const mentorId = (await me(a, await a.login('mentor.cab1'))).body.id as string;
    const forbidden = await setActive(mentorId, false, teamLeader);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('auth.forbidden');

    const unknown = await setActive('00000000-0000-4000-8000-000000000000', false);
    expect(unknown.status).toBe(404);
    const bad = await a.request<any>('PUT', `/api/users/${mentorId}/active`, {
      token: admin,
      json: { active: 'no' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('active');
  });

  it('drops its cache when the listening connection is lost, reconnects by itself and hears revocations again', async () => {
    const token = await a.login('mentor.cab2');
    const userId = (await me(a, token)).body.id as string;
    await status(b, token);
    await expectCached(b, token);

    // Both listening connections are killed, as a database restart or a network loss would.
    const sessionsOfB = b.app.get(SessionService);
    await a.db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = $1`,
      [LISTENER_APPLICATION_NAME],
    );
    await waitFor(async () => !sessionsOfB['listening'], 'instance b to notice');
    // Revocations may have gone unheard: the session is read again (and cached only once listening).
    b.queries.reset();
    expect(await status(b, token)).toBe(200);
    expect(b.queries.statements.some((s) => /FROM session/.test(s))).toBe(true);

    const sessionsOfA = a.app.get(SessionService);
    await waitFor(async () => sessionsOfA['listening'] && sessionsOfB['listening'], 'both to listen again');
    expect(await listeners()).toBe(2);
    await status(b, token);
    await expectCached(b, token);
    expect((await setActive(userId, false)).status).toBe(200);
    expect(await statusOnOther(b, token)).toBe(401);
    expect(await status(a, token)).toBe(401);
  });
});
