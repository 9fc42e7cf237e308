import { isRole, type Role } from '@mentor/domain';
import { readFileSync } from 'node:fs';

/** One OpenID Connect provider a municipality's staff sign in with (an entry of OIDC_PROVIDERS). */
export interface OidcProviderConfig {
  /** Slug in the URLs: `/api/auth/oidc/<id>/start`. */
  id: string;
  /** Shown on the sign-in button. */
  name: string;
  /** The issuer identifier; discovery is read from `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The municipality (kommunekode) whose users this provider signs in. */
  municipalityCode: number;
  usernameClaim: string;
  nameClaim: string;
  roleClaim: string;
  /** Claim value → role, in the configured order: the first value the user has wins. */
  roles: [string, Role][];
  organisationClaim: string;
  /** Claim value → organisation id or name in the municipality, first match wins. */
  organisations: [string, string][];
  scopes: string[];
  /** Fixed redirect URI; by default `<origin of the request>/api/auth/oidc/<id>/callback`. */
  redirectUri?: string;
}

export class OidcConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`OIDC_PROVIDERS: ${problems.join('; ')}`);
  }
}

const KEYS = [
  'id',
  'name',
  'issuer',
  'clientId',
  'clientSecret',
  'municipalityCode',
  'usernameClaim',
  'nameClaim',
  'roleClaim',
  'roles',
  'organisationClaim',
  'organisations',
  'scopes',
  'redirectUri',
];
const ID = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
// RFC 6749 scope-token characters.
const SCOPE = /^[\x21\x23-\x5B\x5D-\x7E]+$/;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An https URL, or http on the loopback interface (a provider on the same machine, tests). */
function isProviderUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    if (url.search || url.hash || url.username || url.password) return false;
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  } catch {
    return false;
  }
}

const isText = (value: unknown, max = 200): value is string =>
  typeof value === 'string' && value.trim().length > 0 && value.length <= max;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * OIDC_PROVIDERS as providers: a JSON array, or (when the value does not start with `[` or `{`) the path
 * of a file holding one. Throws an OidcConfigError naming every problem; unset means none.
 */
export function parseOidcProviders(
  value: string | undefined,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): OidcProviderConfig[] {
  if (value === undefined || value.trim() === '') return [];
  let text = value.trim();
  // JSON starts with `[` (or `{`, which is refused below); anything else is a file's path.
  if (!/^[[{]/.test(text)) {
    try {
      text = readFile(text);
    } catch {
      // The path only: the value could hold a secret pasted by mistake.
      throw new OidcConfigError([
        text.length <= 300 && !/\s/.test(text) ? `cannot read the file ${text}` : 'cannot read the file',
      ]);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new OidcConfigError(['is not valid JSON']);
  }
  if (!Array.isArray(parsed)) throw new OidcConfigError(['must be a JSON array of providers']);

  const problems: string[] = [];
  const providers: OidcProviderConfig[] = [];
  parsed.forEach((entry: unknown, index) => {
    const before = problems.length;
    const problem = (field: string, message: string) => problems.push(`[${index}].${field} ${message}`);
    if (!isPlainObject(entry)) {
      problems.push(`[${index}] must be an object`);
      return;
    }
    for (const key of Object.keys(entry)) if (!KEYS.includes(key)) problem(key, 'is not a known field');
    const e = entry;
    if (typeof e['id'] !== 'string' || !ID.test(e['id']))
      problem('id', 'must be a slug: a-z, 0-9 and -, up to 40 characters');
    else if (parsed.slice(0, index).some((other) => isPlainObject(other) && other['id'] === e['id']))
      problem('id', 'is used twice');
    if (!isText(e['name'], 100)) problem('name', 'must be a text of up to 100 characters');
    if (!isProviderUrl(e['issuer']))
      problem('issuer', 'must be an https URL (http only on localhost) without query or fragment');
    if (!isText(e['clientId'], 500)) problem('clientId', 'must be a non-empty text');
    if (!isText(e['clientSecret'], 2000)) problem('clientSecret', 'must be a non-empty text');
    const code = e['municipalityCode'];
    if (typeof code !== 'number' || !Number.isInteger(code) || code < 1 || code > 999)
      problem('municipalityCode', 'must be a municipality code (a whole number from 1 to 999)');
    for (const field of ['usernameClaim', 'nameClaim'])
      if (e[field] !== undefined && !isText(e[field], 200)) problem(field, 'must be a claim name');
    for (const field of ['roleClaim', 'organisationClaim'])
      if (!isText(e[field], 200)) problem(field, 'must be a claim name');
    const roles = isPlainObject(e['roles']) ? Object.entries(e['roles']) : [];
    if (roles.length === 0) problem('roles', 'must map at least one claim value to a role');
    for (const [claim, role] of roles)
      if (!isRole(role)) problem(`roles.${claim}`, 'must be one of mentor, caseworker, team_leader or admin');
    const organisations = isPlainObject(e['organisations']) ? Object.entries(e['organisations']) : [];
    if (organisations.length === 0)
      problem('organisations', 'must map at least one claim value to an organisation id or name');
    for (const [claim, organisation] of organisations)
      if (!isText(organisation, 200)) problem(`organisations.${claim}`, 'must be an organisation id or name');
    const scopes = e['scopes'];
    if (
      scopes !== undefined &&
      (!Array.isArray(scopes) || !scopes.every((s) => typeof s === 'string' && SCOPE.test(s)))
    )
      problem('scopes', 'must be an array of scope names');
    if (e['redirectUri'] !== undefined && !isProviderUrl(e['redirectUri']))
      problem('redirectUri', 'must be an https URL (http only on localhost)');
    if (problems.length > before) return;

    const configuredScopes = (scopes as string[] | undefined) ?? ['openid', 'profile'];
    providers.push({
      id: e['id'] as string,
      name: (e['name'] as string).trim(),
      issuer: e['issuer'] as string,
      clientId: e['clientId'] as string,
      clientSecret: e['clientSecret'] as string,
      municipalityCode: code as number,
      usernameClaim: (e['usernameClaim'] as string | undefined) ?? 'preferred_username',
      nameClaim: (e['nameClaim'] as string | undefined) ?? 'name',
      roleClaim: e['roleClaim'] as string,
      roles: roles as [string, Role][],
      organisationClaim: e['organisationClaim'] as string,
      organisations: organisations.map(([claim, organisation]) => [claim, (organisation as string).trim()]),
      // Without `openid` it is no OpenID Connect request.
      scopes: configuredScopes.includes('openid') ? configuredScopes : ['openid', ...configuredScopes],
      ...(e['redirectUri'] ? { redirectUri: e['redirectUri'] as string } : {}),
    });
  });
  if (problems.length > 0) throw new OidcConfigError(problems);
  return providers;
}
