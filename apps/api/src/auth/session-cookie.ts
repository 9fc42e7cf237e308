import type { HttpServer } from '@nestjs/common';
import { SESSION_MAX_HOURS } from '@mentor/domain';

export const SESSION_COOKIE = 'mentor_session';

const cookieOptions = (secure: boolean) => ({
  httpOnly: true,
  sameSite: 'strict' as const,
  secure,
  path: '/api',
});

/** The web app's session: httpOnly (no script reads it), SameSite=Strict, API paths only. */
export function setSessionCookie(http: HttpServer, reply: unknown, token: string, secure: boolean) {
  http.setCookie?.(reply, SESSION_COOKIE, token, {
    ...cookieOptions(secure),
    maxAge: SESSION_MAX_HOURS * 3600,
  });
}

export function clearSessionCookie(http: HttpServer, reply: unknown, secure: boolean) {
  http.clearCookie?.(reply, SESSION_COOKIE, cookieOptions(secure));
}

/** One cookie's value from a Cookie header; undefined when absent. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) {
      const value = part.slice(separator + 1).trim();
      return value ? decodeURIComponent(value) : undefined;
    }
  }
  return undefined;
}
