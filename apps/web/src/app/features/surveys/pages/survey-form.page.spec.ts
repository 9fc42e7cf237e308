import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDa from '@angular/common/locales/da';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OrganisationKind, Role, SurveyKind } from '@mentor/domain';
import { meFixture } from '../../../../testing/fixtures';
import { AuthService } from '../../../core/auth/auth.service';
import { localToday } from '../../../core/http/local-time';
import { I18nService } from '../../../core/i18n/i18n.service';
import { SurveyFormPage } from './survey-form.page';

registerLocaleData(localeDa);

const DA = JSON.parse(readFileSync(join(__dirname, '../../../../../public/i18n/da.json'), 'utf8'));

async function open(role: Role, kind: SurveyKind) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter(
        [
          { path: 'surveys/:kind', component: SurveyFormPage },
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
  await harness.navigateByUrl(`/surveys/${kind}`);
  await harness.fixture.whenStable();
  const el = () => harness.routeNativeElement!;
  const q = <E extends HTMLElement = HTMLElement>(id: string) =>
    el().querySelector<E>(`[data-testid="${id}"]`);
  const question = (key: string) => el().querySelector<HTMLElement>(`[data-question="${key}"]`)!;
  const settle = () => new Promise((resolve) => setTimeout(resolve)).then(() => harness.fixture.whenStable());
  /** Ticks a checkbox or chooses a radio button of a question. */
  const choose = async (key: string, option: string) => {
    question(key).querySelector<HTMLInputElement>(`[data-option="${option}"] input`)!.click();
    await settle();
  };
  const submit = async () => {
    q<HTMLButtonElement>('survey-submit')!.click();
    await settle();
  };
  return { http, el, q, question, choose, submit, settle };
}

describe('SurveyFormPage', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('lets a mentor answer their questionnaire, each question a fieldset, and sends only what was answered', async () => {
    const { http, el, q, question, choose, submit, settle } = await open(Role.Mentor, SurveyKind.Mentor);
    expect(q('page-title')?.textContent?.trim()).toBe('Besvar mentorspørgeskemaet');
    const legends = Array.from(el().querySelectorAll('fieldset > legend')).map((l) => l.textContent?.trim());
    expect(legends).toHaveLength(4);
    expect(legends[1]).toBe(
      '2. Bruger du primært faglige eller personlige kvalifikationer i dit arbejde som mentor?',
    );
    expect(
      question('primary_approach').querySelector('mat-radio-group')?.getAttribute('aria-labelledby'),
    ).toBe(question('primary_approach').querySelector('legend')?.id);
    expect(q('survey-organisation')).toBeNull();

    await choose('important_competencies', 'relational');
    await choose('important_competencies', 'empathy');
    await choose('important_competencies', 'relational');
    await choose('primary_approach', 'professional');
    await choose('upskilling_wishes', 'none');
    await submit();

    const request = http.expectOne('/api/surveys/mentor/responses');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      answeredOn: localToday(),
      answers: {
        important_competencies: ['empathy'],
        primary_approach: 'professional',
        upskilling_wishes: [],
      },
    });
    request.flush({ id: 'r1', kind: SurveyKind.Mentor, answeredOn: localToday(), answers: {} });
    await settle();
    expect(q('survey-saved')?.textContent).toContain('Tak, svaret er gemt');
    expect(q('survey-another')).toBeNull();
  });

  it('takes an answer back, so the question is left out', async () => {
    const { http, question, choose, submit } = await open(Role.Mentor, SurveyKind.Mentor);
    await choose('primary_approach', 'personal');
    await choose('upskilling_wishes', 'employment_law');
    question('primary_approach')
      .querySelector<HTMLButtonElement>('[data-testid="survey-question-clear"]')!
      .click();
    await submit();
    expect(http.expectOne('/api/surveys/mentor/responses').request.body.answers).toEqual({
      upskilling_wishes: ['employment_law'],
    });
  });

  it('asks for at least one answer before sending anything', async () => {
    const { q, submit } = await open(Role.Mentor, SurveyKind.Mentor);
    await submit();
    expect(q('survey-error')?.textContent).toContain('Besvar mindst ét spørgsmål.');
  });

  it("shows the API's errors at the questions they are about", async () => {
    const { http, question, choose, submit, settle } = await open(Role.TeamLeader, SurveyKind.Recruiter);
    await choose('predefined_requirements', 'true');
    await choose('upskilling_frequency', 'when_needed');
    await submit();
    http.expectOne('/api/surveys/recruiter/responses').flush(
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        errors: [{ field: 'answers.upskilling_frequency', messages: ['must be one of'], codes: ['isIn'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    const fieldset = question('upskilling_frequency');
    const error = fieldset.querySelector('[data-testid="survey-question-error"]')!;
    expect(error.textContent?.trim()).toBe('Vælg en af de mulige værdier.');
    expect(fieldset.getAttribute('aria-describedby')).toBe(error.id);
    expect(fieldset.querySelector('mat-radio-group')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('has a caseworker name the organisation of the citizen interview and its mentor type', async () => {
    const { http, q, choose, submit, settle } = await open(Role.Caseworker, SurveyKind.Citizen);
    http
      .expectOne((req) => req.url === '/api/organisations')
      .flush({
        items: [{ id: 'o2', name: 'Mentorhuset ApS', kind: OrganisationKind.ExternalProvider }],
        total: 1,
        limit: 100,
        offset: 0,
      });
    await settle();
    expect(q('page-title')?.textContent?.trim()).toBe('Indtast et borgerinterview');
    await choose('makes_difference', 'true');
    await choose('overall_satisfaction', '4');
    await submit();
    expect(q('survey-organisation-error')?.textContent?.trim()).toBe('Skal udfyldes.');

    for (const [select, option] of [
      ['survey-organisation', 'Mentorhuset ApS'],
      ['survey-mentor-type', 'Helhedsorienteret mentor'],
    ]) {
      q(select)!.click();
      await settle();
      Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
        .find((o) => o.textContent?.trim() === option)!
        .click();
      await settle();
    }
    await submit();
    const request = http.expectOne('/api/surveys/citizen/responses');
    expect(request.request.body).toEqual({
      answeredOn: localToday(),
      organisationId: 'o2',
      mentorType: 'holistic',
      answers: { makes_difference: true, overall_satisfaction: 4 },
    });
    request.flush({ id: 'r2', kind: SurveyKind.Citizen, answeredOn: localToday(), answers: {} });
    await settle();
    q<HTMLButtonElement>('survey-another')!.click();
    await settle();
    expect(q('survey-form')).not.toBeNull();
  });
});
