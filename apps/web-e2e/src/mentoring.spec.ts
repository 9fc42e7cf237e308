import { expect, test } from '@playwright/test';
import { citizenName, createCourse, expectAccessible, handOverCourse, signIn, syntheticCpr } from './support';

const CASEWORKER = 'sagsbehandler.cji';
const MENTOR = 'mentor.cji1';
const MENTOR_NAME = 'Jonas Krogh Petersen';
const ORGANISATION = 'Center for Jobindsats';

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of today plus `days`, in the local time zone (as the app uses it). */
function localDate(days = 0): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

test.describe('mentoring journeys', () => {
  test('a caseworker registers a citizen, grants a mentor and finds the course in the caseload', async ({
    page,
  }) => {
    // Four forms and five accessibility scans: more than the default half minute.
    test.slow();
    const name = citizenName('Karen');
    await signIn(page, CASEWORKER);
    await page.getByTestId('nav-caseload').click();
    await expect(page).toHaveURL(/\/caseload$/);
    await expect(page.getByTestId('page-title')).toHaveText('Min sagsstamme');
    await expect(page).toHaveTitle('Min sagsstamme · Mentorsystemet');
    await expect(page.getByRole('columnheader', { name: 'Sidste uge' })).toBeVisible();
    await expectAccessible(page);

    await page.getByTestId('caseload-new-citizen').click();
    await expect(page).toHaveURL(/\/citizens\/new$/);
    await page.getByTestId('citizen-name').fill(name);
    await page.getByTestId('citizen-cpr').fill(syntheticCpr());
    await expectAccessible(page);
    await page.getByTestId('citizen-submit').click();

    await expect(page).toHaveURL(/\/grants\/new\?citizenId=/);
    await expect(page.getByTestId('grant-citizen')).toContainText(name);
    await page.getByTestId('grant-purpose').fill('Afklaring af ressourcer og støtte til fremmøde.');
    await page.getByTestId('grant-tasks').fill('Ugentlige møder, hjælp til post og kontakt med læge.');
    await page.getByTestId('grant-goal-0').fill('Møder op til aftaler på jobcentret');
    await page.getByTestId('grant-add-goal').click();
    await page.getByTestId('grant-goal-1').fill('Starter i virksomhedspraktik');
    await page.getByTestId('grant-minutes').fill('60');
    await page.getByTestId('grant-starts-on').fill(localDate(-5));
    await page.getByTestId('grant-ends-on').fill(localDate(90));
    await page.getByTestId('grant-organisation').click();
    await page.getByRole('option', { name: ORGANISATION }).click();
    await page.getByTestId('grant-mentor').click();
    await page.getByRole('option', { name: MENTOR_NAME }).click();
    await expect(page.getByTestId('grant-mentor')).toContainText(MENTOR_NAME);
    await expectAccessible(page);
    await page.getByTestId('grant-submit').click();

    await expect(page).toHaveURL(/\/courses\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('course-citizen-name')).toHaveText(name);
    await expect(page.getByTestId('course-mentor')).toHaveText(MENTOR_NAME);
    await expect(page.getByTestId('course-cpr')).toContainText('-XXXX');
    await expectAccessible(page);

    // Pause and resume: each change sends the version it read.
    await page.getByTestId('course-pause').click();
    await expect(page.getByTestId('course-message')).toContainText('pause');
    await page.getByTestId('course-resume').click();
    await expect(page.getByTestId('course-message')).toContainText('genoptaget');
    await expect(page.getByTestId('course-pause')).toBeVisible();

    await page.getByTestId('nav-caseload').click();
    await page.getByTestId('caseload-search').fill(name);
    const row = page.getByTestId('caseload-row').filter({ hasText: name });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(MENTOR_NAME);
    await expect(row).toContainText(ORGANISATION);
    await expectAccessible(page);
  });
});

test('a team leader sees the organisation\'s courses as "Forløb"', async ({ page }) => {
  await signIn(page, 'teamleder.cji');
  await page.getByTestId('nav-courses').click();
  await expect(page).toHaveURL(/\/caseload$/);
  await expect(page.getByTestId('page-title')).toHaveText('Forløb');
  await expect(page).toHaveTitle('Forløb · Mentorsystemet');
  await page.getByTestId('caseload-flag-under_delivered').click();
  await expect(page.getByTestId('caseload-flag-under_delivered')).toContainText('Under bevilling sidste uge');
  await expect(page.getByTestId('caseload-new-grant')).toHaveCount(0);
  await expect(page.getByTestId('caseload-table')).toBeVisible();
  await expectAccessible(page);
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('a mentor finds a citizen, logs a contact and sees the week update', async ({ page, baseURL }) => {
    test.slow();
    const name = citizenName('Mads');
    const { courseId } = await createCourse(baseURL!, { name, preferredMeetingPlace: 'home' });
    await handOverCourse(baseURL!, courseId);
    const noSidewaysScroll = async () =>
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);

    // Reading a citizen is audit-logged: logging a contact must not do it just to pick a default.
    const citizenReads: string[] = [];
    page.on('request', (request) => {
      if (/\/api\/citizens\/[^/]+$/.test(new URL(request.url()).pathname)) citizenReads.push(request.url());
    });

    await signIn(page, MENTOR);
    await page.getByTestId('home-start-link').click();
    await expect(page).toHaveURL(/\/my-citizens$/);
    const card = page.getByTestId('my-citizen-card').filter({ hasText: name });
    await expect(card).toHaveCount(1);
    await expect(card.getByTestId('my-citizen-budget')).toContainText('0 af 60 min');
    await expect(card).toContainText('-XXXX');
    await noSidewaysScroll();
    await expectAccessible(page);

    await card.getByTestId('log-contact').click();
    await expect(page).toHaveURL(/\/courses\/[0-9a-f-]{36}\/log$/);
    await expect(page.getByTestId('contact-minutes')).toHaveValue('45');
    await expect(page.getByTestId('contact-date')).toHaveValue(localDate());
    await expect(page.getByTestId('log-contact-week')).toContainText('0 af 60 min');
    // No contacts yet: the citizen's preference for meeting at home decides the form.
    await expect(page.getByTestId('contact-form')).toContainText('Fremmøde i hjemmet');
    expect(citizenReads).toEqual([]);
    await noSidewaysScroll();
    await expectAccessible(page);

    await page.getByTestId('contact-topics').getByRole('option', { name: 'Bolig' }).click();
    await page.getByTestId('contact-help').getByRole('option', { name: 'Praktiske opgaver' }).click();
    await page.getByTestId('contact-submit').click();

    await expect(page.getByTestId('log-contact-saved')).toBeVisible();
    await expect(page.getByTestId('log-contact-week')).toContainText('45 af 60 min');
    await expectAccessible(page);

    await page.getByTestId('log-contact-back').click();
    await expect(page).toHaveURL(/\/my-citizens$/);
    await expect(
      page.getByTestId('my-citizen-card').filter({ hasText: name }).getByTestId('my-citizen-budget'),
    ).toContainText('45 af 60 min');

    // The course page shows the contact as the mentor's own, still editable.
    await page
      .getByTestId('my-citizen-card')
      .filter({ hasText: name })
      .getByTestId('my-citizen-name')
      .click();
    await expect(page).toHaveURL(/\/courses\/[0-9a-f-]{36}$/);
    const contact = page.getByTestId('course-contact').first();
    await expect(contact).toContainText('45 min');
    await expect(contact).toContainText('Bolig');
    await expect(contact.getByTestId('contact-edit')).toBeVisible();
    await page.getByTestId('week-chart-toggle').click();
    await expect(page.getByTestId('week-chart-table')).toBeVisible();
    await noSidewaysScroll();
    await expectAccessible(page);
  });
});
