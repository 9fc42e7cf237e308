import {
  MENTOR_PROFILE_FIELDS,
  MENTOR_TYPES,
  type MentorProfileFields,
  UPSKILLING_TOPICS,
} from '@mentor/domain';

/** The profile's fields as stored: the columns of mentor_profile by API name. */
export const PROFILE_COLUMN_OF: Record<keyof MentorProfileFields, string> = {
  employeeNumber: 'employee_number',
  email: 'email',
  gender: 'gender',
  birthYear: 'birth_year',
  educationLevel: 'education_level',
  professionalBackground: 'professional_background',
  targetGroupExperience: 'target_group_experience',
  targetGroupExperienceYears: 'target_group_experience_years',
  mentorSince: 'mentor_since',
  mentorTypes: 'mentor_types',
  specialisations: 'specialisations',
  capacityMinutesPerWeek: 'capacity_minutes_per_week',
  upskillingWishes: 'upskilling_wishes',
};

export const EMPTY_PROFILE: MentorProfileFields = {
  employeeNumber: null,
  email: null,
  gender: null,
  birthYear: null,
  educationLevel: null,
  professionalBackground: null,
  targetGroupExperience: null,
  targetGroupExperienceYears: null,
  mentorSince: null,
  mentorTypes: [],
  specialisations: [],
  capacityMinutesPerWeek: null,
  upskillingWishes: [],
};

const inOrder = <T extends string>(values: readonly T[], order: readonly T[]): T[] =>
  order.filter((v) => values.includes(v));

/**
 * The given fields as they are stored: text trimmed (empty is null), e-mail lower-case, enum lists
 * in the domain's order, specialisations trimmed without repeats. Only the keys present are returned,
 * so `undefined` stays "unchanged" and `null` "clear".
 */
export function normaliseProfile(input: Partial<MentorProfileFields>): Partial<MentorProfileFields> {
  const out: Partial<MentorProfileFields> = {};
  for (const key of MENTOR_PROFILE_FIELDS) {
    if (!(key in input) || input[key] === undefined) continue;
    (out as Record<string, unknown>)[key] = input[key];
  }
  const text = (value: string | null | undefined) => {
    if (value === undefined || value === null) return value;
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  };
  // A list is cleared to empty, never to null.
  for (const key of ['mentorTypes', 'specialisations', 'upskillingWishes'] as const)
    if (key in out && out[key] === null) out[key] = [];
  if ('employeeNumber' in out) out.employeeNumber = text(out.employeeNumber);
  if ('email' in out) out.email = text(out.email)?.toLowerCase() ?? null;
  if (out.mentorTypes) out.mentorTypes = inOrder(out.mentorTypes, MENTOR_TYPES);
  if (out.upskillingWishes) out.upskillingWishes = inOrder(out.upskillingWishes, UPSKILLING_TOPICS);
  if (out.specialisations) {
    const seen = new Set<string>();
    out.specialisations = out.specialisations
      .map((s) => s.trim())
      .filter((s) => s !== '' && !seen.has(s.toLowerCase()) && seen.add(s.toLowerCase()));
  }
  // No experience means no years of it.
  if (out.targetGroupExperience === false && out.targetGroupExperienceYears === undefined)
    out.targetGroupExperienceYears = null;
  return out;
}

/** Whether two stored values are the same (arrays element by element). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => v === b[i]);
  }
  return (a ?? null) === (b ?? null);
}

/** The fields of `changes` whose value differs from `current`. */
export function changedFields(
  current: MentorProfileFields,
  changes: Partial<MentorProfileFields>,
): (keyof MentorProfileFields)[] {
  return MENTOR_PROFILE_FIELDS.filter((key) => key in changes && !sameValue(current[key], changes[key]));
}
