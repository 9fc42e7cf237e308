import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { OidcProviderOption } from '@mentor/domain';
import { catchError, Observable, of } from 'rxjs';

/** What the sign-in page asks the API besides the sign-in itself (AuthService). */
@Injectable({ providedIn: 'root' })
export class LoginApiService {
  private readonly http = inject(HttpClient);

  /** The OpenID Connect providers to offer; none when the API cannot say (the local form still works). */
  oidcProviders(): Observable<OidcProviderOption[]> {
    return this.http
      .get<OidcProviderOption[]>('/api/auth/oidc/providers')
      .pipe(catchError(() => of<OidcProviderOption[]>([])));
  }
}

/** Where the browser goes to sign in with a provider; the API sends it on to the provider. */
export function oidcStartUrl(providerId: string, returnUrl: string): string {
  const query = returnUrl === '/' ? '' : `?returnUrl=${encodeURIComponent(returnUrl)}`;
  return `/api/auth/oidc/${encodeURIComponent(providerId)}/start${query}`;
}
