import { CertificationStatus, MentorType, WorkforceAlert, type WorkforceRow } from '@mentor/domain';
import writeXlsxFile from 'write-excel-file/node';
import { type CsvCell, csvFile, defuseFormula } from '../common/csv';
import type { WorkforceTable } from './workforce.service';

/**
 * The load table as a file for the team leader's own spreadsheets: Danish headers and values (the
 * users' language), one row per mentor in the view's order and filter.
 */

const CERTIFICATION_DA: Record<CertificationStatus, string> = {
  [CertificationStatus.Certified]: 'Certificeret',
  [CertificationStatus.Expiring]: 'Udløber snart',
  [CertificationStatus.Expired]: 'Udløbet',
  [CertificationStatus.NotCertified]: 'Ikke certificeret',
};

const MENTOR_TYPE_DA: Record<MentorType, string> = {
  [MentorType.Holistic]: 'Helhedsorienteret',
  [MentorType.Retention]: 'Fastholdelse',
};

const ALERT_DA: Record<WorkforceAlert, string> = {
  [WorkforceAlert.Overload]: 'Overbelastet',
  [WorkforceAlert.UnderDelivery]: 'Underlevering',
  [WorkforceAlert.CertificationExpiring]: 'Certificering udløber',
  [WorkforceAlert.CertificationExpired]: 'Certificering udløbet',
  [WorkforceAlert.NoSupervision]: 'Ingen supervision i 3 mdr.',
};

interface Column {
  header: string;
  value(row: WorkforceRow): CsvCell;
  /** Dates as dates in XLSX. */
  date?: boolean;
}

export const EXPORT_COLUMNS: Column[] = [
  { header: 'Navn', value: (r) => r.name },
  { header: 'Medarbejdernummer', value: (r) => r.employeeNumber },
  { header: 'E-mail', value: (r) => r.email },
  { header: 'Mentortyper', value: (r) => r.mentorTypes.map((t) => MENTOR_TYPE_DA[t]).join(', ') },
  { header: 'Aktive forløb', value: (r) => r.activeCourses },
  { header: 'Bevilget min./uge', value: (r) => r.grantedMinutesPerWeek },
  { header: 'Kapacitet min./uge', value: (r) => r.capacityMinutesPerWeek },
  { header: 'Belastning %', value: (r) => r.utilisationPercent },
  { header: 'Bevilget min. (4 uger)', value: (r) => r.grantedMinutesWindow },
  { header: 'Leveret min. (4 uger)', value: (r) => r.deliveredMinutesWindow },
  { header: 'Leveret %', value: (r) => r.deliveryPercent },
  { header: 'Forsinkede rapporter', value: (r) => r.overdueReports },
  { header: 'Certificering', value: (r) => CERTIFICATION_DA[r.certification.status] },
  { header: 'Certificeret', value: (r) => r.certification.certifiedOn, date: true },
  { header: 'Fornyes senest', value: (r) => r.certification.renewalDueOn, date: true },
  { header: 'Gennemførte oplæringer', value: (r) => r.trainingsCompleted },
  { header: 'Seneste supervision', value: (r) => r.lastSupervisionOn, date: true },
  { header: 'Advarsler', value: (r) => r.alerts.map((a) => ALERT_DA[a]).join(', ') },
];

/** CSV as Danish Excel opens it (see csvFile). */
export function workforceCsv(table: WorkforceTable): Buffer {
  return csvFile([
    EXPORT_COLUMNS.map((c) => c.header),
    ...table.rows.map((row) => EXPORT_COLUMNS.map((c) => c.value(row))),
  ]);
}

/** One sheet, "Belastning", with a bold header row, numbers as numbers and dates as dates. */
export async function workforceXlsx(table: WorkforceTable): Promise<Buffer> {
  const header = EXPORT_COLUMNS.map((c) => ({ value: c.header, fontWeight: 'bold' as const }));
  const rows = table.rows.map((row) =>
    EXPORT_COLUMNS.map((c) => {
      const value = c.value(row);
      if (value === null || value === '') return null;
      if (c.date && typeof value === 'string')
        return { value: new Date(`${value}T00:00:00Z`), type: Date, format: 'yyyy-mm-dd' };
      if (typeof value === 'number') return { value, type: Number };
      return { value: defuseFormula(value), type: String };
    }),
  );
  return writeXlsxFile([header, ...rows], {
    sheet: 'Belastning',
    columns: EXPORT_COLUMNS.map((c) => ({ width: Math.max(12, c.header.length + 2) })),
  }).toBuffer();
}

/** `belastning-<organisation>-<date>.<ext>`, ASCII only, for Content-Disposition. */
export function exportFilename(table: WorkforceTable, extension: 'csv' | 'xlsx'): string {
  const slug = table.organisationName
    .replace(/æ/gi, 'ae')
    .replace(/ø/gi, 'oe')
    .replace(/å/gi, 'aa')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `belastning-${slug || 'organisation'}-${table.today}.${extension}`;
}
