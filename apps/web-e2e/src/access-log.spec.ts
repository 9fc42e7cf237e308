import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
  apiAs,
  citizenName,
  COURSE_CASEWORKER as CASEWORKER,
  COURSE_MENTOR as MENTOR,
  COURSE_MENTOR_NAME as MENTOR_NAME,
  COURSE_ORGANISATION as ORGANISATION,
  createCourse,
  expectAccessible,
  signIn,
  watchForErrors,
} from './support';

/** The caseworker's own name: the log shows roles and organisations, never staff names. */
const CASEWORKER_NAME = 'Peter Falk Nielsen';

test.use({ timezoneId: 'Europe/Copenhagen' });

test("a caseworker produces a citizen's access log, on screen and as CSV and PDF", async ({
  page,
  baseURL,
}) => {
  test.slow();
  const errors = watchForErrors(page);
  const name = citizenName('Ida');
  const { courseId, citizenId } = await createCourse(baseURL!, { name });
  // The provider's mentor reads the course: a read by another organisation's staff.
  const mentor = await apiAs(baseURL!, MENTOR);
  expect((await mentor.get(`/api/courses/${courseId}`)).status()).toBe(200);
  await mentor.dispose();

  await signIn(page, CASEWORKER);
  await page.goto(`/courses/${courseId}`);
  await page.getByTestId('course-access-log').click();
  await expect(page).toHaveURL(new RegExp(`/citizens/${citizenId}/access-log\\?course=${courseId}$`));
  await expect(page.getByTestId('page-title')).toHaveText('Indsigtslog');
  await expect(page.getByTestId('page-subtitle')).toContainText(name);
  await expect(page.getByTestId('access-log-explanation')).toContainText('ret til indsigt');

  const table = page.getByTestId('access-log-table');
  const rows = page.getByTestId('access-log-row');
  const mentorRead = rows
    .filter({ hasText: 'Forløbet er læst' })
    .filter({ has: page.getByRole('cell', { name: 'Mentor', exact: true }) });
  await expect(mentorRead).toHaveCount(1);
  await expect(mentorRead).toContainText(ORGANISATION);
  await expect(mentorRead).toContainText('Læst');
  await expect(mentorRead).toContainText('Mentorstøtte');
  await expect(rows.filter({ hasText: 'Borgeren er oprettet' })).toContainText('Sagsbehandler');
  await expect(rows.filter({ hasText: 'Borgeren er oprettet' })).toContainText('Ændret');
  await expect(table).not.toContainText(MENTOR_NAME);
  await expect(table).not.toContainText(CASEWORKER_NAME);
  await expectAccessible(page);

  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('access-log-csv').click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const text = readFileSync((await csv.path())!, 'utf8');
  expect(text).toContain(ORGANISATION);
  expect(text).not.toContain(MENTOR_NAME);

  const pdfDownload = page.waitForEvent('download');
  await page.getByTestId('access-log-pdf').click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  expect(
    readFileSync((await pdf.path())!)
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');

  // A period before the citizen was registered holds nothing.
  await page.getByTestId('access-log-from').fill('2020-01-01');
  await page.getByTestId('access-log-to').fill('2020-12-31');
  await page.getByTestId('access-log-apply').click();
  await expect(table).toContainText('Ingen adgange i perioden.');
  await expect(rows).toHaveCount(0);
  await expectAccessible(page);

  await page.getByTestId('access-log-back').click();
  await expect(page).toHaveURL(new RegExp(`/courses/${courseId}$`));
  expect(errors).toEqual([]);
});

test("a mentor cannot open a citizen's access log", async ({ page, baseURL }) => {
  const { citizenId } = await createCourse(baseURL!, { name: citizenName('Ulla') });
  await signIn(page, MENTOR);
  await page.goto(`/citizens/${citizenId}/access-log`);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('page-title')).not.toHaveText('Indsigtslog');
  const mentor = await apiAs(baseURL!, MENTOR);
  expect((await mentor.get(`/api/citizens/${citizenId}/access-log`)).status()).toBe(403);
  await mentor.dispose();
});
