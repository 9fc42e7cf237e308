import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QuestionKind, SURVEY_KINDS, SurveyKind, SURVEYS } from '@mentor/domain';
import {
  answersToSend,
  choiceLabelKey,
  importColumnValues,
  importErrorText,
  messagesByField,
  questionChoices,
  questionLabelKey,
  toggleOption,
} from './survey-text';

type Dictionary = { [key: string]: string | Dictionary };
const load = (lang: string): Dictionary =>
  JSON.parse(readFileSync(join(__dirname, '../../../../public/i18n', `${lang}.json`), 'utf8'));
function text(dictionary: Dictionary, key: string): string | undefined {
  let node: string | Dictionary | undefined = dictionary;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}
const t = (key: string, params?: Record<string, string | number>) =>
  params ? `${key}${JSON.stringify(params)}` : key;

describe('survey texts', () => {
  it('words every question and every answer option of the three questionnaires in Danish and English', () => {
    const keys = SURVEY_KINDS.flatMap((kind) =>
      SURVEYS[kind].questions.flatMap((question) => [
        questionLabelKey(kind, question.key),
        ...questionChoices(question).map((choice) => choiceLabelKey(kind, question, choice)),
      ]),
    );
    for (const lang of ['da', 'en']) {
      const dictionary = load(lang);
      expect(keys.filter((key) => !text(dictionary, key)?.trim())).toEqual([]);
    }
  });

  it('offers yes/no, the options in order, or the points of a scale', () => {
    const citizen = SURVEYS[SurveyKind.Citizen].questions;
    expect(questionChoices(citizen.find((q) => q.kind === QuestionKind.YesNo)!)).toEqual([true, false]);
    expect(questionChoices(citizen.find((q) => q.kind === QuestionKind.Scale)!)).toEqual([1, 2, 3, 4, 5]);
    expect(questionChoices(citizen.find((q) => q.key === 'time_with_mentor')!)).toEqual([
      'more',
      'suitable',
      'less',
    ]);
  });
});

describe('answers', () => {
  it('sends only the questions answered, "none of these" included', () => {
    const definition = SURVEYS[SurveyKind.Mentor];
    expect(
      answersToSend(definition, {
        important_competencies: ['relational'],
        primary_approach: undefined,
        upskilling_wishes: [],
        unknown: 'x',
      }),
    ).toEqual({ important_competencies: ['relational'], upskilling_wishes: [] });
  });

  it('ticks and unticks options; the last one unticked leaves the question unanswered', () => {
    expect(toggleOption(undefined, 'a', true)).toEqual(['a']);
    expect(toggleOption(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggleOption(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(toggleOption(['a'], 'a', false)).toBeUndefined();
  });

  it("shows the questionnaires' own error texts before the general ones, by exact field", () => {
    const dictionary: Record<string, string> = {
      'surveys.errors.survey.no_answers': 'Besvar mindst ét spørgsmål.',
      'validation.codes.isIn': 'Vælg en af de mulige værdier.',
    };
    const lookup = (key: string) => dictionary[key] ?? key;
    expect(
      messagesByField(
        [
          { field: 'answers', messages: ['answer at least one question'], codes: ['survey.no_answers'] },
          { field: 'answers.primary_approach', messages: ['must be one of'], codes: ['isIn'] },
          { field: 'answeredOn', messages: ['odd'], codes: ['survey.something_new'] },
        ],
        lookup,
      ),
    ).toEqual({
      answers: ['Besvar mindst ét spørgsmål.'],
      'answers.primary_approach': ['Vælg en af de mulige værdier.'],
      answeredOn: ['odd'],
    });
    expect(importErrorText({ code: 'isIn', message: 'x' }, lookup)).toBe('Vælg en af de mulige værdier.');
    expect(importErrorText({ code: 'nope', message: 'The API says' }, lookup)).toBe('The API says');
  });
});

describe('import format', () => {
  it('describes each column by what it takes', () => {
    expect(importColumnValues(SurveyKind.Citizen, 'answered_on', t)).toBe('surveys.import.values.date');
    expect(importColumnValues(SurveyKind.Citizen, 'progress', t)).toBe('surveys.import.values.yesNo');
    expect(importColumnValues(SurveyKind.Citizen, 'overall_satisfaction', t)).toBe(
      'surveys.import.values.scale{"min":1,"max":5}',
    );
    expect(importColumnValues(SurveyKind.Mentor, 'primary_approach', t)).toBe(
      'surveys.import.values.single{"values":"professional, personal"}',
    );
  });
});
