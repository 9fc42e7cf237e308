import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasPermission, type Permission } from '@mentor/domain';
import type { FastifyRequest } from 'fastify';
import { PERMISSION_KEY, PUBLIC_KEY } from './access.decorators';
import {
  ForbiddenByRoleException,
  UnauthenticatedException,
  UndeclaredAccessException,
} from './auth.exception';
import type { AuthenticatedUser } from './authenticated-user';
import { readCookie, SESSION_COOKIE } from './session-cookie';
import { SessionService } from './session.service';
import { enterTenant } from '../database/tenant-context';

/** Reads the session token from `Authorization: Bearer` or, for the web app, the session cookie. */
export function tokenFrom(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1];
  }
  return readCookie(request.headers.cookie, SESSION_COOKIE);
}

/** Global guard: a route is public, or needs a session whose role has the route's permission. Else denied. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission>(PERMISSION_KEY, targets);
    if (!permission) throw new UndeclaredAccessException();

    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
    const token = tokenFrom(request);
    const user = token ? await this.sessions.authenticate(token) : undefined;
    if (!user) throw new UnauthenticatedException();
    if (!hasPermission(user.role, permission)) throw new ForbiddenByRoleException();
    request.user = { ...user, requestId: request.id };
    // From here the request's statements see only the user's municipality's rows.
    enterTenant(user.municipalityId);
    return true;
  }
}
