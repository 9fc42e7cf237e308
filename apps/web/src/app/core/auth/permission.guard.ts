import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { hasPermission, Permission } from '@mentor/domain';
import { AuthService } from './auth.service';
import { HOME_URL } from './return-url';

/** Route data key naming the one permission a route requires. */
export const PERMISSION_DATA_KEY = 'permission';

/**
 * Lets the route through when the user's role has the permission in `data.permission`;
 * otherwise back home. The API checks again: this only keeps the UI honest.
 */
export const permissionGuard: CanActivateFn = (route) => {
  const permission = route.data[PERMISSION_DATA_KEY] as Permission | undefined;
  const user = inject(AuthService).user();
  if (user && permission && hasPermission(user.role, permission)) return true;
  return inject(Router).parseUrl(HOME_URL);
};
