// A real OpenID Connect provider (oidc-provider 9) for the OIDC sign-in tests; ESM only, so it runs
// in a child process:
//   node apps/api/test/oidc/provider.mjs [port] [host]
// (host: 127.0.0.1 by default; `localhost` puts the provider on another site than an app on
// 127.0.0.1, as in a browser) prints one JSON line {"issuer"} when ready and exits when its stdin ends (or on SIGTERM).
//
// Clients: `mentor-rs` (ID tokens RS256) and `mentor-es` (ES256), both with the secret
// `test-secret`, PKCE (S256) required, loopback redirect URIs on any port (native clients, RFC 8252).
// Sign-in without a form: the test reads the interaction at GET /interaction/:uid (JSON) and picks
// a test account with POST /interaction/:uid (form field `account`); consent is given at once.
// Test-only: PUT /test/accounts/:id with a JSON object of claims replaces that account's claims.
// Every account is fictional.
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';
import Provider from 'oidc-provider';

/** Claims per account id; `sub` is the id. */
const accounts = new Map(
  Object.entries({
    anna: {
      preferred_username: 'anna.oidc',
      name: 'Anna Idpsen',
      groups: ['MS-Mentorer', 'Kantineudvalg'],
      department: 'CJI',
    },
    bent: {
      preferred_username: 'bent.oidc',
      name: 'Bent Idpsen',
      groups: ['MS-Sagsbehandlere'],
      department: 'CAB',
    },
    carl: {
      preferred_username: 'carl.oidc',
      name: 'Carl Idpsen',
      groups: ['Kantineudvalg'],
      department: 'CJI',
    },
    dorte: {
      preferred_username: 'dorte.oidc',
      name: 'Dorte Idpsen',
      groups: ['MS-Teamledere'],
      department: 'Ukendt afdeling',
    },
    erik: {
      preferred_username: 'erik.oidc',
      name: 'Erik Idpsen',
      groups: ['MS-Mentorer'],
      department: 'CJI',
    },
  }),
);

const SCOPE_CLAIMS = {
  openid: ['sub'],
  profile: ['name', 'preferred_username'],
  groups: ['groups'],
  organisation: ['department'],
};

const jwk = (type, options, kid) => ({
  ...generateKeyPairSync(type, options).privateKey.export({ format: 'jwk' }),
  kid,
  use: 'sig',
});

function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

function json(res, status, value) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

/** The provider's interactions: no pages, the test picks the account. */
async function interaction(provider, req, res, uid) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return json(res, 400, { error: 'interaction mismatch' });
  if (req.method === 'GET') {
    return json(res, 200, { uid, prompt: details.prompt.name, clientId: details.params.client_id });
  }
  const account = new URLSearchParams(await readBody(req)).get('account') ?? '';
  if (!accounts.has(account)) return json(res, 400, { error: 'unknown account' });
  const grant = new provider.Grant({ accountId: account, clientId: details.params.client_id });
  grant.addOIDCScope(String(details.params.scope));
  const grantId = await grant.save();
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: account }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

async function main() {
  const server = createServer();
  await new Promise((done) => server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', done));
  const issuer = `http://${process.argv[3] ?? '127.0.0.1'}:${server.address().port}`;
  const client = (id, alg) => ({
    client_id: id,
    client_secret: 'test-secret',
    application_type: 'native',
    redirect_uris: [
      'http://127.0.0.1/api/auth/oidc/testidp/callback',
      'http://127.0.0.1/api/auth/oidc/testidp-ec/callback',
    ],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    id_token_signed_response_alg: alg,
  });
  const provider = new Provider(issuer, {
    clients: [client('mentor-rs', 'RS256'), client('mentor-es', 'ES256')],
    jwks: {
      keys: [jwk('rsa', { modulusLength: 2048 }, 'test-rs'), jwk('ec', { namedCurve: 'P-256' }, 'test-es')],
    },
    cookies: { keys: ['oidc-test-cookie-key'] },
    claims: SCOPE_CLAIMS,
    scopes: ['openid', 'profile', 'groups', 'organisation'],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const claims = accounts.get(sub);
      if (!claims) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...claims }) };
    },
  });
  // Plain http on 127.0.0.1: oidc-provider would otherwise want secure cookies behind TLS.
  provider.proxy = false;
  const handle = provider.callback();

  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const interactionPath = /^\/interaction\/([^/]+)$/.exec(url.pathname);
    const accountPath = /^\/test\/accounts\/([^/]+)$/.exec(url.pathname);
    if (interactionPath) {
      interaction(provider, req, res, interactionPath[1]).catch((error) =>
        json(res, 500, { error: String(error?.message ?? error) }),
      );
    } else if (accountPath && req.method === 'PUT') {
      readBody(req)
        .then((body) => {
          accounts.set(accountPath[1], JSON.parse(body));
          json(res, 200, { ok: true });
        })
        .catch((error) => json(res, 400, { error: String(error?.message ?? error) }));
    } else {
      handle(req, res);
    }
  });

  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  createInterface({ input: process.stdin }).on('close', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
