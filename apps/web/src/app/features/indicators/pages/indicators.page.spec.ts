import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDa from '@angular/common/locales/da';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ChartConfiguration } from 'chart.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INDICATOR_CATALOGUE, IndicatorReport, OrganisationKind, Role } from '@mentor/domain';
import { meFixture } from '../../../../testing/fixtures';
import { AuthService } from '../../../core/auth/auth.service';
import { localToday } from '../../../core/http/local-time';
import { I18nService } from '../../../core/i18n/i18n.service';
import { CHART_FACTORY } from '../chart-factory';
import { defaultPeriod } from '../indicator-filters';
import { IndicatorsPage } from './indicators.page';

registerLocaleData(localeDa);

const DA = JSON.parse(readFileSync(join(__dirname, '../../../../../public/i18n/da.json'), 'utf8'));
const HIDDEN = 'citizen.contact_form.remote';

/** Every indicator at 3 of 20, one withheld (the caller is below admin). */
function report(from: string, to: string): IndicatorReport {
  return {
    from,
    to,
    filters: {},
    indicators: INDICATOR_CATALOGUE.map((d) =>
      d.id === HIDDEN
        ? { id: d.id, value: null, numerator: null, denominator: null, suppressed: true, study: d.study }
        : { id: d.id, value: 0.15, numerator: 3, denominator: 20, suppressed: false, study: d.study },
    ),
  };
}

async function open(role: Role, url: string) {
  const charts: ChartConfiguration<'bar'>[] = [];
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: 'indicators', component: IndicatorsPage }], withComponentInputBinding()),
      provideHttpClient(),
      provideHttpClientTesting(),
      // jsdom has no canvas: record what would be drawn.
      {
        provide: CHART_FACTORY,
        useValue: (_: HTMLCanvasElement, config: ChartConfiguration<'bar'>) => {
          charts.push(config);
          return { resize: () => undefined, destroy: () => undefined };
        },
      },
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const restoring = TestBed.inject(AuthService).restore();
  http.expectOne('/api/me').flush(meFixture(role));
  await restoring;
  const loading = TestBed.inject(I18nService).use('da', { remember: false });
  http.expectOne('/i18n/da.json').flush(DA);
  await loading;
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  await harness.fixture.whenStable();
  const el = () => harness.routeNativeElement!;
  const q = <E extends HTMLElement = HTMLElement>(id: string) =>
    el().querySelector<E>(`[data-testid="${id}"]`);
  const all = (id: string) => Array.from(el().querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
  const settle = () => new Promise((resolve) => setTimeout(resolve)).then(() => harness.fixture.whenStable());
  return { http, harness, el, q, all, charts, settle };
}

const reportRequest = (http: HttpTestingController) =>
  http.expectOne((req) => req.url === '/api/reports/indicators');

describe('IndicatorsPage', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('shows the last 12 months grouped like the study, one chart per figure with N and the withheld value hidden', async () => {
    const { http, q, all, charts, settle } = await open(Role.TeamLeader, '/indicators');
    const { from, to } = defaultPeriod(localToday());
    const request = reportRequest(http);
    expect(request.request.params.toString()).toBe(`from=${from}&to=${to}`);
    request.flush(report(from, to));
    await settle();

    expect(all('indicators-section').map((s) => s.querySelector('h2')?.textContent?.trim())).toEqual([
      'Borgerne (kapitel 3)',
      'Rekruttering og oplæring (kapitel 4)',
      'Mentorerne (kapitel 5)',
    ]);
    const figures = new Set(INDICATOR_CATALOGUE.map((d) => d.figure));
    expect(all('indicator-chart')).toHaveLength(figures.size);
    expect(charts).toHaveLength(figures.size);

    const figure = q('indicators-section')!.querySelector('[data-figure="3_1"]')!;
    expect(figure.querySelector('figcaption')?.textContent?.trim()).toBe(
      'Figur 3.1 Hvordan foregår kontakten med mentor oftest?',
    );
    expect(figure.querySelector('[data-testid="indicator-n"]')?.textContent?.trim()).toBe(
      'N = 20 · Undersøgelsen 2015: N = 20',
    );
    const canvas = figure.querySelector('canvas')!;
    expect(canvas.getAttribute('role')).toBe('img');
    expect(canvas.getAttribute('aria-label')).toContain('Telefon, sms eller mail: Nu Skjult (færre end 5)');

    const hidden = figure.querySelector(`[data-indicator="${HIDDEN}"]`)!;
    expect(hidden.querySelector('[data-testid="indicator-current"]')?.textContent?.trim()).toBe(
      'Skjult (færre end 5)',
    );
    expect(hidden.querySelector('[data-testid="indicator-count"]')?.textContent?.trim()).toBe(
      'Skjult (færre end 5)',
    );
    const shown = figure.querySelector('[data-indicator="citizen.contact_form.personal_home"]')!;
    expect(shown.querySelector('[data-testid="indicator-study"]')?.textContent?.trim()).toBe('15\u00a0%');
    expect(shown.querySelector('[data-testid="indicator-count"]')?.textContent?.trim()).toBe('3 af 20');

    const contactChart = charts.find((c) => c.data.labels?.length === 4)!;
    expect(contactChart.data.datasets[1].data).toEqual([0.15, 0.15, null, 0.15]);

    // A team leader sees their own organisation: no organisation filters.
    expect(q('indicators-organisation')).toBeNull();
    expect(q('indicators-organisation-type')).toBeNull();
    expect(q('indicators-scope')?.textContent).toContain('Jobcenter Aarhus');
  });

  it('opens and closes the data table of a chart, telling assistive technology', async () => {
    const { http, q, settle } = await open(Role.TeamLeader, '/indicators');
    reportRequest(http).flush(report('2025-01-01', '2025-12-31'));
    await settle();
    const toggle = q<HTMLButtonElement>('indicator-table-toggle')!;
    const table = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(table.hidden).toBe(true);
    toggle.click();
    await settle();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(table.hidden).toBe(false);
  });

  it('keeps the filters in the address and loads what it asks for', async () => {
    const { http, harness, q, settle } = await open(
      Role.TeamLeader,
      '/indicators?from=2025-01-01&to=2025-06-30&mentorType=retention',
    );
    expect(reportRequest(http).request.params.toString()).toBe(
      'from=2025-01-01&to=2025-06-30&mentorType=retention',
    );
    expect(q<HTMLInputElement>('indicators-from')!.value).toBe('2025-01-01');

    const from = q<HTMLInputElement>('indicators-from')!;
    from.value = '2025-02-01';
    from.dispatchEvent(new Event('input'));
    q<HTMLButtonElement>('indicators-apply')!.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/indicators?from=2025-02-01&to=2025-06-30&mentorType=retention');
    const second = reportRequest(http);
    expect(second.request.params.toString()).toBe('from=2025-02-01&to=2025-06-30&mentorType=retention');
    second.flush(report('2025-02-01', '2025-06-30'));
    await harness.fixture.whenStable();
  });

  it('refuses a period that ends before it starts', async () => {
    const { http, q, settle } = await open(Role.TeamLeader, '/indicators?from=2025-01-01&to=2025-06-30');
    reportRequest(http).flush(report('2025-01-01', '2025-06-30'));
    const to = q<HTMLInputElement>('indicators-to')!;
    to.value = '2024-12-01';
    to.dispatchEvent(new Event('input'));
    q<HTMLButtonElement>('indicators-apply')!.click();
    await settle();
    expect(q('indicators-period-error')?.textContent?.trim()).toBe('Fra-datoen skal ligge før til-datoen.');
    expect(TestBed.inject(Router).url).toBe('/indicators?from=2025-01-01&to=2025-06-30');
  });

  it('lets an administrator narrow to a kind of organisation and one organisation', async () => {
    const { http, q, settle } = await open(
      Role.Admin,
      '/indicators?from=2025-01-01&to=2025-12-31&organisationType=external_provider&organisationId=o2',
    );
    http
      .expectOne((req) => req.url === '/api/organisations')
      .flush({
        items: [
          { id: 'o1', name: 'Center for Jobindsats', kind: OrganisationKind.InternalCentre },
          { id: 'o2', name: 'Mentorhuset ApS', kind: OrganisationKind.ExternalProvider },
        ],
        total: 2,
        limit: 100,
        offset: 0,
      });
    expect(reportRequest(http).request.params.toString()).toBe(
      'from=2025-01-01&to=2025-12-31&organisationType=external_provider&organisationId=o2',
    );
    await settle();
    expect(q('indicators-organisation')).not.toBeNull();
    expect(q('indicators-organisation-type')).not.toBeNull();
    expect(q('indicators-scope')?.textContent).toContain('Mentorhuset ApS');
  });

  it('downloads CSV, XLSX and PDF of what is shown under the name the server gives', async () => {
    const { http, q, settle } = await open(Role.TeamLeader, '/indicators?from=2025-01-01&to=2025-12-31');
    reportRequest(http).flush(report('2025-01-01', '2025-12-31'));
    await settle();
    const saved: string[] = [];
    const createObjectURL = jest.fn(() => 'blob:indicators');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    });
    try {
      for (const format of ['csv', 'xlsx', 'pdf']) {
        q<HTMLButtonElement>(`indicators-export-${format}`)!.click();
        const request = http.expectOne((req) => req.url === `/api/reports/indicators.${format}`);
        expect(request.request.params.toString()).toBe('from=2025-01-01&to=2025-12-31');
        expect(request.request.responseType).toBe('blob');
        request.flush(new Blob(['x']), {
          headers: { 'Content-Disposition': `attachment; filename="indikatorer_2025.${format}"` },
        });
        await settle();
      }
      expect(saved).toEqual(['indikatorer_2025.csv', 'indikatorer_2025.xlsx', 'indikatorer_2025.pdf']);
      expect(createObjectURL).toHaveBeenCalledTimes(3);
    } finally {
      click.mockRestore();
    }
  });

  it('says so when an export fails, and saves nothing', async () => {
    const { http, q, settle } = await open(Role.TeamLeader, '/indicators?from=2025-01-01&to=2025-12-31');
    reportRequest(http).flush(report('2025-01-01', '2025-12-31'));
    q<HTMLButtonElement>('indicators-export-pdf')!.click();
    http
      .expectOne((req) => req.url === '/api/reports/indicators.pdf')
      .flush(new Blob(['{}']), { status: 500, statusText: 'Server Error' });
    await settle();
    expect(q('indicators-export-error')?.textContent).toContain('Filen kunne ikke hentes.');
    expect(q<HTMLButtonElement>('indicators-export-pdf')!.disabled).toBe(false);
  });

  it('offers a retry when the indicators cannot be loaded', async () => {
    const { http, q, settle } = await open(Role.TeamLeader, '/indicators?from=2025-01-01&to=2025-12-31');
    reportRequest(http).flush(null, { status: 500, statusText: 'Server Error' });
    await settle();
    q('indicators-error')!.querySelector('button')!.click();
    await settle();
    reportRequest(http).flush(report('2025-01-01', '2025-12-31'));
    await settle();
    expect(q('indicators-error')).toBeNull();
    expect(q('indicators-section')).not.toBeNull();
  });
});
