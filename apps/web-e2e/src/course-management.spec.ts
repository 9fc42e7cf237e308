import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  apiAs,
  citizenName,
  COURSE_CASEWORKER as CASEWORKER,
  COURSE_MENTOR as MENTOR,
  COURSE_MENTOR_NAME as MENTOR_NAME,
  COURSE_ORGANISATION as ORGANISATION,
  COURSE_PURPOSE,
  createCourse,
  danishDate,
  danishFormat,
  expectAccessible,
  handOverCourse,
  mondayOf,
  signIn,
} from './support';

const OTHER_MENTOR_NAME = 'Fatima El-Amin';
/**
 * A demo citizen of mentor.cji1 with weeks of contacts, those older than 7 days locked
 * (apps/api/src/demo/demo-mentoring.ts: the second citizen of the third mentor by username).
 */
const DEMO_CITIZEN = 'Jette Demosen';

// The API counts days and ISO weeks in Danish time; the browser's "today" must be the same day.
test.use({ timezoneId: 'Europe/Copenhagen' });

/** The week chart's table row of the week a `YYYY-MM-DD` date falls in: [granted, logged]. */
async function weekRow(page: Page, isoDate: string): Promise<[number, number]> {
  const row = page
    .getByTestId('week-chart-table')
    .getByRole('row')
    .filter({ hasText: `fra ${danishFormat(mondayOf(isoDate))}` });
  await expect(row).toHaveCount(1);
  const cells = await row.getByRole('cell').allInnerTexts();
  return [Number(cells[0]), Number(cells[1])];
}

/** The date (`YYYY-MM-DD`) and minutes a timeline entry shows in its heading. */
async function contactFacts(contact: Locator): Promise<{ date: string; minutes: number }> {
  const text = await contact.innerText();
  const date = /(\d{2})\.(\d{2})\.(\d{4}) \d{2}:\d{2}/.exec(text);
  const minutes = /· (\d+) min ·/.exec(text);
  expect(date, text).not.toBeNull();
  expect(minutes, text).not.toBeNull();
  return { date: `${date![3]}-${date![2]}-${date![1]}`, minutes: Number(minutes![1]) };
}

test.describe('a mentor', () => {
  test('edits and then deletes their own contact, and sees the week change', async ({ page, baseURL }) => {
    test.slow();
    const name = citizenName('Edith');
    const { courseId } = await createCourse(baseURL!, { name, minutesPerWeek: 60 });
    await handOverCourse(baseURL!, courseId);
    const mentorApi = await apiAs(baseURL!, MENTOR);
    const logged = await mentorApi.post(`/api/courses/${courseId}/contacts`, {
      data: {
        contactDate: danishDate(),
        startTime: '00:00',
        minutes: 45,
        form: 'phone',
        showedUp: true,
        topics: ['housing'],
        help: [],
      },
    });
    expect(logged.status()).toBe(201);
    await mentorApi.dispose();

    await signIn(page, MENTOR);
    await page.getByTestId('nav-my-citizens').click();
    await page
      .getByTestId('my-citizen-card')
      .filter({ hasText: name })
      .getByTestId('my-citizen-name')
      .click();
    await expect(page).toHaveURL(new RegExp(`/courses/${courseId}$`));
    await expect(page.getByTestId('course-week')).toContainText('45 af 60 min');

    const contact = page.getByTestId('course-contact');
    await expect(contact).toHaveCount(1);
    await expect(contact).toContainText('Kan ændres til');
    await contact.getByTestId('contact-edit').click();
    await expect(contact.getByTestId('contact-minutes')).toHaveValue('45');
    await contact.getByTestId('contact-minutes').fill('30');
    await contact.getByTestId('contact-help').getByRole('option', { name: 'Praktiske opgaver' }).click();
    await expectAccessible(page);
    await contact.getByTestId('contact-submit').click();

    await expect(page.getByTestId('course-message')).toHaveText('Kontakten er ændret.');
    await expect(page.getByTestId('course-week')).toContainText('30 af 60 min');
    await expect(contact).toContainText('30 min');
    await expect(contact).toContainText('Bolig');
    await expect(contact).toContainText('Praktiske opgaver');

    page.once('dialog', (dialog) => {
      expect(dialog.message()).toBe('Vil du slette kontakten?');
      void dialog.accept();
    });
    await contact.getByTestId('contact-delete').click();
    await expect(page.getByTestId('course-message')).toHaveText('Kontakten er slettet.');
    await expect(page.getByTestId('course-week')).toContainText('0 af 60 min');
    await expect(page.getByTestId('course-contact')).toHaveCount(0);
    await expect(page.getByText('Der er ingen kontakter endnu.')).toBeVisible();
    await expectAccessible(page);
  });

  test('corrects a contact locked after 7 days, and the week counts the correction', async ({ page }) => {
    test.slow();
    await signIn(page, MENTOR);
    await page.getByTestId('nav-my-citizens').click();
    await page.getByTestId('my-citizens-search').fill('Demosen');
    await page
      .getByTestId('my-citizen-card')
      .filter({ hasText: DEMO_CITIZEN })
      .getByTestId('my-citizen-name')
      .click();
    await expect(page.getByTestId('course-citizen-name')).toHaveText(DEMO_CITIZEN);

    // The newest contact of the mentor's that is locked and not yet corrected.
    const candidate = page
      .getByTestId('course-contact')
      .filter({ has: page.getByTestId('contact-correct') })
      .first();
    const id = await candidate.getAttribute('id');
    expect(id).toBeTruthy();
    const original = page.locator(`#${id}`);
    await expect(original.getByTestId('contact-edit')).toHaveCount(0);
    const { date, minutes } = await contactFacts(original);
    const corrected = minutes + 10;
    const note = `Varigheden var forkert registreret (${Date.now().toString(36)}).`;

    await page.getByTestId('week-chart-toggle').click();
    const [granted, loggedBefore] = await weekRow(page, date);

    await original.getByTestId('contact-correct').click();
    await original.getByTestId('contact-minutes').fill(String(corrected));
    await original.getByTestId('contact-note').fill(note);
    await expectAccessible(page);
    await original.getByTestId('contact-submit').click();

    await expect(page.getByTestId('course-message')).toHaveText('Rettelsen er gemt.');
    const correction = page.getByTestId('course-contact').filter({ hasText: note });
    await expect(correction).toHaveCount(1);
    await expect(correction).toContainText('Rettelse');
    await expect(correction).toContainText(`${corrected} min`);
    await expect(original.getByTestId('contact-corrected')).toHaveText('Rettet');
    await expect(original.getByTestId('contact-correct')).toHaveCount(0);
    await expect.poll(() => weekRow(page, date)).toEqual([granted, loggedBefore + 10]);

    // "Rettet" leads to the correction, for keyboard and screen-reader users too.
    await original.getByTestId('contact-corrected').click();
    await expect(correction).toBeFocused();
    await expectAccessible(page);
  });

  test('finds a citizen on "Mine borgere" by name, kept in the address', async ({ page }) => {
    test.slow();
    await signIn(page, MENTOR);
    await page.getByTestId('nav-my-citizens').click();
    const cards = page.getByTestId('my-citizen-card');
    await expect(cards.filter({ hasText: DEMO_CITIZEN })).toHaveCount(1);
    expect(await cards.count()).toBeGreaterThan(1);

    await page.getByTestId('my-citizens-search').fill('demosen');
    await expect(page).toHaveURL(/\/my-citizens\?search=demosen$/);
    await expect(cards).toHaveCount(1);
    await expect(cards).toContainText(DEMO_CITIZEN);
    await expect(page.getByRole('status').filter({ hasText: 'borgere fundet' })).toHaveText(
      '1 borgere fundet',
    );
    await expectAccessible(page);

    // A reload (or a shared link) shows the same search.
    await page.reload();
    await expect(page.getByTestId('my-citizens-search')).toHaveValue('demosen');
    await expect(cards).toHaveCount(1);

    await page.getByTestId('my-citizens-search').fill('ingen-saadan-borger');
    await expect(page.getByTestId('my-citizens-empty')).toHaveText(
      'Ingen af dine borgere matcher »ingen-saadan-borger«.',
    );
    await expect(cards).toHaveCount(0);
    await expectAccessible(page);

    await page.getByTestId('my-citizens-search').fill('');
    await expect(page).toHaveURL(/\/my-citizens$/);
    await expect(cards.filter({ hasText: DEMO_CITIZEN })).toHaveCount(1);
    expect(await cards.count()).toBeGreaterThan(1);
  });
});

test.describe('a caseworker', () => {
  test('reveals a CPR number and edits the citizen, and is told when someone else saved first', async ({
    page,
    baseURL,
  }) => {
    test.slow();
    const name = citizenName('Vera');
    const { citizenId, courseId, cpr } = await createCourse(baseURL!, { name });

    await signIn(page, CASEWORKER);
    await page.getByTestId('nav-caseload').click();
    await page.getByTestId('caseload-search').fill(name);
    await expect.poll(() => new URL(page.url()).searchParams.get('search')).toBe(name);
    await expect(page.getByTestId('caseload-row')).toHaveCount(1);
    await page.getByTestId('caseload-citizen').filter({ hasText: name }).click();
    await expect(page).toHaveURL(new RegExp(`/courses/${courseId}$`));

    // Masked until asked for; the reveal is explicit.
    const cprText = page.getByTestId('course-cpr');
    await expect(cprText).toHaveText(`${cpr.slice(0, 6)}-XXXX`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Vis CPR-nummer' }).click();
    await expect(cprText).toHaveText(cpr);
    await expect(cprText).toBeFocused();
    await expect(page.getByTestId('course-reveal-cpr')).toHaveCount(0);
    await expectAccessible(page);

    await page.getByTestId('course-edit-citizen').click();
    await expect(page).toHaveURL(new RegExp(`/citizens/${citizenId}/edit\\?course=${courseId}$`));
    await expect(page.getByTestId('page-title')).toHaveText('Rediger borger');
    await expect(page).toHaveTitle('Rediger borger · Mentorsystemet');
    await expect(page.getByTestId('page-subtitle')).toContainText(`${cpr.slice(0, 6)}-XXXX`);
    await expect(page.getByTestId('citizen-name')).toHaveValue(name);
    await expectAccessible(page);

    const newName = citizenName('Vera');
    await page.getByTestId('citizen-name').fill(newName);
    await page.getByTestId('citizen-phone').fill('20 30 40 50');
    await page.getByTestId('citizen-meeting-place').getByRole('radio', { name: 'I hjemmet' }).check();
    await page.getByTestId('citizen-submit').click();
    await expect(page.getByTestId('citizen-edit-notice')).toHaveText('Borgerens oplysninger er gemt.');

    // Someone else (another tab, a colleague) changes the citizen meanwhile.
    const other = await apiAs(baseURL!, CASEWORKER);
    const current = (await (await other.get(`/api/citizens/${citizenId}`)).json()) as { version: number };
    const patched = await other.patch(`/api/citizens/${citizenId}`, {
      data: { address: 'Andenvej 3, 2300 København S', version: current.version },
    });
    expect(patched.status()).toBe(200);
    await other.dispose();

    await page.getByTestId('citizen-address').fill('Testvej 9, 2100 København Ø');
    await page.getByTestId('citizen-submit').click();
    const stale = page.getByTestId('citizen-edit-stale');
    await expect(stale).toContainText('Borgeren er blevet ændret af en anden, efter du åbnede siden.');
    await expect(stale).toContainText('Genindlæs for at se de nyeste oplysninger');
    await expectAccessible(page);
    await stale.getByRole('button', { name: 'Genindlæs' }).click();
    await expect(page.getByTestId('citizen-address')).toHaveValue('Andenvej 3, 2300 København S');
    await expect(page.getByTestId('citizen-phone')).toHaveValue('20 30 40 50');
    await expect(stale).toHaveCount(0);

    await page.getByTestId('citizen-edit-back').click();
    await expect(page).toHaveURL(new RegExp(`/courses/${courseId}$`));
    await expect(page.getByTestId('course-citizen-name')).toHaveText(newName);
  });

  test('changes the weekly minutes, and a date outside the grant is explained beside the field', async ({
    page,
    baseURL,
  }) => {
    test.slow();
    const name = citizenName('Otto');
    const startsOn = danishDate(-10);
    const { courseId } = await createCourse(baseURL!, { name, minutesPerWeek: 60, startsOn });

    await signIn(page, CASEWORKER);
    await page.goto(`/courses/${courseId}`);
    await expect(page.getByTestId('course-week')).toContainText('af 60 min');

    // Before the grant starts: the API refuses, and says so in Danish under the date.
    await page.getByTestId('course-new-minutes').fill('90');
    await page.getByTestId('course-minutes-from').fill(danishDate(-30));
    await page.getByTestId('course-change-minutes').click();
    const date = page.getByTestId('course-minutes-from');
    await expect(date).toHaveAccessibleDescription('Datoen skal ligge inden for bevillingens periode.');
    await expect(page.getByText('Datoen skal ligge inden for bevillingens periode.')).toBeVisible();
    await expect(page.getByTestId('course-message')).toHaveCount(0);
    await expectAccessible(page);

    // From this week's Monday the new minutes count for this week too.
    const monday = mondayOf(danishDate());
    await date.fill(monday);
    await page.getByTestId('course-change-minutes').click();
    await expect(page.getByTestId('course-message')).toHaveText('Minuttallet er ændret.');
    await expect(page.getByTestId('course-week')).toContainText('af 90 min');
    const history = page.getByTestId('course-minutes-history');
    await expect(history.getByRole('row').filter({ hasText: danishFormat(monday) })).toContainText('90');
    await expect(history.getByRole('row').filter({ hasText: danishFormat(startsOn) })).toContainText('60');
    await expect(page.getByTestId('course-new-minutes')).toHaveValue('');
    await expectAccessible(page);
  });

  test('changes the mentor, sees the mentor history, and ends the course with a reason', async ({
    page,
    baseURL,
  }) => {
    test.slow();
    const name = citizenName('Bent');
    const startsOn = danishDate(-10);
    const today = danishFormat(danishDate());
    const { courseId } = await createCourse(baseURL!, { name, startsOn });

    await signIn(page, CASEWORKER);
    await page.goto(`/courses/${courseId}`);
    await expect(page.getByTestId('course-mentor')).toHaveText(MENTOR_NAME);
    const history = page.getByRole('region', { name: 'Mentorhistorik' }).getByRole('listitem');
    await expect(history).toHaveCount(1);

    await page.getByTestId('course-mentor-select').click();
    await page.getByRole('option', { name: OTHER_MENTOR_NAME }).click();
    await page.getByTestId('course-change-mentor').click();
    await expect(page.getByTestId('course-message')).toHaveText('Mentoren er skiftet.');
    await expect(page.getByTestId('course-mentor')).toHaveText(OTHER_MENTOR_NAME);
    await expect(history).toHaveCount(2);
    await expect(history.filter({ hasText: MENTOR_NAME })).toHaveText(
      `${MENTOR_NAME}: ${danishFormat(startsOn)} – ${today}`,
    );
    await expect(history.filter({ hasText: OTHER_MENTOR_NAME })).toHaveText(
      `${OTHER_MENTOR_NAME}: ${today} – nu`,
    );
    await expectAccessible(page);

    // Ending needs a reason.
    await page.getByTestId('course-end').click();
    await expect(page.getByTestId('course-message')).toHaveText('Vælg en årsag til afslutningen.');
    // By keyboard: an empty select's label lies over its middle.
    await page.getByTestId('course-end-reason').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: 'Målet er nået' }).click();
    await page.getByTestId('course-end').click();
    await expect(page.getByTestId('course-message')).toHaveText('Forløbet er afsluttet.');
    await expect(page.getByTestId('page-subtitle')).toHaveText('Afsluttet');
    await expect(page.getByText(`Afsluttet ${today} · Målet er nået`)).toBeVisible();
    await expect(page.getByTestId('course-end')).toHaveCount(0);
    await expect(history.filter({ hasText: OTHER_MENTOR_NAME })).toHaveText(
      `${OTHER_MENTOR_NAME}: ${today} – ${today}`,
    );
    await expectAccessible(page);

    // An ended course is listed only when asked for.
    await page.getByTestId('nav-caseload').click();
    await page.getByTestId('caseload-search').fill(name);
    await expect(page.getByText('Der er ingen forløb.')).toBeVisible();
    await expect(page.getByTestId('caseload-row')).toHaveCount(0);
    await page.getByTestId('caseload-ended').click();
    await expect(page.getByTestId('caseload-row').filter({ hasText: name })).toContainText('Afsluttet');
  });

  test('renews a grant after a new assessment: a new grant and course follow the old one', async ({
    page,
    baseURL,
  }) => {
    test.slow();
    const name = citizenName('Rita');
    const endsOn = danishDate(20);
    const { courseId } = await createCourse(baseURL!, { name, endsOn });

    await signIn(page, CASEWORKER);
    await page.goto(`/courses/${courseId}`);
    await expect(page.getByTestId('course-period')).toContainText(danishFormat(endsOn));
    await page.getByTestId('course-renew').click();

    await expect(page).toHaveURL(/\/grants\/new\?citizenId=[0-9a-f-]{36}&renews=[0-9a-f-]{36}$/);
    await expect(page.getByTestId('page-title')).toHaveText('Forny bevilling');
    await expect(page.getByTestId('grant-citizen')).toContainText(name);
    // Prefilled from the grant it renews, starting the day after it ends.
    await expect(page.getByTestId('grant-purpose')).toHaveValue(COURSE_PURPOSE);
    await expect(page.getByTestId('grant-minutes')).toHaveValue('60');
    const startsOn = danishDate(21);
    await expect(page.getByTestId('grant-starts-on')).toHaveValue(startsOn);
    await expect(page.getByTestId('grant-organisation')).toContainText(ORGANISATION);
    await page.getByTestId('grant-minutes').fill('45');
    await page.getByTestId('grant-mentor').click();
    await page.getByRole('option', { name: MENTOR_NAME }).click();
    await expectAccessible(page);
    await page.getByTestId('grant-submit').click();

    await expect(page).toHaveURL(/\/courses\/[0-9a-f-]{36}$/);
    expect(page.url()).not.toContain(courseId);
    await expect(page.getByTestId('course-citizen-name')).toHaveText(name);
    await expect(page.getByTestId('course-period')).toContainText(danishFormat(startsOn));
    await expect(page.getByTestId('course-minutes-history')).toContainText('45');
    await expect(page.getByTestId('course-mentor')).toHaveText(MENTOR_NAME);
    await expectAccessible(page);

    // Both grants stay in the caseload: the old one until it ends, then the renewal.
    await page.getByTestId('nav-caseload').click();
    await page.getByTestId('caseload-search').fill(name);
    await expect(page.getByTestId('caseload-row').filter({ hasText: name })).toHaveCount(2);
  });
});
