import {
  INDICATOR_CATALOGUE,
  INDICATOR_SUPPRESSION_MAX,
  IndicatorGroup,
  type IndicatorDefinition,
  type IndicatorReport,
  type IndicatorResult,
  MentorType,
  OrganisationKind,
  type StudyValue,
} from '@mentor/domain';
import writeXlsxFile from 'write-excel-file/node';
import { type CsvCell, csvFile, defuseFormula } from '../common/csv';
import { danishDate } from '../common/danish-format';

/**
 * The indicator report as files: CSV and XLSX with one row per indicator in the study's order, and
 * the texts the PDF shares. Danish, as the users read it; the study's question as the label.
 */

export const GROUP_TITLES: Record<IndicatorGroup, string> = {
  [IndicatorGroup.Citizens]: 'Borgerne (kapitel 3)',
  [IndicatorGroup.Recruitment]: 'Rekruttering og oplæring (kapitel 4)',
  [IndicatorGroup.Mentors]: 'Mentorerne (kapitel 5)',
};

const ORGANISATION_KIND_DA: Record<OrganisationKind, string> = {
  [OrganisationKind.InternalCentre]: 'interne centre',
  [OrganisationKind.ExternalProvider]: 'eksterne leverandører',
};

const MENTOR_TYPE_DA: Record<MentorType, string> = {
  [MentorType.Holistic]: 'helhedsorienterede mentorer',
  [MentorType.Retention]: 'fastholdelsesmentorer',
};

/** A share as a Danish percentage: 0.375 → "37,5 %", whole numbers without decimals. */
export function percent(share: number): string {
  const value = Math.round(share * 1000) / 10;
  return `${value.toLocaleString('da-DK', { maximumFractionDigits: 1 })} %`;
}

/** What the study published, in words: "80 %", "ca. 63 %", "over 50 %", "under 40 %", "43–58 %". */
export function studyText(study: StudyValue): string {
  const about = study.approx ? 'ca. ' : '';
  if (study.value !== undefined) return `${about}${percent(study.value)}`;
  if (study.min !== undefined && study.max !== undefined)
    return `${percent(study.min).replace(' %', '')}–${percent(study.max)}`;
  if (study.min !== undefined) return `over ${percent(study.min)}`;
  if (study.max !== undefined) return `under ${percent(study.max)}`;
  return '–';
}

/** The current value in words: a percentage, "skjult" when withheld, "–" without data. */
export function currentText(result: IndicatorResult): string {
  if (result.suppressed) return `skjult (N under ${INDICATOR_SUPPRESSION_MAX + 1})`;
  return result.value === null ? '–' : percent(result.value);
}

/** "Periode 01.12.2025–30.11.2026; eksterne leverandører; helhedsorienterede mentorer". */
export function filterText(report: IndicatorReport, organisationName: string | null): string {
  const parts = [`Periode ${danishDate(report.from)}–${danishDate(report.to)}`];
  if (organisationName) parts.push(organisationName);
  if (report.filters.organisationType) parts.push(ORGANISATION_KIND_DA[report.filters.organisationType]);
  if (report.filters.mentorType) parts.push(MENTOR_TYPE_DA[report.filters.mentorType]);
  return parts.join('; ');
}

/** The report's rows beside their catalogue entries, in catalogue order. */
export function reportRows(
  report: IndicatorReport,
): { definition: IndicatorDefinition; result: IndicatorResult }[] {
  const byId = new Map(report.indicators.map((r) => [r.id, r]));
  return INDICATOR_CATALOGUE.flatMap((definition) => {
    const result = byId.get(definition.id);
    return result ? [{ definition, result }] : [];
  });
}

interface Column {
  header: string;
  value(definition: IndicatorDefinition, result: IndicatorResult): CsvCell;
  /** A share 0..1: a percentage in XLSX, a Danish number of percent in CSV. */
  share?: boolean;
}

const COLUMNS: Column[] = [
  { header: 'Gruppe', value: (d) => GROUP_TITLES[d.group] },
  { header: 'Figur', value: (d) => d.figure },
  { header: 'Id', value: (d) => d.id },
  { header: 'Spørgsmål', value: (d) => d.question },
  { header: 'Studie 2015', value: (d) => studyText(d.study) },
  { header: 'Studie 2015 N', value: (d) => d.study.n ?? null },
  { header: 'Nu', value: (_d, r) => r.value, share: true },
  { header: 'Tæller', value: (_d, r) => r.numerator },
  { header: 'N (nævner)', value: (_d, r) => r.denominator },
  { header: 'Skjult (små tal)', value: (_d, r) => (r.suppressed ? 'ja' : 'nej') },
];

/** A share as a Danish number of percent, for CSV: 0.375 → "37,5". */
const csvPercent = (value: CsvCell): CsvCell =>
  typeof value === 'number' ? (Math.round(value * 1000) / 10).toString().replace('.', ',') : value;

/** CSV as Danish Excel opens it (common/csv.ts); "Nu" in percent with a decimal comma. */
export function indicatorsCsv(report: IndicatorReport): Buffer {
  return csvFile([
    COLUMNS.map((c) => (c.share ? `${c.header} (%)` : c.header)),
    ...reportRows(report).map(({ definition, result }) =>
      COLUMNS.map((c) => {
        const value = c.value(definition, result);
        return c.share ? csvPercent(value) : value;
      }),
    ),
  ]);
}

/** One sheet, "Indikatorer": a bold header row, numbers as numbers, "Nu" as a percentage. */
export async function indicatorsXlsx(report: IndicatorReport): Promise<Buffer> {
  const header = COLUMNS.map((c) => ({ value: c.header, fontWeight: 'bold' as const }));
  const rows = reportRows(report).map(({ definition, result }) =>
    COLUMNS.map((c) => {
      const value = c.value(definition, result);
      if (value === null || value === '') return null;
      if (typeof value === 'number')
        return c.share ? { value, type: Number, format: '0.0%' } : { value, type: Number };
      return { value: defuseFormula(value), type: String };
    }),
  );
  return writeXlsxFile([header, ...rows], {
    sheet: 'Indikatorer',
    columns: COLUMNS.map((c) => ({
      width: c.header === 'Spørgsmål' ? 70 : Math.max(10, c.header.length + 2),
    })),
  }).toBuffer();
}

/** `indikatorer-<from>-<to>.<ext>`, for Content-Disposition. */
export function indicatorFilename(report: IndicatorReport, extension: 'csv' | 'xlsx' | 'pdf'): string {
  return `indikatorer-${report.from}-${report.to}.${extension}`;
}
