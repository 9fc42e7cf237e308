import {
  QuestionKind,
  SURVEY_INDICATOR_RULES,
  SURVEYS,
  type StudyValue,
  type SurveyAnswers,
  type SurveyIndicatorRule,
  type SurveyKind,
  type SurveyQuestion,
} from '@mentor/domain';

// Synthetic questionnaire answers built from target shares: the demo data (demo/demo-surveys.ts) and
// `npm run study:reproduce` (tools/study-reproduce.mjs, through dist/api/sql.js) both make theirs here.

const EPSILON = 1e-9;

/** A seeded source of randomness (mulberry32): the same seed always gives the same sequence. */
export interface SeededRandom {
  /** A number in [0, 1). */
  next(): number;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(list: readonly T[]): T[];
}

export function seededRandom(seed: number): SeededRandom {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    shuffle<T>(list: readonly T[]): T[] {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j] as T, out[i] as T];
      }
      return out;
    },
  };
}

/** A target: a share, or bounds (either or both). */
export interface ShareTarget {
  share?: number;
  min?: number;
  max?: number;
}

/** Where to aim inside bounds: the middle of a range, 5 points inside a single bound; a share is its own aim. */
export function targetAim(target: ShareTarget): number {
  if (target.share !== undefined) return target.share;
  if (target.min !== undefined && target.max !== undefined) return (target.min + target.max) / 2;
  if (target.min !== undefined) return target.min + 0.05;
  if (target.max !== undefined) return target.max - 0.05;
  throw new Error('a target needs a share or bounds');
}

/**
 * How many of n make the target: the share's nearest count, or the count inside the bounds nearest
 * their aim. Throws when no count of n lies inside the bounds.
 */
export function countForTarget(target: ShareTarget, n: number, label = 'target'): number {
  if (target.share !== undefined) return Math.round(target.share * n);
  const aim = targetAim(target);
  const inside = (k: number) =>
    (target.min === undefined || k / n >= target.min - EPSILON) &&
    (target.max === undefined || k / n <= target.max + EPSILON);
  let best: number | null = null;
  for (let k = 0; k <= n; k++)
    if (inside(k) && (best === null || Math.abs(k / n - aim) < Math.abs(best / n - aim))) best = k;
  if (best === null) throw new Error(`${label}: no share of ${n} lies inside the bounds`);
  return best;
}

/** The study's published figure as a target (its value, or its bounds). */
export function studyTarget(study: StudyValue): ShareTarget {
  return { share: study.value, min: study.min, max: study.max };
}

export interface SurveySynthesisPlan {
  /** How many of the responses answer a question (the rest skip it), given the rules counted on it. */
  answering(question: SurveyQuestion, rules: readonly SurveyIndicatorRule[]): number;
  /** How many of the n who answered match a rule. */
  matching(rule: SurveyIndicatorRule, n: number): number;
  shuffle: SeededRandom['shuffle'];
}

/**
 * Answers for `responses` responses of a questionnaire such that every indicator rule of it counts
 * exactly `plan.matching` of `plan.answering` (questions no indicator counts stay unanswered). Of a
 * multiple choice, each rule's option is ticked independently; a single choice or yes/no that does
 * not match takes the first other option (or the other boolean).
 */
export function synthesizeSurveyAnswers(
  kind: SurveyKind,
  responses: number,
  plan: SurveySynthesisPlan,
): SurveyAnswers[] {
  const answers: Record<string, string[] | string | boolean>[] = Array.from(
    { length: responses },
    () => ({}),
  );
  const questions = new Map(SURVEYS[kind].questions.map((q) => [q.key, q]));
  const byQuestion = new Map<string, SurveyIndicatorRule[]>();
  for (const rule of SURVEY_INDICATOR_RULES.filter((r) => r.survey === kind))
    byQuestion.set(rule.question, [...(byQuestion.get(rule.question) ?? []), rule]);
  const flags = (n: number, k: number) => plan.shuffle(Array.from({ length: n }, (_, i) => i < k));

  for (const [key, rules] of byQuestion) {
    const question = questions.get(key) as SurveyQuestion;
    const n = plan.answering(question, rules);
    if (n > responses) throw new Error(`${kind}.${key}: ${n} answers of ${responses} responses`);
    const answering = plan.shuffle(answers).slice(0, n);
    if (question.kind === QuestionKind.MultipleChoice) {
      const ticked = answering.map((a) => (a[key] = [] as string[]));
      for (const rule of rules)
        flags(n, plan.matching(rule, n)).forEach((on, j) => on && ticked[j]?.push(String(rule.matches[0])));
      continue;
    }
    const [rule] = rules as [SurveyIndicatorRule];
    const match = rule.matches[0] as string | boolean;
    const other =
      question.kind === QuestionKind.YesNo
        ? !match
        : (question.options.find((o) => !rule.matches.includes(o)) as string);
    flags(n, plan.matching(rule, n)).forEach(
      (on, j) => ((answering[j] as SurveyAnswers)[key] = on ? match : other),
    );
  }
  return answers;
}
