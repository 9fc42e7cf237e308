import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDa from '@angular/common/locales/da';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { OrganisationKind, Role, WorkforceAlert, WorkforceView } from '@mentor/domain';
import { meFixture } from '../../../../testing/fixtures';
import { AuthService } from '../../../core/auth/auth.service';
import { rowFixture } from '../testing/fixtures';
import { WorkforcePage } from './workforce.page';

registerLocaleData(localeDa);

function view(changes: Partial<WorkforceView> = {}): WorkforceView {
  return {
    items: [rowFixture()],
    total: 1,
    limit: 25,
    offset: 0,
    organisationId: 'o1',
    organisationName: 'Center for Jobindsats',
    organisationKind: OrganisationKind.InternalCentre,
    today: '2026-03-10',
    windowFrom: '2026-02-02',
    windowTo: '2026-03-01',
    mentors: 7,
    alertCounts: {
      overload: 1,
      under_delivery: 2,
      certification_expiring: 1,
      certification_expired: 0,
      no_supervision: 4,
    },
    ...changes,
  };
}

async function open(role: Role, url: string) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: 'workforce', component: WorkforcePage }], withComponentInputBinding()),
      provideHttpClient(),
      provideHttpClientTesting(),
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const restoring = TestBed.inject(AuthService).restore();
  http.expectOne('/api/me').flush(meFixture(role));
  await restoring;
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  await harness.fixture.whenStable();
  return { http, harness, el: () => harness.routeNativeElement! };
}

describe('WorkforcePage', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it("loads the team leader's organisation with the address's filter and sort, and exports the same", async () => {
    const { http, harness, el } = await open(
      Role.TeamLeader,
      '/workforce?search=Lone&alert=overload&certification=expiring&sort=-utilisation&page=2',
    );
    http
      .expectOne(
        '/api/organisations/o1/workforce?limit=25&offset=25&sort=-utilisation&search=Lone&alert=overload&certificationStatus=expiring',
      )
      .flush(view());
    await harness.fixture.whenStable();

    const row = el().querySelector('[data-testid="workforce-row"]')!;
    expect(row.querySelector('a[data-testid="workforce-mentor"]')?.getAttribute('href')).toBe(
      '/workforce/mentors/m1',
    );
    expect(row.querySelector('[role="meter"]')?.getAttribute('aria-valuetext')).toBe(
      'workforce.grantedOfCapacity',
    );
    expect(row.querySelector('[data-testid="certification-chip"]')?.getAttribute('data-status')).toBe(
      'expiring',
    );
    expect(
      Array.from(row.querySelectorAll('[data-testid^="flag-"]')).map((f) => f.getAttribute('data-testid')),
    ).toEqual(['flag-overload', 'flag-under_delivery', 'flag-no_supervision']);
    expect(row.querySelector('[data-testid="workforce-suggestions"]')).not.toBeNull();
    expect(el().querySelector('[data-testid="workforce-register"]')).not.toBeNull();

    // The team leader chooses what the organisation recruits for.
    http
      .expectOne('/api/organisations/o1/recruitment-requirements')
      .flush({ organisationId: 'o1', competencies: ['empathy'] });
    await harness.fixture.whenStable();
    const chips = el().querySelectorAll<HTMLElement>('[data-testid="requirements-chips"] [role="option"]');
    expect(Array.from(chips).map((c) => c.getAttribute('aria-selected'))).toEqual([
      'false',
      'false',
      'false',
      'false',
      'true',
      'false',
    ]);
    chips[1].click();
    await harness.fixture.whenStable();
    el().querySelector<HTMLElement>('[data-testid="requirements-save"]')!.click();
    const save = http.expectOne('/api/organisations/o1/recruitment-requirements');
    expect(save.request.method).toBe('PUT');
    expect(save.request.body).toEqual({ competencies: ['relational', 'empathy'] });
    save.flush({ organisationId: 'o1', competencies: ['relational', 'empathy'] });

    const csv = el().querySelector('[data-testid="workforce-export-csv"]')!.getAttribute('href');
    expect(csv).toBe(
      '/api/organisations/o1/workforce.csv?search=Lone&alert=overload&certificationStatus=expiring&sort=-utilisation',
    );
    expect(el().querySelector('[data-testid="workforce-export-xlsx"]')!.getAttribute('href')).toContain(
      '/api/organisations/o1/workforce.xlsx?',
    );

    // Another alert: into the address, back to the first page, one request.
    el()
      .querySelector<HTMLElement>(
        `[data-testid="workforce-alert-${WorkforceAlert.NoSupervision}"] [role="option"]`,
      )!
      .click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe(
      '/workforce?search=Lone&alert=no_supervision&certification=expiring&sort=-utilisation',
    );
    http
      .expectOne(
        '/api/organisations/o1/workforce?limit=25&offset=0&sort=-utilisation&search=Lone&alert=no_supervision&certificationStatus=expiring',
      )
      .flush(view({ items: [], total: 0 }));
    await harness.fixture.whenStable();
    expect(el().textContent).toContain('workforce.emptyFiltered');
  });

  it('lets the administrator pick any organisation, read only', async () => {
    const { http, harness, el } = await open(Role.Admin, '/workforce');
    http.expectOne('/api/organisations?limit=100&offset=0&sort=name').flush({
      items: [
        { id: 'o2', name: 'Center for Afklaring', kind: OrganisationKind.InternalCentre },
        { id: 'o1', name: 'Center for Jobindsats', kind: OrganisationKind.InternalCentre },
      ],
      total: 2,
      limit: 100,
      offset: 0,
    });
    await harness.fixture.whenStable();
    // The first organisation until another is chosen.
    http.expectOne('/api/organisations/o2/workforce?limit=25&offset=0&sort=name').flush(view());
    await harness.fixture.whenStable();
    expect(el().querySelector('[data-testid="workforce-register"]')).toBeNull();
    expect(el().querySelector('[data-testid="workforce-import"]')).toBeNull();
    http
      .expectOne('/api/organisations/o2/recruitment-requirements')
      .flush({ organisationId: 'o2', competencies: [] });
    await harness.fixture.whenStable();
    expect(el().querySelector('[data-testid="requirements-list"]')?.textContent?.trim()).toBe(
      'workforce.recruitment.none',
    );
    expect(el().querySelector('[data-testid="requirements-save"]')).toBeNull();

    await harness.navigateByUrl('/workforce?organisation=o1');
    await harness.fixture.whenStable();
    http.expectOne('/api/organisations/o1/workforce?limit=25&offset=0&sort=name').flush(view());
    http
      .expectOne('/api/organisations/o1/recruitment-requirements')
      .flush({ organisationId: 'o1', competencies: ['empathy'] });
  });
});
