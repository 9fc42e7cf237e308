import { expect, test } from '@playwright/test';
import { expectAccessible, signIn, watchForErrors } from './support';

test.describe('sign-in', () => {
  test('the sign-in page is Danish, accessible and free of CSP violations', async ({ page }) => {
    const errors = watchForErrors(page);
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'da');
    await expect(page.getByTestId('page-title')).toBeVisible();
    await expect(page.getByTestId('login-submit')).toContainText(/Log ind/i);
    await expectAccessible(page);
    expect(errors).toEqual([]);
  });

  test('a wrong password shows an error and keeps the user on the sign-in page', async ({ page }) => {
    await page.goto('/login');
    await page.getByTestId('login-username').fill('mentor.cab2');
    await page.getByTestId('login-password').fill('forkert-kodeord');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error')).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    await expectAccessible(page);
  });

  test('empty fields are flagged without calling the API', async ({ page }) => {
    const loginCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/auth/login')) loginCalls.push(request.url());
    });
    await page.goto('/login');
    await page.getByTestId('login-submit').click();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByText('Skriv dit brugernavn.')).toBeVisible();
    await expect(page.getByText('Skriv din adgangskode.')).toBeVisible();
    expect(loginCalls).toEqual([]);
    await expectAccessible(page);
  });

  for (const [username, visible, hidden] of [
    ['mentor.cji1', ['nav-home'], ['nav-organisations', 'nav-users']],
    ['sagsbehandler.cji', ['nav-home', 'nav-organisations'], ['nav-users']],
    ['teamleder.cji', ['nav-home', 'nav-organisations', 'nav-users'], []],
    ['admin', ['nav-home', 'nav-organisations', 'nav-users'], []],
  ] as const) {
    test(`${username} signs in and sees the Danish shell with only what the role may use`, async ({
      page,
    }) => {
      const errors = watchForErrors(page);
      await signIn(page, username);
      await expect(page).toHaveURL(/\/$/);
      await expect(page.locator('html')).toHaveAttribute('lang', 'da');
      await expect(page.getByTestId('page-title')).toContainText('Velkommen');
      for (const id of visible) await expect(page.getByTestId(id)).toBeVisible();
      for (const id of hidden) await expect(page.getByTestId(id)).toHaveCount(0);
      await expectAccessible(page);
      expect(errors).toEqual([]);
    });
  }

  test('the session lives in an httpOnly cookie, never in web storage', async ({ page, context }) => {
    await signIn(page, 'mentor.cji2');
    const cookie = (await context.cookies()).find((c) => c.name === 'mentor_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api' });
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toContain(cookie!.value);
  });

  test('sign-out ends the session and returns to the sign-in page', async ({ page }) => {
    await signIn(page, 'mentor.cab1');
    await page.getByTestId('shell-sign-out').click();
    await expect(page).toHaveURL(/\/login/);
    const me = await page.request.get('/api/me');
    expect(me.status()).toBe(401);
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
  });
});
