import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import localeDa from '@angular/common/locales/da';
import { Role, UserSummary } from '@mentor/domain';
import { AuthService } from '../../../core/auth/auth.service';
import { I18nService } from '../../../core/i18n/i18n.service';
import { meFixture } from '../../../../testing/fixtures';
import { UsersPage } from './users.page';

// The paginator's range label formats numbers in the active locale, as the app registers it.
registerLocaleData(localeDa);

const DA = {
  users: {
    name: 'Navn',
    username: 'Brugernavn',
    role: 'Rolle',
    organisation: 'Organisation',
    sortByName: 'Sorter efter navn',
    status: 'Status',
    active: 'Aktiv',
    inactive: 'Deaktiveret',
    disable: 'Deaktivér',
    enable: 'Aktivér',
    disableLabel: 'Deaktivér {{name}}',
    enableLabel: 'Aktivér {{name}}',
    disabled: '{{name}} er deaktiveret, og alle vedkommendes sessioner er afsluttet.',
    enabled: '{{name}} er aktiveret igen og kan logge ind.',
    changeFailed: 'Ændringen kunne ikke gemmes. Prøv igen.',
  },
  roles: { mentor: 'Mentor' },
  paginator: { itemsPerPage: 'Pr. side', range: '{{start}}–{{end}} af {{total}}' },
  common: { loadFailed: 'Oplysningerne kunne ikke hentes.', retry: 'Prøv igen' },
};
const EN = {
  users: { name: 'Name', username: 'Username', role: 'Role', organisation: 'Organisation', status: 'Status' },
  roles: { mentor: 'Mentor' },
};

const USER: UserSummary = {
  id: '1',
  name: 'Anne Mentor',
  username: 'mentor.cji1',
  role: Role.Mentor,
  organisationId: 'o1',
  organisationName: 'Center for Jobindsats',
  active: true,
};

async function setUp(role?: Role) {
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  const i18n = TestBed.inject(I18nService);
  const http = TestBed.inject(HttpTestingController);
  if (role) {
    const restoring = TestBed.inject(AuthService).restore();
    http.expectOne('/api/me').flush(meFixture(role));
    await restoring;
  }
  const loading = i18n.use('da', { remember: false });
  http.expectOne('/i18n/da.json').flush(DA);
  await loading;

  const fixture = TestBed.createComponent(UsersPage);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const headers = () => Array.from(el.querySelectorAll('th')).map((th) => th.textContent?.trim());
  return { fixture, i18n, http, el, headers };
}

describe('UsersPage', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('shows a page of users under translated headers that follow a language switch', async () => {
    const { fixture, i18n, http, el, headers } = await setUp();
    http
      .expectOne('/api/users?limit=25&offset=0&sort=name')
      .flush({ items: [USER], total: 1, limit: 25, offset: 0 });
    await fixture.whenStable();

    expect(el.querySelector('[data-testid="users-table"]')).not.toBeNull();
    expect(el.querySelectorAll('[data-testid="users-row"]')).toHaveLength(1);
    expect(el.querySelector('[data-testid="users-row"]')?.textContent).toContain('Center for Jobindsats');
    expect(headers()).toEqual(['Navn', 'Brugernavn', 'Rolle', 'Organisation', 'Status']);
    expect(el.querySelector('[data-testid="users-paginator"]')?.textContent).toContain('1–1 af 1');

    const switching = i18n.use('en', { remember: false });
    http.expectOne('/i18n/en.json').flush(EN);
    await switching;
    await fixture.whenStable();
    expect(headers()).toEqual(['Name', 'Username', 'Role', 'Organisation', 'Status']);
  });

  it('asks the server for a descending sort with a leading dash', async () => {
    const { fixture, http, el } = await setUp();
    http
      .expectOne('/api/users?limit=25&offset=0&sort=name')
      .flush({ items: [], total: 0, limit: 25, offset: 0 });
    await fixture.whenStable();

    const nameHeader = el.querySelector<HTMLElement>('th.mat-column-name .mat-sort-header-container');
    nameHeader?.click();
    await fixture.whenStable();
    http
      .expectOne('/api/users?limit=25&offset=0&sort=-name')
      .flush({ items: [], total: 0, limit: 25, offset: 0 });
  });

  it('shows the error with a retry instead of the empty text when loading fails', async () => {
    const { fixture, http, el } = await setUp();
    http
      .expectOne('/api/users?limit=25&offset=0&sort=name')
      .flush(null, { status: 500, statusText: 'Error' });
    await fixture.whenStable();

    expect(el.querySelector('[data-testid="users-error"]')?.textContent).toContain(
      'Oplysningerne kunne ikke hentes.',
    );
    expect(el.querySelector('.ui-paged-table__empty')?.textContent?.trim()).toBe('');

    el.querySelector<HTMLButtonElement>('[data-testid="users-error"] button')?.click();
    await fixture.whenStable();
    http
      .expectOne('/api/users?limit=25&offset=0&sort=name')
      .flush({ items: [USER], total: 1, limit: 25, offset: 0 });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="users-error"]')).toBeNull();
    expect(el.querySelectorAll('[data-testid="users-row"]')).toHaveLength(1);
  });

  it('shows the status; a team leader cannot change it', async () => {
    const { fixture, http, el } = await setUp(Role.TeamLeader);
    http.expectOne('/api/users?limit=25&offset=0&sort=name').flush({
      items: [USER, { ...USER, id: '2', name: 'Bo Ude', active: false }],
      total: 2,
      limit: 25,
      offset: 0,
    });
    await fixture.whenStable();
    const statuses = Array.from(el.querySelectorAll('[data-testid="user-status"]')).map((s) => s.textContent);
    expect(statuses).toEqual(['Aktiv', 'Deaktiveret']);
    expect(el.querySelector('[data-testid="user-toggle-active"]')).toBeNull();
  });

  it('lets an administrator disable and enable a user, but not themselves', async () => {
    const { fixture, http, el } = await setUp(Role.Admin);
    const me = { ...USER, id: 'u1', name: 'Anna Andersen' };
    http
      .expectOne('/api/users?limit=25&offset=0&sort=name')
      .flush({ items: [me, USER], total: 2, limit: 25, offset: 0 });
    await fixture.whenStable();
    const buttons = () => el.querySelectorAll<HTMLButtonElement>('[data-testid="user-toggle-active"]');
    expect(buttons()).toHaveLength(1);
    expect(buttons()[0]!.getAttribute('aria-label')).toBe('Deaktivér Anne Mentor');

    buttons()[0]!.click();
    const disable = http.expectOne('/api/users/1/active');
    expect(disable.request.method).toBe('PUT');
    expect(disable.request.body).toEqual({ active: false });
    disable.flush({ id: '1', active: false });
    await fixture.whenStable();
    expect(el.querySelectorAll('[data-testid="user-status"]')[1]?.textContent).toBe('Deaktiveret');
    expect(buttons()[0]!.textContent?.trim()).toBe('Aktivér');

    buttons()[0]!.click();
    http.expectOne('/api/users/1/active').flush(null, { status: 500, statusText: 'Error' });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="users-change-failed"]')?.textContent).toContain('Prøv igen');
    expect(el.querySelectorAll('[data-testid="user-status"]')[1]?.textContent).toBe('Deaktiveret');
  });
});
