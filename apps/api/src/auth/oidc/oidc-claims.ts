import { type OidcErrorCode, type Role, USERNAME_MAX_LENGTH } from '@mentor/domain';
import type { OidcProviderConfig } from './oidc-config';

export type Claims = Record<string, unknown>;

/** Who the claims say the user is, in our terms. */
export interface MappedUser {
  /** Lower-case, as local usernames are stored. */
  username: string;
  name: string;
  role: Role;
  /** The configured organisation id or name, resolved in the municipality at sign-in. */
  organisation: string;
}

export type ClaimMapping = { ok: true; user: MappedUser } | { ok: false; code: OidcErrorCode };

const NAME_MAX_LENGTH = 200;
// Letters, digits and the punctuation of e-mail addresses and down-level names (DOMAIN\user).
const USERNAME = /^[\p{L}\p{N}._@+\\-]+$/u;

/**
 * A claim by its name; a name with dots that is no claim of its own is read as a path into nested
 * claims (`realm_access.roles`).
 */
export function claimValue(claims: Claims, name: string): unknown {
  if (Object.hasOwn(claims, name)) return claims[name];
  if (!name.includes('.')) return undefined;
  let value: unknown = claims;
  for (const part of name.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, part))
      return undefined;
    value = (value as Claims)[part];
  }
  return value;
}

/** A claim's text values: one string, or the strings of an array. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** The first configured entry whose claim value the user has (the configuration's order decides). */
function firstMatch<T>(entries: [string, T][], values: string[]): T | undefined {
  return entries.find(([claim]) => values.includes(claim))?.[1];
}

/** The user's username, name, role and organisation from verified claims, by the provider's configuration. */
export function mapClaims(provider: OidcProviderConfig, claims: Claims): ClaimMapping {
  const rawUsername = claimValue(claims, provider.usernameClaim);
  const username = typeof rawUsername === 'string' ? rawUsername.trim().toLowerCase() : '';
  if (!username || username.length > USERNAME_MAX_LENGTH || !USERNAME.test(username))
    return { ok: false, code: 'no_username' };

  const role = firstMatch(provider.roles, texts(claimValue(claims, provider.roleClaim)));
  if (!role) return { ok: false, code: 'no_role' };
  const organisation = firstMatch(
    provider.organisations,
    texts(claimValue(claims, provider.organisationClaim)),
  );
  if (!organisation) return { ok: false, code: 'no_organisation' };

  return { ok: true, user: { username, name: displayName(provider, claims, username), role, organisation } };
}

/** The name claim, else given and family name, else the username; without control characters. */
function displayName(provider: OidcProviderConfig, claims: Claims, username: string): string {
  const clean = (value: unknown) =>
    typeof value === 'string'
      ? value
          // eslint-disable-next-line no-control-regex
          .replace(/[\u0000-\u001f\u007f]/g, ' ')
          .replace(/\s+/g, ' ')
          .trim()
      : '';
  const name =
    clean(claimValue(claims, provider.nameClaim)) ||
    [clean(claims['given_name']), clean(claims['family_name'])].filter(Boolean).join(' ') ||
    username;
  return [...name].slice(0, NAME_MAX_LENGTH).join('');
}

/** The claims the mapping reads, to tell whether the ID token holds them or the userinfo endpoint must be asked. */
export function mappedClaimsPresent(provider: OidcProviderConfig, claims: Claims): boolean {
  return [provider.usernameClaim, provider.roleClaim, provider.organisationClaim].every(
    (name) => claimValue(claims, name) !== undefined,
  );
}
