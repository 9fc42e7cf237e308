import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Role } from '@mentor/domain';
import { meFixture } from '../../../testing/fixtures';
import { AuthService } from '../auth/auth.service';
import { Shell } from './shell';

describe('Shell navigation', () => {
  async function renderAs(role: Role): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [Shell],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const restoring = TestBed.inject(AuthService).restore();
    TestBed.inject(HttpTestingController).expectOne('/api/me').flush(meFixture(role));
    await restoring;

    const fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const navTestIds = (root: HTMLElement) =>
    Array.from(root.querySelectorAll('[data-testid^="nav-"]')).map((el) => el.getAttribute('data-testid'));

  it('shows a mentor Home and their citizens', async () => {
    expect(navTestIds(await renderAs(Role.Mentor))).toEqual(['nav-home', 'nav-my-citizens']);
  });

  it('shows a caseworker Home, the caseload and Organisations', async () => {
    expect(navTestIds(await renderAs(Role.Caseworker))).toEqual([
      'nav-home',
      'nav-caseload',
      'nav-organisations',
    ]);
  });

  it("shows a team leader the organisation's courses, Organisations and Users", async () => {
    expect(navTestIds(await renderAs(Role.TeamLeader))).toEqual([
      'nav-home',
      'nav-courses',
      'nav-organisations',
      'nav-users',
    ]);
  });

  it('shows an administrator no citizen pages', async () => {
    expect(navTestIds(await renderAs(Role.Admin))).toEqual(['nav-home', 'nav-organisations', 'nav-users']);
  });

  it('shows who is signed in and the sign-out and language controls', async () => {
    const root = await renderAs(Role.Admin);
    expect(root.querySelector('[data-testid="shell-user-name"]')?.textContent?.trim()).toBe('Anna Andersen');
    expect(root.querySelector('[data-testid="shell-sign-out"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="shell-lang-toggle"]')).not.toBeNull();
    expect(root.querySelector('header')).not.toBeNull();
    expect(root.querySelector('main#main-content')).not.toBeNull();
    expect(root.querySelector('[role="navigation"]')).not.toBeNull();
  });
});
