import { inject } from '@angular/core';
import { CanActivateFn, CanMatchFn, Router } from '@angular/router';
import { AuthService } from './auth.service';
import { HOME_URL } from './return-url';

/** Signed-out visitors go to the sign-in page, which brings them back afterwards. */
export const authGuard: CanActivateFn = (_route, state) => {
  if (inject(AuthService).user()) return true;
  return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** The sign-in page is only for signed-out visitors. */
export const guestGuard: CanMatchFn = () => {
  if (!inject(AuthService).user()) return true;
  return inject(Router).parseUrl(HOME_URL);
};
