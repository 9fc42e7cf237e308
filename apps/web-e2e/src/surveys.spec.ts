import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { apiAs, COURSE_MENTOR, COURSE_ORGANISATION, danishDate, expectAccessible, signIn } from './support';

// Answer dates are checked against today in Danish time.
test.use({ timezoneId: 'Europe/Copenhagen' });

const TEAM_LEADER = 'teamleder.cji';
const CASEWORKER = 'sagsbehandler.cji';
const ADMIN = 'admin';

interface IndicatorFigures {
  numerator: number | null;
  denominator: number | null;
}

/** One indicator over a period, as the administrator gets it (never withheld). */
async function indicatorAsAdmin(
  baseURL: string,
  id: string,
  from: string,
  to: string,
): Promise<IndicatorFigures> {
  const api = await apiAs(baseURL, ADMIN);
  try {
    const response = await api.get(`/api/reports/indicators?from=${from}&to=${to}`);
    expect(response.status()).toBe(200);
    const report = (await response.json()) as { indicators: ({ id: string } & IndicatorFigures)[] };
    const indicator = report.indicators.find((i) => i.id === id);
    expect(indicator).toBeDefined();
    return indicator!;
  } finally {
    await api.dispose();
  }
}

async function chooseOption(page: Page, selectTestId: string, option: string | RegExp) {
  await page.getByTestId(selectTestId).click();
  await page.getByRole('option', { name: option }).click();
}

/** The radio button or checkbox of an answer, inside its question's fieldset. */
function answer(page: Page, question: string, label: string | RegExp) {
  return page
    .locator(`[data-question="${question}"]`)
    .getByLabel(label, typeof label === 'string' ? { exact: true } : undefined);
}

async function signOut(page: Page) {
  await page.getByTestId('shell-sign-out').click();
  await expect(page).toHaveURL(/\/login/);
}

/** How many responses of a questionnaire the overview counts for the last 12 months. */
async function responseCount(page: Page, kind: string): Promise<number> {
  const cell = page.locator(`[data-testid="survey-response-count"][data-kind="${kind}"] td`);
  await expect(cell).toHaveText(/^\d+$/);
  return Number(await cell.textContent());
}

test('a mentor answers the mentor questionnaire and the answer shows in the indicators', async ({
  page,
  baseURL,
}) => {
  // Ends on the indicators page: some thirty charts under axe.
  test.setTimeout(150_000);
  const from = danishDate(-30);
  const to = danishDate(0);
  const before = await indicatorAsAdmin(baseURL!, 'mentor.approach.professional', from, to);

  await signIn(page, COURSE_MENTOR);
  await page.getByTestId('nav-surveys').click();
  await expect(page.getByTestId('survey-card')).toHaveCount(1);
  await expectAccessible(page);
  await page.getByTestId('survey-open-mentor').click();
  await expect(page.getByTestId('page-title')).toHaveText('Besvar mentorspørgeskemaet');
  await expect(page.getByRole('group', { name: /Bruger du primært faglige/ })).toBeVisible();
  await expectAccessible(page);

  // Nothing answered: the form says so and sends nothing.
  await page.getByTestId('survey-submit').click();
  await expect(page.getByTestId('survey-error')).toContainText('Besvar mindst ét spørgsmål.');
  await expectAccessible(page);

  await answer(page, 'important_competencies', 'Erfaring med relationsarbejde').check();
  await answer(page, 'important_competencies', 'Viden om målgruppen').check();
  await answer(page, 'primary_approach', 'Primært faglige').check();
  await answer(page, 'upskilling_wishes', 'Ingen af disse').check();
  await chooseOption(page, 'survey-mentor-type', 'Helhedsorienteret mentor');
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/surveys/mentor/responses'));
  await page.getByTestId('survey-submit').click();
  expect((await saved).status()).toBe(201);
  await expect(page.getByTestId('survey-saved')).toContainText('Tak, svaret er gemt');
  await expectAccessible(page);
  await signOut(page);

  // The administrator sees the answer counted in figure "text 5.1" (primarily professional).
  await signIn(page, ADMIN);
  await page.goto(`/indicators?from=${from}&to=${to}`);
  const figure = page.locator('[data-figure="text_5_1"]');
  await figure.getByTestId('indicator-table-toggle').click();
  const row = figure.locator('[data-indicator="mentor.approach.professional"]');
  await expect(row.getByTestId('indicator-count')).toHaveText(
    `${(before.numerator ?? 0) + 1} af ${(before.denominator ?? 0) + 1}`,
  );
  await expectAccessible(page);
});

test('a team leader answers the recruiter questionnaire and it is counted', async ({ page }) => {
  await signIn(page, TEAM_LEADER);
  await page.getByTestId('nav-surveys').click();
  await expect(page.getByTestId('survey-card')).toHaveCount(3);
  const before = await responseCount(page, 'recruiter');
  await expectAccessible(page);

  await page.getByTestId('survey-open-recruiter').click();
  await expect(page.getByTestId('page-title')).toHaveText('Besvar rekrutteringsspørgeskemaet');
  // Recruiters are not asked about a mentor type.
  await expect(page.getByTestId('survey-mentor-type')).toHaveCount(0);
  await answer(page, 'predefined_requirements', 'Ja').check();
  await answer(page, 'easy_to_recruit', 'Nej').check();
  await answer(page, 'onboarding_forms', 'Sparring').check();
  await answer(page, 'onboarding_forms', 'Supervision').check();
  await answer(page, 'new_mentors_meeting_requirements', 'Størstedelen').check();
  await page.getByTestId('survey-submit').click();
  await expect(page.getByTestId('survey-saved')).toBeVisible();

  await page.getByTestId('survey-saved').getByRole('link', { name: 'Tilbage til spørgeskemaer' }).click();
  await expect.poll(() => responseCount(page, 'recruiter')).toBe(before + 1);
});

test('a caseworker enters a citizen interview for the mentor’s organisation', async ({ page }) => {
  await signIn(page, CASEWORKER);
  await page.getByTestId('nav-surveys').click();
  await page.getByTestId('survey-open-citizen').click();
  await expect(page.getByTestId('page-title')).toHaveText('Indtast et borgerinterview');
  await expectAccessible(page);

  await page.getByTestId('survey-answered-on').fill(danishDate(-2));
  await answer(page, 'makes_difference', 'Ja').check();
  await answer(page, 'time_with_mentor', 'Jeg vil gerne have mere tid').check();
  await answer(page, 'overall_satisfaction', /^4/).check();
  // The organisation is required of a caseworker.
  await page.getByTestId('survey-submit').click();
  await expect(page.getByTestId('survey-organisation-error')).toBeVisible();
  await expectAccessible(page);

  await chooseOption(page, 'survey-organisation', COURSE_ORGANISATION);
  await chooseOption(page, 'survey-mentor-type', 'Fastholdelsesmentor');
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/surveys/citizen/responses'));
  await page.getByTestId('survey-submit').click();
  const response = await saved;
  expect(response.status()).toBe(201);
  expect(await response.json()).toMatchObject({
    kind: 'citizen',
    answeredOn: danishDate(-2),
    organisationName: COURSE_ORGANISATION,
    mentorType: 'retention',
    answers: { makes_difference: true, time_with_mentor: 'more', overall_satisfaction: 4 },
  });
  await expect(page.getByTestId('survey-saved')).toBeVisible();
  await page.getByTestId('survey-another').click();
  await expect(answer(page, 'makes_difference', 'Ja')).not.toBeChecked();
});

test('a team leader imports citizen interviews: template, a dry run listing every error, then all at once', async ({
  page,
}) => {
  await signIn(page, TEAM_LEADER);
  await page.getByTestId('nav-surveys').click();
  const before = await responseCount(page, 'citizen');
  await page.getByTestId('survey-import-link').click();
  await expect(page.getByTestId('page-title')).toHaveText('Importér svar');
  await expectAccessible(page);

  for (const format of ['xlsx', 'csv']) {
    const template = page.waitForEvent('download');
    await page.getByTestId(`survey-import-template-${format}`).click();
    const file = await template;
    expect(file.suggestedFilename()).toBe(`skabelon-borgerinterview.${format}`);
    const content = readFileSync((await file.path())!);
    if (format === 'xlsx') expect(content.subarray(0, 2).toString('latin1')).toBe('PK');
    else
      expect(
        content
          .toString('utf8')
          .replace(/^\uFEFF/, '')
          .trim()
          .split(';')
          .slice(0, 4),
      ).toEqual(['answered_on', 'organisation', 'mentor_type', 'time_with_mentor']);
  }

  const columns = 'answered_on;mentor_type;makes_difference;progress;overall_satisfaction';
  await page.getByTestId('survey-import-file').setInputFiles({
    name: 'interviews.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      [columns, `${danishDate(-3)};holistic;ja;nej;4`, `${danishDate(5)};holistic;måske;ja;9`, ''].join('\n'),
    ),
  });
  await page.getByTestId('survey-import-check').click();
  await expect(page.getByTestId('survey-import-errors')).toBeVisible();
  const errors = await page
    .getByTestId('survey-import-error-row')
    .evaluateAll((rows) =>
      rows.map((row) => `${row.children[0].textContent?.trim()}:${row.children[1].textContent?.trim()}`),
    );
  expect(errors).toEqual(['3:answered_on', '3:makes_difference', '3:overall_satisfaction']);
  await expect(page.getByTestId('survey-import-commit')).toBeDisabled();
  await expectAccessible(page);

  await page.getByTestId('survey-import-file').setInputFiles({
    name: 'interviews-rettet.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      [columns, `${danishDate(-3)};holistic;ja;nej;4`, `${danishDate(-4)};retention;nej;ja;3`, ''].join('\n'),
    ),
  });
  await page.getByTestId('survey-import-check').click();
  await expect(page.getByTestId('survey-import-summary')).toHaveText(
    '2 rækker uden fejl: 2 svar kan importeres.',
  );
  await page.getByTestId('survey-import-commit').click();
  await expect(page.getByTestId('survey-import-summary')).toHaveText('2 svar er importeret.');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Tilbage til spørgeskemaer' }).click();
  await expect.poll(() => responseCount(page, 'citizen')).toBe(before + 2);
});
