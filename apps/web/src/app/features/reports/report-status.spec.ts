import { CourseStatus } from '@mentor/domain';
import { isReportDueSoon, reportFlag, reportingFlags } from './report-status';

const t = (key: string) => key;

describe('isReportDueSoon', () => {
  it('is true for an active course due within 7 days, not before, not after', () => {
    expect(isReportDueSoon(CourseStatus.Active, '2026-12-05', '2026-11-28')).toBe(true);
    expect(isReportDueSoon(CourseStatus.Active, '2026-11-28', '2026-11-28')).toBe(true);
    expect(isReportDueSoon(CourseStatus.Active, '2026-12-06', '2026-11-28')).toBe(false);
    expect(isReportDueSoon(CourseStatus.Active, '2026-11-27', '2026-11-28')).toBe(false);
    expect(isReportDueSoon(CourseStatus.Paused, '2026-12-01', '2026-11-28')).toBe(false);
    expect(isReportDueSoon(CourseStatus.Active, null, '2026-11-28')).toBe(false);
  });
});

describe('reportFlag', () => {
  const course = { status: CourseStatus.Active, nextReportDueOn: '2026-12-01', reportOverdue: false };

  it('warns when overdue, informs when due soon, and is silent otherwise', () => {
    expect(reportFlag({ ...course, reportOverdue: true }, '2026-12-02', t)).toEqual({
      id: 'report_overdue',
      label: 'courseFlags.report_overdue',
    });
    expect(reportFlag(course, '2026-11-28', t)).toEqual({
      id: 'report_due_soon',
      label: 'courseFlags.report_due_soon',
      tone: 'info',
    });
    expect(reportFlag(course, '2026-11-01', t)).toBeNull();
  });
});

describe('reportingFlags', () => {
  it("follows the API's due soon and overdue", () => {
    const reporting = {
      courseId: 'c1',
      intervalWeeks: 4,
      nextDueOn: '2026-12-01',
      dueSoon: false,
      overdue: false,
      openReportId: null,
    };
    expect(reportingFlags(reporting, t)).toEqual([]);
    expect(reportingFlags({ ...reporting, dueSoon: true }, t).map((f) => f.id)).toEqual(['report_due_soon']);
    expect(reportingFlags({ ...reporting, overdue: true }, t).map((f) => f.id)).toEqual(['report_overdue']);
  });
});
