import {
  createCipheriv,
  createDecipheriv,
  createHash,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/** How long a sign-in at the provider may take, from start to callback. */
export const OIDC_FLOW_SECONDS = 600;
/** The cookie that carries a sign-in from the start to the callback. */
export const OIDC_FLOW_COOKIE = 'mentor_oidc';

/** What the callback must see again: kept in a short-lived, encrypted and authenticated, httpOnly cookie. */
export interface OidcFlow {
  provider: string;
  state: string;
  nonce: string;
  /** The PKCE code verifier. */
  verifier: string;
  redirectUri: string;
  /** Where the web app goes after signing in. */
  returnUrl: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

const random = () => randomBytes(32).toString('base64url');

export function newFlow(provider: string, redirectUri: string, returnUrl: string, now: number): OidcFlow {
  return {
    provider,
    state: random(),
    nonce: random(),
    verifier: random(),
    redirectUri,
    returnUrl,
    expiresAt: now + OIDC_FLOW_SECONDS,
  };
}

/** The PKCE S256 challenge of a verifier (RFC 7636 4.2). */
export function codeChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/**
 * The key that seals a provider's flow cookies, derived from its client secret: every instance of
 * the API has it without another setting, and no other provider's cookie opens with it.
 */
export function flowKey(clientSecret: string, providerId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', clientSecret, providerId, 'mentorsystemet oidc flow cookie', 32));
}

/** AES-256-GCM: nobody reads the verifier or nonce from the cookie, and a changed cookie does not open. */
export function sealFlow(flow: OidcFlow, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(flow), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

/** The flow of a cookie sealed with this key, for this provider and not expired; undefined otherwise. */
export function openFlow(
  value: string | undefined,
  key: Buffer,
  provider: string,
  now: number,
): OidcFlow | undefined {
  if (!value || value.length > 4000 || !/^[A-Za-z0-9_-]+$/.test(value)) return undefined;
  const bytes = Buffer.from(value, 'base64url');
  if (bytes.length < 12 + 16 + 2) return undefined;
  let flow: OidcFlow;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    const json = Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]);
    flow = JSON.parse(json.toString('utf8')) as OidcFlow;
  } catch {
    return undefined;
  }
  if (flow.provider !== provider || typeof flow.expiresAt !== 'number' || flow.expiresAt <= now)
    return undefined;
  return flow;
}

/** Equal texts, compared in constant time. */
export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * A path inside the web app to return to after signing in; `/` for anything else (another site,
 * `//host`, `/\host`, the API, the sign-in page itself).
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 500) return '/';
  // eslint-disable-next-line no-control-regex
  if (!/^\/(?![/\\])/.test(value) || /[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  if (/^\/(api|login)(?:[/?#]|$)/.test(value)) return '/';
  return value;
}
