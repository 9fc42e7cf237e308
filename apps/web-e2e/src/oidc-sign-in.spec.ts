import { expect, test } from '@playwright/test';
import { expectAccessible, watchForErrors } from './support';

// The browser test's app configures no OpenID Connect provider (the API flow runs against a real
// provider in apps/api/test/oidc.integration-spec.ts); here the provider list is answered in the
// browser, to see the sign-in page as a municipality with one sees it.
test.describe('sign-in with a municipality provider', () => {
  test('the sign-in page offers a button per provider, accessible', async ({ page }) => {
    const errors = watchForErrors(page);
    await page.route('**/api/auth/oidc/providers', (route) =>
      route.fulfill({ json: [{ id: 'kk', name: 'Københavns Kommune' }] }),
    );
    await page.goto('/login?returnUrl=%2Fcaseload');
    const button = page.getByTestId('login-oidc-kk');
    await expect(button).toHaveText('Log ind med Københavns Kommune');
    await expect(button).toHaveAttribute('href', '/api/auth/oidc/kk/start?returnUrl=%2Fcaseload');
    // The local form stays.
    await expect(page.getByTestId('login-submit')).toBeVisible();
    await expectAccessible(page);
    expect(errors).toEqual([]);
  });

  test('without providers there is no provider section', async ({ page }) => {
    const providers = page.waitForResponse('**/api/auth/oidc/providers');
    await page.goto('/login');
    expect(await (await providers).json()).toEqual([]);
    await expect(page.getByTestId('login-submit')).toBeVisible();
    await expect(page.getByTestId('login-oidc')).toHaveCount(0);
  });

  test('a refused provider sign-in is explained in Danish, accessibly', async ({ page }) => {
    await page.goto('/login?oidcError=no_role');
    await expect(page.getByTestId('login-error')).toContainText(
      'Din bruger har ingen rolle i Mentorsystemet',
    );
    await expectAccessible(page);
    await page.goto('/login?oidcError=state_invalid');
    await expect(page.getByTestId('login-error')).toContainText('Log-ind blev afbrudt');
  });
});
