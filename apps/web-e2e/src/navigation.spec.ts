import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support';

test.describe('navigation', () => {
  test('a team leader browses organisations and users, sorted and paged', async ({ page }) => {
    await signIn(page, 'teamleder.cji');
    await page.getByTestId('nav-organisations').click();
    await expect(page).toHaveURL(/\/organisations$/);
    const organisations = page.getByTestId('organisations-table');
    await expect(organisations).toContainText('Center for Jobindsats');
    await expect(organisations).toContainText('Ekstern leverandør');
    await expectAccessible(page);

    await page.getByTestId('nav-users').click();
    await expect(page).toHaveURL(/\/users$/);
    const users = page.getByTestId('users-table');
    await expect(users).toContainText('mentor.cji1');
    await expect(users).toContainText('Sagsbehandler');
    await expectAccessible(page);
  });

  test('a mentor who types the users address is sent home', async ({ page }) => {
    await signIn(page, 'mentor.cji1');
    await page.goto('/users');
    await expect(page).toHaveURL(/\/$/);
  });

  test('an unknown address shows the not-found page', async ({ page }) => {
    await signIn(page, 'sagsbehandler.cab');
    await page.goto('/findes-ikke');
    await expect(page.getByTestId('page-title')).toBeVisible();
    await expectAccessible(page);
  });

  test('English can be chosen and is remembered', async ({ page }) => {
    await signIn(page, 'teamleder.cab');
    await page.getByTestId('shell-lang-toggle').click();
    const english = page
      .getByRole('menuitem', { name: /English/i })
      .or(page.getByRole('option', { name: /English/i }));
    if (await english.count()) await english.first().click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('page-title')).toContainText('Welcome');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('page-title')).toContainText('Welcome');
    await expectAccessible(page);
  });

  test('an expired session returns to sign-in and comes back to the same page', async ({ page, context }) => {
    await signIn(page, 'admin');
    await page.getByTestId('nav-users').click();
    await expect(page).toHaveURL(/\/users$/);
    await context.clearCookies();
    await page.getByTestId('nav-organisations').click();
    await expect(page).toHaveURL(/\/login\?.*returnUrl=/);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('demo');
    await page.getByTestId('login-submit').click();
    await expect(page).toHaveURL(/\/(organisations|users)$/);
  });

  test('the API documentation is browsable', async ({ page }) => {
    await page.goto('/api/docs');
    await expect(page.locator('.swagger-ui').first()).toBeVisible();
    await expect(page.getByText('/api/auth/login').first()).toBeVisible();
  });
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('the shell fits without sideways scrolling and the menu opens', async ({ page }) => {
    await signIn(page, 'mentor.mentorhuset1');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByTestId('shell-menu-button').click();
    await expect(page.getByTestId('nav-home')).toBeVisible();
    await expectAccessible(page);
  });

  test('the sign-in page fits', async ({ page }) => {
    await page.goto('/login');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });
});
