import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
  apiAs,
  citizenName,
  COURSE_CASEWORKER as CASEWORKER,
  COURSE_MENTOR as MENTOR,
  createCourse,
  expectAccessible,
  signIn,
  watchForErrors,
} from './support';

test("a caseworker downloads all of a citizen's data for a request of access", async ({ page, baseURL }) => {
  const errors = watchForErrors(page);
  const name = citizenName('Indsigt');
  const { citizenId, courseId, cpr } = await createCourse(baseURL!, { name });

  await signIn(page, CASEWORKER);
  await page.goto(`/citizens/${citizenId}/edit`);
  const section = page.getByTestId('citizen-export');
  await expect(section).toContainText('Indsigt efter artikel 15');
  await expect(page.getByTestId('citizen-export-pdf')).toHaveText(/Eksportér alle data \(PDF\)/);
  await expectAccessible(page);

  const download = page.waitForEvent('download');
  await page.getByTestId('citizen-export-json').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^indsigt-alle-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(readFileSync((await file.path())!, 'utf8'));
  expect(data.citizen).toMatchObject({ id: citizenId, name, cpr });
  expect(data.courses.map((c: { id: string }) => c.id)).toEqual([courseId]);
  expect(data.exportedBy.role).toBe('caseworker');

  // A mentor has no export, neither on a page nor through the API.
  const mentor = await apiAs(baseURL!, MENTOR);
  expect((await mentor.get(`/api/citizens/${citizenId}/export.json`)).status()).toBe(403);
  await mentor.dispose();
  expect(errors).toEqual([]);
});
