import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { AuthService, SKIP_SESSION_EXPIRED } from './auth.service';

const LOGIN_URL = '/api/auth/login';

function isApiUrl(url: string): boolean {
  const path = url.replace(/^https?:\/\/[^/]+/, '');
  return path === '/api' || path.startsWith('/api/');
}

/**
 * A 401 from the API means the session ended (idle timeout, sign-out elsewhere): forget the
 * user and send them to sign in again, coming back to where they were.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return next(req).pipe(
    catchError((error: unknown) => {
      const expired =
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        isApiUrl(req.url) &&
        !req.url.split('?')[0].endsWith(LOGIN_URL) &&
        !req.context.get(SKIP_SESSION_EXPIRED);
      if (expired) {
        auth.clear();
        const returnUrl = router.url;
        if (!returnUrl.startsWith('/login')) {
          void router.navigate(['/login'], { queryParams: { returnUrl, expired: 1 } });
        }
      }
      return throwError(() => error);
    }),
  );
};
