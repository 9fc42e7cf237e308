import { LiveAnnouncer } from '@angular/cdk/a11y';
import { registerLocaleData } from '@angular/common';
import { HttpHeaders, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import localeDa from '@angular/common/locales/da';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  AccessKind,
  AccessLogEntry,
  AccessLogPage,
  AccessPurpose,
  CitizenDetail,
  MeetingPlace,
  Role,
  TargetGroup,
} from '@mentor/domain';
import { I18nService } from '../../../core/i18n/i18n.service';
import { AccessLogPage as AccessLogPageComponent, defaultAccessLogRange } from './access-log.page';

registerLocaleData(localeDa);

const CITIZEN: CitizenDetail = {
  id: 'z1',
  name: 'Karen Testborger',
  cprMasked: '010160-XXXX',
  caseworkerId: 'u1',
  caseworkerName: 'Anna Andersen',
  phone: null,
  email: null,
  address: null,
  preferredMeetingPlace: MeetingPlace.Home,
  meetingPlaceReason: null,
  targetGroup: TargetGroup.ActivityReadyCashBenefit30Plus,
  version: 1,
};

const ENTRY: AccessLogEntry = {
  at: '2026-03-02T09:30:00Z',
  action: 'course.read',
  kind: AccessKind.Read,
  purpose: AccessPurpose.MentorSupport,
  actorRole: Role.Mentor,
  organisationName: 'Center for Jobindsats',
};

const page = (items: AccessLogEntry[], total = items.length, offset = 0): AccessLogPage => ({
  items,
  total,
  limit: 25,
  offset,
});

const LOG_URL = '/api/citizens/z1/access-log';

describe('defaultAccessLogRange', () => {
  it('is the last 12 months up to today', () => {
    expect(defaultAccessLogRange('2026-03-31')).toEqual({ from: '2025-03-31', to: '2026-03-31' });
    expect(defaultAccessLogRange('2024-02-29')).toEqual({ from: '2023-02-28', to: '2024-02-29' });
  });
});

describe('AccessLogPage', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  async function open() {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    const announce = jest.spyOn(TestBed.inject(LiveAnnouncer), 'announce').mockResolvedValue();
    const loading = TestBed.inject(I18nService).use('da', { remember: false });
    http.expectOne('/i18n/da.json').flush({
      roles: { mentor: 'Mentor' },
      accessLog: {
        actions: { course: { read: 'Forløbet er læst' } },
        kinds: { read: 'Læst' },
        purposes: { mentor_support: 'Mentorstøtte' },
        errors: { tooManyEvents: 'For mange hændelser.' },
      },
    });
    await loading;
    const fixture = TestBed.createComponent(AccessLogPageComponent);
    fixture.componentRef.setInput('id', 'z1');
    fixture.componentRef.setInput('course', 'c1');
    await fixture.whenStable();
    http.expectOne('/api/citizens/z1').flush(CITIZEN);
    const el = fixture.nativeElement as HTMLElement;
    const one = <T extends HTMLElement = HTMLElement>(id: string) =>
      el.querySelector<T>(`[data-testid="${id}"]`);
    const logRequest = (): TestRequest => http.expectOne((request) => request.url === LOG_URL);
    const setDate = async (id: string, value: string) => {
      const input = one<HTMLInputElement>(id)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    return { fixture, http, el, one, logRequest, setDate, announce };
  }

  it('lists the last 12 months, worded, with role and organisation but no names', async () => {
    const { fixture, el, one, logRequest } = await open();
    const request = logRequest();
    const { from, to } = defaultAccessLogRange();
    expect(request.request.params.get('from')).toBe(from);
    expect(request.request.params.get('to')).toBe(to);
    expect(request.request.params.get('limit')).toBe('25');
    expect(request.request.params.get('offset')).toBe('0');
    request.flush(page([ENTRY]));
    await fixture.whenStable();

    expect(one('page-subtitle')?.textContent).toContain('accessLog.subtitle');
    expect(one('access-log-explanation')?.textContent).toContain('accessLog.explanation');
    expect(one<HTMLInputElement>('access-log-from')!.value).toBe(from);
    const cells = Array.from(el.querySelectorAll('[data-testid="access-log-row"] td')).map((td) =>
      td.textContent?.trim(),
    );
    // The time in the browser's time zone.
    expect(cells[0]).toMatch(/^02\.03\.2026 \d{2}:30$/);
    expect(cells.slice(1)).toEqual([
      'Mentor',
      'Center for Jobindsats',
      'Forløbet er læst',
      'Læst',
      'Mentorstøtte',
    ]);
    expect(one('access-log-back')?.getAttribute('href')).toBe('/courses/c1');
  });

  it('shows another period from its first page, and refuses a period that ends before it starts', async () => {
    const { fixture, http, one, logRequest, setDate } = await open();
    logRequest().flush(page([ENTRY], 60));
    await fixture.whenStable();

    // The second page.
    one('access-log-paginator')!
      .querySelector<HTMLButtonElement>('.mat-mdc-paginator-navigation-next')!
      .click();
    await fixture.whenStable();
    const second = logRequest();
    expect(second.request.params.get('offset')).toBe('25');
    second.flush(page([ENTRY], 60, 25));
    await fixture.whenStable();

    await setDate('access-log-from', '2026-02-01');
    await setDate('access-log-to', '2026-01-01');
    one('access-log-apply')!.click();
    await fixture.whenStable();
    expect(one('access-log-range-error')).not.toBeNull();
    http.expectNone((request) => request.url === LOG_URL);

    await setDate('access-log-to', '2026-02-28');
    one('access-log-apply')!.click();
    await fixture.whenStable();
    const period = logRequest();
    expect(period.request.params.get('from')).toBe('2026-02-01');
    expect(period.request.params.get('to')).toBe('2026-02-28');
    expect(period.request.params.get('offset')).toBe('0');
    period.flush(page([]));
    await fixture.whenStable();
    expect(one('access-log-range-error')).toBeNull();
  });

  describe('downloads', () => {
    let click: jest.SpyInstance;
    const saved: { name: string; href: string }[] = [];

    beforeEach(() => {
      saved.length = 0;
      URL.createObjectURL = jest.fn(() => 'blob:access-log');
      URL.revokeObjectURL = jest.fn();
      click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
        this: HTMLAnchorElement,
      ) {
        saved.push({ name: this.download, href: this.href });
      });
    });
    afterEach(() => click.mockRestore());

    it('fetch the period shown as CSV and hand it to the browser under its own name', async () => {
      const { fixture, http, one, logRequest, announce } = await open();
      logRequest().flush(page([ENTRY]));
      await fixture.whenStable();

      one('access-log-csv')!.click();
      await fixture.whenStable();
      expect(one<HTMLButtonElement>('access-log-pdf')!.disabled).toBe(true);
      const request = http.expectOne((r) => r.url === '/api/citizens/z1/access-log.csv');
      expect(request.request.responseType).toBe('blob');
      expect(request.request.params.get('from')).toBe(defaultAccessLogRange().from);
      request.flush(new Blob(['tidspunkt;rolle'], { type: 'text/csv' }), {
        headers: new HttpHeaders({ 'Content-Disposition': 'attachment; filename="indsigtslog-z.csv"' }),
      });
      await fixture.whenStable();
      expect(saved).toEqual([{ name: 'indsigtslog-z.csv', href: 'blob:access-log' }]);
      expect(announce).toHaveBeenCalledWith('accessLog.downloaded');
      expect(one<HTMLButtonElement>('access-log-pdf')!.disabled).toBe(false);
    });

    it('say so when the period holds too many events for one file', async () => {
      const { fixture, http, one, logRequest } = await open();
      logRequest().flush(page([ENTRY]));
      await fixture.whenStable();

      one('access-log-pdf')!.click();
      await fixture.whenStable();
      http
        .expectOne((r) => r.url === '/api/citizens/z1/access-log.pdf')
        .flush(new Blob([JSON.stringify({ status: 422, code: 'access_log.too_many_events' })]), {
          status: 422,
          statusText: 'Unprocessable Entity',
        });
      await new Promise((resolve) => setTimeout(resolve, 10));
      await fixture.whenStable();
      expect(one('access-log-download-error')?.textContent).toContain('For mange hændelser.');
      expect(saved).toEqual([]);
    });
  });
});
