import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { Role } from '@mentor/domain';
import { firstValueFrom } from 'rxjs';
import { meFixture } from '../../../testing/fixtures';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';

@Component({ template: '' })
class Blank {}

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let auth: AuthService;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'login', component: Blank },
          { path: 'users', component: Blank },
        ]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);
    router = TestBed.inject(Router);

    const restoring = auth.restore();
    backend.expectOne('/api/me').flush(meFixture(Role.TeamLeader));
    await restoring;
    await router.navigateByUrl('/users?offset=25');
  });

  afterEach(() => backend.verify());

  const unauthorized = { status: 401, statusText: 'Unauthorized' };

  it('on a 401 from the API forgets the user and sends them to sign in, coming back afterwards', async () => {
    const navigate = jest.spyOn(router, 'navigate');
    const request = firstValueFrom(http.get('/api/users'));
    backend.expectOne('/api/users').flush({ status: 401, title: 'Unauthorized' }, unauthorized);

    await expect(request).rejects.toMatchObject({ status: 401 });
    expect(auth.user()).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login'], {
      queryParams: { returnUrl: '/users?offset=25', expired: 1 },
    });
    await navigate.mock.results[0].value;
    expect(router.url).toBe('/login?returnUrl=%2Fusers%3Foffset%3D25&expired=1');
  });

  it('leaves a 401 from sign-in to the sign-in page', async () => {
    const navigate = jest.spyOn(router, 'navigate');
    const request = firstValueFrom(http.post('/api/auth/login', { username: 'a', password: 'b' }));
    backend.expectOne('/api/auth/login').flush({ status: 401, title: 'Unauthorized' }, unauthorized);

    await expect(request).rejects.toMatchObject({ status: 401 });
    expect(navigate).not.toHaveBeenCalled();
    expect(auth.user()).not.toBeNull();
  });

  it('leaves the start-up session check alone', async () => {
    const navigate = jest.spyOn(router, 'navigate');
    const restoring = auth.restore();
    backend.expectOne('/api/me').flush({ status: 401 }, unauthorized);
    await restoring;

    expect(auth.user()).toBeNull();
    expect(navigate).not.toHaveBeenCalled();
  });

  it('ignores 401s from outside the API and other errors', async () => {
    const navigate = jest.spyOn(router, 'navigate');
    const outside = firstValueFrom(http.get('/i18n/da.json'));
    backend.expectOne('/i18n/da.json').flush('', unauthorized);
    await expect(outside).rejects.toMatchObject({ status: 401 });

    const forbidden = firstValueFrom(http.get('/api/users'));
    backend.expectOne('/api/users').flush({ status: 403 }, { status: 403, statusText: 'Forbidden' });
    await expect(forbidden).rejects.toMatchObject({ status: 403 });

    expect(navigate).not.toHaveBeenCalled();
    expect(auth.user()).not.toBeNull();
  });
});
