import {
  INDICATOR_CATALOGUE,
  INDICATOR_SUPPRESSION_MAX,
  IndicatorDefinition,
  IndicatorGroup,
  IndicatorResult,
  StudyValue,
} from '@mentor/domain';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The study's chapters, in its order. */
export const INDICATOR_GROUPS: readonly IndicatorGroup[] = [
  IndicatorGroup.Citizens,
  IndicatorGroup.Recruitment,
  IndicatorGroup.Mentors,
];

export interface IndicatorItem {
  readonly definition: IndicatorDefinition;
  /** The current figures; null when the answer has no entry for the id. */
  readonly result: IndicatorResult | null;
}

/** One figure of the study (`"3.1"`, `"box 5.1"`, `"text 4.3"`): the indicators it shows. */
export interface IndicatorFigure {
  readonly figure: string;
  readonly items: readonly IndicatorItem[];
}

export interface IndicatorSection {
  readonly group: IndicatorGroup;
  readonly figures: readonly IndicatorFigure[];
}

/**
 * The catalogue as the study lays it out: by chapter, then by figure in the order each figure
 * first appears, each figure with its indicators in catalogue order and the current results.
 */
export function indicatorSections(
  results: readonly IndicatorResult[],
  catalogue: readonly IndicatorDefinition[] = INDICATOR_CATALOGUE,
): IndicatorSection[] {
  const byId = new Map(results.map((result) => [result.id, result]));
  return INDICATOR_GROUPS.map((group) => {
    const figures = new Map<string, IndicatorItem[]>();
    for (const definition of catalogue) {
      if (definition.group !== group) continue;
      const items = figures.get(definition.figure) ?? [];
      items.push({ definition, result: byId.get(definition.id) ?? null });
      figures.set(definition.figure, items);
    }
    return { group, figures: [...figures].map(([figure, items]) => ({ figure, items })) };
  }).filter((section) => section.figures.length > 0);
}

/**
 * The translation key of an indicator's label. Ids are dotted and some are prefixes of others
 * (`mentor.experience.target_group` and `….internal`), so the dots become slashes: one flat key each.
 */
export function indicatorLabelKey(id: string): string {
  return `indicators.items.${id.replaceAll('.', '/')}`;
}

/** The translation key of a figure's title: `"text 4.3 note 4"` → `indicators.figures.text_4_3_note_4`. */
export function figureTitleKey(figure: string): string {
  return `indicators.figures.${figure.replace(/[.\s]+/g, '_')}`;
}

/** Where the study shows it, in words: "Figur 3.1", "Boks 5.1", "Afsnit 4.3, note 4". */
export function figureReference(figure: string, t: Translate): string {
  const match = /^(?:(text|box)\s+)?([\d.]+)(?:\s+note\s+(\d+))?$/.exec(figure.trim());
  if (!match) return figure;
  const [, kind, ref, note] = match;
  const text = t(`indicators.figureRef.${kind ?? 'figure'}`, { ref });
  return note ? t('indicators.figureRef.note', { ref: text, note }) : text;
}

/** A share as a whole percentage in the language's format: `0.734` → "73 %" (Danish), "73%" (English). */
export function formatPercent(share: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(share);
}

/** A share as a whole number of percent without the sign, for the first end of a range ("43–58 %"). */
export function formatPercentNumber(share: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 0 }).format(
    share * 100,
  );
}

/** What the study published, in words: "73 %", "ca. 63 %", "43–58 %", "over 60 %", "under 50 %". */
export function studyText(study: StudyValue, locale: string, t: Translate): string {
  const pct = (share: number) => formatPercent(share, locale);
  if (study.value !== undefined)
    return study.approx ? t('indicators.study.approx', { value: pct(study.value) }) : pct(study.value);
  if (study.min !== undefined && study.max !== undefined)
    return t('indicators.study.range', { min: formatPercentNumber(study.min, locale), max: pct(study.max) });
  if (study.min !== undefined) return t('indicators.study.min', { value: pct(study.min) });
  if (study.max !== undefined) return t('indicators.study.max', { value: pct(study.max) });
  return t('indicators.study.none');
}

/** The study's value as a bar: a share, or a range `[min, max]`; a bound alone draws up to it. */
export function studyBar(study: StudyValue): number | [number, number] | null {
  if (study.value !== undefined) return study.value;
  if (study.min !== undefined && study.max !== undefined) return [study.min, study.max];
  return study.min ?? study.max ?? null;
}

/** The current value in words; a withheld value says so and never reads as zero. */
export function currentText(result: IndicatorResult | null, locale: string, t: Translate): string {
  if (!result) return t('indicators.noData');
  if (result.suppressed) return t('indicators.suppressed', { max: INDICATOR_SUPPRESSION_MAX + 1 });
  if (result.value === null) return t('indicators.noData');
  return formatPercent(result.value, locale);
}

/** "11 af 15", or the suppression text; "Ingen data" when nobody was in the population. */
export function countText(result: IndicatorResult | null, t: Translate): string {
  if (result?.suppressed) return t('indicators.suppressed', { max: INDICATOR_SUPPRESSION_MAX + 1 });
  if (!result || result.denominator === null || result.numerator === null || result.denominator === 0)
    return t('indicators.noData');
  return t('indicators.count', { numerator: result.numerator, denominator: result.denominator });
}

/** "N = 20", or "N = 12–20" when the indicators of a figure have different populations; null for none. */
export function nText(counts: readonly number[], t: Translate): string | null {
  if (!counts.length) return null;
  const min = Math.min(...counts);
  const max = Math.max(...counts);
  return t('indicators.n', { n: min === max ? String(min) : `${min}–${max}` });
}

/**
 * The N lines under a figure, as the study prints them: the current N over the indicators not
 * withheld, and the study's N where it gave one. When every indicator is withheld, only that is said.
 */
export function figureCounts(
  items: readonly IndicatorItem[],
  t: Translate,
): { current: string; study: string | null } {
  const shown = items
    .map((item) => item.result)
    .filter((result): result is IndicatorResult => !!result && !result.suppressed);
  const denominators = shown.map((result) => result.denominator ?? 0);
  const current =
    nText(denominators, t) ??
    (items.some((item) => item.result?.suppressed)
      ? t('indicators.nSuppressed', { max: INDICATOR_SUPPRESSION_MAX + 1 })
      : t('indicators.n', { n: '0' }));
  const studyCounts = items.flatMap((item) =>
    item.definition.study.n !== undefined ? [item.definition.study.n] : [],
  );
  const study = nText(studyCounts, t);
  return { current, study: study ? t('indicators.studyN', { n: study }) : null };
}

/** Splits a long label into lines of at most `width` characters (at spaces), for a chart's axis. */
export function wrapLabel(text: string, width = 42): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
