import { currentTenant, runInTenantScope, SYSTEM_SCOPE } from '../database/tenant-context';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Permission, Role } from '@mentor/domain';
import { PERMISSION_KEY, PUBLIC_KEY } from './access.decorators';
import { AccessGuard, tokenFrom } from './access.guard';
import type { SessionService } from './session.service';
import { readCookie } from './session-cookie';

function contextFor(handler: object, request: object): ExecutionContext {
  return {
    getHandler: () => handler,
    getClass: () => class {},
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

const user = {
  sessionId: 's',
  id: 'u',
  role: Role.Mentor,
  organisationId: 'o',
  municipalityId: 'm',
  name: 'N',
};

describe('AccessGuard', () => {
  const sessions = { authenticate: jest.fn(async (token: string) => (token === 'good' ? user : undefined)) };
  const guard = new AccessGuard(new Reflector(), sessions as unknown as SessionService);
  const handler = (metadata: Record<string, unknown>) => {
    const fn = () => undefined;
    for (const [key, value] of Object.entries(metadata)) Reflect.defineMetadata(key, value, fn);
    return fn;
  };

  it('denies a route that declares no access, even with a valid session', async () => {
    const request = { headers: { authorization: 'Bearer good' } };
    await expect(guard.canActivate(contextFor(handler({}), request))).rejects.toMatchObject({
      init: { status: 403 },
    });
  });

  it('lets anyone call a public route', async () => {
    await expect(
      guard.canActivate(contextFor(handler({ [PUBLIC_KEY]: true }), { headers: {} })),
    ).resolves.toBe(true);
  });

  it('answers 401 without a valid session and 403 without the permission', async () => {
    const own = handler({ [PERMISSION_KEY]: Permission.SessionOwn });
    const users = handler({ [PERMISSION_KEY]: Permission.UsersRead });
    await expect(guard.canActivate(contextFor(own, { headers: {} }))).rejects.toMatchObject({
      init: { status: 401 },
    });
    await expect(
      guard.canActivate(contextFor(own, { headers: { authorization: 'Bearer bad' } })),
    ).rejects.toMatchObject({
      init: { status: 401 },
    });
    await expect(
      guard.canActivate(contextFor(users, { headers: { authorization: 'Bearer good' } })),
    ).rejects.toMatchObject({
      init: { status: 403 },
    });
    const request: { id: string; headers: object; user?: unknown } = {
      id: 'req-1',
      headers: { authorization: 'Bearer good' },
    };
    await runInTenantScope(async () => {
      expect(currentTenant()).toBe(SYSTEM_SCOPE);
      await expect(guard.canActivate(contextFor(own, request))).resolves.toBe(true);
      // The rest of the request sees only the user's municipality.
      expect(currentTenant()).toBe(user.municipalityId);
    });
    expect(request.user).toEqual({ ...user, requestId: 'req-1' });
  });
});

describe('session token sources', () => {
  it('prefers the Authorization header and falls back to the cookie', () => {
    expect(
      tokenFrom({ headers: { authorization: 'Bearer abc', cookie: 'mentor_session=xyz' } } as never),
    ).toBe('abc');
    expect(tokenFrom({ headers: { cookie: 'a=1; mentor_session=xyz' } } as never)).toBe('xyz');
    expect(tokenFrom({ headers: { authorization: 'Basic abc' } } as never)).toBeUndefined();
    expect(tokenFrom({ headers: {} } as never)).toBeUndefined();
  });

  it('reads one cookie from a header', () => {
    expect(readCookie('a=1; b=two%20words', 'b')).toBe('two words');
    expect(readCookie('ab=1', 'a')).toBeUndefined();
    expect(readCookie(undefined, 'a')).toBeUndefined();
  });
});
