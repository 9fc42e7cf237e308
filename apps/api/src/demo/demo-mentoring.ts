import {
  addDays,
  ContactForm,
  ContactTopic,
  HelpGiven,
  isoWeekStart,
  maskCpr,
  MeetingPlace,
  MentorType,
  Role,
  TargetGroup,
} from '@mentor/domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CprCipher } from '../citizens/cpr-cipher';

/** A small deterministic PRNG (mulberry32), so the demo is the same on every machine. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_NAMES = [
  'Anders',
  'Birgit',
  'Carsten',
  'Dorte',
  'Erik',
  'Fie',
  'Gert',
  'Hanne',
  'Ib',
  'Jette',
  'Kim',
  'Lise',
  'Mads',
  'Nina',
  'Ole',
  'Pia',
  'Rene',
  'Susanne',
  'Tom',
  'Ulla',
  'Yusuf',
  'Amira',
  'Bilal',
  'Leyla',
];
const LAST_NAMES = [
  'Testesen',
  'Demosen',
  'Prøvegaard',
  'Eksempelsen',
  'Fiktivsen',
  'Opdigtet',
  'Skitsesen',
  'Modelgaard',
];
const IN_PERSON_OTHER = [
  ContactForm.InPersonJobcentre,
  ContactForm.InPersonProvider,
  ContactForm.InPersonElsewhere,
];
const REMOTE = [ContactForm.Phone, ContactForm.Sms, ContactForm.Email, ContactForm.Video];
const TOPICS = Object.values(ContactTopic);
const HELP = Object.values(HelpGiven);

/** The study's mix (section 3.2): 15 % at home, 70 % elsewhere in person, the rest at a distance. */
function contactForm(next: () => number): ContactForm {
  const r = next();
  if (r < 0.15) return ContactForm.InPersonHome;
  if (r < 0.85) return oneOf(next, IN_PERSON_OTHER);
  return oneOf(next, REMOTE);
}

function oneOf<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length) % items.length] as T;
}

function pick<T>(next: () => number, items: readonly T[], count: number): T[] {
  const copy = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && copy.length)
    chosen.push(...copy.splice(Math.floor(next() * copy.length), 1));
  return chosen;
}

/** A synthetic CPR number of someone born 1960–1994 (aged 30+); fictional by construction. */
function syntheticCpr(next: () => number): string {
  const year = 60 + Math.floor(next() * 35);
  const month = 1 + Math.floor(next() * 12);
  const day = 1 + Math.floor(next() * 28);
  const serial = String(Math.floor(next() * 4000)).padStart(4, '0');
  return `${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${year}${serial}`;
}

interface DemoUserRow {
  id: string;
  organisation_id: string;
  role: Role;
}

/**
 * Each demo mentor gets four citizens with a grant, an active course and a few weeks of contacts:
 * weekly minutes and forms roughly as in the study (figures 3.1 and 3.2). Caseworkers of the
 * internal centres hold the caseloads. Runs only when the municipality has no citizens yet.
 */
export async function seedDemoMentoring(
  tx: EntityManager,
  municipalityId: string,
  cipher: CprCipher,
  today: string,
): Promise<number> {
  const [{ n }] = await tx.query('SELECT count(*)::int AS n FROM citizen WHERE municipality_id = $1', [
    municipalityId,
  ]);
  if (n > 0) return 0;
  const users: DemoUserRow[] = await tx.query(
    `SELECT u.id, u.organisation_id, u.role FROM app_user u JOIN organisation o ON o.id = u.organisation_id
      WHERE u.municipality_id = $1 AND u.username NOT LIKE 'aalborg%' ORDER BY u.username`,
    [municipalityId],
  );
  const caseworkers = users.filter((u) => u.role === Role.Caseworker);
  const internalCaseworkers: DemoUserRow[] = await tx.query(
    `SELECT u.id, u.organisation_id, u.role FROM app_user u JOIN organisation o ON o.id = u.organisation_id
      WHERE u.municipality_id = $1 AND u.role = 'caseworker' AND o.kind = 'internal_centre' ORDER BY u.username`,
    [municipalityId],
  );
  const mentors = users.filter((u) => u.role === Role.Mentor);
  if (!mentors.length || !caseworkers.length) return 0;
  const next = random(2015);
  const citizens: unknown[][] = [];
  const grants: unknown[][] = [];
  const minutes: unknown[][] = [];
  const courses: unknown[][] = [];
  const periods: unknown[][] = [];
  const contacts: unknown[][] = [];
  let index = 0;
  for (const mentor of mentors) {
    for (let i = 0; i < 4; i++, index++) {
      const caseworker = internalCaseworkers[index % internalCaseworkers.length] as DemoUserRow;
      const citizenId = randomUUID();
      const digits = syntheticCpr(next);
      const atHome = next() < 0.2;
      citizens.push([
        citizenId,
        municipalityId,
        `${FIRST_NAMES[index % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(index / FIRST_NAMES.length + index) % LAST_NAMES.length]}`,
        cipher.encrypt(digits),
        cipher.hash(digits),
        maskCpr(digits),
        atHome ? MeetingPlace.Home : MeetingPlace.OutOfHome,
        atHome ? 'Har svært ved at forlade hjemmet' : 'Vil gerne mødes ude',
        TargetGroup.ActivityReadyCashBenefit30Plus,
        caseworker.id,
      ]);
      const weeksAgo = 3 + Math.floor(next() * 9);
      const startsOn = addDays(today, -7 * weeksAgo - Math.floor(next() * 6));
      const endsOn = i === 3 ? addDays(today, 10 + Math.floor(next() * 15)) : addDays(startsOn, 150);
      // 75 % under an hour a week, 25 % one to two hours (figure 3.1).
      const weekly = next() < 0.75 ? 30 + 15 * Math.floor(next() * 2) : 60 + 30 * Math.floor(next() * 3);
      const grantId = randomUUID();
      const courseId = randomUUID();
      grants.push([
        grantId,
        municipalityId,
        citizenId,
        caseworker.id,
        next() < 0.6 ? MentorType.Holistic : MentorType.Retention,
        'Borgeren skal have støtte til at skabe struktur i hverdagen og komme i gang med et aktiveringstilbud.',
        'Hjælp med personlige udfordringer, praktiske opgaver og kontakt til læge og sagsbehandler.',
        JSON.stringify([
          { id: randomUUID(), text: 'Møde stabilt op til aftaler' },
          { id: randomUUID(), text: 'Starte i praktik eller aktiveringstilbud' },
        ]),
        startsOn,
        endsOn,
        mentor.organisation_id,
      ]);
      minutes.push([municipalityId, grantId, weekly, startsOn, caseworker.id]);
      courses.push([courseId, municipalityId, grantId, mentor.organisation_id, mentor.id]);
      periods.push([municipalityId, courseId, mentor.id, startsOn, caseworker.id]);
      // Contacts week by week up to yesterday; one citizen in four has gone quiet for two weeks.
      const quiet = i === 2;
      const lastDay = quiet ? addDays(today, -16) : addDays(today, -1);
      for (let week = isoWeekStart(startsOn); week <= lastDay; week = addDays(week, 7)) {
        const meetings = weekly >= 60 ? 2 : 1 + Math.floor(next() * 2);
        for (let m = 0; m < meetings; m++) {
          const date = addDays(week, Math.floor(next() * 5));
          if (date < startsOn || date > lastDay) continue;
          const form = contactForm(next);
          const remote = form === ContactForm.Phone || form === ContactForm.Sms || form === ContactForm.Email;
          const share = Math.round(((weekly / meetings) * (0.6 + next() * 0.6)) / 5) * 5;
          const showedUp = next() > 0.1;
          contacts.push([
            municipalityId,
            courseId,
            date,
            `${String(9 + Math.floor(next() * 7)).padStart(2, '0')}:${next() < 0.5 ? '00' : '30'}`,
            Math.max(5, remote ? Math.min(share, 20) : share),
            form,
            showedUp,
            `{${pick(next, TOPICS, 1 + Math.floor(next() * 3)).join(',')}}`,
            `{${pick(next, HELP, 1 + Math.floor(next() * 2)).join(',')}}`,
            showedUp ? null : 'Borgeren mødte ikke op',
            mentor.id,
            `${date}T12:00:00+01:00`,
          ]);
        }
      }
    }
  }
  await insertCourses(tx, { citizens, grants, minutes, courses, periods });
  await insertRows(
    tx,
    'contact',
    [
      'municipality_id',
      'course_id',
      'contact_date',
      'start_time',
      'minutes',
      'form',
      'showed_up',
      'topics',
      'help',
      'note',
      'created_by',
      'created_at',
    ],
    contacts,
    'version',
    1,
  );
  return citizens.length + grants.length + courses.length + contacts.length;
}

/** Rows of new demo citizens with a grant, its weekly minutes, an active course and its mentor period. */
export interface DemoCourseRows {
  /** id, municipality_id, name, cpr_encrypted, cpr_hash, cpr_masked, preferred_meeting_place, meeting_place_reason, target_group, caseworker_id */
  citizens: unknown[][];
  /** id, municipality_id, citizen_id, caseworker_id, mentor_type, purpose, tasks, goals, starts_on, ends_on, delivering_organisation_id */
  grants: unknown[][];
  /** municipality_id, grant_id, minutes_per_week, effective_from, created_by */
  minutes: unknown[][];
  /** id, municipality_id, grant_id, organisation_id, mentor_id */
  courses: unknown[][];
  /** municipality_id, course_id, mentor_id, from_date, changed_by */
  periods: unknown[][];
}

/** Inserts demo citizens with their grants and active courses (see DemoCourseRows for the columns). */
export async function insertCourses(tx: EntityManager, rows: DemoCourseRows): Promise<void> {
  await insertRows(
    tx,
    'citizen',
    [
      'id',
      'municipality_id',
      'name',
      'cpr_encrypted',
      'cpr_hash',
      'cpr_masked',
      'preferred_meeting_place',
      'meeting_place_reason',
      'target_group',
      'caseworker_id',
    ],
    rows.citizens,
    'version',
    1,
  );
  await insertRows(
    tx,
    'mentor_grant',
    [
      'id',
      'municipality_id',
      'citizen_id',
      'caseworker_id',
      'mentor_type',
      'purpose',
      'tasks',
      'goals',
      'starts_on',
      'ends_on',
      'delivering_organisation_id',
    ],
    rows.grants,
    'version',
    1,
  );
  await insertRows(
    tx,
    'grant_minutes',
    ['municipality_id', 'grant_id', 'minutes_per_week', 'effective_from', 'created_by'],
    rows.minutes,
  );
  await insertRows(
    tx,
    'mentor_course',
    ['id', 'municipality_id', 'grant_id', 'organisation_id', 'mentor_id'],
    rows.courses,
    'version',
    1,
    { status: 'active' },
  );
  await insertRows(
    tx,
    'course_mentor_period',
    ['municipality_id', 'course_id', 'mentor_id', 'from_date', 'changed_by'],
    rows.periods,
  );
}

/** Multi-row INSERTs in batches; `extra` columns get the same value on every row. */
export async function insertRows(
  tx: EntityManager,
  table: string,
  columns: string[],
  rows: unknown[][],
  constantColumn?: string,
  constantValue?: unknown,
  more: Record<string, unknown> = {},
) {
  const constants: Record<string, unknown> = {
    ...(constantColumn ? { [constantColumn]: constantValue } : {}),
    ...more,
  };
  const allColumns = [...columns, ...Object.keys(constants)];
  for (let start = 0; start < rows.length; start += 500) {
    const batch = rows.slice(start, start + 500);
    const values: unknown[] = [];
    const tuples = batch.map((row) => {
      const full = [...row, ...Object.values(constants)];
      const placeholders = full.map((value) => {
        values.push(value);
        return `$${values.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await tx.query(`INSERT INTO ${table} (${allColumns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
  }
}
