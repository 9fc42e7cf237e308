import { countSurveyRule, SURVEY_INDICATOR_RULES, SurveyKind, validateSurveyAnswers } from '@mentor/domain';
import { countForTarget, seededRandom, synthesizeSurveyAnswers, targetAim } from './survey-synthesis';

describe('survey synthesis', () => {
  it('repeats its sequence for a seed and differs for another', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed).next);
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(seededRandom(3).shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('counts the nearest share, or inside bounds nearest their aim', () => {
    expect(countForTarget({ share: 0.73 }, 15)).toBe(11);
    expect(targetAim({ min: 0.43, max: 0.58 })).toBeCloseTo(0.505);
    expect(countForTarget({ min: 0.43, max: 0.58 }, 10)).toBe(5);
    // Aim 0.85: 4 of 5 (0.8) is the nearest inside "over 0.8".
    expect(countForTarget({ min: 0.8 }, 5)).toBe(4);
    expect(countForTarget({ max: 0.4 }, 5)).toBe(2);
    expect(() => countForTarget({ min: 0.41, max: 0.45 }, 4, 'narrow')).toThrow('narrow');
  });

  it.each([SurveyKind.Citizen, SurveyKind.Mentor, SurveyKind.Recruiter])(
    'makes valid %s answers whose every rule counts what the plan asks',
    (kind) => {
      const answering = 9;
      // A different count per rule, so a rule counted on the wrong option would show.
      const wanted = (index: number) => (index * 5) % (answering + 1);
      const rules = SURVEY_INDICATOR_RULES.filter((r) => r.survey === kind);
      const answers = synthesizeSurveyAnswers(kind, 12, {
        answering: () => answering,
        matching: (rule) => wanted(rules.indexOf(rule)),
        shuffle: seededRandom(11).shuffle,
      });
      expect(answers).toHaveLength(12);
      for (const a of answers.filter((x) => Object.keys(x).length))
        expect(validateSurveyAnswers(kind, a)).toEqual([]);
      rules.forEach((rule, index) =>
        expect([rule.indicatorId, countSurveyRule(rule, answers)]).toEqual([
          rule.indicatorId,
          { numerator: wanted(index), denominator: answering },
        ]),
      );
    },
  );
});
