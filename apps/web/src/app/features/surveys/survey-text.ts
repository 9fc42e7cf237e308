import {
  FieldError,
  MENTOR_TYPES,
  QuestionKind,
  SurveyAnswer,
  SurveyAnswers,
  SurveyDefinition,
  SurveyKind,
  SurveyQuestion,
  SURVEYS,
} from '@mentor/domain';
import { fieldMessages } from '../../core/http/problem';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** `surveys.<kind>.<question>.label`: the question as the respondent reads it. */
export function questionLabelKey(kind: SurveyKind, question: string): string {
  return `surveys.${kind}.${question}.label`;
}

/** `surveys.<kind>.<question>.options.<option>`: one answer option (also the points of a scale). */
export function optionLabelKey(kind: SurveyKind, question: string, option: string | number): string {
  return `surveys.${kind}.${question}.options.${option}`;
}

/** What a question can be answered with, in the order shown: option keys, yes/no, or the scale's points. */
export function questionChoices(question: SurveyQuestion): (string | boolean | number)[] {
  switch (question.kind) {
    case QuestionKind.YesNo:
      return [true, false];
    case QuestionKind.Scale: {
      const { min, max } = question.scale ?? { min: 1, max: 1 };
      return Array.from({ length: max - min + 1 }, (_, i) => min + i);
    }
    default:
      return [...question.options];
  }
}

/** The translation key of a choice: yes/no share theirs, the rest belong to the question. */
export function choiceLabelKey(
  kind: SurveyKind,
  question: SurveyQuestion,
  choice: string | boolean | number,
): string {
  if (typeof choice === 'boolean') return choice ? 'surveys.answer.yes' : 'surveys.answer.no';
  return optionLabelKey(kind, question.key, choice);
}

/** Answers being given: a question not yet answered is absent (or undefined). */
export type DraftAnswers = Readonly<Record<string, SurveyAnswer | undefined>>;

/** The answers to send: only the questions answered. */
export function answersToSend(definition: SurveyDefinition, draft: DraftAnswers): SurveyAnswers {
  const answers: SurveyAnswers = {};
  for (const question of definition.questions) {
    const answer = draft[question.key];
    if (answer !== undefined && answer !== null) answers[question.key] = answer;
  }
  return answers;
}

/**
 * A multiple-choice answer after ticking or unticking one option. Unticking the last one leaves the
 * question unanswered; "none of these" is an answer of its own (an empty list), chosen explicitly.
 */
export function toggleOption(
  current: SurveyAnswer | undefined,
  option: string,
  checked: boolean,
): string[] | undefined {
  const chosen = Array.isArray(current) ? (current as string[]) : [];
  const next = checked ? [...new Set([...chosen, option])] : chosen.filter((o) => o !== option);
  return next.length ? next : undefined;
}

/**
 * A translation lookup where the questionnaires' own error texts (`surveys.errors.<code>`) come
 * before the app's general ones (`validation.codes.<code>`).
 */
export function surveyTranslate(t: Translate): (key: string) => string {
  return (key) => {
    const prefix = 'validation.codes.';
    if (key.startsWith(prefix)) {
      const own = `surveys.errors.${key.slice(prefix.length)}`;
      const text = t(own);
      if (text !== own) return text;
    }
    return t(key);
  };
}

/** Per-field messages of field errors, each under its exact field (`answers.progress`, `answeredOn`). */
export function messagesByField(errors: readonly FieldError[], t: Translate): Record<string, string[]> {
  const lookup = surveyTranslate(t);
  const result: Record<string, string[]> = {};
  for (const error of errors)
    result[error.field] = [...(result[error.field] ?? []), ...fieldMessages(error, lookup)];
  return result;
}

/** An import error's text: its code's text, else the API's message. */
export function importErrorText(error: { code: string; message: string }, t: Translate): string {
  const key = `validation.codes.${error.code}`;
  const text = surveyTranslate(t)(key);
  return text === key ? error.message : text;
}

/** What a column of the import takes, for the format table. */
export function importColumnValues(kind: SurveyKind, column: string, t: Translate): string {
  if (column === 'answered_on') return t('surveys.import.values.date');
  if (column === 'organisation') return t('surveys.import.values.organisation');
  if (column === 'mentor_type')
    return t('surveys.import.values.mentorType', { values: MENTOR_TYPES.join(', ') });
  const question = SURVEYS[kind].questions.find((q) => q.key === column);
  if (!question) return '';
  switch (question.kind) {
    case QuestionKind.YesNo:
      return t('surveys.import.values.yesNo');
    case QuestionKind.Scale:
      return t('surveys.import.values.scale', {
        min: question.scale?.min ?? 1,
        max: question.scale?.max ?? 1,
      });
    case QuestionKind.SingleChoice:
      return t('surveys.import.values.single', { values: question.options.join(', ') });
    case QuestionKind.MultipleChoice:
      return t('surveys.import.values.multiple', { values: question.options.join(', ') });
  }
}
