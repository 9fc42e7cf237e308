import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
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

  it('shows a mentor Home, their citizens, their own profile and their questionnaire', async () => {
    expect(navTestIds(await renderAs(Role.Mentor))).toEqual([
      'nav-home',
      'nav-my-citizens',
      'nav-my-profile',
      'nav-surveys',
    ]);
  });

  it('shows a caseworker Home, the caseload, the questionnaires and Organisations', async () => {
    expect(navTestIds(await renderAs(Role.Caseworker))).toEqual([
      'nav-home',
      'nav-caseload',
      'nav-surveys',
      'nav-organisations',
    ]);
  });

  it("shows a team leader the organisation's courses, mentors, report quality, indicators, questionnaires, Organisations and Users", async () => {
    expect(navTestIds(await renderAs(Role.TeamLeader))).toEqual([
      'nav-home',
      'nav-courses',
      'nav-workforce',
      'nav-report-quality',
      'nav-indicators',
      'nav-surveys',
      'nav-organisations',
      'nav-users',
    ]);
  });

  it('shows an administrator the mentors, report quality, indicators, the survey import and settings but no citizen pages', async () => {
    expect(navTestIds(await renderAs(Role.Admin))).toEqual([
      'nav-home',
      'nav-workforce',
      'nav-report-quality',
      'nav-indicators',
      'nav-surveys-manage',
      'nav-organisations',
      'nav-users',
      'nav-settings',
    ]);
  });

  it('shows who is signed in and the sign-out and language controls', async () => {
    const root = await renderAs(Role.Admin);
    expect(root.querySelector('[data-testid="shell-user-name"]')?.textContent?.trim()).toBe('Anna Andersen');
    expect(root.querySelector('[data-testid="shell-sign-out"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="shell-lang-toggle"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="notifications-bell"]')).not.toBeNull();
    expect(root.querySelector('header')).not.toBeNull();
    expect(root.querySelector('main#main-content')).not.toBeNull();
    expect(root.querySelector('[role="navigation"]')).not.toBeNull();
  });

  it("asks before sign-out when report text is unsaved, then removes the user's (and only the user's) local data", async () => {
    const root = await renderAs(Role.Mentor);
    const mine = `mentor.reportDraft.${meFixture(Role.Mentor).id}.r1`;
    const others = 'mentor.reportDraft.someone-else.r2';
    localStorage.setItem(mine, '{}');
    localStorage.setItem(others, '{}');
    const confirm = jest.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const http = TestBed.inject(HttpTestingController);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const signOut = root.querySelector<HTMLButtonElement>('[data-testid="shell-sign-out"]');

    signOut?.click();
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(localStorage.getItem(mine)).not.toBeNull();
    http.expectNone('/api/auth/logout');

    signOut?.click();
    expect(localStorage.getItem(mine)).toBeNull();
    expect(localStorage.getItem(others)).not.toBeNull();
    http.expectOne('/api/auth/logout').flush(null);
    expect(navigate).toHaveBeenCalledWith('/login');
    confirm.mockRestore();
    localStorage.clear();
  });
});
