import { formatNumber } from '@angular/common';
import { MENTOR_PROFILE_FIELDS, MentorProfileChanges, MentorProfileFields } from '@mentor/domain';

type Translate = (key: string, params?: Record<string, string | number>) => string;
/** Dates and numbers as the reader's language writes them. */
export interface ValueFormat {
  readonly locale: string;
  date(isoDate: string): string;
}

/** The enum fields and where their values' texts are. */
const ENUM_TEXTS: Partial<Record<keyof MentorProfileFields, string>> = {
  gender: 'genders',
  educationLevel: 'educationLevels',
  professionalBackground: 'professionalBackgrounds',
  mentorTypes: 'mentorTypes',
  upskillingWishes: 'upskillingTopics',
};

/** A profile field's value as read: choices translated, dates local, capacity in hours, nothing as "Ikke oplyst". */
export function profileValueText(
  field: keyof MentorProfileFields,
  value: unknown,
  t: Translate,
  format: ValueFormat,
): string {
  const none = t('workforce.notRecorded');
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
    return none;
  const texts = ENUM_TEXTS[field];
  if (texts) {
    const values = Array.isArray(value) ? value : [value];
    return values.map((v) => t(`${texts}.${String(v)}`)).join(', ');
  }
  switch (field) {
    case 'targetGroupExperience':
      return value === true ? t('common.yes') : t('common.no');
    case 'mentorSince':
      return format.date(String(value));
    case 'capacityMinutesPerWeek':
      return t('workforce.hoursPerWeek', { hours: formatNumber(Number(value) / 60, format.locale, '1.0-2') });
    case 'targetGroupExperienceYears':
      return t('workforce.years', { years: Number(value) });
    case 'specialisations':
      return (value as string[]).join(', ');
    default:
      return String(value);
  }
}

export interface ChangeLine {
  readonly field: keyof MentorProfileFields;
  /** The field's label. */
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

/** A suggestion's changes against the profile as it is now, one line per field, in the profile's order. */
export function suggestionLines(
  changes: MentorProfileChanges,
  current: MentorProfileFields,
  t: Translate,
  format: ValueFormat,
): ChangeLine[] {
  return MENTOR_PROFILE_FIELDS.filter((field) => field in changes).map((field) => ({
    field,
    label: t(`workforce.profile.${field === 'capacityMinutesPerWeek' ? 'capacity' : field}`),
    from: profileValueText(field, current[field], t, format),
    to: profileValueText(field, (changes as Record<string, unknown>)[field], t, format),
  }));
}
