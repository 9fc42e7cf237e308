/**
 * The three built-in questionnaires of issue 7, mirroring the study's: the citizen interview
 * (chapter 3), the recruiter questionnaire (chapter 4) and the mentor questionnaire (chapter 5).
 * Every `survey.*` indicator of the catalogue is a share of responses: the numerator is the
 * responses whose answer to one question is one of the listed options, the denominator the
 * responses that answered that question (a respondent who skipped an item is left out of it, as
 * the study's varying N shows). Question and option keys are stable: they are stored in the
 * responses, used as import columns, and the web translates them (`surveys.<kind>.<question>...`).
 */
import type { Page } from './api-types';
import { isIsoDate, type RuleViolation } from './workforce';
import type { MentorType } from './mentoring';
import type { OrganisationKind } from './organisation';
import { Role } from './roles';

export enum SurveyKind {
  /** Phone interview with a citizen in mentor support (study chapter 3), entered by staff. */
  Citizen = 'citizen',
  /** The mentors' questionnaire (chapter 5), answered by mentors themselves. */
  Mentor = 'mentor',
  /** The recruiters' questionnaire (chapter 4), answered by team leaders themselves. */
  Recruiter = 'recruiter',
}

export const SURVEY_KINDS = Object.values(SurveyKind);

export enum QuestionKind {
  /** One option key (string). */
  SingleChoice = 'single_choice',
  /** A list of option keys, possibly empty ("none of these"). */
  MultipleChoice = 'multiple_choice',
  /** true or false. */
  YesNo = 'yes_no',
  /** A whole number from `scale.min` to `scale.max`. */
  Scale = 'scale',
}

export interface SurveyQuestion {
  /** Stable key, unique within the survey; snake_case. */
  key: string;
  kind: QuestionKind;
  /** Option keys of single and multiple choice, in display order; empty for yes/no and scale. */
  options: readonly string[];
  /** Bounds of a scale question. */
  scale?: { min: number; max: number };
}

export interface SurveyDefinition {
  kind: SurveyKind;
  questions: readonly SurveyQuestion[];
}

/** A single or multiple choice answer is option keys; yes/no a boolean; scale a number. Absent or null: not answered. */
export type SurveyAnswer = string | readonly string[] | boolean | number | null;
export type SurveyAnswers = Record<string, SurveyAnswer>;

const yesNo = (key: string): SurveyQuestion => ({ key, kind: QuestionKind.YesNo, options: [] });
const single = (key: string, options: readonly string[]): SurveyQuestion => ({
  key,
  kind: QuestionKind.SingleChoice,
  options,
});
const multiple = (key: string, options: readonly string[]): SurveyQuestion => ({
  key,
  kind: QuestionKind.MultipleChoice,
  options,
});

/** "How many of your mentors ...": the study reports "størstedelen" (the majority). */
const SHARE_OF_MENTORS = ['majority', 'about_half', 'minority', 'none', 'dont_know'] as const;
/** The upskilling topics of figure 4.6 and boxes 5.2–5.3 (the values of UpskillingTopic). */
const UPSKILLING_TOPIC_KEYS = [
  'motivational_resource',
  'specific_barriers',
  'goals_progression',
  'employment_oriented',
  'employment_law',
  'conversation_methods',
  'labour_market_education',
  'interdisciplinary_law',
] as const;
/** The competencies of figures 4.1 and 5.3. */
const COMPETENCY_KEYS = [
  'motivational_resource',
  'relational',
  'employment_oriented',
  'target_group_knowledge',
  'empathy',
  'professional_background',
  'legislation_knowledge',
  'specific_diagnoses',
] as const;

export const SURVEYS: Readonly<Record<SurveyKind, SurveyDefinition>> = {
  [SurveyKind.Citizen]: {
    kind: SurveyKind.Citizen,
    questions: [
      // Figure 3.2 note 1: most find the time suitable, two of twenty want more.
      single('time_with_mentor', ['more', 'suitable', 'less']),
      // Figure 3.3.
      yesNo('makes_difference'),
      yesNo('progress'),
      yesNo('closer_to_job_or_education'),
      yesNo('helped_into_activation'),
      // Section 3.3: the relation.
      yesNo('can_tell_mentor'),
      yesNo('taken_seriously'),
      // Section 3.4.
      yesNo('mentor_can_help_specific'),
      // The interview closes with overall satisfaction (1 = very dissatisfied, 5 = very satisfied).
      { key: 'overall_satisfaction', kind: QuestionKind.Scale, options: [], scale: { min: 1, max: 5 } },
    ],
  },
  [SurveyKind.Recruiter]: {
    kind: SurveyKind.Recruiter,
    questions: [
      yesNo('predefined_requirements'),
      // Figure 4.1: what is emphasised when hiring (several may be ticked).
      multiple('recruitment_emphasis', COMPETENCY_KEYS),
      // Figure 4.2.
      single('new_mentors_meeting_requirements', SHARE_OF_MENTORS),
      // Figure 4.3: "Er det nemt at rekruttere dygtige mentorer?"
      yesNo('easy_to_recruit'),
      // Figure 4.4.
      multiple('onboarding_forms', [
        'sparring',
        'supervision',
        'theme_meetings',
        'shadowing',
        'teaching',
        'mentor_education',
      ]),
      // Figure 4.5.
      single('certified_mentors', SHARE_OF_MENTORS),
      yesNo('ongoing_upskilling_offered'),
      // Figure 4.6.
      multiple('upskilling_content', UPSKILLING_TOPIC_KEYS),
      // Figure 4.8.
      single('upskilling_frequency', ['fixed_intervals', 'when_needed']),
      // Section 4.3: "fire respondenter svarer, at der allerede er løbende opkvalificering".
      single('mentors_express_upskilling_need', ['often', 'sometimes', 'rarely', 'already_ongoing']),
      yesNo('management_supervision_available'),
      yesNo('fixed_sparring_framework'),
    ],
  },
  [SurveyKind.Mentor]: {
    kind: SurveyKind.Mentor,
    questions: [
      // Figure 5.3: the competencies the mentor finds most important (several may be ticked).
      multiple('important_competencies', COMPETENCY_KEYS),
      // Section 5.1.
      single('primary_approach', ['professional', 'personal']),
      // Box 5.3.
      multiple('upskilling_wishes', UPSKILLING_TOPIC_KEYS),
      // Figure 5.9: the difference of the raised minute budget for holistic mentors (several may be ticked).
      multiple('minutes_increase_effects', [
        'better_quality',
        'better_relation',
        'faster_progress',
        'too_vulnerable',
        'no_difference',
      ]),
    ],
  },
};

/** How a `survey.*` indicator is counted: responses whose answer to `question` is one of `matches`. */
export interface SurveyIndicatorRule {
  indicatorId: string;
  survey: SurveyKind;
  question: string;
  /** Option keys (choice), booleans (yes/no) or numbers (scale) that count in the numerator. */
  matches: readonly (string | boolean | number)[];
}

const rule = (
  indicatorId: string,
  survey: SurveyKind,
  question: string,
  ...matches: (string | boolean | number)[]
): SurveyIndicatorRule => ({ indicatorId, survey, question, matches });
const C = SurveyKind.Citizen;
const R = SurveyKind.Recruiter;
const M = SurveyKind.Mentor;

/** Every `survey.*` indicator of the catalogue, in catalogue order (a unit test holds them in step). */
export const SURVEY_INDICATOR_RULES: readonly SurveyIndicatorRule[] = [
  rule('citizen.wants_more_time', C, 'time_with_mentor', 'more'),
  rule('citizen.outcome.makes_difference', C, 'makes_difference', true),
  rule('citizen.outcome.progress', C, 'progress', true),
  rule('citizen.outcome.closer_to_job_or_education', C, 'closer_to_job_or_education', true),
  rule('citizen.outcome.helped_into_activation', C, 'helped_into_activation', true),
  rule('citizen.relation.can_tell_mentor', C, 'can_tell_mentor', true),
  rule('citizen.relation.taken_seriously', C, 'taken_seriously', true),
  rule('citizen.mentor_can_help_specific', C, 'mentor_can_help_specific', true),
  rule('recruiter.predefined_requirements', R, 'predefined_requirements', true),
  rule('recruiter.emphasis.motivational_resource', R, 'recruitment_emphasis', 'motivational_resource'),
  rule('recruiter.emphasis.relational', R, 'recruitment_emphasis', 'relational'),
  rule('recruiter.emphasis.employment_oriented', R, 'recruitment_emphasis', 'employment_oriented'),
  rule('recruiter.emphasis.target_group_knowledge', R, 'recruitment_emphasis', 'target_group_knowledge'),
  rule('recruiter.emphasis.empathy', R, 'recruitment_emphasis', 'empathy'),
  rule('recruiter.new_mentors_meet_requirements', R, 'new_mentors_meeting_requirements', 'majority'),
  rule('recruiter.not_easy_to_recruit', R, 'easy_to_recruit', false),
  rule('recruiter.onboarding.sparring', R, 'onboarding_forms', 'sparring'),
  rule('recruiter.onboarding.supervision', R, 'onboarding_forms', 'supervision'),
  rule('recruiter.most_mentors_certified', R, 'certified_mentors', 'majority'),
  rule('recruiter.ongoing_upskilling_offered', R, 'ongoing_upskilling_offered', true),
  rule('recruiter.upskilling.goals_progression', R, 'upskilling_content', 'goals_progression'),
  rule('recruiter.upskilling.employment_oriented', R, 'upskilling_content', 'employment_oriented'),
  rule('recruiter.upskilling.fixed_intervals', R, 'upskilling_frequency', 'fixed_intervals'),
  rule('recruiter.mentors_often_ask_for_upskilling', R, 'mentors_express_upskilling_need', 'often'),
  rule('recruiter.management_supervision_available', R, 'management_supervision_available', true),
  rule('recruiter.fixed_sparring_framework', R, 'fixed_sparring_framework', true),
  rule('mentor.competence.relational', M, 'important_competencies', 'relational'),
  rule('mentor.competence.motivational_resource', M, 'important_competencies', 'motivational_resource'),
  rule('mentor.competence.target_group_knowledge', M, 'important_competencies', 'target_group_knowledge'),
  rule('mentor.competence.employment_oriented', M, 'important_competencies', 'employment_oriented'),
  rule('mentor.competence.empathy', M, 'important_competencies', 'empathy'),
  rule('mentor.approach.professional', M, 'primary_approach', 'professional'),
  rule('mentor.upskilling.wish.specific_barriers', M, 'upskilling_wishes', 'specific_barriers'),
  rule('mentor.upskilling.wish.labour_market_education', M, 'upskilling_wishes', 'labour_market_education'),
  rule('mentor.upskilling.wish.interdisciplinary_law', M, 'upskilling_wishes', 'interdisciplinary_law'),
  rule('mentor.minutes_increase.better_quality', M, 'minutes_increase_effects', 'better_quality'),
  rule('mentor.minutes_increase.better_relation', M, 'minutes_increase_effects', 'better_relation'),
  rule('mentor.minutes_increase.faster_progress', M, 'minutes_increase_effects', 'faster_progress'),
  rule('mentor.minutes_increase.too_vulnerable', M, 'minutes_increase_effects', 'too_vulnerable'),
  rule('mentor.minutes_increase.no_difference', M, 'minutes_increase_effects', 'no_difference'),
];

/** Whether a response answered the question (absent and null are not answers). */
export function isAnswered(answer: SurveyAnswer | undefined): boolean {
  return answer !== undefined && answer !== null;
}

/** Whether an answer counts in the rule's numerator: a listed option chosen (any of them, for multiple choice). */
export function answerMatches(
  answer: SurveyAnswer | undefined,
  matches: SurveyIndicatorRule['matches'],
): boolean {
  if (answer === undefined || answer === null) return false;
  if (Array.isArray(answer)) return answer.some((option) => matches.includes(option));
  return matches.includes(answer as string | boolean | number);
}

/** Numerator and denominator of a rule over responses (pure; the API counts the same in SQL). */
export function countSurveyRule(
  rule: SurveyIndicatorRule,
  responses: readonly SurveyAnswers[],
): { numerator: number; denominator: number } {
  let numerator = 0;
  let denominator = 0;
  for (const answers of responses) {
    if (!isAnswered(answers[rule.question])) continue;
    denominator++;
    if (answerMatches(answers[rule.question], rule.matches)) numerator++;
  }
  return { numerator, denominator };
}

// ---------- Who answers ----------

/**
 * Who may submit a response of each kind. A mentor answers the mentor questionnaire and a team
 * leader the recruiter questionnaire as themselves (the response is "self-answered" and records the
 * respondent); a team leader may also enter mentor questionnaires and citizen interviews for their
 * own organisation, and a caseworker citizen interviews for any organisation of the municipality.
 */
export const SURVEY_ENTRY_ROLES: Readonly<Record<SurveyKind, readonly Role[]>> = {
  [SurveyKind.Citizen]: [Role.Caseworker, Role.TeamLeader],
  [SurveyKind.Mentor]: [Role.Mentor, Role.TeamLeader],
  [SurveyKind.Recruiter]: [Role.TeamLeader],
};

/** The role whose submission of this kind is their own answer (recorded as the respondent). */
export const SURVEY_SELF_ROLE: Readonly<Record<SurveyKind, Role | null>> = {
  [SurveyKind.Citizen]: null,
  [SurveyKind.Mentor]: Role.Mentor,
  [SurveyKind.Recruiter]: Role.TeamLeader,
};

/** True when `role` may submit responses of `kind`. */
export function canEnterSurvey(role: Role, kind: SurveyKind): boolean {
  return SURVEY_ENTRY_ROLES[kind].includes(role);
}

// ---------- Requests and answers ----------

/**
 * Body of `POST /api/surveys/:kind/responses` (the kind is the path's). `organisationId` is the
 * organisation the response concerns: for a citizen interview the organisation of the citizen's
 * mentor. Mentors and team leaders may leave it out (their own organisation is used) or name only
 * their own; a caseworker must name it.
 */
export interface SurveyResponseRequest {
  answeredOn: string;
  organisationId?: string;
  /**
   * The kind of mentor support the response concerns, for the report's mentor-type filter: the
   * citizen's mentor's type (citizen interview) or the type the mentor mostly works as (mentor
   * questionnaire). Not asked of recruiters. Responses without it drop out under that filter.
   */
  mentorType?: MentorType | null;
  answers: SurveyAnswers;
}

/** One stored response as listed to team leaders and administrators: no names, no user ids. */
export interface SurveyResponseView {
  id: string;
  kind: SurveyKind;
  answeredOn: string;
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  mentorType: MentorType | null;
  /** Answered by the respondent in the app (otherwise entered or imported by staff). */
  selfAnswered: boolean;
  imported: boolean;
  answers: SurveyAnswers;
  createdAt: string;
}

/** Filters of `GET /api/surveys/:kind/responses`. */
export interface SurveyResponseQuery {
  from?: string;
  to?: string;
  organisationId?: string;
  limit?: number;
  offset?: number;
}

export type SurveyResponsePage = Page<SurveyResponseView>;

/** Most responses in one import file. */
export const SURVEY_IMPORT_MAX_ROWS = 20_000;
/** An answer date may lie this many years back at most. */
export const SURVEY_ANSWERED_ON_MAX_YEARS_BACK = 20;

/** One problem of a survey import: the spreadsheet row (header = 1) and column, or null for the whole row/file. */
export interface SurveyImportError {
  row: number;
  column: string | null;
  code: string;
  message: string;
}

/** Answer of `POST /api/surveys/:kind/import?dryRun=`. */
export interface SurveyImportResult {
  dryRun: boolean;
  /** True when the responses were saved (never on a dry run, never with errors). */
  committed: boolean;
  /** Data rows read (blank rows skipped). */
  rows: number;
  /** Responses saved, or that would be saved on a dry run without errors. */
  created: number;
  errors: SurveyImportError[];
}

/**
 * The import columns of a survey, in template order: `answered_on` (required), `organisation`
 * (the organisation's name or id; required for an administrator, else the team leader's own),
 * `mentor_type` (citizen and mentor surveys; optional), then one column per question named by its key. See docs/survey-import-format.md.
 */
export function surveyImportColumns(kind: SurveyKind): string[] {
  return [
    'answered_on',
    'organisation',
    ...(kind === SurveyKind.Recruiter ? [] : ['mentor_type']),
    ...SURVEYS[kind].questions.map((q) => q.key),
  ];
}

// ---------- Validation ----------

/**
 * Checks answers against the questionnaire: known question keys only, option keys of the question,
 * booleans for yes/no, whole numbers inside a scale, no repeated option in a multiple choice. Field
 * names are `answers.<question>`. At least one question must be answered.
 */
export function validateSurveyAnswers(kind: SurveyKind, answers: unknown): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    out.push({ field: 'answers', code: 'isObject', message: 'answers must be an object of question keys' });
    return out;
  }
  const questions = new Map(SURVEYS[kind].questions.map((q) => [q.key, q]));
  let answered = 0;
  for (const [key, value] of Object.entries(answers as Record<string, unknown>)) {
    const field = `answers.${key}`;
    const question = questions.get(key);
    if (!question) {
      out.push({
        field,
        code: 'survey.unknown_question',
        message: `${key} is not a question of this survey`,
      });
      continue;
    }
    if (value === null) continue;
    answered++;
    const problem = answerProblem(question, value);
    if (problem) out.push({ field, ...problem });
  }
  if (out.length === 0 && answered === 0)
    out.push({ field: 'answers', code: 'survey.no_answers', message: 'answer at least one question' });
  return out;
}

function answerProblem(question: SurveyQuestion, value: unknown): { code: string; message: string } | null {
  switch (question.kind) {
    case QuestionKind.YesNo:
      return typeof value === 'boolean' ? null : { code: 'isBoolean', message: 'must be true or false' };
    case QuestionKind.Scale: {
      const { min, max } = question.scale ?? { min: 0, max: 0 };
      return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
        ? null
        : { code: 'survey.out_of_scale', message: `must be a whole number from ${min} to ${max}` };
    }
    case QuestionKind.SingleChoice:
      return typeof value === 'string' && question.options.includes(value)
        ? null
        : { code: 'isIn', message: `must be one of ${question.options.join(', ')}` };
    case QuestionKind.MultipleChoice: {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !question.options.includes(v)))
        return { code: 'isIn', message: `must be a list of ${question.options.join(', ')}` };
      return new Set(value).size === value.length
        ? null
        : { code: 'arrayUnique', message: 'an option is listed twice' };
    }
  }
}

/** Checks a response's date: a real date, not in the future, not more than SURVEY_ANSWERED_ON_MAX_YEARS_BACK back. */
export function validateAnsweredOn(answeredOn: unknown, today: string): RuleViolation[] {
  if (answeredOn === undefined || answeredOn === null || answeredOn === '')
    return [{ field: 'answeredOn', code: 'isNotEmpty', message: 'answeredOn is required' }];
  if (!isIsoDate(answeredOn))
    return [{ field: 'answeredOn', code: 'isIsoDate', message: 'answeredOn must be a date YYYY-MM-DD' }];
  if (answeredOn > today)
    return [{ field: 'answeredOn', code: 'survey.in_future', message: 'answeredOn cannot be in the future' }];
  const earliest = `${Number(today.slice(0, 4)) - SURVEY_ANSWERED_ON_MAX_YEARS_BACK}${today.slice(4)}`;
  if (answeredOn < earliest)
    return [{ field: 'answeredOn', code: 'survey.too_old', message: 'answeredOn is too long ago' }];
  return [];
}
