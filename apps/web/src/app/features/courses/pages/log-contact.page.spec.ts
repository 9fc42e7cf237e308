import { LiveAnnouncer } from '@angular/cdk/a11y';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  ContactForm,
  ContactView,
  CourseDetail,
  CourseStatus,
  MeetingPlace,
  MentorType,
  Page,
  WeekBudget,
} from '@mentor/domain';
import { I18nService } from '../../../core/i18n/i18n.service';
import { contactDefaults, LogContactPage } from './log-contact.page';

const WEEK: WeekBudget = {
  week: '2026-W48',
  weekStart: '2026-11-23',
  grantedMinutes: 60,
  loggedMinutes: 0,
  overrunMinutes: 0,
  underDeliveredMinutes: 0,
};

const COURSE = {
  id: 'c1',
  citizenId: 'z1',
  citizenName: 'Karen Testborger',
  cprMasked: '010160-XXXX',
  mentorType: MentorType.Holistic,
  status: CourseStatus.Active,
  mentorId: 'u1',
  mentorName: 'Jonas',
  organisationId: 'o1',
  organisationName: 'Center for Jobindsats',
  startsOn: '2020-01-01',
  endsOn: '2099-01-01',
  thisWeek: WEEK,
  lastWeek: { ...WEEK, week: '2026-W47', weekStart: '2026-11-16' },
  preferredMeetingPlace: MeetingPlace.OutOfHome,
  monthGrantedMinutes: 0,
  monthDeliveredMinutes: 0,
  lastContactDate: null,
  noRecentContact: false,
  overBudgetThisWeek: false,
  expiresSoon: false,
  version: 1,
} as unknown as CourseDetail;

const contact = (form: ContactForm) => ({ id: form, form, deleted: false }) as unknown as ContactView;
const page = <T>(items: T[]): Page<T> => ({ items, total: items.length, limit: 20, offset: 0 });

describe('contactDefaults', () => {
  it('starts today, now rounded down to five minutes, 45 minutes, showed up', () => {
    const now = new Date(2026, 10, 28, 9, 48, 30);
    expect(contactDefaults(ContactForm.Phone, now)).toEqual({
      contactDate: '2026-11-28',
      startTime: '09:45',
      minutes: 45,
      form: ContactForm.Phone,
      showedUp: true,
      topics: [],
      help: [],
    });
  });
});

describe('LogContactPage', () => {
  async function setUp(recent: ContactView[], course: CourseDetail = COURSE) {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const announce = jest.spyOn(TestBed.inject(LiveAnnouncer), 'announce').mockResolvedValue();
    const i18n = TestBed.inject(I18nService);
    const http = TestBed.inject(HttpTestingController);
    const loading = i18n.use('da', { remember: false });
    http.expectOne('/i18n/da.json').flush({ budget: { minutesOf: '{{logged}} af {{granted}} min' } });
    await loading;

    const fixture = TestBed.createComponent(LogContactPage);
    fixture.componentRef.setInput('id', 'c1');
    await fixture.whenStable();
    http.expectOne('/api/courses/c1').flush(course);
    http.expectOne('/api/courses/c1/contacts?limit=20&offset=0').flush(page(recent));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const submit = async () => {
      el.querySelector<HTMLButtonElement>('[data-testid="contact-submit"]')!.click();
      await fixture.whenStable();
    };
    return { fixture, http, el, submit, announce };
  }

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it("fills in the citizen's usual form and the defaults", async () => {
    const { el } = await setUp([
      contact(ContactForm.Phone),
      contact(ContactForm.InPersonHome),
      contact(ContactForm.Phone),
    ]);
    expect(el.querySelector<HTMLInputElement>('[data-testid="contact-minutes"]')!.value).toBe('45');
    expect(el.querySelector('[data-testid="contact-form"]')?.textContent).toContain('contactForms.phone');
    expect(el.querySelector<HTMLInputElement>('[data-testid="contact-showed-up"] input')!.checked).toBe(true);
  });

  it('without recent contacts takes the form from the meeting preference on the course', async () => {
    // No request for the citizen: reading it is audit-logged, and the course already says.
    const { el } = await setUp([], { ...COURSE, preferredMeetingPlace: MeetingPlace.Home });
    expect(el.querySelector('[data-testid="contact-form"]')?.textContent).toContain(
      'contactForms.in_person_home',
    );
  });

  it('without recent contacts and a preference out of home starts in person elsewhere', async () => {
    const { el } = await setUp([]);
    expect(el.querySelector('[data-testid="contact-form"]')?.textContent).toContain(
      'contactForms.in_person_elsewhere',
    );
  });

  it('resends with the same Idempotency-Key after a network error, and shows the returned week', async () => {
    const { http, fixture, el, submit, announce } = await setUp([contact(ContactForm.Phone)]);

    await submit();
    const first = http.expectOne('/api/courses/c1/contacts');
    expect(first.request.method).toBe('POST');
    expect(first.request.body).toMatchObject({ minutes: 45, form: ContactForm.Phone, showedUp: true });
    const key = first.request.headers.get('Idempotency-Key');
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    first.error(new ProgressEvent('error'), { status: 0, statusText: '' });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="log-contact-error"]')?.textContent).toContain(
      'logContact.errors.network',
    );

    await submit();
    const retry = http.expectOne('/api/courses/c1/contacts');
    expect(retry.request.headers.get('Idempotency-Key')).toBe(key);
    expect(retry.request.body).toEqual(first.request.body);
    retry.flush(
      { contact: {}, week: { ...WEEK, loggedMinutes: 45 } },
      { status: 201, statusText: 'Created' },
    );
    await fixture.whenStable();

    expect(el.querySelector('[data-testid="log-contact-saved"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="log-contact-week"]')?.textContent).toContain('45 af 60 min');
    expect(announce).toHaveBeenCalled();

    // The next contact is a new one: a new key.
    el.querySelector<HTMLButtonElement>('[data-testid="log-contact-another"]')!.click();
    await fixture.whenStable();
    await submit();
    const next = http.expectOne('/api/courses/c1/contacts');
    expect(next.request.headers.get('Idempotency-Key')).not.toBe(key);
    next.flush({ contact: {}, week: WEEK });
  });

  it('says the first attempt was saved, and sends nothing more, when the key went with the unchanged contact', async () => {
    const { http, fixture, el, submit } = await setUp([contact(ContactForm.Phone)]);

    await submit();
    const first = http.expectOne('/api/courses/c1/contacts');
    const key = first.request.headers.get('Idempotency-Key');
    first.error(new ProgressEvent('error'), { status: 0, statusText: '' });
    await fixture.whenStable();

    // The user changes the contact before saving again: the old key now names another body.
    const minutes = el.querySelector<HTMLInputElement>('[data-testid="contact-minutes"]')!;
    minutes.value = '30';
    minutes.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    await submit();
    const reused = http.expectOne('/api/courses/c1/contacts');
    expect(reused.request.headers.get('Idempotency-Key')).toBe(key);
    reused.flush(
      {
        type: 'about:blank',
        title: 'Unprocessable Entity',
        status: 422,
        code: 'contact.idempotency_key_reused',
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await fixture.whenStable();

    http.expectNone('/api/courses/c1/contacts');
    expect(el.querySelector('[data-testid="log-contact-error"]')?.textContent).toContain(
      'logContact.errors.alreadySaved',
    );
  });

  it('shows server field errors on their fields', async () => {
    const { http, fixture, el, submit } = await setUp([contact(ContactForm.Phone)]);
    await submit();
    http.expectOne('/api/courses/c1/contacts').flush(
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        errors: [{ field: 'minutes', messages: ['minutes must not be greater than 600'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    const field = el.querySelector('[data-testid="contact-minutes"]')!.closest('mat-form-field');
    expect(field?.textContent).toContain('minutes must not be greater than 600');
  });

  it('before the handover is acknowledged says so and leads to the handover page', async () => {
    const { http, fixture, el, submit } = await setUp([contact(ContactForm.Phone)]);
    await submit();
    http
      .expectOne('/api/courses/c1/contacts')
      .flush(
        { type: 'about:blank', title: 'Conflict', status: 409, code: 'contact.handover_not_acknowledged' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();
    const block = el.querySelector('[data-testid="log-contact-handover"]');
    expect(block?.textContent).toContain('handover.logContact.blocked');
    expect(block?.querySelector('a')?.getAttribute('href')).toBe('/courses/c1/handover');
    expect(el.querySelector('[data-testid="log-contact-error"]')).toBeNull();
  });
});
