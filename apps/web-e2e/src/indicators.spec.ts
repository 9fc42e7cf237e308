import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { apiAs, danishDate, expectAccessible, signIn } from './support';

// The default period ends today in Danish time, as the API counts it.
test.use({ timezoneId: 'Europe/Copenhagen' });
// Some thirty charts, axe over all of them, and a PDF rendered on the server: longer than a usual journey.
test.describe.configure({ timeout: 180_000 });

const TEAM_LEADER = 'teamleder.cji';
const ADMIN = 'admin';

/** What each export must be: its media type and the first bytes of such a file. */
const EXPORTS = [
  {
    format: 'csv',
    type: /^text\/csv/,
    magic: (bytes: Buffer) => bytes.toString('utf8').replace(/^\uFEFF/, ''),
  },
  {
    format: 'xlsx',
    type: /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/,
    magic: (bytes: Buffer) => bytes.subarray(0, 2).toString('latin1'),
  },
  {
    format: 'pdf',
    type: /^application\/pdf/,
    magic: (bytes: Buffer) => bytes.subarray(0, 5).toString('latin1'),
  },
] as const;

async function chooseOption(page: Page, selectTestId: string, option: string | RegExp) {
  await page.getByTestId(selectTestId).click();
  await page.getByRole('option', { name: option }).click();
}

/** Opens the page from the navigation and waits for the charts. */
async function openIndicators(page: Page) {
  await page.getByTestId('nav-indicators').click();
  await expect(page).toHaveURL(/\/indicators$/);
  await expect(page.getByTestId('page-title')).toHaveText('Indikatorer');
  await expect(page.getByTestId('indicators-section')).toHaveCount(3);
  await expect(page.getByTestId('indicator-chart').first()).toBeVisible();
}

/**
 * Downloads the three exports of what the page shows and checks each file's name, media type and
 * content: the CSV lists the indicators, the XLSX is a zip (OOXML), the PDF starts like one.
 */
async function exportAll(page: Page, from: string, to: string) {
  for (const { format, type, magic } of EXPORTS) {
    const response = page.waitForResponse(
      (r) => new URL(r.url()).pathname === `/api/reports/indicators.${format}`,
    );
    const download = page.waitForEvent('download');
    await page.getByTestId(`indicators-export-${format}`).click();
    expect((await response).status()).toBe(200);
    expect((await response).headers()['content-type']).toMatch(type);
    const file = await download;
    expect(file.suggestedFilename()).toBe(`indikatorer-${from}-${to}.${format}`);
    const bytes = readFileSync((await file.path())!);
    if (format === 'csv') expect(magic(bytes)).toContain('citizen.contact_form.personal_home');
    else expect(magic(bytes)).toBe(format === 'xlsx' ? 'PK' : '%PDF-');
  }
  await expect(page.getByTestId('indicators-export-error')).toHaveCount(0);
}

test('a team leader opens the indicators, filters them, reads a chart as a table and exports CSV, XLSX and PDF', async ({
  page,
}) => {
  await signIn(page, TEAM_LEADER);
  await openIndicators(page);
  // A team leader sees their own organisation only: no organisation filters.
  await expect(page.getByTestId('indicators-organisation')).toHaveCount(0);
  await expect(page.getByTestId('indicators-scope')).toContainText('Center for Jobindsats');
  const figure = page.locator('[data-figure="3_1"]');
  await expect(figure.locator('figcaption')).toHaveText(/Figur 3\.1/);
  await expect(figure.getByTestId('indicator-n')).toContainText('Undersøgelsen 2015: N = 20');
  await expect(figure.locator('canvas')).toHaveAttribute('aria-label', /Figur 3\.1/);
  await expectAccessible(page);

  const from = danishDate(-90);
  const to = danishDate(0);
  await page.getByTestId('indicators-from').fill(from);
  await chooseOption(page, 'indicators-mentor-type', 'Helhedsorienteret mentor');
  const filtered = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/reports/indicators' && r.url().includes('mentorType=holistic'),
  );
  await page.getByTestId('indicators-apply').click();
  expect((await filtered).status()).toBe(200);
  await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}.*mentorType=holistic`));
  await expect(page.getByTestId('indicators-scope')).toContainText('Helhedsorienteret mentor');

  // The filter lives in the address: a reload shows the same.
  await page.reload();
  await expect(page.getByTestId('indicators-mentor-type')).toContainText('Helhedsorienteret mentor');
  await expect(page.getByTestId('indicators-from')).toHaveValue(from);

  await figure.getByTestId('indicator-table-toggle').click();
  await expect(figure.getByTestId('indicator-table')).toBeVisible();
  await expect(figure.getByTestId('indicator-row')).toHaveCount(4);
  // A withheld value reads as hidden, never as a number.
  for (const cell of await page.locator('[data-testid="indicator-current"].suppressed').all())
    await expect(cell).toHaveText('Skjult (færre end 5)');
  await expectAccessible(page);

  await exportAll(page, from, to);
});

test('an administrator narrows the indicators to one external provider and exports CSV, XLSX and PDF', async ({
  page,
  baseURL,
}) => {
  const api = await apiAs(baseURL!, ADMIN);
  const organisations = (await (await api.get('/api/organisations?limit=100')).json()) as {
    items: { id: string; name: string; kind: string }[];
  };
  await api.dispose();
  const provider = organisations.items.find((o) => o.kind === 'external_provider');
  expect(provider).toBeDefined();

  await signIn(page, ADMIN);
  await openIndicators(page);
  await expect(page.getByTestId('indicators-scope')).toContainText('Alle organisationer');
  await expectAccessible(page);

  await chooseOption(page, 'indicators-organisation-type', 'Ekstern leverandør');
  await chooseOption(page, 'indicators-organisation', provider!.name);
  const filtered = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/reports/indicators' && r.url().includes(provider!.id),
  );
  await page.getByTestId('indicators-apply').click();
  const report = (await (await filtered).json()) as { from: string; to: string; filters: object };
  expect(report.filters).toMatchObject({
    organisationType: 'external_provider',
    organisationId: provider!.id,
  });
  await expect(page).toHaveURL(
    new RegExp(`organisationType=external_provider&organisationId=${provider!.id}`),
  );
  await expect(page.getByTestId('indicators-scope')).toContainText(provider!.name);
  await expect(page.getByTestId('indicator-chart').first()).toBeVisible();
  // An administrator is never shown withheld values.
  await expect(page.locator('[data-testid="indicator-current"].suppressed')).toHaveCount(0);
  await expectAccessible(page);

  await exportAll(page, report.from, report.to);
});
