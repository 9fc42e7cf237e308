import { createHmac, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { type IdTokenExpectations, IdTokenError, type Jwk, verifyIdToken } from './oidc-token';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const otherRsa = generateKeyPairSync('rsa', { modulusLength: 2048 });

const jwk = (key: KeyObject, kid: string): Jwk => ({ ...key.export({ format: 'jwk' }), kid, use: 'sig' });
const KEYS: Jwk[] = [jwk(rsa.publicKey, 'rs'), jwk(ec.publicKey, 'es')];

const NOW = 1_800_000_000;
const expected: IdTokenExpectations = {
  issuer: 'https://idp.example.dk',
  clientId: 'mentor',
  nonce: 'n-0S6_WzA2Mj',
  now: NOW,
  leeway: 60,
};
const baseClaims = {
  iss: expected.issuer,
  aud: 'mentor',
  sub: 'user-1',
  nonce: expected.nonce,
  iat: NOW - 5,
  exp: NOW + 300,
};

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function token(
  claims: Record<string, unknown> = {},
  options: { alg?: string; kid?: string; key?: KeyObject; header?: Record<string, unknown> } = {},
) {
  const alg = options.alg ?? 'RS256';
  const header = { alg, kid: options.kid ?? (alg === 'ES256' ? 'es' : 'rs'), ...options.header };
  const input = `${b64(header)}.${b64({ ...baseClaims, ...claims })}`;
  const key = options.key ?? (alg === 'ES256' ? ec.privateKey : rsa.privateKey);
  const signature =
    alg === 'ES256'
      ? sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' })
      : sign('sha256', Buffer.from(input), key);
  return `${input}.${signature.toString('base64url')}`;
}

const refusal = (value: string, keys = KEYS, expectations = expected) => {
  try {
    verifyIdToken(value, keys, expectations);
  } catch (error) {
    if (error instanceof IdTokenError) return error.message;
    throw error;
  }
  return 'accepted';
};

describe('verifyIdToken', () => {
  it('accepts RS256 and ES256 tokens signed by a key of the provider', () => {
    expect(verifyIdToken(token(), KEYS, expected)).toMatchObject({ sub: 'user-1' });
    expect(verifyIdToken(token({}, { alg: 'ES256' }), KEYS, expected)).toMatchObject({ sub: 'user-1' });
    // Without a kid every key of the right type is tried.
    const withoutKid = [{ ...KEYS[0], kid: undefined }];
    expect(refusal(token({}, { header: { kid: undefined } }), withoutKid)).toBe('accepted');
  });

  it('refuses a token signed by another key, even under the right kid', () => {
    expect(refusal(token({}, { key: otherRsa.privateKey }))).toBe('the signature does not verify');
  });

  it('refuses a changed payload', () => {
    const [header, , signature] = token().split('.');
    const forged = `${header}.${b64({ ...baseClaims, sub: 'admin' })}.${signature}`;
    expect(refusal(forged)).toBe('the signature does not verify');
  });

  it('refuses alg none, HMAC keyed with the public key and unknown algorithms', () => {
    const unsigned = `${b64({ alg: 'none' })}.${b64(baseClaims)}.`;
    expect(refusal(unsigned)).toBe('the algorithm none is not accepted');
    const input = `${b64({ alg: 'HS256', kid: 'rs' })}.${b64(baseClaims)}`;
    const hmac = createHmac('sha256', JSON.stringify(KEYS[0])).update(input).digest('base64url');
    expect(refusal(`${input}.${hmac}`)).toBe('the algorithm HS256 is not accepted');
    expect(refusal(token({}, { header: { crit: ['exp'] } }))).toBe(
      'critical header parameters are not supported',
    );
  });

  it('asks for the keys again when no key matches the kid', () => {
    let error: unknown;
    try {
      verifyIdToken(token({}, { kid: 'rotated' }), KEYS, expected);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(IdTokenError);
    expect((error as IdTokenError).unknownKey).toBe(true);
    // An ES256 header naming the RSA key finds no key either.
    expect(refusal(token({}, { alg: 'ES256', kid: 'rs' }))).toBe('no key of the provider matches the token');
  });

  it('checks issuer, audience and authorised party', () => {
    expect(refusal(token({ iss: 'https://evil.example' }))).toBe('the issuer differs');
    expect(refusal(token({ aud: 'someone-else' }))).toBe('the token is not for this client');
    expect(refusal(token({ aud: ['someone-else', 'mentor'], azp: 'mentor' }))).toBe('accepted');
    expect(refusal(token({ aud: ['someone-else', 'mentor'] }))).toBe('the authorised party differs');
    expect(refusal(token({ azp: 'someone-else' }))).toBe('the authorised party differs');
  });

  it('checks expiry and issue time with leeway', () => {
    expect(refusal(token({ exp: NOW - 30 }))).toBe('accepted');
    expect(refusal(token({ exp: NOW - 61 }))).toBe('the token has expired');
    expect(refusal(token({ exp: undefined }))).toBe('the token has expired');
    expect(refusal(token({ iat: NOW + 30 }))).toBe('accepted');
    expect(refusal(token({ iat: NOW + 120 }))).toBe('the token is issued in the future');
    expect(refusal(token({ nbf: NOW + 120 }))).toBe('the token is not valid yet');
  });

  it('checks the nonce of this sign-in and that there is a subject', () => {
    expect(refusal(token({ nonce: 'another' }))).toBe('the nonce differs');
    expect(refusal(token({ nonce: undefined }))).toBe('the nonce differs');
    expect(refusal(token({ sub: '' }))).toBe('the token names no subject');
  });

  it('refuses what is no JWT', () => {
    expect(refusal('abc')).toBe('not a signed JWT');
    expect(refusal('a.b.c.d')).toBe('not a signed JWT');
    expect(refusal('!!.e30.x')).toBe('the header is not base64url');
    expect(refusal(`${Buffer.from('[1]').toString('base64url')}.e30.x`)).toBe(
      'the header is not a JSON object',
    );
  });
});
