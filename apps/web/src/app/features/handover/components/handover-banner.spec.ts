import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDa from '@angular/common/locales/da';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  CourseDetail,
  CourseStatus,
  emptyHandoverContent,
  HandoverPacket,
  HandoverSource,
  HandoverStatus,
  Role,
} from '@mentor/domain';
import { meFixture } from '../../../../testing/fixtures';
import { AuthService } from '../../../core/auth/auth.service';
import { I18nService } from '../../../core/i18n/i18n.service';
import { HandoverBanner, handoverBannerKind } from './handover-banner';

registerLocaleData(localeDa);

const COURSE = { id: 'c1', status: CourseStatus.Active, mentorId: 'u1' } as CourseDetail;

function packet(changes: Partial<HandoverPacket> = {}): HandoverPacket {
  return {
    id: 'h1',
    courseId: 'c1',
    mentorId: 'u1',
    mentorName: 'Anna Andersen',
    status: HandoverStatus.Sent,
    source: HandoverSource.Grant,
    content: emptyHandoverContent(),
    createdByName: 'Sagsbehandler',
    createdAt: '2026-03-01T10:00:00Z',
    updatedAt: '2026-03-01T10:00:00Z',
    sentAt: '2026-03-01T10:00:00Z',
    acknowledgeBy: '2026-03-04',
    acknowledgeOverdue: false,
    acknowledgedAt: null,
    version: 2,
    ...changes,
  };
}

describe('handoverBannerKind', () => {
  it('asks the mentor to acknowledge a sent packet, more urgently once overdue', () => {
    expect(handoverBannerKind(packet(), 'mentor')).toBe('mentorAcknowledge');
    expect(handoverBannerKind(packet({ acknowledgeOverdue: true }), 'mentor')).toBe('mentorOverdue');
    expect(handoverBannerKind(packet({ status: HandoverStatus.Acknowledged }), 'mentor')).toBeNull();
    expect(handoverBannerKind(null, 'mentor')).toBeNull();
  });

  it('tells the caseworker what the packet waits for', () => {
    expect(handoverBannerKind(packet({ status: HandoverStatus.Draft }), 'caseworker')).toBe(
      'caseworkerWrite',
    );
    expect(handoverBannerKind(packet({ id: null, status: HandoverStatus.Draft }), 'caseworker')).toBe(
      'caseworkerWrite',
    );
    expect(handoverBannerKind(packet(), 'caseworker')).toBe('caseworkerAwaiting');
    expect(handoverBannerKind(packet({ acknowledgeOverdue: true }), 'caseworker')).toBe('caseworkerOverdue');
    expect(handoverBannerKind(packet({ status: HandoverStatus.Acknowledged }), 'caseworker')).toBeNull();
  });
});

describe('HandoverBanner', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  async function show(role: Role, course: CourseDetail = COURSE) {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    const restoring = TestBed.inject(AuthService).restore();
    http.expectOne('/api/me').flush(meFixture(role));
    await restoring;
    const loading = TestBed.inject(I18nService).use('da', { remember: false });
    http.expectOne('/i18n/da.json').flush({
      handover: { banner: { mentorAcknowledge: 'Læs og kvittér senest {{date}}.' } },
    });
    await loading;
    const fixture = TestBed.createComponent(HandoverBanner);
    fixture.componentRef.setInput('course', course);
    await fixture.whenStable();
    return { fixture, http, el: fixture.nativeElement as HTMLElement };
  }

  it("shows the course's mentor that the packet awaits acknowledgement, with a link to it", async () => {
    const { fixture, http, el } = await show(Role.Mentor);
    http.expectOne('/api/courses/c1/handover').flush({ current: packet(), earlier: [] });
    await fixture.whenStable();
    const banner = el.querySelector('[data-testid="handover-banner"]')!;
    expect(banner.textContent).toContain('Læs og kvittér senest 04.03.2026.');
    expect(banner.querySelector('a')?.getAttribute('href')).toBe('/courses/c1/handover');

    // A new course object for the same course (the page reloads it) does not fetch again.
    fixture.componentRef.setInput('course', { ...COURSE });
    await fixture.whenStable();
    http.expectNone('/api/courses/c1/handover');
  });

  it('shows nothing once acknowledged', async () => {
    const { fixture, http, el } = await show(Role.Mentor);
    http
      .expectOne('/api/courses/c1/handover')
      .flush({ current: packet({ status: HandoverStatus.Acknowledged }), earlier: [] });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="handover-banner"]')).toBeNull();
  });

  it('asks nothing for another mentor, a team leader or an ended course', async () => {
    const other = await show(Role.Mentor, { ...COURSE, mentorId: 'u2' });
    other.http.expectNone('/api/courses/c1/handover');
    TestBed.resetTestingModule();
    const leader = await show(Role.TeamLeader);
    leader.http.expectNone('/api/courses/c1/handover');
    TestBed.resetTestingModule();
    const ended = await show(Role.Caseworker, { ...COURSE, status: CourseStatus.Ended });
    ended.http.expectNone('/api/courses/c1/handover');
  });

  it('tells the caseworker the packet is not sent yet', async () => {
    const { fixture, http, el } = await show(Role.Caseworker);
    http
      .expectOne('/api/courses/c1/handover')
      .flush({ current: packet({ id: null, status: HandoverStatus.Draft }), earlier: [] });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="handover-banner"]')?.getAttribute('data-kind')).toBe(
      'caseworkerWrite',
    );
  });
});
