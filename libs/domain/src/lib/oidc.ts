/** Sign-in with a municipality's OpenID Connect provider, besides the local accounts. */

/** One provider the sign-in page offers: `GET /api/auth/oidc/providers`. */
export interface OidcProviderOption {
  /** The slug in `/api/auth/oidc/:id/start`. */
  id: string;
  /** Shown on the button, e.g. "Københavns Kommune". */
  name: string;
}

/**
 * Why an OpenID Connect sign-in was refused: the callback sends the browser back to the sign-in
 * page with `?oidcError=<code>`, which the page shows translated.
 */
export const OIDC_ERROR_CODES = [
  /** The state is missing, forged, used or expired (or the sign-in took over 10 minutes). */
  'state_invalid',
  /** The user (or the provider) declined the sign-in. */
  'denied',
  /** The provider answered with another error. */
  'idp_error',
  /** The provider could not be reached. */
  'unavailable',
  /** The code exchange failed or the ID token did not verify. */
  'token_invalid',
  /** The username claim is missing or unusable. */
  'no_username',
  /** No role claim value maps to a role. */
  'no_role',
  /** No organisation claim value maps to an organisation of the municipality. */
  'no_organisation',
  /** The user is disabled here. */
  'account_disabled',
  /** The username belongs to a user of another municipality. */
  'username_taken',
  /** Anything else. */
  'failed',
] as const;

export type OidcErrorCode = (typeof OIDC_ERROR_CODES)[number];

/** The sign-in page's query parameter carrying an OidcErrorCode. */
export const OIDC_ERROR_PARAM = 'oidcError';

export function isOidcErrorCode(value: unknown): value is OidcErrorCode {
  return typeof value === 'string' && (OIDC_ERROR_CODES as readonly string[]).includes(value);
}
