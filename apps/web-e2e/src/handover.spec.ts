import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  citizenName,
  COURSE_CASEWORKER as CASEWORKER,
  COURSE_MENTOR as MENTOR,
  COURSE_MENTOR_NAME as MENTOR_NAME,
  COURSE_PURPOSE,
  createCourse,
  expectAccessible,
  handOverCourse,
  signIn,
  watchForErrors,
} from './support';

// The contact form starts at today's date and time; the API counts days in Danish time.
test.use({ timezoneId: 'Europe/Copenhagen' });

const GOAL = 'Møder stabilt op i tilbuddet';
const SAFETY = 'Mød ikke alene i hjemmet de første gange.';
const FIRST_STEP = 'Første møde på biblioteket torsdag formiddag';

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

/** Accepts the next confirmation dialog, checking what it asks. */
function acceptNextDialog(page: Page, question: RegExp) {
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toMatch(question);
    void dialog.accept();
  });
}

test('a caseworker hands a course over; the mentor acknowledges before the first contact', async ({
  page,
  browser,
  baseURL,
}) => {
  test.slow();
  const errors = watchForErrors(page);
  const name = citizenName('Hanne');
  const { courseId } = await createCourse(baseURL!, { name });

  // The caseworker: the course page says the packet is not sent and leads to it.
  await signIn(page, CASEWORKER);
  await page.goto(`/courses/${courseId}`);
  await expect(page.getByTestId('course-citizen-name')).toHaveText(name);
  await expect(page.getByTestId('handover-banner')).toContainText(
    `Overleveringen til ${MENTOR_NAME} er ikke sendt endnu.`,
  );
  await expect(page.getByTestId('course-nav-course')).toHaveAttribute('aria-current', 'page');
  await page.getByTestId('course-nav-handover').click();
  await expect(page).toHaveURL(new RegExp(`/courses/${courseId}/handover$`));
  await expect(page.getByTestId('course-nav-handover')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('page-title')).toHaveText('Overlevering');

  // Pre-filled from the grant, not saved yet.
  await expect(page.getByTestId('handover-state')).toContainText('Forslag – ikke gemt');
  await expect(page.getByTestId('handover-purpose')).toHaveValue(COURSE_PURPOSE);
  await expect(page.getByTestId('handover-goals-0')).toHaveValue(GOAL);
  await expectAccessible(page);

  // What the mentor cannot start without is asked for before anything is sent.
  await page.getByTestId('handover-background').fill('');
  await page.getByTestId('handover-knownBarriers').fill('');
  await page.getByTestId('handover-send').click();
  await expect(page.getByTestId('handover-error')).toContainText('Ret de markerede felter.');
  await expect(
    page.getByTestId('handover-knownBarriers').locator('xpath=ancestor::mat-form-field'),
  ).toContainText('Skal udfyldes, før overleveringen kan sendes.');
  await expect(page.getByTestId('handover-firstSteps-error')).toHaveText('Skriv mindst ét første skridt.');
  await expectAccessible(page);

  await page
    .getByTestId('handover-background')
    .fill('Ledig i to år; har tidligere været i praktik i en butik.');
  await page.getByTestId('handover-knownBarriers').fill('Angst i store grupper og usikker økonomi.');
  await page.getByTestId('handover-times').fill('Formiddage, ikke mandag');
  await page.getByTestId('handover-forms').getByRole('option', { name: 'Telefon' }).click();
  await page.getByTestId('handover-safetyNotes').fill(SAFETY);
  await page.getByTestId('handover-otherActors-add').click();
  await page.getByTestId('handover-otherActors-0-kind').click();
  await page.getByRole('option', { name: 'Læge' }).click();
  await page.getByTestId('handover-otherActors-0-name').fill('Egen læge');
  await page.getByTestId('handover-firstSteps-add').click();
  await expect(page.getByTestId('handover-firstSteps-0')).toBeFocused();
  await page.getByTestId('handover-firstSteps-0').fill(FIRST_STEP);
  await page.getByTestId('handover-save').click();
  await expect(page.getByTestId('handover-notice')).toHaveText('Kladden er gemt.');
  await expect(page.getByTestId('handover-state')).toContainText('Kladde – ikke sendt');

  acceptNextDialog(page, new RegExp(`^Send overleveringen til ${MENTOR_NAME}\\?`));
  await page.getByTestId('handover-send').click();
  await expect(page.getByTestId('handover-state')).toContainText('Sendt – afventer kvittering');
  await expect(page.getByTestId('handover-message')).toContainText(
    `Overleveringen er sendt til ${MENTOR_NAME}.`,
  );
  await expect(page.getByTestId('handover-acknowledge-by')).toHaveText(/^\d{2}\.\d{2}\.\d{4}$/);
  await expect(page.getByTestId('handover-view-safety')).toContainText(SAFETY);
  await expect(page.locator('textarea')).toHaveCount(0);
  await expectAccessible(page);

  // The mentor: told in the bell, on the course and when trying to log a contact.
  const mentor = await desktopAs(browser, baseURL!, MENTOR);
  const mentorErrors = watchForErrors(mentor);
  await mentor.goto(`/courses/${courseId}`);
  await expect(mentor.getByTestId('handover-banner')).toHaveAttribute('data-kind', 'mentorAcknowledge');
  await expectAccessible(mentor);
  await mentor.getByTestId('notifications-bell').click();
  // Other courses' notifications may be there too: this course's leads to its handover page.
  const notification = mentor.locator(`[data-testid="notification"][href="/courses/${courseId}/handover"]`);
  await expect(notification).toHaveAttribute('data-kind', 'handover_sent');
  await expect(notification).toContainText('Du har fået en overlevering.');
  await mentor.keyboard.press('Escape');

  await mentor.getByTestId('course-log-contact').click();
  await expect(mentor).toHaveURL(new RegExp(`/courses/${courseId}/log$`));
  await mentor.getByTestId('contact-submit').click();
  await expect(mentor.getByTestId('log-contact-handover')).toContainText(
    'Du skal kvittere for overleveringen fra sagsbehandleren, før du kan registrere den første kontakt.',
  );
  await expectAccessible(mentor);
  await mentor.getByTestId('log-contact-open-handover').click();

  await expect(mentor).toHaveURL(new RegExp(`/courses/${courseId}/handover$`));
  await expect(mentor.getByTestId('handover-read-first')).toBeVisible();
  await expect(mentor.getByTestId('handover-view-safety')).toContainText(SAFETY);
  await expect(mentor.getByTestId('handover-view-firstSteps')).toContainText(FIRST_STEP);
  await expect(mentor.getByTestId('handover-view-actors')).toContainText('Læge: Egen læge');
  await expect(mentor.getByTestId('handover-view-preferences')).toContainText('Formiddage, ikke mandag');
  await expect(mentor.getByTestId('handover-save')).toHaveCount(0);
  await expectAccessible(mentor);

  acceptNextDialog(mentor, /^Kvittér for, at du har læst overleveringen\?$/);
  await mentor.getByTestId('handover-acknowledge').click();
  await expect(mentor.getByTestId('handover-state')).toContainText('Kvitteret');
  await expect(mentor.getByTestId('handover-acknowledged-at')).toHaveText(
    /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/,
  );
  await expect(mentor.getByTestId('handover-acknowledge')).toHaveCount(0);

  // Now the first contact can be logged.
  await mentor.getByTestId('handover-log-contact').click();
  await mentor.getByTestId('contact-submit').click();
  await expect(mentor.getByTestId('log-contact-saved')).toContainText('Kontakten er gemt.');
  await mentor.goto(`/courses/${courseId}`);
  await expect(mentor.getByTestId('course-contact')).toHaveCount(1);
  await expect(mentor.getByTestId('handover-banner')).toHaveCount(0);
  expect(mentorErrors).toEqual([]);
  await mentor.context().close();

  // The caseworker sees the acknowledgement with its time.
  await page.reload();
  await expect(page.getByTestId('handover-state')).toContainText('Kvitteret');
  await expect(page.getByTestId('handover-acknowledged-at')).toHaveText(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
  await page.getByTestId('course-nav-course').click();
  await expect(page.getByTestId('course-citizen-name')).toHaveText(name);
  await expect(page.getByTestId('handover-banner')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a team leader reads the handover packet once sent, and cannot change it', async ({ page, baseURL }) => {
  test.slow();
  const name = citizenName('Tove');
  const { courseId } = await createCourse(baseURL!, { name });
  await signIn(page, 'teamleder.cji');
  await page.goto(`/courses/${courseId}/handover`);
  await expect(page.getByTestId('handover-none')).toHaveText(
    'Overleveringen er ikke sendt til mentoren endnu.',
  );

  await handOverCourse(baseURL!, courseId);
  await page.reload();
  await expect(page.getByTestId('page-title')).toHaveText('Overlevering');
  await expect(page.getByTestId('handover-state')).toContainText('Kvitteret');
  await expect(page.getByTestId('handover-mentor')).toHaveText(MENTOR_NAME);
  await expect(page.getByTestId('handover-view-firstSteps')).toContainText('Første møde på biblioteket');
  await expect(page.locator('textarea')).toHaveCount(0);
  await expect(page.getByTestId('handover-save')).toHaveCount(0);
  await expect(page.getByTestId('handover-acknowledge')).toHaveCount(0);
  // Team leaders do not see the case's shared items.
  await expect(page.getByTestId('course-nav-case')).toHaveCount(0);
  await expectAccessible(page);
});
