// Sign-in with OpenID Connect against a real provider (oidc-provider, in a child process: see
// oidc/provider.mjs) and, for tokens no honest provider issues, a small fake one in this process.
// The browser is played by hand: redirects followed one at a time, cookies kept per origin.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createHash, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { startTestApp, type TestApp } from './test-app';

interface Idp {
  issuer: string;
  setClaims(account: string, claims: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

/** The real provider, on a free port; it stops when its stdin ends. */
async function startIdp(): Promise<Idp> {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [resolve(__dirname, 'oidc/provider.mjs'), '0'],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const ready = await new Promise<{ issuer: string }>((answer, fail) => {
    createInterface({ input: child.stdout }).once('line', (line) => answer(JSON.parse(line)));
    void exited.then(() => fail(new Error(`oidc/provider.mjs exited:\n${stderr}`)));
  });
  return {
    issuer: ready.issuer,
    async setClaims(account, claims) {
      const response = await fetch(`${ready.issuer}/test/accounts/${account}`, {
        method: 'PUT',
        body: JSON.stringify(claims),
      });
      if (response.status !== 200) throw new Error(`set claims: ${response.status}`);
    },
    async close() {
      child.stdin.end();
      await exited;
    },
  };
}

type FakeMode = 'good' | 'otherKey' | 'wrongNonce' | 'wrongAudience';

/** A provider that signs whatever the test asks for: discovery, JWKS and a token endpoint. */
async function startFakeIdp() {
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const state = {
    mode: 'good' as FakeMode,
    claims: {} as Record<string, unknown>,
    /** The nonce and challenge of the last authorization request the test saw. */
    nonce: '',
    challenge: '',
    tokenRequests: [] as { authorization?: string; form: URLSearchParams }[],
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const json = (value: unknown, status = 200) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json({
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
      });
    }
    if (url.pathname === '/jwks') {
      return json({ keys: [{ ...key.publicKey.export({ format: 'jwk' }), kid: 'fake', use: 'sig' }] });
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        state.tokenRequests.push({ authorization: req.headers.authorization, form });
        const verifier = form.get('code_verifier') ?? '';
        if (createHash('sha256').update(verifier).digest('base64url') !== state.challenge)
          return json({ error: 'invalid_grant' }, 400);
        const now = Math.floor(Date.now() / 1000);
        const claims = {
          iss: issuer,
          aud: state.mode === 'wrongAudience' ? 'someone-else' : 'fake-client',
          sub: 'fake-subject',
          nonce: state.mode === 'wrongNonce' ? 'not-the-nonce' : state.nonce,
          iat: now,
          exp: now + 300,
          ...state.claims,
        };
        const signingKey: KeyObject = state.mode === 'otherKey' ? stranger.privateKey : key.privateKey;
        const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
        const input = `${b64({ alg: 'RS256', kid: 'fake' })}.${b64(claims)}`;
        const signature = sign('sha256', Buffer.from(input), signingKey).toString('base64url');
        json({ id_token: `${input}.${signature}`, token_type: 'Bearer', access_token: 'fake' });
      });
      return;
    }
    json({ error: 'not found' }, 404);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const issuer = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    issuer,
    state,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Cookies per origin, as a browser keeps them (paths ignored: each name is used on one path here). */
class Browser {
  private readonly jar = new Map<string, Map<string, string>>();

  cookies(origin: string): Map<string, string> {
    let cookies = this.jar.get(origin);
    if (!cookies) this.jar.set(origin, (cookies = new Map()));
    return cookies;
  }

  /** One request, no redirect followed; remembers the cookies it sets. */
  async send(url: string, init: RequestInit = {}): Promise<Response> {
    const { origin } = new URL(url);
    const cookies = this.cookies(origin);
    const headers = new Headers(init.headers);
    if (cookies.size) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      const gone = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (gone) cookies.delete(name);
      else cookies.set(name, value);
    }
    return response;
  }
}

const location = (response: Response, base: string) => {
  const value = response.headers.get('location');
  if (!value) throw new Error(`no Location (status ${response.status})`);
  return new URL(value, base).toString();
};

const CJI = 'Center for Jobindsats';
const CAB = 'Center for Afklaring og Beskæftigelse';
// An organisation the test adds with this id: the configuration may name organisations by id.
const NEW_ORG_ID = '0f0e0d0c-0b0a-4908-8706-050403020100';

describe('sign-in with OpenID Connect', () => {
  let t: TestApp;
  let idp: Idp;
  let fake: Awaited<ReturnType<typeof startFakeIdp>>;

  beforeAll(async () => {
    [idp, fake] = await Promise.all([startIdp(), startFakeIdp()]);
    const common = {
      clientSecret: 'test-secret',
      municipalityCode: 101,
      roleClaim: 'groups',
      roles: {
        'MS-Admin': 'admin',
        'MS-Teamledere': 'team_leader',
        'MS-Sagsbehandlere': 'caseworker',
        'MS-Mentorer': 'mentor',
      },
      organisationClaim: 'department',
      organisations: { CJI, CAB, NY: NEW_ORG_ID },
      scopes: ['openid', 'profile', 'groups', 'organisation'],
    };
    const providers = [
      { ...common, id: 'testidp', name: 'Prøve-IdP', issuer: idp.issuer, clientId: 'mentor-rs' },
      { ...common, id: 'testidp-ec', name: 'Prøve-IdP (EC)', issuer: idp.issuer, clientId: 'mentor-es' },
      {
        ...common,
        id: 'fake',
        name: 'Falsk IdP',
        issuer: fake.issuer,
        clientId: 'fake-client',
        clientSecret: 'fake secret:æ',
      },
      // Nothing listens on port 1.
      { ...common, id: 'down', name: 'Nede', issuer: 'http://127.0.0.1:1', clientId: 'x' },
    ];
    t = await startTestApp({ OIDC_PROVIDERS: JSON.stringify(providers) }, { ownDatabase: true });
    await t.db.query(
      `INSERT INTO organisation (id, municipality_id, kind, name, version)
       SELECT $1, id, 'external_provider', 'OIDC Prøvehuset', 1 FROM municipality WHERE code = 101`,
      [NEW_ORG_ID],
    );
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await idp?.close();
    await fake?.close();
  });

  const app = (path: string) => `${t.baseUrl}${path}`;

  /** Start at the API, sign in at the provider as `account`, and return the callback URL it sends back to. */
  async function authorize(browser: Browser, provider: string, account: string, returnUrl?: string) {
    const query = returnUrl ? `?returnUrl=${encodeURIComponent(returnUrl)}` : '';
    const start = await browser.send(app(`/api/auth/oidc/${provider}/start${query}`));
    expect(start.status).toBe(302);
    const authUrl = location(start, t.baseUrl);
    const toInteraction = await browser.send(authUrl);
    expect(toInteraction.status).toBe(303);
    const interactionUrl = location(toInteraction, idp.issuer);
    const details = await browser.send(interactionUrl);
    expect(await details.json()).toMatchObject({ prompt: 'login' });
    const login = await browser.send(interactionUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ account }).toString(),
    });
    expect(login.status).toBe(303);
    const resume = await browser.send(location(login, idp.issuer));
    expect(resume.status).toBe(303);
    const callbackUrl = location(resume, idp.issuer);
    expect(callbackUrl.startsWith(app(`/api/auth/oidc/${provider}/callback?`))).toBe(true);
    return callbackUrl;
  }

  /** The callback; returns where the API sends the browser and the session cookie, if any. */
  async function finish(browser: Browser, callbackUrl: string) {
    const response = await browser.send(callbackUrl);
    expect(response.status).toBe(302);
    const session = response.headers.getSetCookie().find((c) => c.startsWith('mentor_session='));
    return { to: response.headers.get('location'), session, response };
  }

  const signIn = async (provider: string, account: string, returnUrl?: string) => {
    const browser = new Browser();
    return { browser, ...(await finish(browser, await authorize(browser, provider, account, returnUrl))) };
  };

  const me = (session: string | undefined) =>
    t.request<any>('GET', '/api/me', { headers: { cookie: (session ?? '').split(';')[0] ?? '' } });

  const userRow = async (username: string) =>
    (
      await t.db.query<
        { id: string; role: string; organisation: string; password_hash: string; active: boolean }[]
      >(
        `SELECT u.id, u.role, o.name AS organisation, u.password_hash, u.active
           FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.username = $1`,
        [username],
      )
    )[0];

  const signInEvents = (userId: string) =>
    t.db.query<{ details: any; actor_role: string }[]>(
      `SELECT details, actor_role FROM audit_event WHERE action = 'auth.oidc_sign_in' AND user_id = $1 ORDER BY at`,
      [userId],
    );

  it('lists the configured providers for the sign-in page: id and name only', async () => {
    const response = await t.request<any>('GET', '/api/auth/oidc/providers');
    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      { id: 'testidp', name: 'Prøve-IdP' },
      { id: 'testidp-ec', name: 'Prøve-IdP (EC)' },
      { id: 'fake', name: 'Falsk IdP' },
      { id: 'down', name: 'Nede' },
    ]);
  });

  it('documents the routes in OpenAPI: the list as JSON, start and callback as redirects', async () => {
    const doc = await t.request<any>('GET', '/api/openapi.json');
    const paths = doc.body.paths;
    expect(Object.keys(paths['/api/auth/oidc/providers'].get.responses['200'].content)).toEqual([
      'application/json',
    ]);
    for (const path of ['/api/auth/oidc/{provider}/start', '/api/auth/oidc/{provider}/callback']) {
      const responses = paths[path].get.responses;
      expect(Object.keys(responses).filter((status) => status.startsWith('2'))).toEqual([]);
      expect(responses['302'].headers.Location).toBeDefined();
      expect(responses['404']).toBeDefined();
    }
  });

  it('sends the browser to the provider with PKCE (S256), state, nonce and a sealed, httpOnly flow cookie', async () => {
    const browser = new Browser();
    const start = await browser.send(app('/api/auth/oidc/testidp/start'));
    expect(start.status).toBe(302);
    const url = new URL(location(start, t.baseUrl));
    expect(url.origin + url.pathname).toBe(`${idp.issuer}/auth`);
    const params = Object.fromEntries(url.searchParams);
    expect(params).toMatchObject({
      response_type: 'code',
      client_id: 'mentor-rs',
      redirect_uri: app('/api/auth/oidc/testidp/callback'),
      scope: 'openid profile groups organisation',
      code_challenge_method: 'S256',
    });
    for (const field of ['state', 'nonce', 'code_challenge']) expect(params[field]).toMatch(/^[\w-]{43}$/);
    const cookie = start.headers.getSetCookie().find((c) => c.startsWith('mentor_oidc=')) ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/api\/auth\/oidc/);
    expect(cookie).toMatch(/Max-Age=600/);
    // Encrypted: the nonce (and state and verifier) cannot be read from it.
    const sealed = Buffer.from(/^mentor_oidc=([^;]+)/.exec(cookie)?.[1] ?? '', 'base64url').toString(
      'latin1',
    );
    expect(sealed.length).toBeGreaterThan(100);
    expect(sealed).not.toContain(params['nonce']);
  });

  it('provisions a new user with the mapped role and organisation, signed in like a local sign-in', async () => {
    const { to, session, response, browser } = await signIn('testidp', 'anna');
    expect(to).toBe('/');
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Strict/i);
    expect(session).toMatch(/Path=\/api/);
    // The flow cookie is gone once used.
    expect(response.headers.getSetCookie().some((c) => /^mentor_oidc=;/.test(c))).toBe(true);
    expect(browser.cookies(t.baseUrl).has('mentor_oidc')).toBe(false);

    const profile = await me(session);
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({
      username: 'anna.oidc',
      name: 'Anna Idpsen',
      role: 'mentor',
      organisationName: CJI,
      municipalityName: 'Københavns Kommune',
    });
    // The session works on the mentor's own routes.
    const courses = await t.request<any>('GET', '/api/courses', {
      headers: { cookie: (session ?? '').split(';')[0] ?? '' },
    });
    expect(courses.status).toBe(200);

    const row = await userRow('anna.oidc');
    expect(row).toMatchObject({ role: 'mentor', organisation: CJI, active: true });
    // No password works for a provisioned user.
    expect(row?.password_hash).toBe('!oidc');
    for (const password of ['', '!oidc', 'demo'])
      expect(
        (await t.request('POST', '/api/auth/login', { json: { username: 'anna.oidc', password } })).status,
      ).not.toBe(200);
    expect(await signInEvents(row!.id)).toEqual([
      {
        actor_role: 'mentor',
        details: { provider: 'testidp', provisioned: true, changed: [] },
      },
    ]);
  });

  it('reuses the user on the next sign-in and returns to the page asked for', async () => {
    const before = await userRow('anna.oidc');
    const { to, session } = await signIn('testidp', 'anna', '/my-citizens?week=1');
    expect(to).toBe('/my-citizens?week=1');
    expect((await me(session)).body.id).toBe(before!.id);
    const [{ count }] = await t.db.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM app_user WHERE username = 'anna.oidc'`,
    );
    expect(count).toBe(1);
    const events = await signInEvents(before!.id);
    expect(events.at(-1)?.details).toEqual({ provider: 'testidp', provisioned: false, changed: [] });
    // Another site is no place to return to.
    expect((await signIn('testidp', 'anna', 'https://evil.example/')).to).toBe('/');
  });

  it('updates role, organisation and name when the claims changed', async () => {
    await idp.setClaims('anna', {
      preferred_username: 'anna.oidc',
      name: 'Anna Idpsen-Ny',
      groups: ['MS-Teamledere'],
      department: 'CAB',
    });
    const { session } = await signIn('testidp', 'anna');
    expect((await me(session)).body).toMatchObject({
      role: 'team_leader',
      organisationName: CAB,
      name: 'Anna Idpsen-Ny',
    });
    const row = await userRow('anna.oidc');
    expect(row).toMatchObject({ role: 'team_leader', organisation: CAB });
    const events = await signInEvents(row!.id);
    expect(events.at(-1)).toEqual({
      actor_role: 'team_leader',
      details: { provider: 'testidp', provisioned: false, changed: ['role', 'organisation', 'name'] },
    });
    // A team leader's route answers now.
    const users = await t.request('GET', '/api/users', {
      headers: { cookie: (session ?? '').split(';')[0] ?? '' },
    });
    expect(users.status).toBe(200);
  });

  it('verifies ES256 ID tokens too (a client with another algorithm)', async () => {
    const { to, session } = await signIn('testidp-ec', 'bent');
    expect(to).toBe('/');
    expect((await me(session)).body).toMatchObject({
      username: 'bent.oidc',
      role: 'caseworker',
      organisationName: CAB,
    });
  });

  it('resolves an organisation configured by its id', async () => {
    await idp.setClaims('erik', {
      preferred_username: 'erik.oidc',
      name: 'Erik Idpsen',
      groups: ['MS-Mentorer'],
      department: 'NY',
    });
    const { session } = await signIn('testidp', 'erik');
    expect((await me(session)).body).toMatchObject({ organisationName: 'OIDC Prøvehuset', role: 'mentor' });
  });

  it('refuses claims that map to no role or no organisation, and creates no user', async () => {
    const noRole = await signIn('testidp', 'carl');
    expect(noRole.to).toBe('/login?oidcError=no_role');
    expect(noRole.session).toBeUndefined();
    expect(await userRow('carl.oidc')).toBeUndefined();

    const noOrganisation = await signIn('testidp', 'dorte');
    expect(noOrganisation.to).toBe('/login?oidcError=no_organisation');
    expect(noOrganisation.session).toBeUndefined();
    expect(await userRow('dorte.oidc')).toBeUndefined();
  });

  it('refuses a tampered, missing or foreign state', async () => {
    const browser = new Browser();
    const callbackUrl = await authorize(browser, 'testidp', 'bent');
    const tampered = new URL(callbackUrl);
    tampered.searchParams.set('state', `${tampered.searchParams.get('state')}x`);
    const saved = new Map(browser.cookies(t.baseUrl));
    expect((await finish(browser, tampered.toString())).to).toBe('/login?oidcError=state_invalid');

    // Without the flow cookie (another browser), or with one changed.
    expect((await finish(new Browser(), callbackUrl)).to).toBe('/login?oidcError=state_invalid');
    const forged = new Browser();
    const flow = saved.get('mentor_oidc') ?? '';
    forged.cookies(t.baseUrl).set('mentor_oidc', `${flow.slice(0, -2)}AA`);
    expect((await finish(forged, callbackUrl)).to).toBe('/login?oidcError=state_invalid');

    // A flow cookie of one provider at another provider's callback.
    const other = new Browser();
    other.cookies(t.baseUrl).set('mentor_oidc', flow);
    const elsewhere = callbackUrl.replace('/oidc/testidp/', '/oidc/testidp-ec/');
    expect((await finish(other, elsewhere)).to).toBe('/login?oidcError=state_invalid');
  });

  it('refuses a replayed callback: a state (and a code) is good once', async () => {
    const browser = new Browser();
    const callbackUrl = await authorize(browser, 'testidp', 'bent');
    const saved = new Map(browser.cookies(t.baseUrl));
    const first = await finish(browser, callbackUrl);
    expect(first.to).toBe('/');
    const replay = new Browser();
    for (const [name, value] of saved) replay.cookies(t.baseUrl).set(name, value);
    const again = await finish(replay, callbackUrl);
    expect(again.to).toBe('/login?oidcError=state_invalid');
    expect(again.session).toBeUndefined();
  });

  it("passes on the provider's refusal", async () => {
    const browser = new Browser();
    const start = await browser.send(app('/api/auth/oidc/testidp/start'));
    const state = new URL(location(start, t.baseUrl)).searchParams.get('state') ?? '';
    const denied = await finish(
      browser,
      app(
        `/api/auth/oidc/testidp/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(idp.issuer)}`,
      ),
    );
    expect(denied.to).toBe('/login?oidcError=denied');
  });

  it('refuses a response naming another issuer (mix-up)', async () => {
    const browser = new Browser();
    const callbackUrl = new URL(await authorize(browser, 'testidp', 'bent'));
    callbackUrl.searchParams.set('iss', fake.issuer);
    expect((await finish(browser, callbackUrl.toString())).to).toBe('/login?oidcError=state_invalid');
  });

  it('refuses a disabled user and keeps it disabled', async () => {
    await t.db.query(`UPDATE app_user SET active = false WHERE username = 'bent.oidc'`);
    const { to, session } = await signIn('testidp', 'bent');
    expect(to).toBe('/login?oidcError=account_disabled');
    expect(session).toBeUndefined();
    expect((await userRow('bent.oidc'))?.active).toBe(false);
  });

  describe('tokens an honest provider never sends (fake provider)', () => {
    async function fakeSignIn(mode: FakeMode, claims: Record<string, unknown>) {
      fake.state.mode = mode;
      fake.state.claims = claims;
      const browser = new Browser();
      const start = await browser.send(app('/api/auth/oidc/fake/start'));
      const auth = new URL(location(start, t.baseUrl));
      expect(auth.origin).toBe(fake.issuer);
      fake.state.nonce = auth.searchParams.get('nonce') ?? '';
      fake.state.challenge = auth.searchParams.get('code_challenge') ?? '';
      const state = auth.searchParams.get('state') ?? '';
      return finish(browser, app(`/api/auth/oidc/fake/callback?code=fake-code&state=${state}`));
    }
    const mentorClaims = (username: string) => ({
      preferred_username: username,
      name: 'Frida Falsk',
      groups: 'MS-Mentorer',
      department: 'CJI',
    });

    it('accepts claims in the ID token itself, with the secret sent as RFC 6749 Basic credentials', async () => {
      const { to, session } = await fakeSignIn('good', mentorClaims('frida.oidc'));
      expect(to).toBe('/');
      expect((await me(session)).body).toMatchObject({ username: 'frida.oidc', role: 'mentor' });
      const request = fake.state.tokenRequests.at(-1);
      // Both parts form-encoded before base64 (the secret has a space, a colon and an æ).
      const expected = `${encodeURIComponent('fake-client')}:${encodeURIComponent('fake secret:æ').replace(/%20/g, '+')}`;
      expect(request?.authorization).toBe(`Basic ${Buffer.from(expected).toString('base64')}`);
      expect(request?.form.get('grant_type')).toBe('authorization_code');
      expect(request?.form.get('redirect_uri')).toBe(app('/api/auth/oidc/fake/callback'));
    });

    it('refuses a token signed by a key not in the JWKS, with the wrong nonce or for another client', async () => {
      for (const mode of ['otherKey', 'wrongNonce', 'wrongAudience'] as const) {
        const { to, session } = await fakeSignIn(mode, mentorClaims(`forged.${mode.toLowerCase()}`));
        expect({ mode, to }).toEqual({ mode, to: '/login?oidcError=token_invalid' });
        expect(session).toBeUndefined();
        expect(await userRow(`forged.${mode.toLowerCase()}`)).toBeUndefined();
      }
    });

    it("refuses a username that belongs to another municipality's user", async () => {
      const [other] = await t.db.query<{ id: string }[]>(
        `INSERT INTO municipality (code, name) VALUES (998, 'Andenby Kommune') RETURNING id`,
      );
      const [org] = await t.db.query<{ id: string }[]>(
        `INSERT INTO organisation (municipality_id, kind, name, version)
         VALUES ($1, 'internal_centre', 'Andet center', 1) RETURNING id`,
        [other!.id],
      );
      await t.db.query(
        `INSERT INTO app_user (municipality_id, organisation_id, username, name, role, password_hash, version)
         VALUES ($1, $2, 'andenby.mentor', 'Anders Andenby', 'mentor', '!', 1)`,
        [other!.id, org!.id],
      );
      const { to } = await fakeSignIn('good', mentorClaims('Andenby.Mentor'));
      expect(to).toBe('/login?oidcError=username_taken');
      const [row] = await t.db.query<{ municipality_id: string; role: string }[]>(
        `SELECT municipality_id, role FROM app_user WHERE username = 'andenby.mentor'`,
      );
      expect(row).toEqual({ municipality_id: other!.id, role: 'mentor' });
    });
  });

  it('sends the browser back with `unavailable` when the provider cannot be reached', async () => {
    const response = await new Browser().send(app('/api/auth/oidc/down/start'));
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/login?oidcError=unavailable');
  });

  it('answers 404 problem+json for a provider that is not configured', async () => {
    for (const path of ['/api/auth/oidc/nope/start', '/api/auth/oidc/nope/callback?code=x&state=y']) {
      const response = await t.request<any>('GET', path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.code).toBe('auth.oidc_unknown_provider');
    }
  });
});
