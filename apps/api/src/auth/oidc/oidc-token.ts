import { createPublicKey, type JsonWebKey, type KeyObject, verify } from 'node:crypto';
import type { Claims } from './oidc-claims';

/** A public key of the provider's JWKS. */
export interface Jwk extends JsonWebKey {
  kid?: string;
  use?: string;
  alg?: string;
}

export interface IdTokenExpectations {
  issuer: string;
  clientId: string;
  nonce: string;
  /** Seconds since the epoch. */
  now: number;
  /** Clock skew allowed on exp, iat and nbf, in seconds. */
  leeway: number;
}

/** Why an ID token was refused; `unknownKey` asks the caller to fetch the JWKS again (key rotation). */
export class IdTokenError extends Error {
  constructor(
    message: string,
    readonly unknownKey = false,
  ) {
    super(message);
  }
}

const ALGORITHMS: Record<string, { kty: string; crv?: string }> = {
  RS256: { kty: 'RSA' },
  ES256: { kty: 'EC', crv: 'P-256' },
};
const BASE64URL = /^[A-Za-z0-9_-]*$/;

function decodePart(part: string, what: string): Claims {
  if (!BASE64URL.test(part)) throw new IdTokenError(`the ${what} is not base64url`);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new IdTokenError(`the ${what} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new IdTokenError(`the ${what} is not a JSON object`);
  return value as Claims;
}

function publicKey(jwk: Jwk): KeyObject | undefined {
  try {
    // Only the public members: a JWKS that also held private ones must not make a private key.
    const { kty, n, e, crv, x, y } = jwk;
    return createPublicKey({ key: { kty, n, e, crv, x, y } as JsonWebKey, format: 'jwk' });
  } catch {
    return undefined;
  }
}

/**
 * Checks an ID token (OpenID Connect Core 3.1.3.7): an RS256 or ES256 signature by one of the
 * provider's keys, the issuer, this client as audience, the times with some leeway, and the nonce
 * of this sign-in. Returns its claims; throws an IdTokenError otherwise.
 */
export function verifyIdToken(token: string, keys: Jwk[], expected: IdTokenExpectations): Claims {
  const parts = token.split('.');
  if (parts.length !== 3) throw new IdTokenError('not a signed JWT');
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodePart(headerPart, 'header');
  const alg = header['alg'];
  const algorithm = typeof alg === 'string' ? ALGORITHMS[alg] : undefined;
  // `none`, HMAC with a public value and anything else are refused.
  if (!algorithm) throw new IdTokenError(`the algorithm ${String(alg)} is not accepted`);
  if (header['crit'] !== undefined) throw new IdTokenError('critical header parameters are not supported');
  if (!BASE64URL.test(signaturePart)) throw new IdTokenError('the signature is not base64url');
  const signature = Buffer.from(signaturePart, 'base64url');
  if (alg === 'ES256' && signature.length !== 64) throw new IdTokenError('the ES256 signature is malformed');

  const kid = header['kid'];
  const candidates = keys.filter(
    (key) =>
      key.kty === algorithm.kty &&
      (algorithm.crv === undefined || key.crv === algorithm.crv) &&
      (key.use === undefined || key.use === 'sig') &&
      (key.alg === undefined || key.alg === alg) &&
      (kid === undefined || key.kid === kid),
  );
  if (candidates.length === 0) throw new IdTokenError('no key of the provider matches the token', true);
  const data = Buffer.from(`${headerPart}.${payloadPart}`);
  const valid = candidates.some((jwk) => {
    const key = publicKey(jwk);
    if (!key) return false;
    return alg === 'ES256'
      ? verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature)
      : verify('sha256', data, key, signature);
  });
  if (!valid) throw new IdTokenError('the signature does not verify');

  const claims = decodePart(payloadPart, 'payload');
  if (claims['iss'] !== expected.issuer) throw new IdTokenError('the issuer differs');
  const aud = claims['aud'];
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (!audiences.includes(expected.clientId)) throw new IdTokenError('the token is not for this client');
  const azp = claims['azp'];
  if ((audiences.length > 1 || azp !== undefined) && azp !== expected.clientId)
    throw new IdTokenError('the authorised party differs');
  const { now, leeway } = expected;
  const exp = claims['exp'];
  if (typeof exp !== 'number' || exp <= now - leeway) throw new IdTokenError('the token has expired');
  const iat = claims['iat'];
  if (typeof iat !== 'number' || iat > now + leeway)
    throw new IdTokenError('the token is issued in the future');
  const nbf = claims['nbf'];
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > now + leeway))
    throw new IdTokenError('the token is not valid yet');
  if (claims['nonce'] !== expected.nonce) throw new IdTokenError('the nonce differs');
  const sub = claims['sub'];
  if (typeof sub !== 'string' || sub.length === 0) throw new IdTokenError('the token names no subject');
  return claims;
}
