import { HttpClient, HttpContext, HttpContextToken } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import { LoginRequest, LoginResponse, MeResponse } from '@mentor/domain';
import { catchError, finalize, firstValueFrom, map, Observable, of, switchMap, tap } from 'rxjs';

/**
 * Set on requests whose 401 means "not signed in" rather than "session expired", so the
 * interceptor leaves them to their caller (sign-in, the start-up session check, sign-out).
 */
export const SKIP_SESSION_EXPIRED = new HttpContextToken<boolean>(() => false);

const skipExpired = () => new HttpContext().set(SKIP_SESSION_EXPIRED, true);

/**
 * The signed-in user. The session itself is an httpOnly cookie set by the API: this service
 * never sees or stores a token.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly currentUser = signal<MeResponse | null>(null);

  /** The signed-in user, or null when signed out. */
  readonly user = this.currentUser.asReadonly();

  /** Signs in, then loads the full profile. The response's `accessToken` is ignored on purpose. */
  login(username: string, password: string): Observable<MeResponse> {
    const body: LoginRequest = { username, password };
    return this.http.post<LoginResponse>('/api/auth/login', body, { context: skipExpired() }).pipe(
      switchMap(() => this.http.get<MeResponse>('/api/me', { context: skipExpired() })),
      tap((me) => this.currentUser.set(me)),
    );
  }

  /** Ends the session on the server; the local state is cleared even if that call fails. */
  logout(): Observable<void> {
    return this.http.post<unknown>('/api/auth/logout', null, { context: skipExpired() }).pipe(
      map(() => undefined),
      catchError(() => of(undefined)),
      finalize(() => this.currentUser.set(null)),
    );
  }

  /** Restores an existing session at start-up; 401 (or an unreachable API) means signed out. */
  async restore(): Promise<void> {
    try {
      this.currentUser.set(
        await firstValueFrom(this.http.get<MeResponse>('/api/me', { context: skipExpired() })),
      );
    } catch {
      // The sign-in page is the right place to start whatever went wrong.
      this.currentUser.set(null);
    }
  }

  /** Forgets the user locally, e.g. when the API says the session has expired. */
  clear(): void {
    this.currentUser.set(null);
  }
}
