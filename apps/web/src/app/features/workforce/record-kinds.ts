import {
  CERTIFICATION_BASES,
  CertificationRecord,
  RuleViolation,
  SUPERVISION_KINDS,
  SupervisionRecord,
  TRAINING_DAYS_MAX,
  TRAINING_KINDS,
  TrainingRecord,
  UPSKILLING_TOPICS,
  UpskillingOffer,
  validateCertification,
  validateSupervision,
  validateTraining,
  validateUpskillingOffer,
  WORKFORCE_NOTE_MAX_LENGTH,
  WORKFORCE_TEXT_MAX_LENGTH,
} from '@mentor/domain';
import { RecordPath, RecordTypes } from './workforce-api.service';

type Translate = (key: string, params?: Record<string, string | number>) => string;
type FormatDate = (isoDate: string) => string;

/** How a field is entered: a choice, several choices, text, a whole number, a date, yes/no/unknown or a tick. */
export type RecordFieldType = 'select' | 'multi' | 'text' | 'textarea' | 'int' | 'date' | 'yesNo' | 'check';

export interface RecordField {
  /** The API field, also the form control and the test id suffix. */
  readonly name: string;
  readonly type: RecordFieldType;
  readonly labelKey: string;
  /** The choices of `select` and `multi`, with their texts under `optionPrefix`. */
  readonly options?: readonly string[];
  readonly optionPrefix?: string;
  readonly required?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly maxLength?: number;
  /** The message of a number out of range, e.g. "Skriv et helt antal dage fra 0 til 365." */
  readonly rangeKey?: string;
  /** A new record starts with today's date here. */
  readonly todayByDefault?: boolean;
}

/** Any record of the four kinds, as the API gives it. */
export type AnyRecord = RecordTypes[RecordPath]['record'];

export interface RecordColumn {
  readonly id: string;
  readonly labelKey: string;
  text(record: AnyRecord, t: Translate, date: FormatDate): string;
}

/** A kind of record a team leader keeps about a mentor: its form, its columns and its rules. */
export interface RecordKind {
  readonly path: RecordPath;
  /** Prefix of the kind's texts (`workforce.records.<key>.title`, ...) and of its test ids. */
  readonly key: 'training' | 'certification' | 'upskilling' | 'supervision';
  readonly fields: readonly RecordField[];
  readonly columns: readonly RecordColumn[];
  /** The same rules the API applies (libs/domain), so the form says the same thing first. */
  validate(body: Record<string, unknown>, today: string): RuleViolation[];
  /** Newest first. */
  sortKey(record: AnyRecord): string;
}

export type RecordFormValue = Record<string, string | number | boolean | string[] | null>;

const value = (record: AnyRecord, name: string) => (record as unknown as Record<string, unknown>)[name];

const yesNoText = (v: unknown, t: Translate) =>
  v === true ? t('common.yes') : v === false ? t('common.no') : t('workforce.notRecorded');

/** A column showing one field of the record as the form has it. */
function fieldColumn(field: RecordField): RecordColumn {
  return {
    id: field.name,
    labelKey: field.labelKey,
    text: (record, t, date) => {
      const v = value(record, field.name);
      switch (field.type) {
        case 'select':
          return v ? t(`${field.optionPrefix}.${String(v)}`) : '–';
        case 'multi':
          return Array.isArray(v) && v.length
            ? v.map((item) => t(`${field.optionPrefix}.${String(item)}`)).join(', ')
            : '–';
        case 'date':
          return typeof v === 'string' && v ? date(v) : '–';
        case 'yesNo':
        case 'check':
          return yesNoText(v, t);
        default:
          return v === null || v === undefined || v === '' ? '–' : String(v);
      }
    },
  };
}

function kind(spec: Omit<RecordKind, 'columns'> & { extraColumns?: readonly RecordColumn[] }): RecordKind {
  const { extraColumns = [], ...rest } = spec;
  return { ...rest, columns: [...spec.fields.map(fieldColumn), ...extraColumns] };
}

export const TRAINING_KIND = kind({
  path: 'trainings',
  key: 'training',
  fields: [
    {
      name: 'kind',
      type: 'select',
      labelKey: 'workforce.records.training.kind',
      options: TRAINING_KINDS,
      optionPrefix: 'trainingKinds',
      required: true,
    },
    {
      name: 'provider',
      type: 'text',
      labelKey: 'workforce.records.training.provider',
      maxLength: WORKFORCE_TEXT_MAX_LENGTH,
    },
    {
      name: 'lengthDays',
      type: 'int',
      labelKey: 'workforce.records.training.lengthDays',
      min: 0,
      max: TRAINING_DAYS_MAX,
      rangeKey: 'validation.fields.lengthDays.max',
    },
    { name: 'completedOn', type: 'date', labelKey: 'workforce.records.training.completedOn' },
    { name: 'feltWellEquipped', type: 'yesNo', labelKey: 'workforce.records.training.feltWellEquipped' },
  ],
  validate: (body, today) => validateTraining(body, today),
  sortKey: (r) => (r as TrainingRecord).completedOn ?? '9999',
});

export const CERTIFICATION_KIND = kind({
  path: 'certifications',
  key: 'certification',
  fields: [
    {
      name: 'certifiedOn',
      type: 'date',
      labelKey: 'workforce.records.certification.certifiedOn',
      required: true,
      todayByDefault: true,
    },
    { name: 'renewalDueOn', type: 'date', labelKey: 'workforce.records.certification.renewalDueOn' },
    {
      name: 'basis',
      type: 'multi',
      labelKey: 'workforce.records.certification.basis',
      options: CERTIFICATION_BASES,
      optionPrefix: 'certificationBases',
      required: true,
    },
    {
      name: 'note',
      type: 'textarea',
      labelKey: 'workforce.records.certification.note',
      maxLength: WORKFORCE_NOTE_MAX_LENGTH,
    },
  ],
  extraColumns: [
    {
      id: 'certifiedByName',
      labelKey: 'workforce.records.certification.certifiedBy',
      text: (r) => (r as CertificationRecord).certifiedByName || '–',
    },
  ],
  validate: (body, today) => validateCertification(body, today),
  sortKey: (r) => (r as CertificationRecord).certifiedOn,
});

export const UPSKILLING_KIND = kind({
  path: 'upskilling',
  key: 'upskilling',
  fields: [
    {
      name: 'topic',
      type: 'select',
      labelKey: 'workforce.records.upskilling.topic',
      options: UPSKILLING_TOPICS,
      optionPrefix: 'upskillingTopics',
      required: true,
    },
    {
      name: 'offeredOn',
      type: 'date',
      labelKey: 'workforce.records.upskilling.offeredOn',
      required: true,
      todayByDefault: true,
    },
    { name: 'taken', type: 'check', labelKey: 'workforce.records.upskilling.taken' },
  ],
  validate: (body, today) => validateUpskillingOffer(body, today),
  sortKey: (r) => (r as UpskillingOffer).offeredOn,
});

export const SUPERVISION_KIND = kind({
  path: 'supervision',
  key: 'supervision',
  fields: [
    {
      name: 'kind',
      type: 'select',
      labelKey: 'workforce.records.supervision.kind',
      options: SUPERVISION_KINDS,
      optionPrefix: 'supervisionKinds',
      required: true,
    },
    {
      name: 'heldOn',
      type: 'date',
      labelKey: 'workforce.records.supervision.heldOn',
      required: true,
      todayByDefault: true,
    },
    {
      name: 'note',
      type: 'textarea',
      labelKey: 'workforce.records.supervision.note',
      maxLength: WORKFORCE_NOTE_MAX_LENGTH,
    },
  ],
  validate: (body, today) => validateSupervision(body, today),
  sortKey: (r) => (r as SupervisionRecord).heldOn,
});

export const RECORD_KINDS: readonly RecordKind[] = [
  TRAINING_KIND,
  CERTIFICATION_KIND,
  UPSKILLING_KIND,
  SUPERVISION_KIND,
];

/** The form's values of a record being changed, or of a new one (`null`). */
export function recordFormValue(kind: RecordKind, record: AnyRecord | null, today: string): RecordFormValue {
  const out: RecordFormValue = {};
  for (const field of kind.fields) {
    const v = record ? value(record, field.name) : undefined;
    switch (field.type) {
      case 'multi':
        out[field.name] = Array.isArray(v) ? [...(v as string[])] : [];
        break;
      case 'yesNo':
        out[field.name] = v === true ? 'yes' : v === false ? 'no' : '';
        break;
      case 'check':
        out[field.name] = v === true;
        break;
      case 'int':
        out[field.name] = typeof v === 'number' ? v : null;
        break;
      case 'date':
        out[field.name] = typeof v === 'string' ? v : !record && field.todayByDefault ? today : '';
        break;
      default:
        out[field.name] = typeof v === 'string' ? v : '';
    }
  }
  return out;
}

/**
 * The API body of a form: text trimmed (empty is null), numbers as numbers, empty dates as null,
 * yes/no/unknown as true/false/null, choices in the order offered.
 */
export function recordBody(kind: RecordKind, form: RecordFormValue): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of kind.fields) {
    const v = form[field.name];
    switch (field.type) {
      case 'multi': {
        const chosen = Array.isArray(v) ? v : [];
        body[field.name] = (field.options ?? []).filter((option) => chosen.includes(option));
        break;
      }
      case 'yesNo':
        body[field.name] = v === 'yes' ? true : v === 'no' ? false : null;
        break;
      case 'check':
        body[field.name] = v === true;
        break;
      case 'int':
        body[field.name] = v === null || v === undefined || String(v).trim() === '' ? null : Number(v);
        break;
      case 'select':
        // A required choice not made stays absent, so the rules say "required" rather than "unknown value".
        if (v) body[field.name] = v;
        break;
      case 'date': {
        const text = typeof v === 'string' ? v.trim() : '';
        if (text) body[field.name] = text;
        else if (!field.required) body[field.name] = null;
        break;
      }
      default: {
        const text = typeof v === 'string' ? v.trim() : '';
        body[field.name] = text === '' ? null : text;
      }
    }
  }
  return body;
}

/** The records newest first by the kind's date; training not completed yet comes first. */
export function sortedRecords(kind: RecordKind, records: readonly AnyRecord[]): AnyRecord[] {
  return [...records].sort((a, b) => kind.sortKey(b).localeCompare(kind.sortKey(a)));
}
