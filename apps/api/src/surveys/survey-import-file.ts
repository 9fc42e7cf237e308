import {
  MENTOR_TYPES,
  type MentorType,
  QuestionKind,
  SURVEY_IMPORT_MAX_ROWS,
  type SurveyAnswers,
  type SurveyImportError,
  SurveyKind,
  type SurveyQuestion,
  SURVEYS,
  surveyImportColumns,
  validateAnsweredOn,
} from '@mentor/domain';
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { ProblemException } from '../common/problem';
import {
  type ColumnSpec,
  decodeText,
  parseCell,
  parseCsv,
  type RawCell,
  XLSX_UNPACKED_MAX_BYTES,
  zipUnpackedSize,
} from '../workforce/import-file';

/**
 * Reading a survey import (docs/survey-import-format.md): one table, a header row naming the
 * columns (`answered_on`, `organisation`, `mentor_type`, then the questions' keys), one response
 * per row. Every cell is checked; every problem is reported by row and column.
 */

/** A row read and checked cell by cell; the organisation is matched by the service. */
export interface SurveyFileRow {
  row: number;
  answeredOn: string | null;
  organisation: string | null;
  mentorType: MentorType | null;
  answers: SurveyAnswers;
}

export interface SurveyFile {
  headers: Set<string>;
  rows: SurveyFileRow[];
  errors: SurveyImportError[];
}

/** The sheet an XLSX import reads when the workbook has several: the template's, in Danish or English. */
const RESPONSE_SHEETS = ['svar', 'responses'];

function unreadable(detail: string): ProblemException {
  return new ProblemException({ status: 422, code: 'import.unreadable', detail });
}

const isBlank = (cell: RawCell | undefined) =>
  cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

const isZip = (content: Buffer) =>
  content.length >= 4 &&
  content[0] === 0x50 &&
  content[1] === 0x4b &&
  content[2] === 0x03 &&
  content[3] === 0x04;

/** The table of an XLSX (its "svar" sheet, else its first) or a CSV file. */
async function readTable(content: Buffer): Promise<RawCell[][]> {
  if (content.length === 0) throw unreadable('The file is empty.');
  if (!isZip(content)) return parseCsv(decodeText(content));
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
  const chosen = sheets.find((s) => RESPONSE_SHEETS.includes(s.sheet.trim().toLowerCase())) ?? sheets[0];
  if (!chosen) throw unreadable('The workbook has no sheet.');
  return chosen.data;
}

/** How a question's cell is read: yes/no, an option, a list of options, a whole number. */
function questionSpec(question: SurveyQuestion): ColumnSpec {
  switch (question.kind) {
    case QuestionKind.YesNo:
      return { header: question.key, field: question.key, type: 'bool' };
    case QuestionKind.SingleChoice:
      return { header: question.key, field: question.key, type: 'enum', values: question.options };
    case QuestionKind.MultipleChoice:
      return { header: question.key, field: question.key, type: 'enumList', values: question.options };
    case QuestionKind.Scale:
      return { header: question.key, field: question.key, type: 'int' };
  }
}

const ANSWERED_ON: ColumnSpec = { header: 'answered_on', field: 'answeredOn', type: 'date' };
const ORGANISATION: ColumnSpec = { header: 'organisation', field: 'organisation', type: 'text', max: 200 };
const MENTOR_TYPE: ColumnSpec = {
  header: 'mentor_type',
  field: 'mentorType',
  type: 'enum',
  values: MENTOR_TYPES,
};

/** Reads and checks every cell; too many rows answers 413 before any check. */
export async function readSurveyFile(content: Buffer, kind: SurveyKind, today: string): Promise<SurveyFile> {
  const data = await readTable(content);
  const errors: SurveyImportError[] = [];
  const known = new Set(surveyImportColumns(kind));
  const headers: (string | null)[] = (data[0] ?? []).map((cell) =>
    isBlank(cell) ? null : String(cell).trim().toLowerCase(),
  );
  const present = new Set<string>();
  for (const header of headers) {
    if (header === null) continue;
    if (!known.has(header))
      errors.push({
        row: 1,
        column: header,
        code: 'import.unknown_column',
        message: `"${header}" is not a column of the ${kind} survey; see docs/survey-import-format.md`,
      });
    else if (present.has(header))
      errors.push({
        row: 1,
        column: header,
        code: 'import.duplicate_column',
        message: `"${header}" appears twice`,
      });
    present.add(header);
  }
  if (!present.has(ANSWERED_ON.header))
    errors.push({
      row: 1,
      column: ANSWERED_ON.header,
      code: 'import.missing_column',
      message: 'the column "answered_on" is required',
    });
  const body = data.slice(1).map((cells, index) => ({ cells, row: index + 2 }));
  const filled = body.filter(({ cells }) => !cells.every((cell) => isBlank(cell)));
  if (filled.length > SURVEY_IMPORT_MAX_ROWS) {
    throw new ProblemException({
      status: 413,
      code: 'import.too_many_rows',
      detail: `The file has ${filled.length} rows; at most ${SURVEY_IMPORT_MAX_ROWS} are imported at once.`,
    });
  }
  const questions = SURVEYS[kind].questions;
  const rows = filled.map(({ cells, row }) => {
    const cell = (header: string): RawCell => {
      const index = headers.indexOf(header);
      return index === -1 ? null : (cells[index] ?? null);
    };
    const read = (spec: ColumnSpec): unknown => {
      const parsed = parseCell(spec, cell(spec.header));
      if ('error' in parsed) {
        errors.push({ row, column: spec.header, ...parsed.error });
        return null;
      }
      return parsed.value;
    };
    const result: SurveyFileRow = {
      row,
      answeredOn: null,
      organisation: null,
      mentorType: null,
      answers: {},
    };
    if (present.has(ANSWERED_ON.header)) {
      // A date cell, then the rules of the form (required, not in the future, not too old).
      const date = isBlank(cell(ANSWERED_ON.header)) ? null : (read(ANSWERED_ON) as string | null);
      const [violation] = validateAnsweredOn(date, today);
      if (violation && (date !== null || isBlank(cell(ANSWERED_ON.header))))
        errors.push({ row, column: ANSWERED_ON.header, code: violation.code, message: violation.message });
      else result.answeredOn = date;
    }
    result.organisation = (read(ORGANISATION) as string | null) || null;
    if (present.has(MENTOR_TYPE.header)) result.mentorType = read(MENTOR_TYPE) as MentorType | null;
    for (const question of questions) {
      if (!present.has(question.key) || isBlank(cell(question.key))) continue;
      const value = read(questionSpec(question));
      if (value === null) continue;
      const scale = question.scale;
      if (
        question.kind === QuestionKind.Scale &&
        scale &&
        ((value as number) < scale.min || (value as number) > scale.max)
      ) {
        errors.push({
          row,
          column: question.key,
          code: 'survey.out_of_scale',
          message: `must be a whole number from ${scale.min} to ${scale.max}`,
        });
        continue;
      }
      result.answers[question.key] = value as SurveyAnswers[string];
    }
    if (Object.keys(result.answers).length === 0 && !errors.some((e) => e.row === row))
      errors.push({ row, column: null, code: 'survey.no_answers', message: 'the row answers no question' });
    return result;
  });
  return { headers: present, rows, errors };
}

/** The template: a sheet "svar" with the header row, and a sheet "vejledning" naming each column's values. */
export async function surveyTemplateXlsx(kind: SurveyKind): Promise<Buffer> {
  const columns = surveyImportColumns(kind);
  const questions = new Map(SURVEYS[kind].questions.map((q) => [q.key, q]));
  const describe = (column: string): [string, string] => {
    if (column === 'answered_on') return ['dato (påkrævet)', 'ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ'];
    if (column === 'organisation')
      return ['tekst', 'organisationens navn eller id (administrator: påkrævet)'];
    if (column === 'mentor_type') return ['valg', MENTOR_TYPES.join(', ')];
    const question = questions.get(column);
    switch (question?.kind) {
      case QuestionKind.YesNo:
        return ['ja/nej', 'ja, nej'];
      case QuestionKind.SingleChoice:
        return ['ét valg', question.options.join(', ')];
      case QuestionKind.MultipleChoice:
        return ['flere valg (adskilt af komma)', question.options.join(', ')];
      case QuestionKind.Scale:
        return ['skala', `${question.scale?.min}–${question.scale?.max}`];
      default:
        return ['', ''];
    }
  };
  const bold = (value: string) => ({ value, fontWeight: 'bold' as const });
  const text = (value: string) => ({ value, type: String });
  return writeXlsxFile([
    {
      data: [columns.map(bold)],
      sheet: 'svar',
      columns: columns.map((c) => ({ width: Math.max(12, c.length + 2) })),
    },
    {
      data: [
        [bold('kolonne'), bold('type'), bold('tilladte værdier')],
        ...columns.map((c) => [text(c), ...describe(c).map(text)]),
      ],
      sheet: 'vejledning',
      columns: [{ width: 34 }, { width: 30 }, { width: 90 }],
    },
  ]).toBuffer();
}

/** The CSV template: the header row, `;`-separated as Danish Excel writes it. */
export function surveyTemplateCsv(kind: SurveyKind): Buffer {
  return Buffer.from(`\uFEFF${surveyImportColumns(kind).join(';')}\r\n`, 'utf8');
}

export const SURVEY_KIND_NAMES_DA: Record<SurveyKind, string> = {
  [SurveyKind.Citizen]: 'borgerinterview',
  [SurveyKind.Mentor]: 'mentorskema',
  [SurveyKind.Recruiter]: 'rekrutteringsskema',
};
