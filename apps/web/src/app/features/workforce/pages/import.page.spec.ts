import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ImportKind, ImportResult, Role } from '@mentor/domain';
import { meFixture } from '../../../../testing/fixtures';
import { AuthService } from '../../../core/auth/auth.service';
import { I18nService } from '../../../core/i18n/i18n.service';
import { ImportPage } from './import.page';

const DRY_RUN_ERRORS: ImportResult = {
  dryRun: true,
  committed: false,
  counts: { profiles: { rows: 2, created: 1, updated: 0, unchanged: 0 } },
  errors: [
    {
      kind: ImportKind.Profiles,
      row: 3,
      column: 'birth_year',
      code: 'profile.birth_year_in_future',
      message: 'birthYear must not be in the future',
    },
    {
      kind: ImportKind.Profiles,
      row: 2,
      column: 'gender',
      code: 'isIn',
      message: '"kvinde" is not one of: female, male, other',
    },
  ],
};

describe('ImportPage', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  async function open() {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    const restoring = TestBed.inject(AuthService).restore();
    http.expectOne('/api/me').flush(meFixture(Role.TeamLeader));
    await restoring;
    const loading = TestBed.inject(I18nService).use('da', { remember: false });
    http.expectOne('/i18n/da.json').flush({
      validation: {
        codes: {
          isIn: 'Vælg en af de mulige værdier.',
          profile: { birth_year_in_future: 'Fødselsåret må ikke ligge ude i fremtiden.' },
          import: { unreadable: 'Filen kan ikke læses som CSV eller XLSX.' },
        },
      },
      workforce: { importPage: { allowedValues: '{{text}} Tilladt: {{values}}.' } },
    });
    await loading;
    const fixture = TestBed.createComponent(ImportPage);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const q = <E extends HTMLElement = HTMLElement>(id: string) =>
      el.querySelector<E>(`[data-testid="${id}"]`);
    const choose = async (file: File) => {
      const input = q<HTMLInputElement>('import-file')!;
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      (input.files as unknown as { item: (i: number) => File }).item = (i) => [file][i];
      input.dispatchEvent(new Event('change'));
      await fixture.whenStable();
    };
    const click = async (id: string) => {
      q(id)!.click();
      await fixture.whenStable();
    };
    const settle = () => new Promise((resolve) => setTimeout(resolve)).then(() => fixture.whenStable());
    return { http, el, q, choose, click, settle };
  }

  const csv = (name = 'profiler.csv') => new File(['email;gender\n'], name, { type: 'text/csv' });

  it("lists a dry run's errors by row and column, and imports only a file that passed", async () => {
    const { http, el, q, choose, click, settle } = await open();
    expect(q<HTMLButtonElement>('import-check')!.disabled).toBe(true);
    const file = csv();
    await choose(file);
    await click('import-check');
    const dryRun = http.expectOne('/api/organisations/o1/workforce/import?dryRun=true&kind=profiles');
    expect(dryRun.request.body).toBe(file);
    expect(dryRun.request.headers.get('Content-Type')).toBe('text/csv');
    dryRun.flush(DRY_RUN_ERRORS);
    await settle();

    const rows = Array.from(el.querySelectorAll('[data-testid="import-error-row"]')).map((r) =>
      Array.from(r.querySelectorAll('td')).map((td) => td.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['importKinds.profiles', '2', 'gender', 'Vælg en af de mulige værdier. Tilladt: female, male, other.'],
      ['importKinds.profiles', '3', 'birth_year', 'Fødselsåret må ikke ligge ude i fremtiden.'],
    ]);
    expect(q<HTMLButtonElement>('import-commit')!.disabled).toBe(true);

    // A corrected file: clean dry run, then the import.
    const fixed = csv();
    await choose(fixed);
    expect(q('import-result')).toBeNull();
    await click('import-check');
    http
      .expectOne('/api/organisations/o1/workforce/import?dryRun=true&kind=profiles')
      .flush({ ...DRY_RUN_ERRORS, errors: [] });
    await settle();
    expect(q<HTMLButtonElement>('import-commit')!.disabled).toBe(false);
    await click('import-commit');
    http
      .expectOne('/api/organisations/o1/workforce/import?dryRun=false&kind=profiles')
      .flush({ ...DRY_RUN_ERRORS, dryRun: false, committed: true, errors: [] });
    await settle();
    expect(q('import-result')!.textContent).toContain('workforce.importPage.committedTitle');
    expect(q('import-created')!.textContent?.trim()).toBe('1');
    expect(q<HTMLButtonElement>('import-commit')!.disabled).toBe(true);
  });

  it('sends an XLSX file as a workbook without a kind, and says in Danish when a file cannot be read', async () => {
    const { http, q, choose, click, settle } = await open();
    await choose(new File(['PK'], 'mentorer.xlsx'));
    await click('import-check');
    const request = http.expectOne('/api/organisations/o1/workforce/import?dryRun=true');
    expect(request.request.headers.get('Content-Type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    request.flush(
      { type: 'x', title: 'Unprocessable', status: 422, code: 'import.unreadable', detail: 'not a workbook' },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle();
    expect(q('import-problem')!.textContent).toContain('Filen kan ikke læses som CSV eller XLSX.');
    expect(q('import-result')).toBeNull();
  });
});
