import { emptyReportContent, GoalProgress, type ReportContent, ReportStatus } from '@mentor/domain';
import { ProblemException } from '../common/problem';
import { assertTransition, contentErrors, periodErrors, type ReportAction } from './report-rules';

describe('assertTransition', () => {
  const allowed: [ReportStatus, ReportAction][] = [
    [ReportStatus.Draft, 'edit'],
    [ReportStatus.Draft, 'submit'],
    [ReportStatus.Returned, 'edit'],
    [ReportStatus.Returned, 'submit'],
    [ReportStatus.Submitted, 'return'],
    [ReportStatus.Submitted, 'accept'],
  ];
  const actions: ReportAction[] = ['edit', 'submit', 'return', 'accept'];

  it('allows exactly the edges of draft → submitted → accepted / returned → submitted', () => {
    for (const status of Object.values(ReportStatus)) {
      for (const action of actions) {
        const ok = allowed.some(([s, a]) => s === status && a === action);
        const run = () => assertTransition(status, action);
        if (ok) expect(run).not.toThrow();
        else {
          expect(run).toThrow(ProblemException);
          try {
            run();
          } catch (error) {
            expect((error as ProblemException).init).toMatchObject({
              status: 409,
              code: 'report.invalid_transition',
            });
          }
        }
      }
    }
  });
});

describe('periodErrors', () => {
  const codes = (from: string, to: string) =>
    periodErrors(from, to, '2026-03-10', '2026-05-31').flatMap((e) => e.codes);

  it('accepts a period from its start up to today', () => {
    expect(codes('2026-02-01', '2026-02-01')).toEqual([]);
    expect(codes('2026-02-01', '2026-03-10')).toEqual([]);
  });

  it('names periodTo with a code for each broken rule', () => {
    expect(codes('2026-02-01', '2026-01-31')).toEqual(['report.period_before_start']);
    expect(codes('2026-02-01', '2026-03-11')).toEqual(['report.period_in_future']);
    expect(periodErrors('2026-02-01', '2026-03-05', '2026-03-10', '2026-03-01')).toEqual([
      expect.objectContaining({ field: 'periodTo', codes: ['report.period_after_grant'] }),
    ]);
  });
});

describe('contentErrors', () => {
  const content = (change: (c: ReportContent) => void) => {
    const c = emptyReportContent(['g1', 'g2']);
    change(c);
    return c;
  };
  const today = '2026-03-10';

  it('accepts an empty draft of the grant’s goals', () => {
    expect(contentErrors(emptyReportContent(['g1', 'g2']), ['g1', 'g2'], today)).toEqual([]);
    expect(contentErrors(emptyReportContent([]), ['g1', 'g2'], today)).toEqual([]);
  });

  it('refuses a goal of another grant, and a goal twice', () => {
    const unknown = content((c) => {
      c.goals[1]!.goalId = 'other';
    });
    expect(contentErrors(unknown, ['g1', 'g2'], today)).toEqual([
      {
        field: 'content.goals.1.goalId',
        messages: ['not a goal of the grant'],
        codes: ['report.unknown_goal'],
      },
    ]);
    const twice = content((c) => {
      c.goals[1]!.goalId = 'g1';
    });
    expect(contentErrors(twice, ['g1', 'g2'], today).map((e) => e.codes)).toEqual([
      ['report.duplicate_goal'],
    ]);
  });

  it('refuses evidence and a review with the citizen dated after today', () => {
    const future = content((c) => {
      c.goals[0]!.status = GoalProgress.Reached;
      c.goals[0]!.evidenceDate = '2026-03-11';
      c.reviewedWithCitizenOn = '2026-03-11';
    });
    expect(contentErrors(future, ['g1', 'g2'], today).map((e) => e.field)).toEqual([
      'content.goals.0.evidenceDate',
      'content.reviewedWithCitizenOn',
    ]);
    const past = content((c) => {
      c.goals[0]!.evidenceDate = today;
      c.reviewedWithCitizenOn = today;
    });
    expect(contentErrors(past, ['g1', 'g2'], today)).toEqual([]);
  });
});
