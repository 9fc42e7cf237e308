import { HttpErrorResponse } from '@angular/common/http';
import { isOidcErrorCode, OidcErrorCode } from '@mentor/domain';
import { TranslationParams } from '../../../core/i18n/i18n.service';

/** A translation key (with parameters) describing why sign-in failed. */
export interface LoginErrorMessage {
  readonly key: string;
  readonly params?: TranslationParams;
}

/** Maps a failed sign-in to a message: wrong credentials, rate limited (with minutes), or generic. */
export function loginErrorMessage(error: unknown): LoginErrorMessage {
  if (!(error instanceof HttpErrorResponse)) return { key: 'login.errors.generic' };
  if (error.status === 401) return { key: 'login.errors.invalidCredentials' };
  if (error.status === 429) {
    const minutes = retryAfterMinutes(error.headers.get('Retry-After'));
    if (minutes === null) return { key: 'login.errors.tooManyAttempts' };
    if (minutes === 1) return { key: 'login.errors.tooManyAttemptsOneMinute' };
    return { key: 'login.errors.tooManyAttemptsMinutes', params: { minutes } };
  }
  return { key: 'login.errors.generic' };
}

/** `Retry-After` in whole minutes, rounded up; null when absent or not a number of seconds. */
export function retryAfterMinutes(header: string | null): number | null {
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Math.max(1, Math.ceil(Number(header.trim()) / 60));
}

const OIDC_ERROR_KEYS: Record<OidcErrorCode, string> = {
  state_invalid: 'login.oidcErrors.stateInvalid',
  denied: 'login.oidcErrors.denied',
  idp_error: 'login.oidcErrors.idpError',
  unavailable: 'login.oidcErrors.unavailable',
  token_invalid: 'login.oidcErrors.tokenInvalid',
  no_username: 'login.oidcErrors.noUsername',
  no_role: 'login.oidcErrors.noRole',
  no_organisation: 'login.oidcErrors.noOrganisation',
  account_disabled: 'login.oidcErrors.accountDisabled',
  username_taken: 'login.oidcErrors.usernameTaken',
  failed: 'login.oidcErrors.failed',
};

/** Why a sign-in with an OpenID Connect provider was refused (`?oidcError=` from the API); null without one. */
export function oidcErrorMessage(code: string | undefined): LoginErrorMessage | null {
  if (!code) return null;
  return { key: OIDC_ERROR_KEYS[isOidcErrorCode(code) ? code : 'failed'] };
}
