import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support';

// A demo mentor no other browser test signs in as: disabling it cannot disturb them.
const MENTOR = 'mentor.vejenvidere2';

test('an administrator disables a user, whose open session ends at once, then enables them again', async ({
  browser,
}) => {
  const mentorContext = await browser.newContext();
  const mentor = await mentorContext.newPage();
  await signIn(mentor, MENTOR);
  await expect(mentor.getByTestId('page-title')).toBeVisible();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, 'admin');
  await admin.getByTestId('nav-users').click();
  await expect(admin).toHaveURL(/\/users$/);
  // Other tests add users; sorted by name, descending, the mentor (Zeynep Yilmaz) comes first.
  await admin.locator('th.mat-column-name').click();
  await expect(admin.getByTestId('users-row').first()).toContainText(MENTOR);
  const row = admin.getByTestId('users-row').filter({ hasText: MENTOR });
  await expect(row.getByTestId('user-status')).toHaveText('Aktiv');
  await expectAccessible(admin);

  await row.getByTestId('user-toggle-active').click();
  await expect(row.getByTestId('user-status')).toHaveText('Deaktiveret');
  await expect(row.getByTestId('user-toggle-active')).toHaveText('Aktivér');

  // The mentor's next step finds the session gone, and the password no longer signs in.
  await mentor.reload();
  await expect(mentor).toHaveURL(/\/login/);
  await mentor.getByTestId('login-username').fill(MENTOR);
  await mentor.getByTestId('login-password').fill('demo');
  await mentor.getByTestId('login-submit').click();
  await expect(mentor.getByTestId('login-error')).toBeVisible();

  await row.getByTestId('user-toggle-active').click();
  await expect(row.getByTestId('user-status')).toHaveText('Aktiv');
  await mentor.getByTestId('login-submit').click();
  await expect(mentor).not.toHaveURL(/\/login/);

  await mentorContext.close();
  await adminContext.close();
});
