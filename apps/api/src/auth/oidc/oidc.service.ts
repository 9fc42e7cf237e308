import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OidcProviderOption, Role } from '@mentor/domain';
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { AppConfig } from '../../config/app-config';
import { SessionService } from '../session.service';
import { type Claims, type MappedUser, mapClaims, mappedClaimsPresent } from './oidc-claims';
import { OidcProviderClient } from './oidc-client';
import type { OidcProviderConfig } from './oidc-config';
import { codeChallenge, flowKey, newFlow, openFlow, sameText, sealFlow } from './oidc-flow';
import { OidcFailure } from './oidc.exception';

/**
 * The password hash of a user the provider made: no PHC string, so argon2 never verifies a
 * password against it and local sign-in never works for that user.
 */
export const OIDC_NO_PASSWORD = '!oidc';
// Used states are remembered (per instance) until their flow would have expired anyway.
const USED_STATES_MAX = 10_000;

interface UserRow {
  id: string;
  municipality_id: string;
  organisation_id: string;
  role: Role;
  name: string;
  active: boolean;
}

export interface SignedIn {
  token: string;
  returnUrl: string;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Sign-in with a municipality's OpenID Connect provider: the authorization code flow with PKCE,
 * state and nonce; the user is found, made or updated in the provider's municipality from the
 * claims, and gets a session exactly as a local sign-in does.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('Oidc');
  private readonly clients: Map<string, OidcProviderClient>;
  private readonly usedStates = new Map<string, number>();

  constructor(
    @Inject(AppConfig) config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {
    this.clients = new Map(config.oidcProviders.map((p) => [p.id, new OidcProviderClient(p)]));
  }

  /** The providers for the sign-in page, in the configured order. */
  providers(): OidcProviderOption[] {
    return [...this.clients.values()].map(({ provider }) => ({ id: provider.id, name: provider.name }));
  }

  provider(id: string): OidcProviderConfig | undefined {
    return this.clients.get(id)?.provider;
  }

  private client(id: string): OidcProviderClient {
    const client = this.clients.get(id);
    if (!client) throw new Error(`unknown provider ${id}`);
    return client;
  }

  /** Where to send the browser, and the signed flow cookie to set. */
  async start(
    providerId: string,
    origin: string,
    returnUrl: string,
  ): Promise<{ location: string; cookie: string }> {
    const client = this.client(providerId);
    const { provider } = client;
    const redirectUri = provider.redirectUri ?? `${origin}/api/auth/oidc/${provider.id}/callback`;
    const flow = newFlow(provider.id, redirectUri, returnUrl, nowSeconds());
    const location = await client.authorizationUrl({
      state: flow.state,
      nonce: flow.nonce,
      codeChallenge: codeChallenge(flow.verifier),
      redirectUri,
    });
    return { location, cookie: sealFlow(flow, flowKey(provider.clientSecret, provider.id)) };
  }

  /** Completes a sign-in from the provider's redirect; throws an OidcFailure when it is refused. */
  async callback(
    providerId: string,
    query: Record<string, unknown>,
    cookie: string | undefined,
    requestId?: string,
  ): Promise<SignedIn> {
    const client = this.client(providerId);
    const { provider } = client;
    const now = nowSeconds();
    const flow = openFlow(cookie, flowKey(provider.clientSecret, provider.id), provider.id, now);
    if (!flow) throw new OidcFailure('state_invalid', 'no valid flow cookie');
    const state = query['state'];
    if (typeof state !== 'string' || !sameText(state, flow.state))
      throw new OidcFailure('state_invalid', 'the state differs from the flow');
    this.useState(state, flow.expiresAt, now);

    // RFC 9207: a provider that names itself must name the one this sign-in went to (mix-up attacks).
    if (query['iss'] !== undefined && query['iss'] !== provider.issuer)
      throw new OidcFailure('state_invalid', 'the response names another issuer');
    const error = query['error'];
    if (error !== undefined) {
      const code = typeof error === 'string' ? error.slice(0, 60) : 'malformed';
      throw new OidcFailure(code === 'access_denied' ? 'denied' : 'idp_error', `provider error ${code}`);
    }
    const code = query['code'];
    if (typeof code !== 'string' || code.length === 0 || code.length > 2000)
      throw new OidcFailure('idp_error', 'the response has no code');

    const tokens = await client.exchange(code, flow.redirectUri, flow.verifier);
    let claims: Claims = await client.verify(tokens.idToken, flow.nonce);
    if (!mappedClaimsPresent(provider, claims)) {
      // Some providers (and oidc-provider by default) give profile claims only at userinfo.
      claims = { ...(await client.userinfo(tokens.accessToken, claims['sub'])), ...claims };
    }
    const mapping = mapClaims(provider, claims);
    if (!mapping.ok) throw new OidcFailure(mapping.code, `claims refused: ${mapping.code}`);

    const user = await this.findOrProvision(provider, mapping.user, requestId);
    const { token } = await this.sessions.create(user.id, user.municipalityId);
    return { token, returnUrl: flow.returnUrl };
  }

  /** A state is good for one callback: a replayed callback (same cookie and state) is refused. */
  private useState(state: string, expiresAt: number, now: number) {
    const key = createHash('sha256').update(state).digest('base64url');
    if (this.usedStates.has(key)) throw new OidcFailure('state_invalid', 'the state was used before');
    if (this.usedStates.size >= USED_STATES_MAX) {
      for (const [used, until] of this.usedStates) if (until <= now) this.usedStates.delete(used);
      // Map keeps insertion order: still full means many live flows; the oldest go first.
      for (const used of this.usedStates.keys()) {
        if (this.usedStates.size < USED_STATES_MAX) break;
        this.usedStates.delete(used);
      }
    }
    this.usedStates.set(key, expiresAt);
  }

  /**
   * The user of this username in the provider's municipality: made when new (with an unusable
   * password), updated when the claims changed role, organisation or name, refused when disabled or
   * when the username belongs to another municipality. Audited as `auth.oidc_sign_in`.
   */
  private async findOrProvision(provider: OidcProviderConfig, mapped: MappedUser, requestId?: string) {
    const attempt = () => this.db.transaction((tx) => this.provisionIn(tx, provider, mapped, requestId));
    try {
      return await attempt();
    } catch (error) {
      // Two first sign-ins of one user at once: the other made the user, so find it now.
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23505') return attempt();
      throw error;
    }
  }

  private async provisionIn(
    tx: EntityManager,
    provider: OidcProviderConfig,
    mapped: MappedUser,
    requestId?: string,
  ) {
    const [municipality] = await tx.query<{ id: string }[]>('SELECT id FROM municipality WHERE code = $1', [
      provider.municipalityCode,
    ]);
    if (!municipality)
      throw new OidcFailure('failed', `no municipality with code ${provider.municipalityCode}`);
    // An id or a name; the id wins should a name look like another organisation's id.
    const [organisation] = await tx.query<{ id: string }[]>(
      `SELECT id FROM organisation WHERE municipality_id = $1 AND (id::text = $2 OR name = $2)
        ORDER BY (id::text = $2) DESC LIMIT 1`,
      [municipality.id, mapped.organisation],
    );
    if (!organisation)
      throw new OidcFailure('no_organisation', 'the configured organisation is not in the municipality');

    // Usernames are unique across municipalities (sign-in happens before the tenant is known).
    const [existing] = await tx.query<UserRow[]>(
      `SELECT id, municipality_id, organisation_id, role, name, active FROM app_user
        WHERE username = $1 FOR UPDATE`,
      [mapped.username],
    );
    if (existing && existing.municipality_id !== municipality.id)
      throw new OidcFailure('username_taken', 'the username belongs to another municipality');
    if (existing && !existing.active) throw new OidcFailure('account_disabled', 'the user is disabled');

    let id: string;
    const changed: string[] = [];
    if (!existing) {
      [{ id }] = await tx.query<{ id: string }[]>(
        `INSERT INTO app_user (municipality_id, organisation_id, username, name, role, password_hash, version)
         VALUES ($1, $2, $3, $4, $5, $6, 1) RETURNING id`,
        [municipality.id, organisation.id, mapped.username, mapped.name, mapped.role, OIDC_NO_PASSWORD],
      );
    } else {
      id = existing.id;
      if (existing.role !== mapped.role) changed.push('role');
      if (existing.organisation_id !== organisation.id) changed.push('organisation');
      if (existing.name !== mapped.name) changed.push('name');
      if (changed.length > 0) {
        await tx.query(
          `UPDATE app_user SET role = $3, organisation_id = $4, name = $5, version = version + 1, updated_at = now()
            WHERE municipality_id = $1 AND id = $2`,
          [municipality.id, id, mapped.role, organisation.id, mapped.name],
        );
      }
      if (changed.includes('organisation')) {
        // A mentor's workforce profile belongs to the mentor's organisation.
        await tx.query(
          `UPDATE mentor_profile SET organisation_id = $3, updated_at = now()
            WHERE municipality_id = $1 AND mentor_id = $2`,
          [municipality.id, id, organisation.id],
        );
      }
    }
    const user = {
      id,
      municipalityId: municipality.id,
      organisationId: organisation.id,
      role: mapped.role,
      name: mapped.name,
    };
    await this.audit.record(
      { ...user, sessionId: '', requestId },
      {
        action: 'auth.oidc_sign_in',
        entityType: 'app_user',
        entityId: id,
        details: { provider: provider.id, provisioned: !existing, changed },
      },
      tx,
    );
    return user;
  }

  /** Logs a refused sign-in: the reason and the provider, never who. */
  logRefusal(providerId: string, failure: OidcFailure) {
    this.logger.warn(`OIDC sign-in with ${providerId} refused (${failure.code}): ${failure.message}`);
  }
}
