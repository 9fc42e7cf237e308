import {
  CURRENT_COLOUR,
  chartSummary,
  indicatorChartConfig,
  IndicatorChartModel,
  STUDY_COLOUR,
} from './indicator-chart-config';

function model(changes: Partial<IndicatorChartModel> = {}): IndicatorChartModel {
  return {
    key: '3_1',
    reference: 'Figur 3.1',
    title: 'Kontaktform',
    studyLabel: 'Undersøgelsen 2015',
    currentLabel: 'Nu',
    currentN: 'N = 18',
    studyN: 'Undersøgelsen 2015: N = 20',
    locale: 'da',
    rows: [
      {
        id: 'a',
        label: 'Personligt møde hjemme hos borgeren',
        study: 0.15,
        studyText: '15 %',
        current: 0.2,
        currentText: '20 %',
        countText: '4 af 20',
        suppressed: false,
      },
      {
        id: 'b',
        label: 'Telefon, sms eller mail',
        study: [0.43, 0.58],
        studyText: '43–58 %',
        current: null,
        currentText: 'Skjult (færre end 5)',
        countText: 'Skjult (færre end 5)',
        suppressed: true,
      },
    ],
    ...changes,
  };
}

describe('indicatorChartConfig', () => {
  it("draws horizontal bars from 0 to 100 %, the study's beside today's", () => {
    const config = indicatorChartConfig(model());
    expect(config.type).toBe('bar');
    expect(config.options?.indexAxis).toBe('y');
    expect(config.options?.scales?.['x']?.min).toBe(0);
    expect(config.options?.scales?.['x']?.max).toBe(1);
    const [study, current] = config.data.datasets;
    expect(study.label).toBe('Undersøgelsen 2015');
    expect(study.backgroundColor).toBe(STUDY_COLOUR);
    expect(study.data).toEqual([0.15, [0.43, 0.58]]);
    expect(current.backgroundColor).toBe(CURRENT_COLOUR);
    // A withheld value has no bar at all: never a zero-length one that reads as 0 %.
    expect(current.data).toEqual([0.2, null]);
  });

  it('writes the axis in Danish percentages and wraps long labels', () => {
    const config = indicatorChartConfig(model());
    const ticks = config.options?.scales?.['x']?.ticks as { callback: (value: number) => string };
    expect(ticks.callback(0.4)).toBe('40\u00a0%');
    expect(config.data.labels).toEqual([
      ['Personligt møde hjemme hos borgeren'],
      ['Telefon, sms eller mail'],
    ]);
  });

  it('writes each value by its bar, the withheld one in words', () => {
    const plugin = indicatorChartConfig(model()).plugins?.[0];
    const written: [string, number, number][] = [];
    const bar = (x: number, y: number) => ({ getProps: () => ({ x, y, base: 10 }) });
    const chart = {
      ctx: {
        save: () => undefined,
        restore: () => undefined,
        fillText: (text: string, x: number, y: number) => written.push([text, x, y]),
      },
      scales: { x: { getPixelForValue: () => 10 } },
      data: { datasets: [{}, {}] },
      getDatasetMeta: (i: number) => ({
        hidden: false,
        data: i === 0 ? [bar(40, 5), bar(70, 25)] : [bar(50, 10), bar(NaN, 30)],
      }),
    };
    (plugin?.afterDatasetsDraw as unknown as (c: unknown) => void)(chart);
    expect(written).toEqual([
      ['15 %', 44, 5],
      ['43–58 %', 74, 25],
      ['20 %', 54, 10],
      ['Skjult (færre end 5)', 14, 30],
    ]);
  });

  it('sums the figure up for screen readers', () => {
    expect(chartSummary(model())).toBe(
      'Figur 3.1. Kontaktform. Personligt møde hjemme hos borgeren: Nu 20 %, Undersøgelsen 2015 15 %. ' +
        'Telefon, sms eller mail: Nu Skjult (færre end 5), Undersøgelsen 2015 43–58 %. N = 18',
    );
  });
});
