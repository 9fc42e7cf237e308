import {
  INDICATOR_CATALOGUE,
  IndicatorDefinition,
  IndicatorGroup,
  IndicatorResult,
  IndicatorSource,
} from '@mentor/domain';
import {
  countText,
  currentText,
  figureCounts,
  figureReference,
  figureTitleKey,
  formatPercent,
  indicatorLabelKey,
  indicatorSections,
  studyBar,
  studyText,
  wrapLabel,
} from './indicator-view';

/** Shows the key and its parameters, so the tests see what would be translated. */
const t = (key: string, params?: Record<string, string | number>) =>
  params ? `${key}${JSON.stringify(params)}` : key;

function definition(id: string, group: IndicatorGroup, figure: string, n?: number): IndicatorDefinition {
  return {
    id,
    group,
    figure,
    question: id,
    population: 'x',
    source: IndicatorSource.Operational,
    study: n === undefined ? { value: 0.5 } : { value: 0.5, n },
  };
}

function result(
  id: string,
  numerator: number | null,
  denominator: number | null,
  suppressed = false,
): IndicatorResult {
  return {
    id,
    value: suppressed || !denominator ? null : (numerator ?? 0) / denominator,
    numerator,
    denominator,
    suppressed,
    study: {},
  };
}

describe('indicatorSections', () => {
  it('groups by chapter in the study order and by figure in order of first appearance', () => {
    const catalogue = [
      definition('m1', IndicatorGroup.Mentors, 'text 5.2'),
      definition('c1', IndicatorGroup.Citizens, '3.1'),
      definition('m2', IndicatorGroup.Mentors, '5.6'),
      definition('c2', IndicatorGroup.Citizens, '3.2'),
      definition('m3', IndicatorGroup.Mentors, 'text 5.2'),
      definition('c3', IndicatorGroup.Citizens, '3.1'),
    ];
    const sections = indicatorSections([result('c1', 1, 2)], catalogue);
    expect(sections.map((s) => s.group)).toEqual([IndicatorGroup.Citizens, IndicatorGroup.Mentors]);
    expect(sections[0].figures.map((f) => [f.figure, f.items.map((i) => i.definition.id)])).toEqual([
      ['3.1', ['c1', 'c3']],
      ['3.2', ['c2']],
    ]);
    // "text 5.2" comes twice in the study's list, apart: one chart holds both.
    expect(sections[1].figures.map((f) => [f.figure, f.items.map((i) => i.definition.id)])).toEqual([
      ['text 5.2', ['m1', 'm3']],
      ['5.6', ['m2']],
    ]);
    expect(sections[0].figures[0].items[0].result?.numerator).toBe(1);
    expect(sections[0].figures[0].items[1].result).toBeNull();
  });

  it('places every indicator of the catalogue exactly once', () => {
    const ids = indicatorSections([]).flatMap((s) =>
      s.figures.flatMap((f) => f.items.map((i) => i.definition.id)),
    );
    expect(ids.sort()).toEqual(INDICATOR_CATALOGUE.map((d) => d.id).sort());
  });
});

describe('translation keys', () => {
  it('gives each indicator one flat key, also when an id is the prefix of another', () => {
    expect(indicatorLabelKey('mentor.experience.target_group')).toBe(
      'indicators.items.mentor/experience/target_group',
    );
    expect(indicatorLabelKey('mentor.experience.target_group.internal')).toBe(
      'indicators.items.mentor/experience/target_group/internal',
    );
  });

  it('names figures without dots or spaces', () => {
    expect(figureTitleKey('text 4.3 note 4')).toBe('indicators.figures.text_4_3_note_4');
    expect(figureTitleKey('3.1')).toBe('indicators.figures.3_1');
  });

  it('says where the study shows an indicator', () => {
    expect(figureReference('3.1', t)).toBe('indicators.figureRef.figure{"ref":"3.1"}');
    expect(figureReference('box 5.1', t)).toBe('indicators.figureRef.box{"ref":"5.1"}');
    expect(figureReference('text 4.3 note 4', t)).toBe(
      'indicators.figureRef.note{"ref":"indicators.figureRef.text{\\"ref\\":\\"4.3\\"}","note":"4"}',
    );
  });
});

describe('numbers in words', () => {
  it('formats shares as whole percentages, Danish with a space before the sign', () => {
    expect(formatPercent(0.734, 'da')).toBe('73\u00a0%');
    expect(formatPercent(0.9375, 'en')).toBe('94%');
  });

  it("writes the study's value, its approximations and bounds", () => {
    expect(studyText({ value: 0.15, n: 20 }, 'en', t)).toBe('15%');
    expect(studyText({ value: 0.63, approx: true }, 'en', t)).toBe('indicators.study.approx{"value":"63%"}');
    expect(studyText({ min: 0.43, max: 0.58 }, 'en', t)).toBe(
      'indicators.study.range{"min":"43","max":"58%"}',
    );
    expect(studyText({ min: 0.6 }, 'en', t)).toBe('indicators.study.min{"value":"60%"}');
    expect(studyText({ max: 0.5 }, 'en', t)).toBe('indicators.study.max{"value":"50%"}');
    expect(studyBar({ value: 0.15 })).toBe(0.15);
    expect(studyBar({ min: 0.43, max: 0.58 })).toEqual([0.43, 0.58]);
    expect(studyBar({ min: 0.6 })).toBe(0.6);
    expect(studyBar({})).toBeNull();
  });

  it('says a withheld value is hidden, never zero, and an empty population has no data', () => {
    const hidden = result('a', null, null, true);
    expect(currentText(hidden, 'da', t)).toBe('indicators.suppressed{"max":5}');
    expect(countText(hidden, t)).toBe('indicators.suppressed{"max":5}');
    expect(currentText(result('a', 0, 0), 'da', t)).toBe('indicators.noData');
    expect(countText(result('a', 0, 0), t)).toBe('indicators.noData');
    expect(currentText(result('a', 0, 12), 'da', t)).toBe('0\u00a0%');
    expect(countText(result('a', 3, 12), t)).toBe('indicators.count{"numerator":3,"denominator":12}');
  });
});

describe('figureCounts', () => {
  const items = (results: (IndicatorResult | null)[], studyN?: number) =>
    results.map((r, i) => ({
      definition: definition(`i${i}`, IndicatorGroup.Citizens, '3.1', studyN),
      result: r,
    }));

  it('gives one N when the indicators share their population, a range when not', () => {
    expect(figureCounts(items([result('a', 3, 20), result('b', 17, 20)], 20), t)).toEqual({
      current: 'indicators.n{"n":"20"}',
      study: 'indicators.studyN{"n":"indicators.n{\\"n\\":\\"20\\"}"}',
    });
    expect(figureCounts(items([result('a', 3, 12), result('b', 7, 20)]), t)).toEqual({
      current: 'indicators.n{"n":"12–20"}',
      study: null,
    });
  });

  it('leaves withheld indicators out of N and says so when all are withheld', () => {
    expect(figureCounts(items([result('a', null, null, true), result('b', 7, 20)]), t).current).toBe(
      'indicators.n{"n":"20"}',
    );
    expect(figureCounts(items([result('a', null, null, true)]), t).current).toBe(
      'indicators.nSuppressed{"max":5}',
    );
    expect(figureCounts(items([result('a', 0, 0)]), t).current).toBe('indicators.n{"n":"0"}');
  });
});

describe('wrapLabel', () => {
  it('breaks at spaces into lines no longer than the width', () => {
    const lines = wrapLabel(
      'Hvordan foregår borgernes kontakt med mentor oftest? Personligt møde hjemme hos borgeren',
      30,
    );
    expect(lines.every((line) => line.length <= 30)).toBe(true);
    expect(lines.join(' ')).toBe(
      'Hvordan foregår borgernes kontakt med mentor oftest? Personligt møde hjemme hos borgeren',
    );
  });
});
