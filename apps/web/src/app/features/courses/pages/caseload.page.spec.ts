import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDa from '@angular/common/locales/da';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CourseStatus, CourseSummary, HandoverStatus, MentorType, Role } from '@mentor/domain';
import { meFixture } from '../../../../testing/fixtures';
import { AuthService } from '../../../core/auth/auth.service';
import { I18nService } from '../../../core/i18n/i18n.service';
import { CaseloadPage } from './caseload.page';
import { MyCitizensPage } from './my-citizens.page';

registerLocaleData(localeDa);

const COURSE: CourseSummary = {
  id: 'c1',
  citizenId: 'z1',
  citizenName: 'Karen Testborger',
  cprMasked: '010160-XXXX',
  mentorType: MentorType.Holistic,
  status: CourseStatus.Active,
  mentorId: 'm1',
  mentorName: 'Jonas Krogh Petersen',
  organisationId: 'o1',
  organisationName: 'Center for Jobindsats',
  startsOn: '2026-01-01',
  endsOn: '2026-06-30',
  thisWeek: {
    week: '2026-W10',
    weekStart: '2026-03-02',
    grantedMinutes: 60,
    loggedMinutes: 90,
    overrunMinutes: 30,
    underDeliveredMinutes: 0,
  },
  lastWeek: {
    week: '2026-W09',
    weekStart: '2026-02-23',
    grantedMinutes: 60,
    loggedMinutes: 45,
    overrunMinutes: 0,
    underDeliveredMinutes: 15,
  },
  monthGrantedMinutes: 260,
  monthDeliveredMinutes: 120,
  lastContactDate: '2026-03-03',
  noRecentContact: false,
  overBudgetThisWeek: true,
  expiresSoon: true,
  nextReportDueOn: '2026-02-27',
  reportOverdue: false,
  handoverStatus: HandoverStatus.Acknowledged,
  handoverOverdue: false,
  unreadMessages: 0,
  needsSparring: false,
};
const one = { items: [COURSE], total: 1, limit: 25, offset: 0 };

async function signedIn(role: Role) {
  TestBed.configureTestingModule({
    providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
  });
  const http = TestBed.inject(HttpTestingController);
  const restoring = TestBed.inject(AuthService).restore();
  http.expectOne('/api/me').flush(meFixture(role));
  await restoring;
  return http;
}

describe('CaseloadPage', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('lists the caseload with flags and sends the flag filter to the server', async () => {
    const http = await signedIn(Role.Caseworker);
    const fixture = TestBed.createComponent(CaseloadPage);
    await fixture.whenStable();
    http.expectOne('/api/courses?limit=25&offset=0&sort=citizenName').flush(one);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;

    const row = el.querySelector('[data-testid="caseload-row"]')!;
    expect(row.querySelector('a[data-testid="caseload-citizen"]')?.getAttribute('href')).toBe('/courses/c1');
    expect(row.textContent).toContain('Center for Jobindsats');
    expect(row.textContent).toContain('03.03.2026');
    expect(row.querySelector('[data-testid="flag-over_budget"]')).not.toBeNull();
    expect(row.querySelector('[data-testid="caseload-expires-soon"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="caseload-new-grant"]')).not.toBeNull();

    el.querySelector<HTMLElement>('[data-testid="caseload-flag-no_recent_contact"] [role="option"]')!.click();
    await fixture.whenStable();
    http
      .expectOne('/api/courses?limit=25&offset=0&sort=citizenName&flag=no_recent_contact')
      .flush({ ...one, items: [] });
  });

  it("shows last week's delivered against granted minutes and filters on under-delivery", async () => {
    const http = await signedIn(Role.Caseworker);
    const loading = TestBed.inject(I18nService).use('da', { remember: false });
    http.expectOne('/i18n/da.json').flush({
      budget: { minutesOf: '{{logged}} af {{granted}} min' },
      caseload: {
        lastWeek: 'Sidste uge',
        underDeliveredShort: '(−{{minutes}})',
        underDeliveredLong: '{{minutes}} min under bevillingen',
      },
    });
    await loading;
    const fixture = TestBed.createComponent(CaseloadPage);
    await fixture.whenStable();
    const met = {
      ...COURSE,
      id: 'c2',
      lastWeek: { ...COURSE.lastWeek, loggedMinutes: 60, underDeliveredMinutes: 0 },
    };
    http
      .expectOne('/api/courses?limit=25&offset=0&sort=citizenName')
      .flush({ ...one, items: [COURSE, met], total: 2 });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;

    const headers = Array.from(el.querySelectorAll('th')).map((th) => th.textContent?.trim());
    expect(headers).toContain('Sidste uge');
    const [under, delivered] = Array.from(el.querySelectorAll('[data-testid="caseload-row"]'));
    expect(under.textContent?.replace(/\s+/g, ' ')).toContain('45 af 60 min (−15)');
    const marked = under.querySelector('[data-testid="caseload-under-delivered"]');
    expect(marked?.querySelector('[aria-hidden="true"]')?.textContent).toBe('(−15)');
    expect(marked?.querySelector('.visually-hidden')?.textContent).toBe('15 min under bevillingen');
    expect(delivered.textContent).toContain('60 af 60 min');
    expect(delivered.querySelector('[data-testid="caseload-under-delivered"]')).toBeNull();

    el.querySelector<HTMLElement>('[data-testid="caseload-flag-under_delivered"] [role="option"]')!.click();
    await fixture.whenStable();
    http
      .expectOne('/api/courses?limit=25&offset=0&sort=citizenName&flag=under_delivered')
      .flush({ ...one, items: [] });
  });

  it('flags an overdue report and filters on it as on the other flags', async () => {
    const http = await signedIn(Role.Caseworker);
    const fixture = TestBed.createComponent(CaseloadPage);
    await fixture.whenStable();
    const overdue = { ...COURSE, reportOverdue: true };
    http.expectOne('/api/courses?limit=25&offset=0&sort=citizenName').flush({ ...one, items: [overdue] });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const chips = Array.from(el.querySelectorAll('[data-testid="caseload-row"] [data-testid^="flag-"]'));
    // Overdue comes first: it needs action.
    expect(chips.map((c) => c.getAttribute('data-testid'))[0]).toBe('flag-report_overdue');

    el.querySelector<HTMLElement>('[data-testid="caseload-flag-report_overdue"] [role="option"]')!.click();
    await fixture.whenStable();
    http
      .expectOne('/api/courses?limit=25&offset=0&sort=citizenName&flag=report_overdue')
      .flush({ ...one, items: [] });
  });

  it('gives a team leader the organisation list without the grant buttons', async () => {
    const http = await signedIn(Role.TeamLeader);
    const fixture = TestBed.createComponent(CaseloadPage);
    await fixture.whenStable();
    http.expectOne('/api/courses?limit=25&offset=0&sort=citizenName').flush(one);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="caseload-new-grant"]')).toBeNull();
    expect(el.querySelector('[data-testid="page-title"]')?.textContent).toContain('caseload.teamTitle');
  });
});

describe('MyCitizensPage', () => {
  it('searches on the name in the address and says when none match', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'my-citizens', component: MyCitizensPage }], withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/my-citizens?search=Karen');
    await harness.fixture.whenStable();
    http.expectOne('/api/courses?limit=100&offset=0&sort=citizenName&search=Karen').flush(one);
    await harness.fixture.whenStable();
    const el = harness.routeNativeElement!;
    expect(el.querySelector<HTMLInputElement>('[data-testid="my-citizens-search"]')?.value).toBe('Karen');
    expect(el.querySelectorAll('[data-testid="my-citizen-card"]')).toHaveLength(1);

    await harness.navigateByUrl('/my-citizens?search=Nobody');
    await harness.fixture.whenStable();
    http
      .expectOne('/api/courses?limit=100&offset=0&sort=citizenName&search=Nobody')
      .flush({ ...one, items: [], total: 0 });
    await harness.fixture.whenStable();
    expect(el.querySelector('[data-testid="my-citizens-empty"]')?.textContent?.trim()).toBe(
      'myCitizens.noMatch',
    );
    expect(el.querySelector('[role="status"]')?.textContent?.trim()).toBe('myCitizens.found');
  });

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it("shows each citizen's week as a meter with a one-tap log button", async () => {
    const http = await signedIn(Role.Mentor);
    const fixture = TestBed.createComponent(MyCitizensPage);
    await fixture.whenStable();
    http.expectOne('/api/courses?limit=100&offset=0&sort=citizenName').flush(one);
    await fixture.whenStable();
    const card = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="my-citizen-card"]')!;
    expect(card.textContent).toContain('010160-XXXX');
    expect(card.querySelector('[role="meter"]')?.getAttribute('aria-valuenow')).toBe('60');
    expect(card.querySelector('[data-testid="flag-over_budget"]')).not.toBeNull();
    expect(card.querySelector('[data-testid="log-contact"]')?.getAttribute('href')).toBe('/courses/c1/log');
  });
});
