import { expect, test } from '@playwright/test';
import {
  browserAs,
  courseWith,
  download,
  samplePdf,
  samplePng,
  shareWithConsent,
  uploadDocument,
} from './case-sharing-support';
import {
  COURSE_CASEWORKER as CASEWORKER,
  COURSE_MENTOR as MENTOR,
  COURSE_MENTOR_NAME as MENTOR_NAME,
  COURSE_ORGANISATION as ORGANISATION,
  expectAccessible,
} from './support';

// The API counts days in Danish time; the share dialog's dates must be the same days.
test.use({ timezoneId: 'Europe/Copenhagen' });

const DOCUMENT_TITLE = 'Lægeerklæring';
const NOTE_TITLE = 'Aftaler om møder';
const NOTE_TEXT = 'Borgeren foretrækker møder om formiddagen og ikke i hjemmet.';

test.describe('case sharing', () => {
  test('the caseworker uploads and shares with consent, the mentor reads and downloads, a revoked share is gone at once', async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const course = await courseWith(baseURL!, 'Deling', ORGANISATION, MENTOR_NAME);
    const caseworker = await browserAs(browser, baseURL!, CASEWORKER);

    // --- The caseworker keeps a document and a note on the citizen's case. ---
    await caseworker.goto(`/citizens/${course.citizenId}/edit`);
    await caseworker.getByTestId('citizen-case-link').click();
    await expect(caseworker).toHaveURL(new RegExp(`/citizens/${course.citizenId}/case$`));
    await expect(caseworker.getByTestId('case-items-empty')).toBeVisible();
    await expectAccessible(caseworker);

    // A picture named like a PDF is refused, and said so in Danish.
    await caseworker
      .getByTestId('case-upload-file')
      .setInputFiles({ name: 'erklæring.pdf', mimeType: 'application/pdf', buffer: samplePng() });
    await caseworker.getByTestId('case-upload-submit').click();
    await expect(caseworker.getByTestId('case-upload-error')).toContainText(
      'Filens indhold passer ikke til filnavnets endelse',
    );

    const pdf = samplePdf('Fiktiv lægeerklæring');
    await uploadDocument(
      caseworker,
      { name: 'erklæring.pdf', mimeType: 'application/pdf', buffer: pdf },
      DOCUMENT_TITLE,
    );
    await caseworker.getByTestId('case-note-title').fill(NOTE_TITLE);
    await caseworker.getByTestId('case-note-body').fill(NOTE_TEXT);
    await caseworker.getByTestId('case-note-submit').click();
    await expect(caseworker.getByTestId('case-item')).toHaveCount(2);
    // The caseworker downloads the document as it was uploaded.
    const own = await download(caseworker, caseworker.getByTestId('case-item-download'));
    expect(own.name).toBe('erklæring.pdf');
    expect(own.content.equals(pdf)).toBe(true);
    await expectAccessible(caseworker);

    // --- Shares both with the course's mentor on the citizen's consent. ---
    await caseworker.goto(`/courses/${course.courseId}/case`);
    await expect(caseworker.getByTestId('course-shares-notice')).toContainText(
      `${MENTOR_NAME} ser kun det, du deler her`,
    );
    await expect(caseworker.getByTestId('course-shares-empty')).toBeVisible();
    await caseworker.getByTestId('course-shares-add').click();
    await expect(caseworker.getByRole('dialog')).toBeVisible();
    await expectAccessible(caseworker);
    await caseworker.getByTestId('share-cancel').click();
    await shareWithConsent(caseworker, DOCUMENT_TITLE, 'Lægeerklæringen må deles med mentoren i forløbet.');
    await shareWithConsent(caseworker, NOTE_TITLE, 'Aftalerne om møder må deles med mentoren.');
    await expect(caseworker.getByTestId('course-share')).toHaveCount(2);
    await expect(caseworker.getByTestId('course-shares-add')).toBeDisabled();
    await expect(caseworker.getByTestId('course-share-basis').first()).toContainText('Samtykke givet');
    await expectAccessible(caseworker);

    // --- The mentor sees exactly the two, reads the note and downloads the document. ---
    const mentor = await browserAs(browser, baseURL!, MENTOR);
    await mentor.goto(`/courses/${course.courseId}`);
    await mentor.getByTestId('course-nav-case').click();
    await expect(mentor).toHaveURL(new RegExp(`/courses/${course.courseId}/case$`));
    await expect(mentor.getByTestId('shared-items-notice')).toContainText('Hver visning og download logges');
    await expect(mentor.getByTestId('shared-item')).toHaveCount(2);
    // The citizen's case itself is not the mentor's.
    expect((await mentor.request.get(`/api/citizens/${course.citizenId}/case-items`)).status()).toBe(403);
    const file = await download(mentor, mentor.getByTestId('shared-item-download'));
    expect(file.name).toBe('erklæring.pdf');
    expect(file.content.equals(pdf)).toBe(true);
    const note = mentor.getByTestId('shared-item').filter({ hasText: NOTE_TITLE });
    await note.getByTestId('shared-item-open').click();
    await expect(note.getByTestId('shared-item-note-body')).toHaveText(NOTE_TEXT);
    await expectAccessible(mentor);
    const shared = (await (
      await mentor.request.get(`/api/courses/${course.courseId}/shared-items`)
    ).json()) as {
      shareId: string;
      title: string;
    }[];
    const noteShare = shared.find((s) => s.title === NOTE_TITLE)!.shareId;
    const documentShare = shared.find((s) => s.title === DOCUMENT_TITLE)!.shareId;

    // --- The caseworker revokes the note; the mentor's open note is gone at once. ---
    await caseworker
      .getByTestId('course-share')
      .filter({ hasText: NOTE_TITLE })
      .getByTestId('course-share-revoke')
      .click();
    await expect(caseworker.getByTestId('course-share').filter({ hasText: NOTE_TITLE })).toHaveAttribute(
      'data-state',
      'revoked',
    );
    await expect(caseworker.getByTestId('share-state').first()).toHaveText('Tilbagekaldt');
    expect((await mentor.request.get(`/api/shares/${noteShare}`)).status()).toBe(404);
    expect((await mentor.request.get(`/api/shares/${documentShare}/file`)).status()).toBe(200);
    // Closing and opening the note again asks the API, which no longer has it for the mentor.
    await note.getByTestId('shared-item-open').click();
    await note.getByTestId('shared-item-open').click();
    await expect(mentor.getByTestId('shared-item-gone')).toContainText(
      `»${NOTE_TITLE}« er ikke længere delt med dig.`,
    );
    await expect(mentor.getByTestId('shared-item')).toHaveCount(1);
    await mentor.reload();
    await expect(mentor.getByTestId('shared-item')).toHaveCount(1);
    await expect(mentor.getByTestId('shared-item-title')).toHaveText(DOCUMENT_TITLE);
    await expectAccessible(mentor);

    // A mentor on a phone: the shared items and the thread fit a 360 px screen.
    await mentor.setViewportSize({ width: 360, height: 740 });
    const overflow = () => mentor.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await mentor.getByTestId('course-nav-messages').click();
    await expect(mentor.getByTestId('message-body')).toBeVisible();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectAccessible(mentor);

    await caseworker.context().close();
    await mentor.context().close();
  });
});
