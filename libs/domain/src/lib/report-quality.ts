/**
 * The rule-based quality check of a progression report. The web app runs it as the mentor writes;
 * the API runs the same code on save and submit. Each rule is simple, explained in the UI (the web
 * app's translation key `reports.quality.<rule>`) and gives credit per item, so the score moves as
 * the mentor fills in the report.
 */
import {
  GoalProgress,
  Recommendation,
  type ReportAttendance,
  type ReportContent,
  ReportSection,
} from './progress-report';

export enum QualityRule {
  /** Every goal of the grant has a status. */
  GoalStatus = 'goal_status',
  /** Every goal with a status says what happened, and (unless not started or no longer relevant) gives evidence. */
  GoalEvidence = 'goal_evidence',
  /** Evidence is specific: an observed event with a date, not only empty phrases. */
  EvidenceSpecific = 'evidence_specific',
  /** Every named barrier has an action. */
  BarrierAction = 'barrier_action',
  /** At least one next step, each with an action, an owner and a date. */
  NextSteps = 'next_steps',
  /** The citizen's view is there and was gone through with the citizen, or its absence is explained. */
  CitizenView = 'citizen_view',
  /** A recommendation with a reason (and the minutes, when adjusting them). */
  RecommendationReason = 'recommendation_reason',
  /** The period has ended and holds logged contacts. */
  PeriodMatchesContacts = 'period_matches_contacts',
}

/** Points per rule; they add up to 100. */
export const QUALITY_RULE_POINTS: Readonly<Record<QualityRule, number>> = {
  [QualityRule.GoalStatus]: 15,
  [QualityRule.GoalEvidence]: 15,
  [QualityRule.EvidenceSpecific]: 15,
  [QualityRule.BarrierAction]: 10,
  [QualityRule.NextSteps]: 15,
  [QualityRule.CitizenView]: 10,
  [QualityRule.RecommendationReason]: 10,
  [QualityRule.PeriodMatchesContacts]: 10,
};

/** A concrete thing to fix: the rule, and the field it is about (e.g. `goals.1.evidence`). */
export interface QualityHint {
  rule: QualityRule;
  section: ReportSection;
  field: string;
}

export interface QualityResult {
  /** 0–100. */
  score: number;
  /** Points earned per rule. */
  points: Record<QualityRule, number>;
  hints: QualityHint[];
}

export interface QualityContext {
  /** The grant's goals, in order. */
  goalIds: readonly string[];
  attendance: ReportAttendance;
  periodFrom: string;
  periodTo: string;
  /** Today (YYYY-MM-DD, Danish time). */
  today: string;
}

/**
 * Phrases that say nothing observable on their own. Evidence that is only these (and small words)
 * is not specific. Lower case; matched as whole words.
 */
export const EMPTY_PHRASES: readonly string[] = [
  'det går godt',
  'det går fint',
  'går godt',
  'går fint',
  'går bedre',
  'positiv udvikling',
  'god udvikling',
  'fin udvikling',
  'god kontakt',
  'godt samarbejde',
  'godt forløb',
  'er motiveret',
  'motiveret',
  'arbejder på det',
  'arbejder videre',
  'er på vej',
  'små skridt',
  'som forventet',
  'ingen ændringer',
  'har det bedre',
  'har det fint',
  'er stabil',
  'stabil',
  'tager ansvar',
  'er glad',
  'fint',
  'godt',
  'ok',
];

const SMALL_WORDS = new Set(
  'og i at det er en et til på med har han hun som den de for af var ikke sig der men om så vi jeg hende ham sin sine også meget lidt mere nu'.split(
    ' ',
  ),
);

const MONTHS = 'januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december';
const WEEKDAYS = 'mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag';
const DATE_IN_TEXT = new RegExp(
  [
    String.raw`\b\d{4}-\d{2}-\d{2}\b`,
    String.raw`\b\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?\b`,
    String.raw`\b\d{1,2}\.?\s+(?:${MONTHS})\b`,
    String.raw`\b(?:${WEEKDAYS})(?:en)?\b`,
    String.raw`\buge\s+\d{1,2}\b`,
  ].join('|'),
  'i',
);
// Longest first, so "det går godt" goes before "går godt" and "godt".
const EMPTY_PHRASE_PATTERN = new RegExp(
  `(?<![\\p{L}\\d])(?:${[...EMPTY_PHRASES]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})(?![\\p{L}\\d])`,
  'giu',
);

const filled = (text: string | null | undefined) => (text ?? '').trim().length > 0;

/** Words left when empty phrases and small words are taken out. */
export function substantiveWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(EMPTY_PHRASE_PATTERN, ' ')
    .split(/[^\p{L}\d]+/u)
    .filter((word) => word.length > 1 && !SMALL_WORDS.has(word));
}

/** Evidence is specific when it is dated (field or text) and says more than empty phrases: 3+ substantive words. */
export function isSpecificEvidence(evidence: string, evidenceDate: string | null): boolean {
  const dated = Boolean(evidenceDate) || DATE_IN_TEXT.test(evidence);
  return dated && substantiveWords(evidence).length >= 3;
}

/** Runs every rule on the report. */
export function checkReportQuality(content: ReportContent, context: QualityContext): QualityResult {
  const hints: QualityHint[] = [];
  const points = {} as Record<QualityRule, number>;
  /** Credit in proportion to the items that pass; no items means nothing to fault. */
  const score = (rule: QualityRule, passed: number, items: number) => {
    points[rule] = items === 0 ? QUALITY_RULE_POINTS[rule] : (QUALITY_RULE_POINTS[rule] * passed) / items;
  };
  const hint = (rule: QualityRule, section: ReportSection, field: string) =>
    hints.push({ rule, section, field });

  // Goals: by the grant's goals, found in the report by id.
  const goals = context.goalIds.map((goalId) => {
    const index = content.goals.findIndex((g) => g.goalId === goalId);
    return { index, entry: index >= 0 ? content.goals[index] : undefined };
  });
  let withStatus = 0;
  for (const { index, entry } of goals) {
    if (entry?.status) withStatus++;
    else hint(QualityRule.GoalStatus, ReportSection.Goals, index >= 0 ? `goals.${index}.status` : 'goals');
  }
  score(QualityRule.GoalStatus, withStatus, goals.length);

  const stated = goals.filter((g) => g.entry?.status);
  let evidenced = 0;
  for (const { index, entry } of stated) {
    if (!entry) continue;
    const needsEvidence =
      entry.status !== GoalProgress.NotStarted && entry.status !== GoalProgress.NoLongerRelevant;
    if (!filled(entry.whatHappened))
      hint(QualityRule.GoalEvidence, ReportSection.Goals, `goals.${index}.whatHappened`);
    else if (needsEvidence && !filled(entry.evidence))
      hint(QualityRule.GoalEvidence, ReportSection.Goals, `goals.${index}.evidence`);
    else evidenced++;
  }
  score(QualityRule.GoalEvidence, evidenced, stated.length);

  const withEvidence = goals.filter((g) => g.entry && filled(g.entry.evidence));
  let specific = 0;
  for (const { index, entry } of withEvidence) {
    if (entry && isSpecificEvidence(entry.evidence, entry.evidenceDate)) specific++;
    else hint(QualityRule.EvidenceSpecific, ReportSection.Goals, `goals.${index}.evidence`);
  }
  score(QualityRule.EvidenceSpecific, specific, withEvidence.length);

  let handled = 0;
  content.barriers.forEach((barrier, index) => {
    if (!filled(barrier.description))
      hint(QualityRule.BarrierAction, ReportSection.Barriers, `barriers.${index}.description`);
    else if (!filled(barrier.action))
      hint(QualityRule.BarrierAction, ReportSection.Barriers, `barriers.${index}.action`);
    else handled++;
  });
  score(QualityRule.BarrierAction, handled, content.barriers.length);

  if (content.nextSteps.length === 0) {
    points[QualityRule.NextSteps] = 0;
    hint(QualityRule.NextSteps, ReportSection.NextSteps, 'nextSteps');
  } else {
    let complete = 0;
    content.nextSteps.forEach((step, index) => {
      const missing = [
        filled(step.action) ? null : 'action',
        filled(step.owner) ? null : 'owner',
        step.dueOn ? null : 'dueOn',
      ].filter((field): field is string => field !== null);
      for (const field of missing)
        hint(QualityRule.NextSteps, ReportSection.NextSteps, `nextSteps.${index}.${field}`);
      if (missing.length === 0) complete++;
    });
    score(QualityRule.NextSteps, complete, content.nextSteps.length);
  }

  const explained = filled(content.citizenViewMissingReason);
  let viewOk: boolean;
  if (!filled(content.citizenView)) {
    viewOk = explained;
    if (!viewOk) hint(QualityRule.CitizenView, ReportSection.CitizenView, 'citizenView');
  } else if (content.reviewedWithCitizen === true) {
    viewOk = Boolean(content.reviewedWithCitizenOn);
    if (!viewOk) hint(QualityRule.CitizenView, ReportSection.CitizenView, 'reviewedWithCitizenOn');
  } else {
    viewOk = content.reviewedWithCitizen === false && explained;
    if (!viewOk)
      hint(
        QualityRule.CitizenView,
        ReportSection.CitizenView,
        content.reviewedWithCitizen === null ? 'reviewedWithCitizen' : 'citizenViewMissingReason',
      );
  }
  score(QualityRule.CitizenView, viewOk ? 1 : 0, 1);

  let recommendationOk = false;
  if (!content.recommendation)
    hint(QualityRule.RecommendationReason, ReportSection.Recommendation, 'recommendation');
  else if (
    content.recommendation === Recommendation.AdjustMinutes &&
    !(content.recommendedMinutesPerWeek && content.recommendedMinutesPerWeek > 0)
  )
    hint(QualityRule.RecommendationReason, ReportSection.Recommendation, 'recommendedMinutesPerWeek');
  else if (!filled(content.recommendationReason))
    hint(QualityRule.RecommendationReason, ReportSection.Recommendation, 'recommendationReason');
  else recommendationOk = true;
  score(QualityRule.RecommendationReason, recommendationOk ? 1 : 0, 1);

  const { attendance, periodFrom, periodTo, today } = context;
  const periodOk =
    periodFrom <= periodTo && periodTo <= today && attendance.contactsHeld + attendance.noShows > 0;
  if (!periodOk) hint(QualityRule.PeriodMatchesContacts, ReportSection.Attendance, 'periodTo');
  score(QualityRule.PeriodMatchesContacts, periodOk ? 1 : 0, 1);

  const total = Object.values(points).reduce((sum, p) => sum + p, 0);
  return { score: Math.round(total), points, hints };
}
