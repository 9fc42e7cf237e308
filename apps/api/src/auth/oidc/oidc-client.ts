import type { Claims } from './oidc-claims';
import type { OidcProviderConfig } from './oidc-config';
import { OidcFailure } from './oidc.exception';
import { type IdTokenExpectations, IdTokenError, type Jwk, verifyIdToken } from './oidc-token';

interface ProviderMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint?: string;
  token_endpoint_auth_methods_supported?: string[];
}

export interface TokenSet {
  idToken: string;
  accessToken?: string;
}

const TIMEOUT_MS = 10_000;
const METADATA_TTL_MS = 3600_000;
// A token with an unknown key id fetches the JWKS again, at most this often (key rotation).
const JWKS_REFRESH_MIN_MS = 60_000;
const LEEWAY_SECONDS = 60;

/** What the API says to one provider: discovery, keys, the code exchange and userinfo. */
export class OidcProviderClient {
  private metadataCache?: { value: ProviderMetadata; until: number };
  private keysCache?: { keys: Jwk[]; at: number };

  constructor(
    readonly provider: OidcProviderConfig,
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  private async getJson(url: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
    let response: Response;
    try {
      response = await this.fetchFn(url, {
        ...init,
        redirect: 'error',
        signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: { accept: 'application/json', ...(init.headers as Record<string, string>) },
      });
    } catch {
      throw new OidcFailure('unavailable', `no answer from ${new URL(url).origin}`);
    }
    const text = await response.text().catch(() => '');
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    return { status: response.status, body };
  }

  /** The discovery document, checked to name this issuer (OpenID Connect Discovery 4.3). */
  async metadata(): Promise<ProviderMetadata> {
    if (this.metadataCache && this.metadataCache.until > Date.now()) return this.metadataCache.value;
    const issuer = this.provider.issuer.replace(/\/$/, '');
    const { status, body } = await this.getJson(`${issuer}/.well-known/openid-configuration`);
    const doc = body as Partial<ProviderMetadata> | undefined;
    if (status !== 200 || !doc) throw new OidcFailure('unavailable', `discovery answered ${status}`);
    if (doc.issuer !== this.provider.issuer)
      throw new OidcFailure('unavailable', 'discovery names another issuer');
    for (const field of ['authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const)
      if (typeof doc[field] !== 'string') throw new OidcFailure('unavailable', `discovery lacks ${field}`);
    const value = doc as ProviderMetadata;
    this.metadataCache = { value, until: Date.now() + METADATA_TTL_MS };
    return value;
  }

  private async keys(refresh: boolean): Promise<Jwk[]> {
    const cached = this.keysCache;
    if (cached && (!refresh || Date.now() - cached.at < JWKS_REFRESH_MIN_MS)) return cached.keys;
    const { jwks_uri } = await this.metadata();
    const { status, body } = await this.getJson(jwks_uri);
    const keys = (body as { keys?: unknown } | undefined)?.keys;
    if (status !== 200 || !Array.isArray(keys))
      throw new OidcFailure('unavailable', `JWKS answered ${status}`);
    const valid = keys.filter((k): k is Jwk => typeof k === 'object' && k !== null && !Array.isArray(k));
    this.keysCache = { keys: valid, at: Date.now() };
    return valid;
  }

  /** The authorization request URL (authorization code flow with PKCE S256). */
  async authorizationUrl(params: {
    state: string;
    nonce: string;
    codeChallenge: string;
    redirectUri: string;
  }): Promise<string> {
    const url = new URL((await this.metadata()).authorization_endpoint);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', this.provider.clientId);
    url.searchParams.set('redirect_uri', params.redirectUri);
    url.searchParams.set('scope', this.provider.scopes.join(' '));
    url.searchParams.set('state', params.state);
    url.searchParams.set('nonce', params.nonce);
    url.searchParams.set('code_challenge', params.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
    return url.toString();
  }

  /** Exchanges the code at the token endpoint, authenticating with the client secret. */
  async exchange(code: string, redirectUri: string, verifier: string): Promise<TokenSet> {
    const metadata = await this.metadata();
    const form = new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    const methods = metadata.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
    if (methods.includes('client_secret_basic') || !methods.includes('client_secret_post')) {
      // RFC 6749 2.3.1: both parts form-encoded before Basic.
      const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
      const credentials = `${encode(this.provider.clientId)}:${encode(this.provider.clientSecret)}`;
      headers['authorization'] = `Basic ${Buffer.from(credentials).toString('base64')}`;
    } else {
      form.set('client_id', this.provider.clientId);
      form.set('client_secret', this.provider.clientSecret);
    }
    const { status, body } = await this.getJson(metadata.token_endpoint, {
      method: 'POST',
      headers,
      body: form.toString(),
    });
    const tokens = body as { id_token?: unknown; access_token?: unknown; error?: unknown } | undefined;
    if (status !== 200 || typeof tokens?.id_token !== 'string') {
      const error = typeof tokens?.error === 'string' ? tokens.error.slice(0, 60) : 'no ID token';
      throw new OidcFailure(
        status >= 500 ? 'unavailable' : 'token_invalid',
        `token endpoint: ${status} ${error}`,
      );
    }
    return {
      idToken: tokens.id_token,
      ...(typeof tokens.access_token === 'string' ? { accessToken: tokens.access_token } : {}),
    };
  }

  /** The ID token's claims, verified against the provider's keys (fetched again once for a new key). */
  async verify(idToken: string, nonce: string): Promise<Claims> {
    const expected: IdTokenExpectations = {
      issuer: this.provider.issuer,
      clientId: this.provider.clientId,
      nonce,
      now: Math.floor(Date.now() / 1000),
      leeway: LEEWAY_SECONDS,
    };
    try {
      try {
        return verifyIdToken(idToken, await this.keys(false), expected);
      } catch (error) {
        if (!(error instanceof IdTokenError) || !error.unknownKey) throw error;
        return verifyIdToken(idToken, await this.keys(true), expected);
      }
    } catch (error) {
      if (error instanceof IdTokenError) throw new OidcFailure('token_invalid', `ID token: ${error.message}`);
      throw error;
    }
  }

  /** Claims from the userinfo endpoint, for the same subject (OpenID Connect Core 5.3.2); none when there is none. */
  async userinfo(accessToken: string | undefined, sub: unknown): Promise<Claims> {
    const endpoint = (await this.metadata()).userinfo_endpoint;
    if (!endpoint || !accessToken) return {};
    const { status, body } = await this.getJson(endpoint, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    const claims = body as Claims | undefined;
    if (status !== 200 || typeof claims !== 'object' || claims === null || Array.isArray(claims))
      throw new OidcFailure(status >= 500 ? 'unavailable' : 'token_invalid', `userinfo answered ${status}`);
    if (claims['sub'] !== sub) throw new OidcFailure('token_invalid', 'userinfo names another subject');
    return claims;
  }
}
