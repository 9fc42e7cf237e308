import { FormArray, FormControl, FormGroup, NonNullableFormBuilder, Validators } from '@angular/forms';
import {
  BarrierKind,
  emptyReportContent,
  GoalProgress,
  GRANT_MINUTES_PER_WEEK_MAX,
  Recommendation,
  ReportBarrier,
  ReportContent,
  ReportGoalEntry,
  ReportNextStep,
  REPORT_SHORT_TEXT_MAX,
  REPORT_TEXT_MAX,
} from '@mentor/domain';

export type GoalGroup = FormGroup<{
  goalId: FormControl<string>;
  status: FormControl<GoalProgress | null>;
  whatHappened: FormControl<string>;
  evidence: FormControl<string>;
  evidenceDate: FormControl<string>;
}>;
export type BarrierGroup = FormGroup<{
  kind: FormControl<BarrierKind>;
  description: FormControl<string>;
  action: FormControl<string>;
}>;
export type NextStepGroup = FormGroup<{
  action: FormControl<string>;
  owner: FormControl<string>;
  dueOn: FormControl<string>;
}>;

export type ReportForm = ReturnType<typeof reportForm>;

const long = [Validators.maxLength(REPORT_TEXT_MAX)];
const short = [Validators.maxLength(REPORT_SHORT_TEXT_MAX)];

/**
 * The editor's form for sections 2–6 and the period's end. Dates are `''` while empty (what a
 * date input gives), turned into null by {@link contentOf}. Only lengths and ranges are checked
 * here: what is missing is the quality check's business, so a half-written draft always saves.
 */
export function reportForm(fb: NonNullableFormBuilder) {
  return fb.group({
    periodTo: fb.control('', Validators.required),
    goals: fb.array<GoalGroup>([]),
    barriers: fb.array<BarrierGroup>([]),
    citizenView: fb.control('', long),
    reviewedWithCitizen: new FormControl<boolean | null>(null),
    reviewedWithCitizenOn: fb.control(''),
    citizenViewMissingReason: fb.control('', long),
    nextSteps: fb.array<NextStepGroup>([]),
    recommendation: new FormControl<Recommendation | null>(null),
    recommendedMinutesPerWeek: new FormControl<number | null>(null, [
      Validators.min(1),
      Validators.max(GRANT_MINUTES_PER_WEEK_MAX),
      Validators.pattern(/^\d+$/),
    ]),
    recommendationReason: fb.control('', long),
  });
}

export function goalGroup(fb: NonNullableFormBuilder, goal: ReportGoalEntry): GoalGroup {
  return fb.group({
    goalId: fb.control(goal.goalId),
    status: new FormControl<GoalProgress | null>(goal.status ?? null),
    whatHappened: fb.control(goal.whatHappened ?? '', long),
    evidence: fb.control(goal.evidence ?? '', long),
    evidenceDate: fb.control(goal.evidenceDate ?? ''),
  });
}

export function barrierGroup(fb: NonNullableFormBuilder, barrier?: ReportBarrier): BarrierGroup {
  return fb.group({
    kind: fb.control<BarrierKind>(barrier?.kind ?? BarrierKind.Other),
    description: fb.control(barrier?.description ?? '', long),
    action: fb.control(barrier?.action ?? '', long),
  });
}

export function nextStepGroup(fb: NonNullableFormBuilder, step?: ReportNextStep): NextStepGroup {
  return fb.group({
    action: fb.control(step?.action ?? '', short),
    owner: fb.control(step?.owner ?? '', short),
    dueOn: fb.control(step?.dueOn ?? ''),
  });
}

/**
 * Fills the form with a report's content, one goal entry per goal of the grant, in the grant's
 * order (entries of goals the grant no longer has are dropped). Emits one value change.
 */
export function fillReportForm(
  fb: NonNullableFormBuilder,
  form: ReportForm,
  goalIds: readonly string[],
  content: ReportContent,
  periodTo: string,
): void {
  const empty = emptyReportContent(goalIds).goals;
  const c = form.controls;
  c.goals.clear({ emitEvent: false });
  for (const blank of empty) {
    c.goals.push(goalGroup(fb, content.goals.find((g) => g.goalId === blank.goalId) ?? blank), {
      emitEvent: false,
    });
  }
  replace(
    c.barriers,
    content.barriers.map((b) => barrierGroup(fb, b)),
  );
  replace(
    c.nextSteps,
    content.nextSteps.map((s) => nextStepGroup(fb, s)),
  );
  form.patchValue(
    {
      periodTo,
      citizenView: content.citizenView ?? '',
      reviewedWithCitizen: content.reviewedWithCitizen ?? null,
      reviewedWithCitizenOn: content.reviewedWithCitizenOn ?? '',
      citizenViewMissingReason: content.citizenViewMissingReason ?? '',
      recommendation: content.recommendation ?? null,
      recommendedMinutesPerWeek: content.recommendedMinutesPerWeek ?? null,
      recommendationReason: content.recommendationReason ?? '',
    },
    { emitEvent: false },
  );
  form.updateValueAndValidity();
}

function replace<T extends FormGroup>(array: FormArray<T>, groups: T[]): void {
  array.clear({ emitEvent: false });
  for (const group of groups) array.push(group, { emitEvent: false });
}

/** The report content the form holds, as the API takes it. */
export function contentOf(value: ReturnType<ReportForm['getRawValue']>): ReportContent {
  const date = (text: string | null | undefined) => (text ? text : null);
  return {
    goals: value.goals.map((g) => ({
      goalId: g.goalId,
      status: g.status ?? null,
      whatHappened: g.whatHappened,
      evidence: g.evidence,
      evidenceDate: date(g.evidenceDate),
    })),
    barriers: value.barriers.map((b) => ({ kind: b.kind, description: b.description, action: b.action })),
    citizenView: value.citizenView,
    reviewedWithCitizen: value.reviewedWithCitizen ?? null,
    // The date belongs to "gone through": a "no" drops it, so it is never sent without meaning.
    reviewedWithCitizenOn: value.reviewedWithCitizen === true ? date(value.reviewedWithCitizenOn) : null,
    citizenViewMissingReason: value.citizenViewMissingReason,
    nextSteps: value.nextSteps.map((s) => ({ action: s.action, owner: s.owner, dueOn: date(s.dueOn) })),
    recommendation: value.recommendation ?? null,
    // Minutes only with "adjust minutes", and only a number the API accepts (the field says why not).
    recommendedMinutesPerWeek:
      value.recommendation === Recommendation.AdjustMinutes
        ? validMinutes(value.recommendedMinutesPerWeek)
        : null,
    recommendationReason: value.recommendationReason,
  };
}

function validMinutes(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || String(value).trim() === '') return null;
  const minutes = Number(value);
  return Number.isInteger(minutes) && minutes >= 1 && minutes <= GRANT_MINUTES_PER_WEEK_MAX ? minutes : null;
}
