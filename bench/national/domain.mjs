// What the national benchmark shares with the app without importing its TypeScript: the domain enums
// (read from libs/domain/src/lib/mentoring.ts and workforce.ts, so a new contact form, topic or
// training kind reaches the generator and the request bodies), the fixed bench CPR keys, dates in
// Danish time and a seeded PRNG.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../lib/util.mjs';

/** The string values of `export enum <name> { ... }` in a libs/domain source file. */
function enumValues(source, name) {
  const body = new RegExp(`export enum ${name} \\{([^}]*)\\}`).exec(source)?.[1];
  if (!body) throw new Error(`libs/domain has no enum ${name}.`);
  return [...body.matchAll(/=\s*'([^']+)'/g)].map((m) => m[1]);
}

const mentoring = readFileSync(join(root, 'libs/domain/src/lib/mentoring.ts'), 'utf8');
const workforce = readFileSync(join(root, 'libs/domain/src/lib/workforce.ts'), 'utf8');

export const ENUMS = {
  mentorType: enumValues(mentoring, 'MentorType'),
  targetGroup: enumValues(mentoring, 'TargetGroup'),
  meetingPlace: enumValues(mentoring, 'MeetingPlace'),
  courseStatus: enumValues(mentoring, 'CourseStatus'),
  endReason: enumValues(mentoring, 'CourseEndReason'),
  contactForm: enumValues(mentoring, 'ContactForm'),
  contactTopic: enumValues(mentoring, 'ContactTopic'),
  helpGiven: enumValues(mentoring, 'HelpGiven'),
  // The mentor workforce (libs/domain/src/lib/workforce.ts).
  gender: enumValues(workforce, 'Gender'),
  educationLevel: enumValues(workforce, 'EducationLevel'),
  professionalBackground: enumValues(workforce, 'ProfessionalBackground'),
  trainingKind: enumValues(workforce, 'TrainingKind'),
  certificationBasis: enumValues(workforce, 'CertificationBasis'),
  upskillingTopic: enumValues(workforce, 'UpskillingTopic'),
  supervisionKind: enumValues(workforce, 'SupervisionKind'),
  recruitmentCompetency: enumValues(workforce, 'RecruitmentCompetency'),
};

for (const form of ['in_person_home', 'in_person_jobcentre', 'phone', 'sms', 'email', 'video']) {
  if (!ENUMS.contactForm.includes(form)) throw new Error(`ContactForm no longer has '${form}'.`);
}

/** Fixed, public bench keys (32 bytes each, base64): never use them for real data. */
export const CPR_KEYS = {
  encryptionKey: createHash('sha256').update('mentorsystemet bench: CPR encryption key').digest('base64'),
  hashKey: createHash('sha256').update('mentorsystemet bench: CPR hash key').digest('base64'),
};

/** Today's date in Denmark (`YYYY-MM-DD`), as apps/api/src/common/clock.ts computes it. */
export function todayInDenmark(now = new Date()) {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(now);
}

const toUtc = (iso) => new Date(`${iso}T00:00:00Z`);
const iso = (date) => date.toISOString().slice(0, 10);

export const addDays = (date, days) => iso(new Date(toUtc(date).getTime() + days * 86_400_000));

/** Calendar months, clamped to the month's last day (as libs/domain and PostgreSQL do). */
export function addMonths(date, months) {
  const d = toUtc(date);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return iso(target);
}

/** The Monday of the date's ISO week. */
export const isoWeekStart = (date) => addDays(date, -((toUtc(date).getUTCDay() + 6) % 7));

export const daysBetween = (from, to) => Math.round((toUtc(to) - toUtc(from)) / 86_400_000);

/** mulberry32: a small seeded PRNG, so the Node-side part of the dataset is reproducible. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    /** A value by cumulative weights: [[value, weight], ...]. */
    weighted(pairs) {
      const total = pairs.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [value, w] of pairs) if ((r -= w) < 0) return value;
      return pairs.at(-1)[0];
    },
    /** `count` distinct items of the list, in list order. */
    sample(list, count) {
      const chosen = new Set();
      while (chosen.size < Math.min(count, list.length)) chosen.add(Math.floor(next() * list.length));
      return [...chosen].sort((x, y) => x - y).map((i) => list[i]);
    },
  };
}
