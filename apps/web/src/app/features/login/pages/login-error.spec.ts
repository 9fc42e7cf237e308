import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OIDC_ERROR_CODES } from '@mentor/domain';
import { loginErrorMessage, oidcErrorMessage, retryAfterMinutes } from './login-error';

const httpError = (status: number, headers?: Record<string, string>) =>
  new HttpErrorResponse({ status, headers: new HttpHeaders(headers) });

describe('loginErrorMessage', () => {
  it('reports wrong credentials on 401', () => {
    expect(loginErrorMessage(httpError(401))).toEqual({ key: 'login.errors.invalidCredentials' });
  });

  it('reports the wait in minutes on 429, rounded up', () => {
    expect(loginErrorMessage(httpError(429, { 'Retry-After': '600' }))).toEqual({
      key: 'login.errors.tooManyAttemptsMinutes',
      params: { minutes: 10 },
    });
    expect(loginErrorMessage(httpError(429, { 'Retry-After': '30' }))).toEqual({
      key: 'login.errors.tooManyAttemptsOneMinute',
    });
    expect(loginErrorMessage(httpError(429))).toEqual({ key: 'login.errors.tooManyAttempts' });
  });

  it('falls back to a generic message', () => {
    expect(loginErrorMessage(httpError(0))).toEqual({ key: 'login.errors.generic' });
    expect(loginErrorMessage(httpError(500))).toEqual({ key: 'login.errors.generic' });
    expect(loginErrorMessage(new Error('boom'))).toEqual({ key: 'login.errors.generic' });
  });
});

describe('retryAfterMinutes', () => {
  it('parses whole seconds only', () => {
    expect(retryAfterMinutes('61')).toBe(2);
    expect(retryAfterMinutes('0')).toBe(1);
    expect(retryAfterMinutes('soon')).toBeNull();
    expect(retryAfterMinutes(null)).toBeNull();
  });
});

describe('oidcErrorMessage', () => {
  it('has a message for every code the API sends', () => {
    expect(oidcErrorMessage('no_role')).toEqual({ key: 'login.oidcErrors.noRole' });
    expect(oidcErrorMessage('state_invalid')).toEqual({ key: 'login.oidcErrors.stateInvalid' });
    const keys = OIDC_ERROR_CODES.map((code) => oidcErrorMessage(code)?.key);
    expect(new Set(keys).size).toBe(OIDC_ERROR_CODES.length);
    for (const lang of ['da', 'en']) {
      const dictionary = JSON.parse(
        readFileSync(join(__dirname, '../../../../../public/i18n', `${lang}.json`), 'utf8'),
      );
      for (const key of keys)
        expect({ lang, key, text: typeof key?.split('.').reduce((n, p) => n?.[p], dictionary) }).toEqual({
          lang,
          key,
          text: 'string',
        });
    }
  });

  it('says a generic sentence for an unknown code and nothing without one', () => {
    expect(oidcErrorMessage('<script>')).toEqual({ key: 'login.oidcErrors.failed' });
    expect(oidcErrorMessage(undefined)).toBeNull();
    expect(oidcErrorMessage('')).toBeNull();
  });
});
