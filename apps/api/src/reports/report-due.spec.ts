import { CourseStatus } from '@mentor/domain';
import { isReportDueSoon, isReportOverdue, nextReportDueOn, type ReportDueInput } from './report-due';

const course = (overrides: Partial<ReportDueInput> = {}): ReportDueInput => ({
  status: CourseStatus.Active,
  startsOn: '2026-01-05',
  endsOn: '2026-06-30',
  intervalWeeks: 4,
  reportedTo: null,
  ...overrides,
});

describe('nextReportDueOn', () => {
  it('is the interval after the grant start before the first report', () => {
    expect(nextReportDueOn(course())).toBe('2026-02-02');
    expect(nextReportDueOn(course({ intervalWeeks: 2 }))).toBe('2026-01-19');
  });

  it('is the interval after the last day a submitted report covers', () => {
    expect(nextReportDueOn(course({ reportedTo: '2026-02-01' }))).toBe('2026-03-01');
  });

  it('is never later than the final report, FINAL_REPORT_DAYS_BEFORE_END days before the grant ends', () => {
    expect(nextReportDueOn(course({ reportedTo: '2026-06-01' }))).toBe('2026-06-16');
    expect(nextReportDueOn(course({ endsOn: '2026-01-25' }))).toBe('2026-01-11');
  });

  it('is null once the final report is in, or when the course has ended', () => {
    expect(nextReportDueOn(course({ reportedTo: '2026-06-16' }))).toBeNull();
    expect(nextReportDueOn(course({ reportedTo: '2026-06-20' }))).toBeNull();
    expect(nextReportDueOn(course({ status: CourseStatus.Ended }))).toBeNull();
  });

  it('asks a grant shorter than two weeks for its report at the start, not before it', () => {
    expect(nextReportDueOn(course({ endsOn: '2026-01-12' }))).toBe('2026-01-05');
    expect(nextReportDueOn(course({ endsOn: '2026-01-12', reportedTo: '2026-01-05' }))).toBeNull();
  });

  it('keeps a due date for paused and planned courses', () => {
    expect(nextReportDueOn(course({ status: CourseStatus.Paused }))).toBe('2026-02-02');
    expect(nextReportDueOn(course({ status: CourseStatus.Planned }))).toBe('2026-02-02');
  });
});

describe('isReportOverdue and isReportDueSoon', () => {
  const due = '2026-02-02';

  it('is overdue the day after the due date, on an active course only', () => {
    expect(isReportOverdue(CourseStatus.Active, due, '2026-02-02')).toBe(false);
    expect(isReportOverdue(CourseStatus.Active, due, '2026-02-03')).toBe(true);
    expect(isReportOverdue(CourseStatus.Paused, due, '2026-02-03')).toBe(false);
    expect(isReportOverdue(CourseStatus.Active, null, '2026-02-03')).toBe(false);
  });

  it('is due soon within REPORT_DUE_SOON_DAYS, up to and including the due date', () => {
    expect(isReportDueSoon(CourseStatus.Active, due, '2026-01-25')).toBe(false);
    expect(isReportDueSoon(CourseStatus.Active, due, '2026-01-26')).toBe(true);
    expect(isReportDueSoon(CourseStatus.Active, due, '2026-02-02')).toBe(true);
    expect(isReportDueSoon(CourseStatus.Active, due, '2026-02-03')).toBe(false);
    expect(isReportDueSoon(CourseStatus.Ended, due, '2026-02-01')).toBe(false);
    expect(isReportDueSoon(CourseStatus.Active, null, '2026-02-01')).toBe(false);
  });
});
