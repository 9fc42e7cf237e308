import { readFile } from 'node:fs/promises';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { apiAs, citizenName, COURSE_CASEWORKER, danishDate, signIn, syntheticCpr } from './support';

/** A tiny, valid PDF with a line of fictional text (the API reads the type from the content). */
export function samplePdf(text: string): Buffer {
  return Buffer.from(`%PDF-1.7\n1 0 obj <<>> endobj\n% ${text}\ntrailer <<>>\n%%EOF\n`);
}

/** A PNG signature and header: enough for the API to know it as a picture. */
export function samplePng(): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('0000000dIHDR fictional picture'),
  ]);
}

export interface SharingCourse {
  name: string;
  citizenId: string;
  courseId: string;
}

/**
 * A new citizen of the caseworker sagsbehandler.cji with an active course delivered by
 * `organisation` with `mentorName` as mentor, made through the API.
 */
export async function courseWith(
  baseURL: string,
  prefix: string,
  organisation: string,
  mentorName: string,
): Promise<SharingCourse> {
  const api = await apiAs(baseURL, COURSE_CASEWORKER);
  try {
    const name = citizenName(prefix);
    const citizen = await api.post('/api/citizens', {
      data: { name, cpr: syntheticCpr(), preferredMeetingPlace: 'out_of_home' },
    });
    expect(citizen.status()).toBe(201);
    const citizenId = ((await citizen.json()) as { id: string }).id;
    const organisations = (await (await api.get('/api/organisations?limit=100')).json()) as {
      items: { id: string; name: string }[];
    };
    const provider = organisations.items.find((o) => o.name === organisation);
    expect(provider, organisation).toBeDefined();
    const mentors = (await (await api.get(`/api/organisations/${provider!.id}/mentors`)).json()) as {
      id: string;
      name: string;
    }[];
    const mentor = mentors.find((m) => m.name === mentorName);
    expect(mentor, mentorName).toBeDefined();
    const grant = await api.post('/api/grants', {
      data: {
        citizenId,
        mentorType: 'holistic',
        purpose: 'Støtte til at komme i gang med et aktiveringstilbud.',
        tasks: 'Ugentlige møder og hjælp til praktiske opgaver.',
        goals: ['Møder stabilt op i tilbuddet'],
        minutesPerWeek: 60,
        startsOn: danishDate(-2),
        endsOn: danishDate(60),
        deliveringOrganisationId: provider!.id,
        mentorId: mentor!.id,
      },
    });
    expect(grant.status()).toBe(201);
    return { name, citizenId, courseId: ((await grant.json()) as { courseId: string }).courseId };
  } finally {
    await api.dispose();
  }
}

/** A desktop browser of its own, signed in as `username`, that accepts every confirmation. */
export async function browserAs(browser: Browser, baseURL: string, username: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  await signIn(page, username);
  return page;
}

/** Uploads a document on the citizen's case page (open already) and waits for it in the list. */
export async function uploadDocument(
  page: Page,
  file: { name: string; mimeType: string; buffer: Buffer },
  title: string,
): Promise<void> {
  await page.getByTestId('case-upload-file').setInputFiles(file);
  await page.getByTestId('case-upload-title').fill(title);
  await page.getByTestId('case-upload-submit').click();
  await expect(page.getByTestId('case-item-title').filter({ hasText: title })).toBeVisible();
}

/** Shares an item by title with the course's mentor on the consent of the citizen (the course's shares page is open). */
export async function shareWithConsent(page: Page, title: string, scope: string): Promise<void> {
  await page.getByTestId('course-shares-add').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('share-item').click();
  await page.getByRole('option', { name: new RegExp(`^${title} `) }).click();
  await expect(dialog.getByTestId('share-basis-consent').locator('input')).toBeChecked();
  await dialog.getByTestId('share-consent-date').fill(danishDate(-1));
  await dialog.getByTestId('share-consent-scope').fill(scope);
  await dialog.getByTestId('share-submit').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('course-share').filter({ hasText: title }).first()).toHaveAttribute(
    'data-state',
    'active',
  );
}

/** Downloads a file by clicking its link; answers its suggested name and bytes. */
export async function download(page: Page, link: Locator): Promise<{ name: string; content: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return { name: file.suggestedFilename(), content: await readFile(await file.path()) };
}
