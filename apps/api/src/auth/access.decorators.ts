import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Permission } from '@mentor/domain';
import type { AuthenticatedUser } from './authenticated-user';
import { SESSION_COOKIE } from './session-cookie';

export const PUBLIC_KEY = 'access:public';
export const PERMISSION_KEY = 'access:permission';

/** Anyone may call the route, signed in or not. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only a signed-in user whose role grants the permission may call the route. */
export const RequirePermission = (permission: Permission) =>
  applyDecorators(
    SetMetadata(PERMISSION_KEY, permission),
    ApiBearerAuth(),
    ApiCookieAuth(SESSION_COOKIE),
    ApiUnauthorizedResponse({ description: 'No valid session.' }),
    ApiForbiddenResponse({ description: `The role lacks the permission \`${permission}\`.` }),
  );

/** The signed-in user, set by the AccessGuard. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => {
    const request = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>();
    if (!request.user) throw new Error('CurrentUser used on a route without RequirePermission');
    return request.user;
  },
);
