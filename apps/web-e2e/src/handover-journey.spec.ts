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
import { COURSE_CASEWORKER as CASEWORKER, expectAccessible } from './support';

// The API counts days in Danish time; the browser's dates must be the same days.
test.use({ timezoneId: 'Europe/Copenhagen' });

/** An external provider's mentor (apps/api/src/demo/demo-data.ts). */
const PROVIDER = 'Mentorhuset ApS';
const EXTERNAL_MENTOR = 'mentor.mentorhuset1';
const EXTERNAL_MENTOR_NAME = 'Thomas Brandt Poulsen';
const CASEWORKER_NAME = 'Peter Falk Nielsen';

const PLAN = { title: 'Jobplan', file: 'jobplan.pdf', mimeType: 'application/pdf' };
const SCHEDULE = { title: 'Mødeplan fra tilbuddet', file: 'mødeplan.png', mimeType: 'image/png' };
const MESSAGE =
  'Tak for overleveringen. Jeg har læst jobplanen og mødeplanen og ringer til borgeren i morgen.';

test.describe('handover to an external mentor', () => {
  test('the caseworker hands over and shares two documents with consent; the external mentor acknowledges, reads, downloads and writes; a revoked share is gone at once', async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const course = await courseWith(baseURL!, 'Overlevering', PROVIDER, EXTERNAL_MENTOR_NAME);
    const caseworker = await browserAs(browser, baseURL!, CASEWORKER);

    // --- The caseworker completes and sends the handover packet (pre-filled from the grant). ---
    await caseworker.goto(`/courses/${course.courseId}`);
    await caseworker.getByTestId('course-nav-handover').click();
    await expect(caseworker).toHaveURL(new RegExp(`/courses/${course.courseId}/handover$`));
    await expect(caseworker.getByTestId('handover-mentor')).toHaveText(EXTERNAL_MENTOR_NAME);
    await caseworker
      .getByTestId('handover-background')
      .fill('Borgeren har været ledig i to år og har brug for støtte til at komme i gang.');
    await caseworker.getByTestId('handover-knownBarriers').fill('Angst i nye sociale sammenhænge.');
    if (!(await caseworker.getByTestId('handover-firstSteps-0').isVisible())) {
      await caseworker.getByTestId('handover-firstSteps-add').click();
    }
    await caseworker
      .getByTestId('handover-firstSteps-0')
      .fill('Første møde på biblioteket inden for en uge.');
    await expectAccessible(caseworker);
    await caseworker.getByTestId('handover-send').click();
    await expect(caseworker.getByTestId('handover-state')).toContainText('Sendt – afventer kvittering');

    // --- Uploads two documents to the citizen's case and shares both with consent recorded. ---
    await caseworker.goto(`/citizens/${course.citizenId}/case`);
    const plan = samplePdf('Fiktiv jobplan');
    const schedule = samplePng();
    await uploadDocument(caseworker, { name: PLAN.file, mimeType: PLAN.mimeType, buffer: plan }, PLAN.title);
    await uploadDocument(
      caseworker,
      { name: SCHEDULE.file, mimeType: SCHEDULE.mimeType, buffer: schedule },
      SCHEDULE.title,
    );
    await expectAccessible(caseworker);
    await caseworker.goto(`/courses/${course.courseId}/case`);
    await shareWithConsent(caseworker, PLAN.title, 'Jobplanen må deles med mentoren hos Mentorhuset.');
    await shareWithConsent(caseworker, SCHEDULE.title, 'Mødeplanen må deles med mentoren hos Mentorhuset.');
    const shares = caseworker.getByTestId('course-share');
    await expect(shares).toHaveCount(2);
    for (const basis of await caseworker.getByTestId('course-share-basis').allInnerTexts()) {
      expect(basis).toMatch(/^Samtykke givet \d\d\.\d\d\.\d{4}: .+Mentorhuset\.$/);
    }
    await expectAccessible(caseworker);

    // --- The external mentor is told, and acknowledges the packet. ---
    const mentor = await browserAs(browser, baseURL!, EXTERNAL_MENTOR);
    await mentor.getByTestId('notifications-bell').click();
    await expect(
      mentor.locator('[data-testid="notification"][data-kind="item_shared"]').first(),
    ).toContainText('Sagsbehandleren har delt et dokument eller notat med dig.');
    await mentor.keyboard.press('Escape');
    await mentor.goto(`/courses/${course.courseId}/handover`);
    await expect(mentor.getByTestId('handover-view-knownBarriers')).toContainText('Angst');
    await expectAccessible(mentor);
    await mentor.getByTestId('handover-acknowledge').click();
    await expect(mentor.getByTestId('handover-state')).toContainText('Kvitteret');

    // --- Reads and downloads exactly the two shared documents. ---
    await mentor.getByTestId('course-nav-case').click();
    await expect(mentor).toHaveURL(new RegExp(`/courses/${course.courseId}/case$`));
    await expect(mentor.getByTestId('shared-items-notice')).toContainText('ikke resten af borgerens sag');
    await expect(mentor.getByTestId('shared-item')).toHaveCount(2);
    const planItem = mentor.getByTestId('shared-item').filter({ hasText: PLAN.title });
    const scheduleItem = mentor.getByTestId('shared-item').filter({ hasText: SCHEDULE.title });
    const planFile = await download(mentor, planItem.getByTestId('shared-item-download'));
    expect(planFile.name).toBe(PLAN.file);
    expect(planFile.content.equals(plan)).toBe(true);
    const scheduleFile = await download(mentor, scheduleItem.getByTestId('shared-item-download'));
    expect(scheduleFile.name).toBe(SCHEDULE.file);
    expect(scheduleFile.content.equals(schedule)).toBe(true);
    await expectAccessible(mentor);
    // Nothing else of the case: the external mentor cannot list it.
    expect((await mentor.request.get(`/api/citizens/${course.citizenId}/case-items`)).ok()).toBe(false);

    // --- Writes to the caseworker in the course's thread. ---
    await mentor.getByTestId('course-nav-messages').click();
    await expect(mentor).toHaveURL(new RegExp(`/courses/${course.courseId}/messages$`));
    await expect(mentor.getByTestId('messages-empty')).toBeVisible();
    await expect(mentor.getByTestId('messages-participants')).toContainText(CASEWORKER_NAME);
    await mentor.getByTestId('message-body').fill(MESSAGE);
    await expect(mentor.getByTestId('message-counter')).toContainText(`${MESSAGE.length} / 5000`);
    await mentor.getByTestId('message-send').click();
    await expect(mentor.getByTestId('message-text')).toHaveText([MESSAGE]);
    await expect(mentor.getByTestId('message-receipts')).toHaveText('Ikke læst endnu');
    await expectAccessible(mentor);

    // --- The caseworker is told, reads the message (which marks it read) and answers. ---
    await caseworker.goto(`/courses/${course.courseId}`);
    await caseworker.getByTestId('notifications-bell').click();
    await caseworker
      .locator('[data-testid="notification"][data-kind="message_received"]')
      .filter({ hasText: 'Du har fået en ny besked i et forløb.' })
      .first()
      .click();
    await expect(caseworker).toHaveURL(new RegExp(`/courses/${course.courseId}/messages$`));
    const received = caseworker.getByTestId('message').filter({ hasText: MESSAGE });
    await expect(received.getByTestId('message-author')).toHaveText(EXTERNAL_MENTOR_NAME);
    await expectAccessible(caseworker);
    // The receipt is written when the caseworker's page marks the message read; each try reloads and
    // gives the page time to load the thread again (more than a second on a busy machine).
    await expect(async () => {
      await mentor.reload();
      await expect(mentor.getByTestId('message-receipts')).toContainText(`Læst af ${CASEWORKER_NAME}`, {
        timeout: 5000,
      });
    }).toPass({ timeout: 30_000 });

    // --- The caseworker revokes one share; the mentor loses access at once. ---
    const planShare = (
      (await (await mentor.request.get(`/api/courses/${course.courseId}/shared-items`)).json()) as {
        shareId: string;
        title: string;
      }[]
    ).find((item) => item.title === PLAN.title)!.shareId;
    await caseworker.goto(`/courses/${course.courseId}/case`);
    await shares.filter({ hasText: PLAN.title }).getByTestId('course-share-revoke').click();
    await expect(shares.filter({ hasText: PLAN.title })).toHaveAttribute('data-state', 'revoked');
    expect((await mentor.request.get(`/api/shares/${planShare}/file`)).status()).toBe(404);
    expect((await mentor.request.get(`/api/shares/${planShare}`)).status()).toBe(404);
    await mentor.goto(`/courses/${course.courseId}/case`);
    await expect(mentor.getByTestId('shared-item')).toHaveCount(1);
    await expect(mentor.getByTestId('shared-item-title')).toHaveText(SCHEDULE.title);
    await expectAccessible(mentor);

    await caseworker.context().close();
    await mentor.context().close();
  });
});
