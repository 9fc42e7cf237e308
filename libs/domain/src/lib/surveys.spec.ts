import { INDICATOR_CATALOGUE } from './indicator-catalogue';
import { IndicatorSource } from './indicators';
import { Role } from './roles';
import {
  answerMatches,
  canEnterSurvey,
  countSurveyRule,
  QuestionKind,
  SURVEY_INDICATOR_RULES,
  SURVEY_KINDS,
  SURVEYS,
  SurveyKind,
  type SurveyAnswers,
  surveyImportColumns,
  validateAnsweredOn,
  validateSurveyAnswers,
} from './surveys';

const SOURCE_OF: Record<SurveyKind, IndicatorSource> = {
  [SurveyKind.Citizen]: IndicatorSource.SurveyCitizen,
  [SurveyKind.Mentor]: IndicatorSource.SurveyMentor,
  [SurveyKind.Recruiter]: IndicatorSource.SurveyRecruiter,
};

describe('the questionnaires behind the survey indicators', () => {
  it('have one rule for every survey indicator of the catalogue, in its order, from the right survey', () => {
    const surveyIndicators = INDICATOR_CATALOGUE.filter((d) => d.source !== IndicatorSource.Operational);
    expect(SURVEY_INDICATOR_RULES.map((r) => r.indicatorId)).toEqual(surveyIndicators.map((d) => d.id));
    for (const r of SURVEY_INDICATOR_RULES)
      expect(SOURCE_OF[r.survey]).toBe(INDICATOR_CATALOGUE.find((d) => d.id === r.indicatorId)?.source);
  });

  it('count only answers the question can take', () => {
    for (const r of SURVEY_INDICATOR_RULES) {
      const question = SURVEYS[r.survey].questions.find((q) => q.key === r.question);
      expect(question).toBeDefined();
      for (const m of r.matches) {
        if (question?.kind === QuestionKind.YesNo) expect(typeof m).toBe('boolean');
        else expect(question?.options).toContain(m);
      }
    }
  });

  it('use unique question keys and unique options per question', () => {
    for (const kind of SURVEY_KINDS) {
      const keys = SURVEYS[kind].questions.map((q) => q.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const q of SURVEYS[kind].questions) expect(new Set(q.options).size).toBe(q.options.length);
      expect(surveyImportColumns(kind).slice(0, 2)).toEqual(['answered_on', 'organisation']);
    }
  });
});

describe('counting a survey indicator', () => {
  const wantsMore = SURVEY_INDICATOR_RULES.find((r) => r.indicatorId === 'citizen.wants_more_time')!;
  const notEasy = SURVEY_INDICATOR_RULES.find((r) => r.indicatorId === 'recruiter.not_easy_to_recruit')!;
  const sparring = SURVEY_INDICATOR_RULES.find((r) => r.indicatorId === 'recruiter.onboarding.sparring')!;

  it('leaves respondents who skipped the item out of the denominator', () => {
    const responses: SurveyAnswers[] = [
      { time_with_mentor: 'more' },
      { time_with_mentor: 'suitable' },
      { time_with_mentor: null, makes_difference: true },
      { makes_difference: false },
    ];
    expect(countSurveyRule(wantsMore, responses)).toEqual({ numerator: 1, denominator: 2 });
  });

  it('counts a "no" where the indicator is the negative answer', () => {
    const responses = [{ easy_to_recruit: false }, { easy_to_recruit: true }, { easy_to_recruit: false }];
    expect(countSurveyRule(notEasy, responses)).toEqual({ numerator: 2, denominator: 3 });
  });

  it('counts a multiple choice once per response when the option is ticked, and an empty list as answered', () => {
    const responses: SurveyAnswers[] = [
      { onboarding_forms: ['sparring', 'supervision'] },
      { onboarding_forms: [] },
      { onboarding_forms: ['teaching'] },
      {},
    ];
    expect(countSurveyRule(sparring, responses)).toEqual({ numerator: 1, denominator: 3 });
    expect(answerMatches(['a', 'b'], ['b'])).toBe(true);
    expect(answerMatches(null, [true])).toBe(false);
  });
});

describe('validating answers', () => {
  it('accepts a well-formed citizen interview', () => {
    expect(
      validateSurveyAnswers(SurveyKind.Citizen, {
        time_with_mentor: 'suitable',
        makes_difference: true,
        overall_satisfaction: 4,
        progress: null,
      }),
    ).toEqual([]);
  });

  it('names every wrong answer by its question', () => {
    const violations = validateSurveyAnswers(SurveyKind.Recruiter, {
      predefined_requirements: 'ja',
      recruitment_emphasis: ['relational', 'relational'],
      onboarding_forms: ['sparring', 'cake'],
      certified_mentors: 'all',
      colour: 'blue',
    });
    expect(violations.map((v) => `${v.field}:${v.code}`)).toEqual([
      'answers.predefined_requirements:isBoolean',
      'answers.recruitment_emphasis:arrayUnique',
      'answers.onboarding_forms:isIn',
      'answers.certified_mentors:isIn',
      'answers.colour:survey.unknown_question',
    ]);
  });

  it('keeps scale answers whole and inside the scale, and wants at least one answer', () => {
    expect(validateSurveyAnswers(SurveyKind.Citizen, { overall_satisfaction: 6 })[0].code).toBe(
      'survey.out_of_scale',
    );
    expect(validateSurveyAnswers(SurveyKind.Citizen, { overall_satisfaction: 2.5 })[0].code).toBe(
      'survey.out_of_scale',
    );
    expect(validateSurveyAnswers(SurveyKind.Mentor, { primary_approach: null })[0].code).toBe(
      'survey.no_answers',
    );
    expect(validateSurveyAnswers(SurveyKind.Mentor, [])[0].code).toBe('isObject');
  });

  it('checks the answer date', () => {
    expect(validateAnsweredOn('2026-03-01', '2026-03-01')).toEqual([]);
    expect(validateAnsweredOn('2026-03-02', '2026-03-01')[0].code).toBe('survey.in_future');
    expect(validateAnsweredOn('2026-02-30', '2026-03-01')[0].code).toBe('isIsoDate');
    expect(validateAnsweredOn('2005-01-01', '2026-03-01')[0].code).toBe('survey.too_old');
    expect(validateAnsweredOn(undefined, '2026-03-01')[0].code).toBe('isNotEmpty');
  });
});

describe('who answers', () => {
  it('lets mentors answer only their own questionnaire and recruiters theirs', () => {
    expect(SURVEY_KINDS.filter((k) => canEnterSurvey(Role.Mentor, k))).toEqual([SurveyKind.Mentor]);
    expect(SURVEY_KINDS.filter((k) => canEnterSurvey(Role.Caseworker, k))).toEqual([SurveyKind.Citizen]);
    expect(SURVEY_KINDS.filter((k) => canEnterSurvey(Role.TeamLeader, k))).toHaveLength(3);
    expect(SURVEY_KINDS.filter((k) => canEnterSurvey(Role.Admin, k))).toEqual([]);
  });
});
