import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, provideRouter, Router, RouterStateSnapshot, UrlTree } from '@angular/router';
import { Role } from '@mentor/domain';
import { meFixture } from '../../../testing/fixtures';
import { authGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { permissionGuard } from './permission.guard';

async function signIn(role: Role): Promise<void> {
  const restoring = TestBed.inject(AuthService).restore();
  TestBed.inject(HttpTestingController).expectOne('/api/me').flush(meFixture(role));
  await restoring;
}

describe('authGuard', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
  });

  function run(url: string): ReturnType<typeof authGuard> {
    return TestBed.runInInjectionContext(() =>
      authGuard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot),
    );
  }

  it('sends a signed-out visitor to sign in, remembering where they were going', () => {
    const result = run('/users?offset=25');
    expect(result).toBeInstanceOf(UrlTree);
    const router = TestBed.inject(Router);
    expect(router.serializeUrl(result as UrlTree)).toBe('/login?returnUrl=%2Fusers%3Foffset%3D25');
    expect((result as UrlTree).queryParams['returnUrl']).toBe('/users?offset=25');
  });

  it('lets a signed-in user through', async () => {
    await signIn(Role.Mentor);
    expect(run('/users')).toBe(true);
  });
});

describe('permissionGuard', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
  });

  function run(permission: string): ReturnType<typeof permissionGuard> {
    const route = { data: { permission } } as unknown as ActivatedRouteSnapshot;
    return TestBed.runInInjectionContext(() => permissionGuard(route, {} as RouterStateSnapshot));
  }

  it('sends a role without the permission home', async () => {
    await signIn(Role.Mentor);
    const result = run('users:read');
    expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe('/');
  });

  it('lets a role with the permission through', async () => {
    await signIn(Role.TeamLeader);
    expect(run('users:read')).toBe(true);
  });
});
