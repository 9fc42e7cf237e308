import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role, SurveyImportResult } from '@mentor/domain';
import { meFixture } from '../../../../testing/fixtures';
import { AuthService } from '../../../core/auth/auth.service';
import { I18nService } from '../../../core/i18n/i18n.service';
import { SurveyImportPage } from './survey-import.page';

const DA = JSON.parse(readFileSync(join(__dirname, '../../../../../public/i18n/da.json'), 'utf8'));

const DRY_RUN_ERRORS: SurveyImportResult = {
  dryRun: true,
  committed: false,
  rows: 3,
  created: 0,
  errors: [
    { row: 4, column: 'progress', code: 'isBoolean', message: 'must be yes or no' },
    { row: 2, column: 'overall_satisfaction', code: 'survey.out_of_scale', message: 'must be 1 to 5' },
    { row: 2, column: 'answered_on', code: 'survey.in_future', message: 'in the future' },
    { row: 3, column: null, code: 'survey.no_answers', message: 'answer at least one question' },
  ],
};
const DRY_RUN_OK: SurveyImportResult = { dryRun: true, committed: false, rows: 3, created: 3, errors: [] };

async function open(role: Role, url = '/surveys/import') {
  TestBed.configureTestingModule({
    providers: [
      provideRouter(
        [
          { path: 'surveys/import', component: SurveyImportPage },
          { path: 'surveys', children: [] },
        ],
        withComponentInputBinding(),
      ),
      provideHttpClient(),
      provideHttpClientTesting(),
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const restoring = TestBed.inject(AuthService).restore();
  http.expectOne('/api/me').flush(meFixture(role));
  await restoring;
  const loading = TestBed.inject(I18nService).use('da', { remember: false });
  http.expectOne('/i18n/da.json').flush(DA);
  await loading;
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  await harness.fixture.whenStable();
  const el = () => harness.routeNativeElement!;
  const q = <E extends HTMLElement = HTMLElement>(id: string) =>
    el().querySelector<E>(`[data-testid="${id}"]`);
  const settle = () => new Promise((resolve) => setTimeout(resolve)).then(() => harness.fixture.whenStable());
  const choose = async (file: File) => {
    const input = q<HTMLInputElement>('survey-import-file')!;
    Object.defineProperty(input, 'files', {
      value: { item: (i: number) => [file][i] ?? null },
      configurable: true,
    });
    input.dispatchEvent(new Event('change'));
    await settle();
  };
  const click = async (id: string) => {
    q(id)!.click();
    await settle();
  };
  return { http, el, q, choose, click, settle };
}

const csv = (name = 'interviews.csv') => new File(['answered_on;progress\n'], name, { type: 'text/csv' });

describe('SurveyImportPage', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('lists every error of a dry run by row and column, and imports only a file that passed', async () => {
    const { http, el, q, choose, click, settle } = await open(Role.TeamLeader);
    expect(q<HTMLButtonElement>('survey-import-check')!.disabled).toBe(true);
    const file = csv();
    await choose(file);
    await click('survey-import-check');
    const dryRun = http.expectOne('/api/surveys/citizen/import?dryRun=true');
    expect(dryRun.request.body).toBe(file);
    expect(dryRun.request.headers.get('Content-Type')).toBe('text/csv');
    dryRun.flush(DRY_RUN_ERRORS);
    await settle();

    const rows = Array.from(el().querySelectorAll('[data-testid="survey-import-error-row"]')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['2', 'answered_on', 'Datoen må ikke ligge i fremtiden.'],
      ['2', 'overall_satisfaction', 'Vælg en værdi på skalaen.'],
      ['3', 'Hele rækken', 'Besvar mindst ét spørgsmål.'],
      ['4', 'progress', 'Skal være ja eller nej.'],
    ]);
    expect(q('survey-import-summary')?.textContent?.trim()).toBe('4 fejl. Intet er gemt.');
    expect(q<HTMLButtonElement>('survey-import-commit')!.disabled).toBe(true);

    const fixed = csv('interviews-rettet.csv');
    await choose(fixed);
    await click('survey-import-check');
    http.expectOne('/api/surveys/citizen/import?dryRun=true').flush(DRY_RUN_OK);
    await settle();
    expect(q('survey-import-summary')?.textContent?.trim()).toBe(
      '3 rækker uden fejl: 3 svar kan importeres.',
    );
    expect(q<HTMLButtonElement>('survey-import-commit')!.disabled).toBe(false);

    await click('survey-import-commit');
    const commit = http.expectOne('/api/surveys/citizen/import?dryRun=false');
    expect(commit.request.body).toBe(fixed);
    commit.flush({ ...DRY_RUN_OK, dryRun: false, committed: true });
    await settle();
    expect(q('survey-import-summary')?.textContent?.trim()).toBe('3 svar er importeret.');
    expect(q<HTMLButtonElement>('survey-import-commit')!.disabled).toBe(true);
  });

  it('shows the errors when a commit is refused, and that nothing was saved', async () => {
    const { http, el, q, choose, click, settle } = await open(Role.TeamLeader, '/surveys/import?kind=mentor');
    await choose(new File(['x'], 'mentorer.xlsx'));
    await click('survey-import-check');
    const dryRun = http.expectOne('/api/surveys/mentor/import?dryRun=true');
    expect(dryRun.request.headers.get('Content-Type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    dryRun.flush(DRY_RUN_OK);
    await settle();
    await click('survey-import-commit');
    http
      .expectOne('/api/surveys/mentor/import?dryRun=false')
      .flush(
        { status: 422, title: 'Unprocessable', code: 'import.invalid', rows: [DRY_RUN_ERRORS.errors[0]] },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    await settle();
    expect(q('survey-import-result')?.querySelector('h2')?.textContent?.trim()).toBe(
      'Filen blev ikke importeret',
    );
    expect(el().querySelectorAll('[data-testid="survey-import-error-row"]')).toHaveLength(1);
  });

  it('describes the columns of the chosen questionnaire and offers its empty templates', async () => {
    const { http, el, q, click, settle } = await open(Role.Admin, '/surveys/import?kind=recruiter');
    const headers = Array.from(el().querySelectorAll('[data-testid="survey-import-columns"] tbody code')).map(
      (c) => c.textContent,
    );
    expect(headers.slice(0, 3)).toEqual(['answered_on', 'organisation', 'predefined_requirements']);
    expect(q('survey-import-format')?.textContent).toContain('Kolonnen organisation skal udfyldes');

    const saved: string[] = [];
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:template'), revokeObjectURL: jest.fn() });
    const anchorClick = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    });
    try {
      for (const format of ['xlsx', 'csv']) {
        await click(`survey-import-template-${format}`);
        const request = http.expectOne(`/api/surveys/recruiter/template.${format}`);
        expect(request.request.responseType).toBe('blob');
        request.flush(new Blob(['x']), {
          headers: { 'Content-Disposition': `attachment; filename="skabelon-rekrutteringsskema.${format}"` },
        });
        await settle();
      }
      await click('survey-import-template-csv');
      http
        .expectOne('/api/surveys/recruiter/template.csv')
        .flush(new Blob([]), { status: 500, statusText: 'Server Error' });
      await settle();
    } finally {
      anchorClick.mockRestore();
    }
    expect(saved).toEqual(['skabelon-rekrutteringsskema.xlsx', 'skabelon-rekrutteringsskema.csv']);
    expect(q('survey-import-problem')?.textContent).toContain('Skabelonen kunne ikke hentes.');
  });
});
