import {
  CERTIFICATION_BASES,
  EDUCATION_LEVELS,
  GENDERS,
  ImportKind,
  ImportRowError,
  MENTOR_TYPES,
  PROFESSIONAL_BACKGROUNDS,
  SUPERVISION_KINDS,
  TRAINING_KINDS,
  UPSKILLING_TOPICS,
} from '@mentor/domain';

/** What a column holds, for the help text: text, whole number, hours, date, yes/no, a value or a list. */
export type ImportColumnType = 'text' | 'int' | 'hours' | 'date' | 'bool' | 'enum' | 'enumList' | 'textList';

export interface ImportColumn {
  readonly header: string;
  readonly type: ImportColumnType;
  readonly values?: readonly string[];
  readonly required?: boolean;
}

const KEYS: ImportColumn[] = [
  { header: 'email', type: 'text' },
  { header: 'employee_number', type: 'text' },
];

/**
 * The columns of each sheet as docs/import-format.md documents them (the API's reader decides;
 * this is the help shown beside the upload). Every sheet finds the mentor by `email` or `employee_number`.
 */
export const IMPORT_FORMAT: Readonly<Record<ImportKind, readonly ImportColumn[]>> = {
  [ImportKind.Profiles]: [
    ...KEYS,
    { header: 'username', type: 'text' },
    { header: 'name', type: 'text' },
    { header: 'gender', type: 'enum', values: GENDERS },
    { header: 'birth_year', type: 'int' },
    { header: 'education_level', type: 'enum', values: EDUCATION_LEVELS },
    { header: 'professional_background', type: 'enum', values: PROFESSIONAL_BACKGROUNDS },
    { header: 'target_group_experience', type: 'bool' },
    { header: 'target_group_experience_years', type: 'int' },
    { header: 'mentor_since', type: 'date' },
    { header: 'mentor_types', type: 'enumList', values: MENTOR_TYPES },
    { header: 'specialisations', type: 'textList' },
    { header: 'capacity_hours_per_week', type: 'hours' },
    { header: 'upskilling_wishes', type: 'enumList', values: UPSKILLING_TOPICS },
  ],
  [ImportKind.Training]: [
    ...KEYS,
    { header: 'kind', type: 'enum', values: TRAINING_KINDS, required: true },
    { header: 'provider', type: 'text' },
    { header: 'length_days', type: 'int' },
    { header: 'completed_on', type: 'date' },
    { header: 'felt_well_equipped', type: 'bool' },
  ],
  [ImportKind.Certification]: [
    ...KEYS,
    { header: 'certified_on', type: 'date', required: true },
    { header: 'renewal_due_on', type: 'date' },
    { header: 'basis', type: 'enumList', values: CERTIFICATION_BASES, required: true },
    { header: 'note', type: 'text' },
  ],
  [ImportKind.Upskilling]: [
    ...KEYS,
    { header: 'topic', type: 'enum', values: UPSKILLING_TOPICS, required: true },
    { header: 'offered_on', type: 'date', required: true },
    { header: 'taken', type: 'bool' },
  ],
  [ImportKind.Supervision]: [
    ...KEYS,
    { header: 'kind', type: 'enum', values: SUPERVISION_KINDS, required: true },
    { header: 'held_on', type: 'date', required: true },
    { header: 'note', type: 'text' },
  ],
};

type Translate = (key: string, params?: Record<string, string | number>) => string;

/**
 * One import error in the user's language: the text of its code (`validation.codes.<code>`); for a
 * value not among a column's choices, the choices too; for a code without a text, the API's message.
 */
export function importErrorText(error: ImportRowError, t: Translate): string {
  const key = `validation.codes.${error.code}`;
  const text = t(key);
  if (text === key) return error.message;
  const column = IMPORT_FORMAT[error.kind]?.find((c) => c.header === error.column);
  if (error.code === 'isIn' && column?.values)
    return t('workforce.importPage.allowedValues', { text, values: column.values.join(', ') });
  return text;
}

/** The errors in reading order: by sheet as the format lists them, then row, then column (the file's order). */
export function sortedImportErrors(errors: readonly ImportRowError[]): ImportRowError[] {
  const order = Object.values(ImportKind);
  const column = (e: ImportRowError) =>
    e.column === null ? -1 : (IMPORT_FORMAT[e.kind] ?? []).findIndex((c) => c.header === e.column);
  return [...errors].sort(
    (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.row - b.row || column(a) - column(b),
  );
}
