import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { loginErrorMessage, retryAfterMinutes } from './login-error';

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
