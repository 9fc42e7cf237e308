import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role, SURVEY_KINDS } from '@mentor/domain';
import { meFixture } from '../../../../testing/fixtures';
import { AuthService } from '../../../core/auth/auth.service';
import { I18nService } from '../../../core/i18n/i18n.service';
import { SurveysPage } from './surveys.page';

const DA = JSON.parse(readFileSync(join(__dirname, '../../../../../public/i18n/da.json'), 'utf8'));

async function render(role: Role) {
  TestBed.configureTestingModule({
    providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
  });
  const http = TestBed.inject(HttpTestingController);
  const restoring = TestBed.inject(AuthService).restore();
  http.expectOne('/api/me').flush(meFixture(role));
  await restoring;
  const loading = TestBed.inject(I18nService).use('da', { remember: false });
  http.expectOne('/i18n/da.json').flush(DA);
  await loading;
  const fixture = TestBed.createComponent(SurveysPage);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const cards = () =>
    Array.from(el.querySelectorAll<HTMLElement>('[data-testid="survey-card"]')).map((card) => [
      card.dataset['kind'],
      card.querySelector('a')?.textContent?.trim(),
    ]);
  return { http, el, fixture, cards };
}

describe('SurveysPage', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('offers a mentor their own questionnaire only', async () => {
    const { el, cards } = await render(Role.Mentor);
    expect(cards()).toEqual([['mentor', 'Besvar mentorspørgeskemaet']]);
    expect(el.querySelector('[data-testid="survey-responses"]')).toBeNull();
  });

  it('offers a caseworker the citizen interview to enter', async () => {
    const { cards } = await render(Role.Caseworker);
    expect(cards()).toEqual([['citizen', 'Indtast et borgerinterview']]);
  });

  it("gives a team leader their questionnaire, the entries, the import and the last year's responses", async () => {
    const { http, el, fixture, cards } = await render(Role.TeamLeader);
    expect(cards()).toEqual([
      ['citizen', 'Indtast et borgerinterview'],
      ['mentor', 'Indtast et mentorspørgeskema'],
      ['recruiter', 'Besvar rekrutteringsspørgeskemaet'],
    ]);
    SURVEY_KINDS.forEach((kind, i) => {
      const request = http.expectOne((req) => req.url === `/api/surveys/${kind}/responses`);
      expect(request.request.params.get('limit')).toBe('1');
      request.flush({ items: [], total: 10 + i, limit: 1, offset: 0 });
    });
    await fixture.whenStable();
    const counts = Array.from(el.querySelectorAll<HTMLElement>('[data-testid="survey-response-count"]')).map(
      (row) => Array.from(row.children).map((cell) => cell.textContent?.trim()),
    );
    expect(counts).toEqual([
      ['Borgerinterview', '10'],
      ['Mentorspørgeskema', '11'],
      ['Rekrutteringsspørgeskema', '12'],
    ]);
    expect(el.querySelector('[data-testid="survey-import-link"]')?.getAttribute('href')).toBe(
      '/surveys/import',
    );
  });

  it('gives an administrator the import and the counts, nothing to answer', async () => {
    const { http, cards } = await render(Role.Admin);
    expect(cards()).toEqual([]);
    for (const kind of SURVEY_KINDS)
      http
        .expectOne((req) => req.url === `/api/surveys/${kind}/responses`)
        .flush({ items: [], total: 0, limit: 1, offset: 0 });
  });
});
