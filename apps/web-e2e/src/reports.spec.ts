import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  apiAs,
  citizenName,
  COURSE_CASEWORKER as CASEWORKER,
  COURSE_MENTOR as MENTOR,
  createCourse,
  danishDate,
  expectAccessible,
  handOverCourse,
  signIn,
} from './support';

// The API counts days in Danish time; the browser's "today" (the default period end) must match.
test.use({ timezoneId: 'Europe/Copenhagen' });

const GOAL = 'Møder stabilt op i tilbuddet';
const JUSTIFICATION_REQUIRED =
  'Kvaliteten er under kommunens grænse. Skriv en begrundelse for at indsende rapporten alligevel.';

/** A course of mentor.cji1 with two contacts in the last days, so the period holds contacts. */
async function courseWithContacts(baseURL: string, prefix: string) {
  const name = citizenName(prefix);
  const course = await createCourse(baseURL, { name });
  await handOverCourse(baseURL, course.courseId);
  const mentor = await apiAs(baseURL, MENTOR);
  try {
    for (const [days, minutes] of [
      [-3, 45],
      [-1, 30],
    ] as const) {
      const logged = await mentor.post(`/api/courses/${course.courseId}/contacts`, {
        data: {
          contactDate: danishDate(days),
          startTime: '10:00',
          minutes,
          form: 'in_person_provider',
          showedUp: true,
          topics: ['job_and_education'],
          help: [],
        },
      });
      expect(logged.status()).toBe(201);
    }
  } finally {
    await mentor.dispose();
  }
  return { name, ...course };
}

/** A desktop browser of its own, signed in as `username`. */
async function desktopAs(browser: Browser, baseURL: string, username: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

/** Waits until the editor says everything is saved on the server. */
async function expectSaved(page: Page) {
  await expect(page.getByTestId('report-save-state')).toHaveAttribute('data-state', 'saved', {
    timeout: 15_000,
  });
  await expect(page.getByTestId('report-save-state')).toHaveText('Gemt');
}

async function chooseOption(page: Page, selectTestId: string, option: string) {
  await page.getByTestId(selectTestId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test.describe('progression reports', () => {
  test('a mentor on a phone writes, the caseworker returns, the mentor revises, the caseworker accepts and downloads the PDF', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const { courseId } = await courseWithContacts(baseURL!, 'Rapport');

    // --- The mentor, on a 360 px phone, starts a report from the course page. ---
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, MENTOR);
    await page.goto(`/courses/${courseId}`);
    const section = page.getByTestId('course-reports');
    await expect(section).toContainText('Progressionsrapporter');
    await expect(section.getByTestId('course-reports-empty')).toBeVisible();
    await section.getByTestId('course-reports-write').click();
    await expect(section.getByTestId('course-reports-period-to')).toHaveValue(danishDate());
    await expectAccessible(page);
    await section.getByTestId('course-reports-create').click();
    await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
    const reportId = page.url().split('/').pop()!;

    // Section 1 comes from the logged contacts.
    await expect(page.getByTestId('report-contacts-held')).toHaveText('2');
    await expect(page.getByTestId('report-minutes')).toContainText('75 af');
    await expect(page.getByTestId('report-goal')).toContainText(GOAL);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);

    // Hints follow the typing: vague evidence is not specific.
    await chooseOption(page, 'report-goals-0-status', 'Nogen fremgang');
    await page.getByTestId('report-goals-0-whatHappened').fill('Borgeren er mødt op til de fleste aftaler.');
    await page.getByTestId('report-goals-0-evidence').fill('Det går godt');
    const vague = page.locator('[data-testid="report-hint"][data-field="goals.0.evidence"]');
    await expect(vague).toContainText('konkret hændelse med dato');
    await page.getByTestId('report-barriers-add').click();
    await chooseOption(page, 'report-barriers-0-kind', 'Bolig');
    await page.getByTestId('report-barriers-0-description').fill('Borgeren skal flytte i december.');
    await expect(page.locator('[data-testid="report-hint"][data-field="barriers.0.action"]')).toBeVisible();
    await page.getByTestId('report-citizenView').fill('Borgeren synes selv, at det går fremad.');
    await page.getByTestId('report-reviewed-yes').click();
    await page.getByTestId('report-reviewedWithCitizenOn').fill(danishDate());
    await expect(page.locator('[data-testid="report-hint"][data-field="citizenView"]')).toHaveCount(0);

    // A hint takes the mentor to its field.
    await vague.getByRole('button').click();
    await expect(page.getByTestId('report-goals-0-evidence')).toBeFocused();
    await expectSaved(page);
    await expect(page.getByTestId('report-quality-score')).toHaveText('50');
    await expectAccessible(page);

    // Under the threshold (70) the report needs a justification: the same text the API gives.
    await page.getByTestId('report-submit').click();
    await expect(page.getByTestId('report-justification-error')).toHaveText(JUSTIFICATION_REQUIRED);
    await expectAccessible(page);
    await page.getByTestId('report-justification').fill('Borgeren var syg en del af perioden.');
    await page.getByTestId('report-submit').click();
    await expect(page.getByTestId('report-status')).toHaveText('Indsendt');
    await expect(page.getByTestId('report-notice')).toHaveText('Rapporten er sendt til sagsbehandleren.');
    await expect(page.getByTestId('report-justification-text')).toHaveText(
      'Borgeren var syg en del af perioden.',
    );
    await expectAccessible(page);

    // --- The caseworker, on a desktop, is notified and returns it with a comment. ---
    const caseworker = await desktopAs(browser, baseURL!, CASEWORKER);
    await expect(caseworker.getByTestId('notifications-count')).toBeVisible();
    await caseworker.getByTestId('notifications-bell').click();
    const submitted = caseworker.locator(
      `[data-testid="notification"][data-kind="report_submitted"][href="/reports/${reportId}"]`,
    );
    await expect(submitted).toContainText('indsendt til dig (version 1)');
    await expectAccessible(caseworker);
    await submitted.click();
    await expect(caseworker).toHaveURL(new RegExp(`/reports/${reportId}$`));
    await expect(caseworker.getByTestId('report-quality-score')).toHaveText('50');
    await expect(caseworker.getByTestId('report-first-version')).toBeVisible();
    await expectAccessible(caseworker);
    await caseworker.getByTestId('report-return').click();
    await caseworker.getByTestId('report-send-back').click();
    await expect(caseworker.getByTestId('review-comment-error')).toHaveText('Skriv mindst én kommentar.');
    await caseworker.getByTestId('review-comment-next_steps').fill('Tilføj næste skridt med dato.');
    await expectAccessible(caseworker);
    await caseworker.getByTestId('report-send-back').click();
    await expect(caseworker.getByTestId('report-status')).toHaveText('Sendt tilbage');
    await expect(caseworker.getByTestId('report-comment')).toContainText('Tilføj næste skridt med dato.');

    // --- The mentor is told, sees the comment at its section, revises and resubmits. ---
    await page.getByTestId('notifications-bell').click();
    const returned = page.locator(
      `[data-testid="notification"][data-kind="report_returned"][href="/reports/${reportId}"]`,
    );
    await expect(returned).toBeVisible();
    await returned.click();
    await expect(page.getByTestId('report-returned-note')).toBeVisible();
    await expect(page.getByTestId('report-open-comment')).toContainText('Tilføj næste skridt med dato.');
    await expectAccessible(page);

    await page
      .getByTestId('report-goals-0-evidence')
      .fill('Mødte op til praktik hos Netto mandag kl. 9 og blev hele dagen.');
    await page.getByTestId('report-goals-0-evidenceDate').fill(danishDate(-1));
    await page
      .getByTestId('report-barriers-0-action')
      .fill('Mentor hjælper med at søge bolig via boligsocial vejledning.');
    await page.getByTestId('report-nextSteps-add').click();
    await page.getByTestId('report-nextSteps-0-action').fill('Samtale med praktikstedet');
    await page.getByTestId('report-nextSteps-0-owner').fill('Mentor');
    await page.getByTestId('report-nextSteps-0-dueOn').fill(danishDate(14));
    await page.getByTestId('report-recommendation-continue').click();
    await page
      .getByTestId('report-recommendationReason')
      .fill('Borgeren er i gang med praktik og har brug for støtten.');
    await expect(page.getByTestId('report-no-hints')).toBeVisible();
    await expect(page.getByTestId('report-quality-score')).toHaveText('100');
    await expect(page.getByTestId('report-justification')).toHaveCount(0);
    await expectSaved(page);
    await expectAccessible(page);
    await page.getByTestId('report-submit').click();
    await expect(page.getByTestId('report-status')).toHaveText('Indsendt');

    // --- The caseworker sees what changed, accepts, downloads the PDF and prints it clean. ---
    await caseworker.reload();
    await expect(caseworker.getByTestId('report-version')).toHaveCount(2);
    const changes = caseworker.getByTestId('report-change');
    await expect(changes.filter({ hasText: 'Skridt 1 · Handling' })).toContainText(
      'Samtale med praktikstedet',
    );
    await expect(changes.filter({ hasText: 'Mål 1 · Dokumentation' })).toContainText('Det går godt');
    await expect(caseworker.getByTestId('report-quality-score')).toHaveText('100');
    await expectAccessible(caseworker);
    await caseworker.getByTestId('report-accept').click();
    await expect(caseworker.getByTestId('report-status')).toHaveText('Godkendt');

    const pdf = caseworker.getByTestId('report-pdf');
    const [download] = await Promise.all([caseworker.waitForEvent('download'), pdf.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(
      readFileSync((await download.path())!)
        .subarray(0, 4)
        .toString('latin1'),
    ).toBe('%PDF');
    const response = await caseworker.request.get((await pdf.getAttribute('href'))!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    expect((await response.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');
    await expectAccessible(caseworker);

    await caseworker.emulateMedia({ media: 'print' });
    await expect(caseworker.locator('.app-header')).toBeHidden();
    await expect(caseworker.locator('.app-sidenav')).toBeHidden();
    await expect(caseworker.getByTestId('report-print')).toBeHidden();
    await expect(caseworker.getByTestId('report-goal')).toContainText('Mødte op til praktik hos Netto');
    await caseworker.emulateMedia({ media: 'screen' });
    await caseworker.context().close();
  });

  test('nothing typed is lost: a dropped connection and a closed tab, then a change from another tab', async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const { courseId } = await courseWithContacts(baseURL!, 'Kladde');
    const mentorApi = await apiAs(baseURL!, MENTOR);
    const created = await mentorApi.post(`/api/courses/${courseId}/reports`, {
      data: { periodTo: danishDate() },
    });
    expect(created.status()).toBe(201);
    const reportId = ((await created.json()) as { id: string }).id;

    await signIn(page, MENTOR);
    // The connection drops: saves get no answer.
    await page.route(`**/api/reports/${reportId}`, (route) =>
      route.request().method() === 'PATCH' ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.goto(`/reports/${reportId}`);
    await page.getByTestId('report-citizenView').fill('Skrevet uden forbindelse.');
    await expect(page.getByTestId('report-save-state')).toHaveAttribute('data-state', 'offline', {
      timeout: 15_000,
    });
    await expect(page.getByTestId('report-save-state')).toHaveText('Ikke gemt');
    await expect(page.getByTestId('report-offline')).toContainText('gemt i denne browser');
    await expectAccessible(page);

    // The tab is closed; a new one puts the text back and saves it.
    await page.close();
    const again = await context.newPage();
    await again.goto(`/reports/${reportId}`);
    await expect(again.getByTestId('report-restored')).toBeVisible();
    await expect(again.getByTestId('report-citizenView')).toHaveValue('Skrevet uden forbindelse.');
    await expectAccessible(again);
    await expectSaved(again);
    await again.getByTestId('report-keep-restored').click();
    await expect(again.getByTestId('report-restored')).toHaveCount(0);
    let saved = (await (await mentorApi.get(`/api/reports/${reportId}`)).json()) as {
      content: { citizenView: string };
    };
    expect(saved.content.citizenView).toBe('Skrevet uden forbindelse.');

    // A second tab saves first; this one's save meets a newer version (409) and keeps its text.
    const other = await context.newPage();
    await other.goto(`/reports/${reportId}`);
    await expect(other.getByTestId('report-citizenView')).toHaveValue('Skrevet uden forbindelse.');
    await other.getByTestId('report-recommendationReason').fill('Fra den anden fane.');
    await expectSaved(other);
    await again.getByTestId('report-citizenView').fill('Skrevet uden forbindelse. Og mere.');
    await expect(again.getByTestId('report-stale')).toBeVisible({ timeout: 15_000 });
    await expect(again.getByTestId('report-save-state')).toHaveText('Ikke gemt');
    await expectAccessible(again);
    await again.getByTestId('report-stale').getByRole('button', { name: 'Genindlæs' }).click();
    await expect(again.getByTestId('report-citizenView')).toHaveValue('Skrevet uden forbindelse. Og mere.');
    await expect(again.getByTestId('report-recommendationReason')).toHaveValue('Fra den anden fane.');
    await expectSaved(again);
    saved = (await (await mentorApi.get(`/api/reports/${reportId}`)).json()) as typeof saved;
    expect(saved.content.citizenView).toBe('Skrevet uden forbindelse. Og mere.');
    await mentorApi.dispose();
  });

  test('team leaders and the administrator see report quality; the administrator sets the threshold', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    await signIn(page, 'teamleder.cji');
    await page.getByTestId('nav-report-quality').click();
    await expect(page).toHaveURL(/\/reports\/quality$/);
    await expect(page.getByTestId('page-title')).toHaveText('Rapportkvalitet');
    const organisations = page.getByTestId('report-quality-organisations');
    await expect(organisations.getByTestId('report-quality-organisation-row')).toHaveCount(1);
    await expect(organisations).toContainText('Center for Jobindsats');
    await expect(page.getByTestId('report-quality-organisation')).toHaveCount(0);
    const mentors = page.getByTestId('report-quality-mentors');
    const header = mentors.getByRole('columnheader', { name: 'Gns. kvalitet' });
    await header.click();
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    await expectAccessible(page);

    const admin = await desktopAs(browser, baseURL!, 'admin');
    await admin.getByTestId('nav-report-quality').click();
    await expect(admin.getByTestId('report-quality-organisation')).toBeVisible();
    await expect(
      admin.getByTestId('report-quality-organisations').getByTestId('report-quality-organisation-row'),
    ).not.toHaveCount(0);
    await expectAccessible(admin);

    await admin.getByTestId('nav-settings').click();
    const threshold = admin.getByTestId('settings-threshold');
    await expect(threshold).toHaveValue('70');
    await threshold.fill('101');
    await admin.getByTestId('settings-save').click();
    await expect(admin.getByText('Skriv et helt tal fra 0 til 100.')).toBeVisible();
    await expectAccessible(admin);
    // Saved and set back, so other journeys keep the default.
    await threshold.fill('65');
    await admin.getByTestId('settings-save').click();
    await expect(admin.getByTestId('settings-saved')).toBeVisible();
    await threshold.fill('70');
    await admin.getByTestId('settings-save').click();
    await expect(admin.getByTestId('settings-saved')).toBeVisible();
    await admin.reload();
    await expect(admin.getByTestId('settings-threshold')).toHaveValue('70');
    await admin.context().close();
  });

  test('the caseload filters on an overdue report like on the other flags', async ({ page }) => {
    await signIn(page, CASEWORKER);
    await page.getByTestId('nav-caseload').click();
    const request = page.waitForRequest(
      (r) => r.url().includes('/api/courses?') && r.url().includes('flag=report_overdue'),
    );
    await page.getByTestId('caseload-flag-report_overdue').click();
    await request;
    await expect(page.getByTestId('caseload-table')).toBeVisible();
    await expectAccessible(page);
  });
});
