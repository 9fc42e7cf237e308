import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDa from '@angular/common/locales/da';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  CertificationStatus,
  ContactForm,
  ContactTopic,
  ContactView,
  CourseDetail,
  CourseStatus,
  HELP_GIVEN,
  MeetingPlace,
  MentorType,
  Role,
  WeekBudget,
} from '@mentor/domain';
import { meFixture } from '../../../../testing/fixtures';
import { AuthService } from '../../../core/auth/auth.service';
import { I18nService } from '../../../core/i18n/i18n.service';
import { CoursePage } from './course.page';

registerLocaleData(localeDa);

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
  mentorName: 'Anna Andersen',
  organisationId: 'o1',
  organisationName: 'Center for Jobindsats',
  startsOn: '2026-01-01',
  endsOn: '2099-01-01',
  thisWeek: WEEK,
  lastWeek: WEEK,
  preferredMeetingPlace: MeetingPlace.OutOfHome,
  monthGrantedMinutes: 0,
  monthDeliveredMinutes: 0,
  lastContactDate: null,
  noRecentContact: false,
  overBudgetThisWeek: false,
  expiresSoon: false,
  grant: {
    id: 'g1',
    mentorType: MentorType.Holistic,
    purpose: 'Formål',
    tasks: 'Opgaver',
    goals: [],
    startsOn: '2026-01-01',
    endsOn: '2099-01-01',
    reportingIntervalWeeks: 8,
    minutes: [],
  },
  endReason: null,
  endedOn: null,
  mentorHistory: [],
  version: 1,
} as unknown as CourseDetail;

/** The course's reports section asks for its reporting status and reports once the course is shown. */
function flushReports(http: HttpTestingController): void {
  http.expectOne('/api/courses/c1/reporting').flush({
    courseId: 'c1',
    intervalWeeks: 8,
    nextDueOn: null,
    dueSoon: false,
    overdue: false,
    openReportId: null,
  });
  http.expectOne('/api/courses/c1/reports').flush([]);
}

/** The handover banner asks for the course's packet (for its mentor and caseworkers). */
function flushHandover(http: HttpTestingController): void {
  http.expectOne('/api/courses/c1/handover').flush({ current: null, earlier: [] });
}

function contact(id: string, changes: Partial<ContactView>): ContactView {
  return {
    id,
    courseId: 'c1',
    contactDate: '2026-03-02',
    startTime: '10:00',
    minutes: 45,
    form: ContactForm.Phone,
    showedUp: true,
    topics: [],
    help: [],
    note: null,
    transportMinutes: null,
    correctsContactId: null,
    correctedById: null,
    createdBy: 'u1',
    createdByName: 'Anna Andersen',
    createdAt: '2026-03-02T10:00:00Z',
    updatedAt: '2026-03-02T10:00:00Z',
    editableUntil: '2026-03-09T10:00:00Z',
    locked: true,
    deleted: false,
    version: 1,
    ...changes,
  };
}

describe('CoursePage contact timeline', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('marks corrected contacts "Rettet", pointing to the correction, and offers "Ret" only on the rest', async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    const restoring = TestBed.inject(AuthService).restore();
    http.expectOne('/api/me').flush(meFixture(Role.Mentor));
    await restoring;

    const fixture = TestBed.createComponent(CoursePage);
    fixture.componentRef.setInput('id', 'c1');
    await fixture.whenStable();
    http.expectOne('/api/courses/c1').flush(COURSE);
    http.expectOne('/api/courses/c1/weeks').flush([]);
    http.expectOne('/api/courses/c1/contacts?limit=10&offset=0').flush({
      items: [
        contact('fix', { correctsContactId: 'old' }),
        contact('old', { correctedById: 'fix' }),
        // Corrected by a contact further down the timeline than is loaded.
        contact('older', { correctedById: 'elsewhere' }),
        contact('plain', {}),
      ],
      total: 5,
      limit: 10,
      offset: 0,
    });
    await fixture.whenStable();
    flushReports(http);
    flushHandover(http);
    const el = fixture.nativeElement as HTMLElement;
    const item = (id: string) => el.querySelector<HTMLElement>(`#contact-${id}`)!;

    // The correction itself is not corrected, so it can be corrected in turn.
    expect(item('fix').querySelector('[data-testid="contact-corrected"]')).toBeNull();
    expect(item('fix').querySelector('[data-testid="contact-correct"]')).not.toBeNull();

    const link = item('old').querySelector<HTMLAnchorElement>('a[data-testid="contact-corrected"]')!;
    expect(link.textContent?.trim()).toBe('course.corrected');
    expect(link.getAttribute('href')).toBe('/#contact-fix');
    expect(item('old').querySelector('[data-testid="contact-correct"]')).toBeNull();
    link.click();
    await fixture.whenStable();
    expect(document.activeElement).toBe(item('fix'));

    const note = item('older').querySelector('[data-testid="contact-corrected"]')!;
    expect(note.tagName).toBe('SPAN');
    expect(item('older').querySelector('[data-testid="contact-correct"]')).toBeNull();

    expect(item('plain').querySelector('[data-testid="contact-corrected"]')).toBeNull();
    expect(item('plain').querySelector('[data-testid="contact-correct"]')).not.toBeNull();
  });
});

describe('CoursePage for a caseworker', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('links to editing the citizen and shows a date outside the grant beside the date field', async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    const restoring = TestBed.inject(AuthService).restore();
    http.expectOne('/api/me').flush(meFixture(Role.Caseworker));
    await restoring;
    const loading = TestBed.inject(I18nService).use('da', { remember: false });
    http.expectOne('/i18n/da.json').flush({
      validation: {
        codes: { grant: { minutes_outside_period: 'Datoen skal ligge i bevillingens periode.' } },
      },
    });
    await loading;

    const fixture = TestBed.createComponent(CoursePage);
    fixture.componentRef.setInput('id', 'c1');
    await fixture.whenStable();
    http.expectOne('/api/courses/c1').flush({ ...COURSE, grant: { ...COURSE.grant, version: 2 } });
    http.expectOne('/api/courses/c1/weeks').flush([]);
    http
      .expectOne('/api/courses/c1/contacts?limit=10&offset=0')
      .flush({ items: [], total: 0, limit: 10, offset: 0 });
    http.expectOne('/api/organisations/o1/mentors').flush([]);
    await fixture.whenStable();
    flushReports(http);
    flushHandover(http);
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="course-edit-citizen"]')?.getAttribute('href')).toBe(
      '/citizens/z1/edit?course=c1',
    );

    const input = (id: string) => el.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)!;
    input('course-new-minutes').value = '90';
    input('course-new-minutes').dispatchEvent(new Event('input'));
    input('course-minutes-from').value = '2025-12-01';
    input('course-minutes-from').dispatchEvent(new Event('input'));
    input('course-change-minutes').click();
    await fixture.whenStable();
    const request = http.expectOne('/api/grants/g1/minutes');
    expect(request.request.body).toEqual({ minutesPerWeek: 90, effectiveFrom: '2025-12-01', version: 2 });
    request.flush(
      {
        type: 'x',
        title: 'Validation failed',
        status: 400,
        code: 'validation.failed',
        errors: [
          {
            field: 'effectiveFrom',
            messages: ['must fall inside the grant period'],
            codes: ['grant.minutes_outside_period'],
          },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    const field = input('course-minutes-from').closest('mat-form-field')!;
    expect(field.querySelector('mat-error')?.textContent?.trim()).toBe(
      'Datoen skal ligge i bevillingens periode.',
    );
    expect(el.querySelector('[data-testid="course-message"]')).toBeNull();
  });
});

describe('CoursePage editing a contact', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('keeps what was typed while other fields change, and sends it with the version', async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    const restoring = TestBed.inject(AuthService).restore();
    http.expectOne('/api/me').flush(meFixture(Role.Mentor));
    await restoring;

    const fixture = TestBed.createComponent(CoursePage);
    fixture.componentRef.setInput('id', 'c1');
    await fixture.whenStable();
    http.expectOne('/api/courses/c1').flush(COURSE);
    http.expectOne('/api/courses/c1/weeks').flush([]);
    http.expectOne('/api/courses/c1/contacts?limit=10&offset=0').flush({
      items: [contact('own', { locked: false, version: 4, topics: [ContactTopic.Housing] })],
      total: 1,
      limit: 10,
      offset: 0,
    });
    await fixture.whenStable();
    flushReports(http);
    flushHandover(http);
    const el = fixture.nativeElement as HTMLElement;
    el.querySelector<HTMLButtonElement>('[data-testid="contact-edit"]')!.click();
    await fixture.whenStable();

    const minutes = el.querySelector<HTMLInputElement>('[data-testid="contact-minutes"]')!;
    expect(minutes.value).toBe('45');
    minutes.value = '30';
    minutes.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    const help = Array.from(el.querySelectorAll<HTMLElement>('[data-testid="contact-help"] [role="option"]'));
    help[1].click();
    await fixture.whenStable();
    expect(minutes.value).toBe('30');

    el.querySelector<HTMLButtonElement>('[data-testid="contact-submit"]')!.click();
    await fixture.whenStable();
    const request = http.expectOne('/api/contacts/own');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toMatchObject({
      minutes: 30,
      topics: [ContactTopic.Housing],
      help: [HELP_GIVEN[1]],
      version: 4,
    });
  });
});

describe('CoursePage changing the mentor', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it("shows each candidate's load and certification, and the API's refusal at the mentor field", async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    const restoring = TestBed.inject(AuthService).restore();
    http.expectOne('/api/me').flush(meFixture(Role.Caseworker));
    await restoring;
    const loading = TestBed.inject(I18nService).use('da', { remember: false });
    http.expectOne('/i18n/da.json').flush({
      certificationStatuses: { not_certified: 'Ikke certificeret', certified: 'Certificeret' },
      workforce: { activeCoursesCount: '{{count}} aktive forløb' },
      validation: {
        fields: { mentorId: { mentor: { not_certified: 'Mentoren kan ikke tildeles: ikke certificeret.' } } },
      },
    });
    await loading;

    const fixture = TestBed.createComponent(CoursePage);
    fixture.componentRef.setInput('id', 'c1');
    await fixture.whenStable();
    http.expectOne('/api/courses/c1').flush(COURSE);
    http.expectOne('/api/courses/c1/weeks').flush([]);
    http
      .expectOne('/api/courses/c1/contacts?limit=10&offset=0')
      .flush({ items: [], total: 0, limit: 10, offset: 0 });
    const load = {
      grantedMinutesPerWeek: 0,
      capacityMinutesPerWeek: 300,
      utilisationPercent: 0,
      certification: { status: CertificationStatus.Certified, certifiedOn: '2026-01-01', renewalDueOn: null },
      assignable: true,
    };
    http.expectOne('/api/organisations/o1/mentors').flush([
      { id: 'u1', name: 'Anna Andersen', activeCourses: 1, ...load },
      {
        id: 'u2',
        name: 'Ulla Usikker',
        activeCourses: 0,
        ...load,
        certification: { status: CertificationStatus.NotCertified, certifiedOn: null, renewalDueOn: null },
        assignable: false,
      },
    ]);
    await fixture.whenStable();
    flushReports(http);
    flushHandover(http);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;

    el.querySelector<HTMLElement>('[data-testid="course-mentor-select"] .mat-mdc-select-trigger')!.click();
    await fixture.whenStable();
    const options = Array.from(
      document.querySelectorAll<HTMLElement>('mat-option[data-testid="mentor-option"]'),
    );
    expect(options.map((o) => o.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Anna Andersen 1 aktive forløb · workforce.grantedOfCapacity · Certificeret',
      'Ulla Usikker 0 aktive forløb · workforce.grantedOfCapacity · Ikke certificeret',
    ]);
    options[1].click();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="mentor-candidate-not-assignable"]')).not.toBeNull();

    el.querySelector<HTMLButtonElement>('[data-testid="course-change-mentor"]')!.click();
    await fixture.whenStable();
    const change = http.expectOne('/api/courses/c1');
    expect(change.request.body).toEqual({ mentorId: 'u2', version: 1 });
    change.flush(
      {
        type: 'x',
        title: 'Unprocessable',
        status: 422,
        code: 'mentor.not_certified',
        errors: [{ field: 'mentorId', messages: ['not certified'], codes: ['mentor.not_certified'] }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="course-mentor-error"]')?.textContent?.trim()).toBe(
      'Mentoren kan ikke tildeles: ikke certificeret.',
    );
    expect(el.querySelector('[data-testid="course-message"]')).toBeNull();
  });
});
