import {
  CERTIFICATION_BASES,
  EDUCATION_LEVELS,
  EMAIL_MAX_LENGTH,
  EMPLOYEE_NUMBER_MAX_LENGTH,
  GENDERS,
  IMPORT_MAX_ROWS,
  ImportKind,
  type ImportRowError,
  isIsoDate,
  MENTOR_TYPES,
  PROFESSIONAL_BACKGROUNDS,
  SPECIALISATION_MAX_LENGTH,
  SUPERVISION_KINDS,
  TRAINING_KINDS,
  UPSKILLING_TOPICS,
  USERNAME_MAX_LENGTH,
  WORKFORCE_NOTE_MAX_LENGTH,
  WORKFORCE_TEXT_MAX_LENGTH,
} from '@mentor/domain';
import readXlsxFile from 'read-excel-file/node';
import { ProblemException } from '../common/problem';

/**
 * Reading an import file (docs/import-format.md): an XLSX workbook with a sheet per kind, or a CSV
 * file of one kind; a header row naming the columns, then one record per row. Cells are turned into
 * typed values here; the rules of the values are libs/domain's, applied by the import service.
 */

export type CellType = 'text' | 'int' | 'hours' | 'date' | 'bool' | 'enum' | 'enumList' | 'textList';

export interface ColumnSpec {
  /** The header in the file (lower-case, snake_case). */
  header: string;
  /** The API field the column fills; `capacity_hours_per_week` fills capacityMinutesPerWeek. */
  field: string;
  type: CellType;
  values?: readonly string[];
  /** Most characters of a text cell, or of each item of a text list. */
  max?: number;
  /** The column must be in the file (and the cell filled). */
  required?: boolean;
}

/** The mentor's keys, in every sheet: at least one of the columns, and in each row at least one of the cells. */
export const KEY_COLUMNS: ColumnSpec[] = [
  { header: 'email', field: 'email', type: 'text', max: EMAIL_MAX_LENGTH },
  { header: 'employee_number', field: 'employeeNumber', type: 'text', max: EMPLOYEE_NUMBER_MAX_LENGTH },
];

export const IMPORT_COLUMNS: Record<ImportKind, ColumnSpec[]> = {
  [ImportKind.Profiles]: [
    ...KEY_COLUMNS,
    { header: 'username', field: 'username', type: 'text', max: USERNAME_MAX_LENGTH },
    { header: 'name', field: 'name', type: 'text', max: 200 },
    { header: 'gender', field: 'gender', type: 'enum', values: GENDERS },
    { header: 'birth_year', field: 'birthYear', type: 'int' },
    { header: 'education_level', field: 'educationLevel', type: 'enum', values: EDUCATION_LEVELS },
    {
      header: 'professional_background',
      field: 'professionalBackground',
      type: 'enum',
      values: PROFESSIONAL_BACKGROUNDS,
    },
    { header: 'target_group_experience', field: 'targetGroupExperience', type: 'bool' },
    { header: 'target_group_experience_years', field: 'targetGroupExperienceYears', type: 'int' },
    { header: 'mentor_since', field: 'mentorSince', type: 'date' },
    { header: 'mentor_types', field: 'mentorTypes', type: 'enumList', values: MENTOR_TYPES },
    { header: 'specialisations', field: 'specialisations', type: 'textList', max: SPECIALISATION_MAX_LENGTH },
    { header: 'capacity_hours_per_week', field: 'capacityMinutesPerWeek', type: 'hours' },
    { header: 'upskilling_wishes', field: 'upskillingWishes', type: 'enumList', values: UPSKILLING_TOPICS },
  ],
  [ImportKind.Training]: [
    ...KEY_COLUMNS,
    { header: 'kind', field: 'kind', type: 'enum', values: TRAINING_KINDS, required: true },
    { header: 'provider', field: 'provider', type: 'text', max: WORKFORCE_TEXT_MAX_LENGTH },
    { header: 'length_days', field: 'lengthDays', type: 'int' },
    { header: 'completed_on', field: 'completedOn', type: 'date' },
    { header: 'felt_well_equipped', field: 'feltWellEquipped', type: 'bool' },
  ],
  [ImportKind.Certification]: [
    ...KEY_COLUMNS,
    { header: 'certified_on', field: 'certifiedOn', type: 'date', required: true },
    { header: 'renewal_due_on', field: 'renewalDueOn', type: 'date' },
    { header: 'basis', field: 'basis', type: 'enumList', values: CERTIFICATION_BASES, required: true },
    { header: 'note', field: 'note', type: 'text', max: WORKFORCE_NOTE_MAX_LENGTH },
  ],
  [ImportKind.Upskilling]: [
    ...KEY_COLUMNS,
    { header: 'topic', field: 'topic', type: 'enum', values: UPSKILLING_TOPICS, required: true },
    { header: 'offered_on', field: 'offeredOn', type: 'date', required: true },
    { header: 'taken', field: 'taken', type: 'bool' },
  ],
  [ImportKind.Supervision]: [
    ...KEY_COLUMNS,
    { header: 'kind', field: 'kind', type: 'enum', values: SUPERVISION_KINDS, required: true },
    { header: 'held_on', field: 'heldOn', type: 'date', required: true },
    { header: 'note', field: 'note', type: 'text', max: WORKFORCE_NOTE_MAX_LENGTH },
  ],
};

/** Sheet names an XLSX workbook may use for each kind (compared lower-case): English and Danish. */
const SHEET_NAMES: Record<string, ImportKind> = {
  profiles: ImportKind.Profiles,
  profiler: ImportKind.Profiles,
  training: ImportKind.Training,
  oplæring: ImportKind.Training,
  oplaering: ImportKind.Training,
  certification: ImportKind.Certification,
  certificering: ImportKind.Certification,
  upskilling: ImportKind.Upskilling,
  opkvalificering: ImportKind.Upskilling,
  supervision: ImportKind.Supervision,
};

export type RawCell = string | number | boolean | Date | null;

export interface ImportRow {
  /** The spreadsheet row (1 is the header). */
  row: number;
  /** The cells by header, for the columns of the sheet. */
  cells: Map<string, RawCell>;
}

export interface ImportSheet {
  kind: ImportKind;
  /** The known headers present, lower-case. */
  headers: Set<string>;
  rows: ImportRow[];
}

export interface ReadResult {
  sheets: ImportSheet[];
  errors: ImportRowError[];
}

function unreadable(detail: string): ProblemException {
  return new ProblemException({ status: 422, code: 'import.unreadable', detail });
}

/** Most bytes an XLSX workbook may unpack to: a small zip can hold gigabytes (a "zip bomb"). */
export const XLSX_UNPACKED_MAX_BYTES = 64 * 1024 * 1024;

/**
 * The total unpacked size the zip's central directory declares, or null when it cannot be read (or
 * uses ZIP64, which no spreadsheet of this size needs). Read before unpacking anything.
 */
export function zipUnpackedSize(content: Buffer): number | null {
  // The end-of-central-directory record: at least 22 bytes from the end, before an optional comment.
  for (let end = content.length - 22; end >= Math.max(0, content.length - 22 - 65_535); end--) {
    if (content.readUInt32LE(end) !== 0x06054b50) continue;
    const entries = content.readUInt16LE(end + 10);
    let at = content.readUInt32LE(end + 16);
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (at + 46 > content.length || content.readUInt32LE(at) !== 0x02014b50) return null;
      const size = content.readUInt32LE(at + 24);
      if (size === 0xffffffff) return null;
      total += size;
      at +=
        46 + content.readUInt16LE(at + 28) + content.readUInt16LE(at + 30) + content.readUInt16LE(at + 32);
    }
    return total;
  }
  return null;
}

const isZip = (content: Buffer) =>
  content.length >= 4 &&
  content[0] === 0x50 &&
  content[1] === 0x4b &&
  content[2] === 0x03 &&
  content[3] === 0x04;

/** Reads an XLSX (recognised by its zip signature, whatever the declared type) or a CSV file. */
export async function readImportFile(content: Buffer, csvKind: ImportKind | undefined): Promise<ReadResult> {
  if (content.length === 0) throw unreadable('The file is empty.');
  const tables: { kind: ImportKind; data: RawCell[][] }[] = [];
  const errors: ImportRowError[] = [];
  if (isZip(content)) {
    const unpacked = zipUnpackedSize(content);
    if (unpacked === null) throw unreadable('The file is not a readable XLSX workbook.');
    if (unpacked > XLSX_UNPACKED_MAX_BYTES) {
      throw new ProblemException({
        status: 413,
        code: 'import.too_large_unpacked',
        detail: `The workbook unpacks to more than ${XLSX_UNPACKED_MAX_BYTES / (1024 * 1024)} MB.`,
      });
    }
    let sheets: { sheet: string; data: RawCell[][] }[];
    try {
      sheets = (await readXlsxFile(content)) as { sheet: string; data: RawCell[][] }[];
    } catch {
      throw unreadable('The file is not a readable XLSX workbook.');
    }
    for (const { sheet, data } of sheets) {
      const kind = SHEET_NAMES[sheet.trim().toLowerCase()];
      const empty = data.every((row) => row.every((cell) => isBlank(cell)));
      if (kind) tables.push({ kind, data });
      else if (!empty) {
        throw new ProblemException({
          status: 422,
          code: 'import.unknown_sheet',
          detail: `The sheet "${sheet}" is not one of: ${Object.keys(SHEET_NAMES).join(', ')}.`,
        });
      }
    }
    if (tables.length === 0) throw unreadable('The workbook has no sheet named after a kind of record.');
  } else {
    if (!csvKind) {
      throw new ProblemException({
        status: 400,
        code: 'import.kind_required',
        detail:
          'Say what a CSV file holds with ?kind=profiles|training|certification|upskilling|supervision.',
        errors: [
          { field: 'kind', messages: ['kind is required for a CSV file'], codes: ['import.kind_required'] },
        ],
      });
    }
    tables.push({ kind: csvKind, data: parseCsv(decodeText(content)) });
  }
  const seen = new Set<ImportKind>();
  const sheets: ImportSheet[] = [];
  let total = 0;
  for (const { kind, data } of tables) {
    if (seen.has(kind)) throw unreadable(`Two sheets hold ${kind}.`);
    seen.add(kind);
    const sheet = toSheet(kind, data, errors);
    total += sheet.rows.length;
    sheets.push(sheet);
  }
  if (total > IMPORT_MAX_ROWS) {
    throw new ProblemException({
      status: 413,
      code: 'import.too_many_rows',
      detail: `The file has ${total} rows; at most ${IMPORT_MAX_ROWS} are imported at once.`,
    });
  }
  return { sheets, errors };
}

const isBlank = (cell: RawCell | undefined) =>
  cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/** The header row checked against the kind's columns; the data rows keyed by header, blank rows left out. */
function toSheet(kind: ImportKind, data: RawCell[][], errors: ImportRowError[]): ImportSheet {
  const specs = IMPORT_COLUMNS[kind];
  const known = new Set(specs.map((s) => s.header));
  const headerRow = data[0] ?? [];
  const headers: (string | null)[] = headerRow.map((cell) =>
    isBlank(cell) ? null : String(cell).trim().toLowerCase(),
  );
  const present = new Set<string>();
  headers.forEach((header) => {
    if (header === null) return;
    if (!known.has(header)) {
      errors.push({
        kind,
        row: 1,
        column: header,
        code: 'import.unknown_column',
        message: `"${header}" is not a column of ${kind}; see docs/import-format.md`,
      });
    } else if (present.has(header)) {
      errors.push({
        kind,
        row: 1,
        column: header,
        code: 'import.duplicate_column',
        message: `"${header}" appears twice`,
      });
    }
    present.add(header);
  });
  if (!KEY_COLUMNS.some((k) => present.has(k.header))) {
    errors.push({
      kind,
      row: 1,
      column: 'email',
      code: 'import.missing_key_column',
      message: 'a sheet needs an email or an employee_number column to find each mentor',
    });
  }
  for (const spec of specs.filter((s) => s.required && !present.has(s.header))) {
    errors.push({
      kind,
      row: 1,
      column: spec.header,
      code: 'import.missing_column',
      message: `the column "${spec.header}" is required`,
    });
  }
  const rows: ImportRow[] = [];
  data.slice(1).forEach((cells, index) => {
    if (cells.every((cell) => isBlank(cell))) return;
    const byHeader = new Map<string, RawCell>();
    headers.forEach((header, i) => {
      if (header !== null && known.has(header)) byHeader.set(header, cells[i] ?? null);
    });
    rows.push({ row: index + 2, cells: byHeader });
  });
  return { kind, headers: new Set([...present].filter((h) => known.has(h))), rows };
}

/** UTF-8 (with or without a byte order mark); failing that, Windows-1252, as Danish Excel saves CSV. */
export function decodeText(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    return new TextDecoder('windows-1252').decode(content);
  }
}

/**
 * RFC 4180 CSV with the separator of the header line (`;` as Danish Excel writes it, `,` or tab):
 * quoted fields may hold separators, quotes ("") and line breaks.
 */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [';', ',', '\t'].map((sep) => [sep, firstLine.split(sep).length] as const);
  const separator = counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += char;
    } else if (char === '"' && field === '') {
      quoted = true;
    } else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export interface CellError {
  code: string;
  message: string;
}

type Parsed = { value: unknown } | { error: CellError };

const TRUE = new Set(['ja', 'j', 'yes', 'y', 'true', 'sand', '1', 'x']);
const FALSE = new Set(['nej', 'n', 'no', 'false', 'falsk', '0']);

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included). */
function excelSerialDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 200_000) return null;
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

function parseDate(cell: RawCell): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return excelSerialDate(cell);
  const text = String(cell).trim();
  if (isIsoDate(text)) return text;
  const danish = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(text);
  if (danish) {
    const iso = `${danish[3]}-${danish[2]?.padStart(2, '0')}-${danish[1]?.padStart(2, '0')}`;
    return isIsoDate(iso) ? iso : null;
  }
  return null;
}

function parseNumber(cell: RawCell): number | null {
  if (typeof cell === 'number') return cell;
  const text = String(cell).trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : null;
}

const list = (cell: RawCell, separators: RegExp) =>
  String(cell)
    .split(separators)
    .map((item) => item.trim())
    .filter((item) => item !== '');

/**
 * One cell as the column's type: an empty cell is null (it clears an optional field), anything that
 * is not of the type an error with a stable code.
 */
export function parseCell(spec: ColumnSpec, cell: RawCell): Parsed {
  if (isBlank(cell)) return { value: spec.type === 'enumList' || spec.type === 'textList' ? [] : null };
  switch (spec.type) {
    case 'text': {
      const text = (cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell)).trim();
      if (spec.max && text.length > spec.max)
        return { error: { code: 'maxLength', message: `at most ${spec.max} characters` } };
      return { value: text };
    }
    case 'int': {
      const number = parseNumber(cell);
      if (number === null) return { error: { code: 'import.invalid_number', message: 'not a number' } };
      if (!Number.isInteger(number)) return { error: { code: 'isInt', message: 'must be a whole number' } };
      return { value: number };
    }
    case 'hours': {
      const hours = parseNumber(cell);
      if (hours === null)
        return { error: { code: 'import.invalid_number', message: 'not a number of hours' } };
      return { value: Math.round(hours * 60) };
    }
    case 'date': {
      const date = parseDate(cell);
      if (date === null)
        return { error: { code: 'import.invalid_date', message: 'not a date (YYYY-MM-DD or DD-MM-YYYY)' } };
      return { value: date };
    }
    case 'bool': {
      if (typeof cell === 'boolean') return { value: cell };
      const text = String(cell).trim().toLowerCase();
      if (TRUE.has(text)) return { value: true };
      if (FALSE.has(text)) return { value: false };
      return { error: { code: 'import.invalid_boolean', message: 'not yes/no (ja/nej, true/false, 1/0)' } };
    }
    case 'enum': {
      const value = String(cell).trim().toLowerCase();
      if (!spec.values?.includes(value))
        return { error: { code: 'isIn', message: `"${value}" is not one of: ${spec.values?.join(', ')}` } };
      return { value };
    }
    case 'enumList': {
      const values = list(String(cell).toLowerCase(), /[,|;]/);
      const unknown = values.filter((v) => !spec.values?.includes(v));
      if (unknown.length)
        return {
          error: {
            code: 'isIn',
            message: `"${unknown.join('", "')}" not one of: ${spec.values?.join(', ')}`,
          },
        };
      return { value: [...new Set(values)] };
    }
    case 'textList': {
      const values = list(cell, /[,|]/);
      const max = spec.max;
      if (max && values.some((v) => v.length > max))
        return { error: { code: 'maxLength', message: `each item at most ${spec.max} characters` } };
      return { value: values };
    }
  }
}
