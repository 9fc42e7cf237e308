import { type FieldError, type ReportContent, ReportStatus } from '@mentor/domain';
import { ProblemException } from '../common/problem';

/** The report rules that need no database: state transitions, the period, and the content's references. */

export type ReportAction = 'edit' | 'submit' | 'return' | 'accept';

/** The state machine: draft → submitted → accepted, or → returned → (edited) → submitted again. */
const ALLOWED_FROM: Record<ReportAction, readonly ReportStatus[]> = {
  edit: [ReportStatus.Draft, ReportStatus.Returned],
  submit: [ReportStatus.Draft, ReportStatus.Returned],
  return: [ReportStatus.Submitted],
  accept: [ReportStatus.Submitted],
};

const VERBS: Record<ReportAction, string> = {
  edit: 'edited',
  submit: 'submitted',
  return: 'returned',
  accept: 'accepted',
};

/** 409 unless the report's status allows the action. */
export function assertTransition(status: ReportStatus, action: ReportAction): void {
  if (!ALLOWED_FROM[action].includes(status)) {
    throw new ProblemException({
      status: 409,
      code: 'report.invalid_transition',
      detail: `A ${status} report cannot be ${VERBS[action]}; only a report that is ${ALLOWED_FROM[action].join(' or ')} can.`,
    });
  }
}

/** The period's own rules: it starts where it must, has ended by today, and lies inside the grant. */
export function periodErrors(
  periodFrom: string,
  periodTo: string,
  today: string,
  grantEndsOn: string,
): FieldError[] {
  const error = (message: string, code: string): FieldError[] => [
    { field: 'periodTo', messages: [message], codes: [code] },
  ];
  if (periodTo < periodFrom)
    return error(`must not be before the period's start ${periodFrom}`, 'report.period_before_start');
  if (periodTo > today) return error('must not be in the future', 'report.period_in_future');
  if (periodTo > grantEndsOn)
    return error(`must not be after the grant ends (${grantEndsOn})`, 'report.period_after_grant');
  return [];
}

/** What the DTO cannot check: goals of this grant, each once, and dates observed by today. */
export function contentErrors(
  content: ReportContent,
  goalIds: readonly string[],
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  content.goals.forEach((goal, index) => {
    if (!goalIds.includes(goal.goalId)) {
      errors.push({
        field: `content.goals.${index}.goalId`,
        messages: ['not a goal of the grant'],
        codes: ['report.unknown_goal'],
      });
    } else if (seen.has(goal.goalId)) {
      errors.push({
        field: `content.goals.${index}.goalId`,
        messages: ['the goal is already in the report'],
        codes: ['report.duplicate_goal'],
      });
    }
    seen.add(goal.goalId);
    if (goal.evidenceDate && goal.evidenceDate > today) {
      errors.push({
        field: `content.goals.${index}.evidenceDate`,
        messages: ['evidence is something already observed: not a future date'],
        codes: ['report.date_in_future'],
      });
    }
  });
  if (content.reviewedWithCitizenOn && content.reviewedWithCitizenOn > today) {
    errors.push({
      field: 'content.reviewedWithCitizenOn',
      messages: ['must not be in the future'],
      codes: ['report.date_in_future'],
    });
  }
  return errors;
}
