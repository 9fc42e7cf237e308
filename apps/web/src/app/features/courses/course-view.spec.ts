import { ContactForm, CourseStatus, CourseSummary, HandoverStatus, MeetingPlace } from '@mentor/domain';
import { courseFlags, usualContactForm, weekNumber } from './course-view';

const c = (form: ContactForm, deleted = false) => ({ form, deleted });

describe('usualContactForm', () => {
  it('is the most frequent form of the recent contacts, the newest winning a tie', () => {
    expect(
      usualContactForm([c(ContactForm.Phone), c(ContactForm.InPersonHome), c(ContactForm.InPersonHome)]),
    ).toBe(ContactForm.InPersonHome);
    expect(usualContactForm([c(ContactForm.Phone), c(ContactForm.Sms)])).toBe(ContactForm.Phone);
  });

  it('ignores deleted contacts', () => {
    expect(
      usualContactForm([c(ContactForm.Video, true), c(ContactForm.Video, true), c(ContactForm.Sms)]),
    ).toBe(ContactForm.Sms);
  });

  it("falls back to the citizen's meeting preference, then in person elsewhere", () => {
    expect(usualContactForm([], MeetingPlace.Home)).toBe(ContactForm.InPersonHome);
    expect(usualContactForm([], MeetingPlace.OutOfHome)).toBe(ContactForm.InPersonElsewhere);
    expect(usualContactForm([])).toBe(ContactForm.InPersonElsewhere);
  });
});

describe('weekNumber', () => {
  it('reads the ISO week', () => {
    expect(weekNumber('2026-W07')).toBe(7);
  });
});

describe('courseFlags', () => {
  const t = (key: string) => key;
  const course = {
    status: CourseStatus.Active,
    noRecentContact: true,
    overBudgetThisWeek: false,
    expiresSoon: true,
    nextReportDueOn: '2026-12-01',
    reportOverdue: false,
    handoverStatus: HandoverStatus.Acknowledged,
    handoverOverdue: false,
    unreadMessages: 0,
    needsSparring: false,
  } as CourseSummary;

  it('puts an overdue report first and a report due soon with the other information', () => {
    expect(courseFlags({ ...course, reportOverdue: true }, t, '2026-12-02').map((f) => f.id)).toEqual([
      'report_overdue',
      'no_recent_contact',
      'expires_soon',
    ]);
    expect(courseFlags(course, t, '2026-11-28').map((f) => f.id)).toEqual([
      'no_recent_contact',
      'expires_soon',
      'report_due_soon',
    ]);
    expect(courseFlags(course, t, '2026-11-01').map((f) => f.id)).toEqual([
      'no_recent_contact',
      'expires_soon',
    ]);
  });

  it('asks for action on sparring and a missing or overdue handover, and counts unread messages', () => {
    const quiet = { ...course, noRecentContact: false, expiresSoon: false, mentorId: 'm1' };
    expect(courseFlags({ ...quiet, needsSparring: true, unreadMessages: 3 }, t, '2026-11-01')).toEqual([
      { id: 'needs_sparring', label: 'courseFlags.needs_sparring' },
      { id: 'unread_messages', label: 'courseFlags.unreadCount', tone: 'info' },
    ]);
    const ids = (over: Partial<CourseSummary>) =>
      courseFlags({ ...quiet, ...over }, t, '2026-11-01').map((f) => f.id);
    expect(ids({ handoverStatus: null })).toEqual(['handover_pending']);
    expect(ids({ handoverStatus: HandoverStatus.Draft })).toEqual(['handover_pending']);
    expect(ids({ handoverStatus: HandoverStatus.Sent })).toEqual(['handover_awaiting']);
    expect(ids({ handoverStatus: HandoverStatus.Sent, handoverOverdue: true })).toEqual(['handover_overdue']);
    expect(ids({ handoverStatus: null, mentorId: null })).toEqual([]);
    expect(ids({ handoverStatus: null, status: CourseStatus.Ended })).toEqual([]);
  });
});
