// Generates the national dataset into a fresh database: drops and creates it, runs the app's
// migrations (node dist/api/db-cli.js migrate), then loads
//   - municipalities, organisations, users, citizens (CPR encrypted as the app does), grants, grant
//     minutes, courses and mentor periods from Node, in batches of `INSERT ... SELECT FROM unnest($n)`,
//   - the contacts server-side with one `INSERT ... SELECT` over generate_series per job (no rows
//     travel over the wire: COPY speed; pg-copy-streams is not installed),
// with the contact table's indexes and foreign keys dropped during its load and recreated exactly as
// the migrations made them (checked against the list taken right after the migrations), then
// VACUUM ANALYZE.
import argon2 from 'argon2';
import { spawnSync } from 'node:child_process';
import { createCipheriv, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { root } from '../lib/util.mjs';
import { FIRST_NAMES, GOALS, LAST_NAMES, MUNICIPALITIES, NOTES, PURPOSES, STREETS, TASKS } from './data.mjs';
import { addDays, addMonths, CPR_KEYS, daysBetween, ENUMS, prng, todayInDenmark } from './domain.mjs';

/** Full-scale sizes; BENCH_SCALE multiplies citizens, mentors, caseworkers and contacts. */
export const FULL_SCALE = { citizens: 60_000, mentors: 5_000, contacts: 5_000_000 };
/** The largest municipality's first external provider gets this many mentors (× BENCH_SCALE): the load view's target. */
export const LARGE_ORGANISATION_MENTORS = 500;
const CITIZENS_PER_CASEWORKER = 50;
const MENTORS_PER_TEAM_LEADER = 15;
const BATCH = 5_000;

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const secs = (msValue) => `${(msValue / 1000).toFixed(1)} s`;
const quote = (text) => `'${String(text).replace(/'/g, "''")}'`;

/** Splits `total` over `weights` (largest remainders), at least `min` each. */
function apportion(total, weights, min = 0) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => Math.max(min, (total * w) / sum));
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i]).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0 && k < order.length; k++, left--) counts[order[k][1]]++;
  return counts;
}

/** The CPR cipher of apps/api/src/citizens/cpr-cipher.ts: AES-256-GCM (iv | tag | ciphertext), HMAC-SHA256. */
function cprCipher() {
  const encryptionKey = Buffer.from(CPR_KEYS.encryptionKey, 'base64');
  const hashKey = Buffer.from(CPR_KEYS.hashKey, 'base64');
  return {
    encrypt(digits) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const ciphertext = Buffer.concat([cipher.update(digits, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
    },
    hash: (digits) => createHmac('sha256', hashKey).update(digits).digest('hex'),
  };
}

export function databaseUrl(adminUrl, name) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A PostgreSQL array literal of simple values (enum codes, plain words). */
const pgArray = (values) => `{${values.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

const SPECIALISATIONS = ['ADHD', 'Angst', 'Misbrug', 'Autisme', 'Depression', 'PTSD'];

/**
 * The workforce records of one organisation's mentors, shaped after the study's chapter 5 (box
 * 5.1, figures 5.1-5.7): 75 % women, two thirds over 40, two thirds with a medium-length higher
 * education, about 7 in 10 with target-group experience, onboarding for most, certification for
 * about 70 % (some expired or expiring), upskilling offers, supervision and sparring in the last
 * year; and the organisation's recruitment requirements with each hire's assessment.
 */
function workforce({ rng, rows, today, municipalityId, org }) {
  const internal = org.kind === 'internal_centre';
  const year = Number(today.slice(0, 4));
  const requirements = rng.sample(ENUMS.recruitmentCompetency, 3);
  for (const competency of requirements)
    rows.recruitment_requirement.push([municipalityId, org.id, competency]);
  for (const mentor of org.mentors) {
    const mentorSince = addDays(today, -rng.int(30, 15 * 365));
    const experience = rng.next() < 0.69;
    const types = internal
      ? rng.next() < 0.75
        ? ['holistic']
        : ['holistic', 'retention']
      : rng.weighted([
          [['holistic', 'retention'], 75],
          [['holistic'], 15],
          [['retention'], 10],
        ]);
    rows.mentor_profile.push([
      municipalityId,
      mentor.id,
      org.id,
      mentor.employeeNumber,
      mentor.email,
      rng.weighted([
        ['female', 75],
        ['male', 24],
        ['other', 1],
      ]),
      rng.next() < 0.67 ? rng.int(year - 65, year - 41) : rng.int(year - 40, year - 24),
      rng.weighted([
        ['medium_higher', 67],
        ['long_higher', internal ? 20 : 30],
        ['short_higher', 8],
        ['upper_secondary_or_less', 5],
      ]),
      rng.weighted([
        ['social_worker', 35],
        ['employment_consultant', 30],
        ['other', 20],
        ['none', 15],
      ]),
      experience,
      experience ? rng.int(1, 25) : null,
      mentorSince,
      pgArray(types),
      pgArray(rng.sample(SPECIALISATIONS, rng.int(0, 2))),
      rng.int(8, 20) * 60,
      pgArray(rng.sample(ENUMS.upskillingTopic, rng.int(0, 2))),
    ]);
    if (rng.next() < (internal ? 0.9 : 0.79)) {
      const kind = internal
        ? rng.weighted([
            ['municipal_basic_training', 60],
            ['external_course', 25],
            ['shadowing', 15],
          ])
        : rng.weighted([
            ['workplace_programme', 80],
            ['external_course', 10],
            ['shadowing', 10],
          ]);
      const days = internal
        ? rng.next() < 0.78
          ? rng.int(3, 5)
          : rng.int(6, 10)
        : rng.next() < 0.4
          ? rng.int(1, 2)
          : rng.int(3, 5);
      const completedOn = addDays(mentorSince, rng.int(5, 60));
      rows.mentor_training.push([
        municipalityId,
        mentor.id,
        kind,
        kind === 'external_course' ? 'Professionshøjskolen' : org.name,
        days,
        completedOn < today ? completedOn : null,
        rng.next() < (internal ? 0.5 : 0.9),
      ]);
    }
    if (rng.next() < 0.7) {
      // The latest certification (or renewal), within the last 800 days: renewed every two years.
      const recent = addDays(today, -rng.int(1, 800));
      const certifiedOn = recent < mentorSince ? mentorSince : recent;
      rows.mentor_certification.push([
        municipalityId,
        mentor.id,
        certifiedOn,
        rng.next() < 0.8 ? addDays(certifiedOn, 730) : null,
        pgArray(rng.sample(ENUMS.certificationBasis, rng.int(1, 2))),
        rng.pick(org.leaders),
      ]);
    }
    if (rng.next() < 0.6) {
      const topics = rng.sample(ENUMS.upskillingTopic, rng.int(1, 3));
      for (const topic of topics)
        rows.mentor_upskilling.push([
          municipalityId,
          mentor.id,
          topic,
          addDays(today, -rng.int(1, 365)),
          rng.next() < 0.7,
        ]);
    }
    // Sessions of the last year: management supervision every two months, external supervision
    // monthly at some providers, collegial sparring monthly, the mentor network quarterly.
    const sessions = (kind, everyDays, share) => {
      if (rng.next() >= share) return;
      for (let d = rng.int(1, everyDays); d <= 365; d += everyDays)
        rows.mentor_supervision.push([municipalityId, mentor.id, kind, addDays(today, -d)]);
    };
    sessions('management_supervision', 61, internal ? 0.37 : 0.86);
    if (!internal) sessions('external_supervision', 30, 0.3);
    sessions('collegial_sparring', 30, 0.75);
    sessions('mentor_network', 91, internal ? 0.5 : 0.33);
    for (const competency of requirements)
      rows.recruitment_assessment.push([municipalityId, mentor.id, competency, rng.next() < 0.85]);
    if (rng.next() < 0.02)
      rows.profile_suggestion.push([
        municipalityId,
        mentor.id,
        JSON.stringify({ upskillingWishes: ['specific_barriers'] }),
        'pending',
      ]);
  }
}

/** Everything decided in Node: the rows of every table but contact. */
function plan({ scale, seed, passwordHash, today }) {
  const rng = prng(seed);
  const citizensTotal = Math.max(MUNICIPALITIES.length, Math.round(FULL_SCALE.citizens * scale));
  const mentorsTotal = Math.max(MUNICIPALITIES.length, Math.round(FULL_SCALE.mentors * scale));
  const weights = MUNICIPALITIES.map(([, , population]) => population);
  const citizensPer = apportion(citizensTotal, weights, 1);
  const mentorsPer = apportion(mentorsTotal, weights, 1);
  const person = () => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
  const cipher = cprCipher();
  const usedCpr = new Set();
  const rows = {
    municipality: [],
    organisation: [],
    app_user: [],
    citizen: [],
    mentor_grant: [],
    grant_minutes: [],
    mentor_course: [],
    course_mentor_period: [],
    mentor_profile: [],
    mentor_training: [],
    mentor_certification: [],
    mentor_upskilling: [],
    mentor_supervision: [],
    recruitment_requirement: [],
    recruitment_assessment: [],
    profile_suggestion: [],
  };
  const user = (municipalityId, organisationId, username, role) => {
    const id = randomUUID();
    rows.app_user.push([id, municipalityId, organisationId, username, person(), role, passwordHash]);
    return id;
  };
  const providers = ['Mentorhuset', 'Vejen Videre', 'Mentorgruppen', 'Brobyg Mentor', 'Næste Skridt'];
  const internals = ['Jobcenter', 'Center for Jobindsats', 'Center for Afklaring og Beskæftigelse'];

  const largestPopulation = Math.max(...MUNICIPALITIES.map(([, , population]) => population));
  MUNICIPALITIES.forEach(([code, name, population], m) => {
    const municipalityId = randomUUID();
    rows.municipality.push([municipalityId, code, `${name} Kommune`]);
    const internalCount = population >= 300 ? 3 : population >= 100 ? 2 : 1;
    const externalCount = population >= 300 ? 5 : population >= 100 ? 3 : population >= 40 ? 2 : 1;
    const orgs = [];
    for (let i = 0; i < internalCount; i++) {
      orgs.push({ id: randomUUID(), kind: 'internal_centre', name: `${internals[i]} ${name}`, mentors: [] });
    }
    for (let i = 0; i < externalCount; i++) {
      orgs.push({
        id: randomUUID(),
        kind: 'external_provider',
        name: `${providers[i]} ${name} ApS`,
        mentors: [],
      });
    }
    for (const org of orgs) rows.organisation.push([org.id, municipalityId, org.kind, org.name]);
    const jobcentre = orgs[0];
    user(municipalityId, jobcentre.id, `admin.${code}`, 'admin');

    // The largest municipality's first external provider is large (the load view's 500 mentors);
    // everywhere else mentors are spread evenly over the organisations.
    const large =
      population === largestPopulation
        ? Math.min(Math.round(LARGE_ORGANISATION_MENTORS * scale), mentorsPer[m] - (orgs.length - 1))
        : 0;
    const others = orgs.filter((org) => org !== orgs[internalCount]);
    const mentors = [];
    for (let j = 0; j < mentorsPer[m]; j++) {
      const org =
        j < large
          ? orgs[internalCount]
          : (large ? others : orgs)[(j - large) % (large ? others : orgs).length];
      const mentor = {
        id: user(municipalityId, org.id, `mentor.${code}.${j + 1}`, 'mentor'),
        org,
        employeeNumber: `${code}-${j + 1}`,
        email: `mentor.${code}.${j + 1}@example.dk`,
      };
      org.mentors.push(mentor);
      mentors.push(mentor);
    }
    const caseworkers = [];
    const caseworkerCount = Math.max(1, Math.round(citizensPer[m] / CITIZENS_PER_CASEWORKER));
    for (let j = 0; j < caseworkerCount; j++) {
      caseworkers.push(user(municipalityId, jobcentre.id, `sagsbehandler.${code}.${j + 1}`, 'caseworker'));
    }
    let leaders = 0;
    for (const org of orgs) {
      const staff = org.mentors.length + (org === jobcentre ? caseworkerCount : 0);
      org.leaders = [];
      for (let j = 0; j < 1 + Math.floor(staff / MENTORS_PER_TEAM_LEADER); j++) {
        org.leaders.push(user(municipalityId, org.id, `teamleder.${code}.${++leaders}`, 'team_leader'));
      }
      workforce({ rng, rows, today, municipalityId, org });
    }

    for (let i = 0; i < citizensPer[m]; i++) {
      // Citizen with a synthetic CPR number, unique nationally (and so per municipality).
      let digits;
      do {
        const born = addDays('1962-01-01', rng.int(0, daysBetween('1962-01-01', '2004-12-31')));
        const [yyyy, mm, dd] = born.split('-');
        const seventh = Number(yyyy) >= 2000 ? 4 : rng.int(0, 3);
        digits = `${dd}${mm}${yyyy.slice(2)}${seventh}${String(rng.int(0, 999)).padStart(3, '0')}`;
      } while (usedCpr.has(digits));
      usedCpr.add(digits);
      const citizenId = randomUUID();
      const caseworkerId = caseworkers[i % caseworkers.length];
      const home = rng.next() < 0.25;
      rows.citizen.push([
        citizenId,
        municipalityId,
        person(),
        cipher.encrypt(digits),
        cipher.hash(digits),
        `${digits.slice(0, 6)}-XXXX`,
        rng.next() < 0.8 ? `+45 ${rng.int(20_000_000, 99_999_999)}` : null,
        rng.next() < 0.3 ? `borger.${code}.${i + 1}@example.dk` : null,
        `${rng.pick(STREETS)} ${rng.int(1, 120)}, ${name}`,
        home ? 'home' : 'out_of_home',
        home ? 'Kan i perioder ikke forlade hjemmet.' : null,
        rng.weighted([
          [ENUMS.targetGroup[0], 45],
          [ENUMS.targetGroup[1], 20],
          [ENUMS.targetGroup[2], 25],
          [ENUMS.targetGroup.at(-1), 10],
        ]),
        caseworkerId,
      ]);

      // One grant and one course per citizen; the grant runs six months from 100-175 days ago.
      const status = rng.weighted([
        ['active', 85],
        ['paused', 4],
        ['planned', 3],
        ['ended', 8],
      ]);
      const mentor = status === 'planned' ? null : mentors[i % mentors.length];
      const org = mentor ? mentor.org : orgs[i % orgs.length];
      const started = rng.int(100, 175);
      const startsOn = addDays(today, -started);
      const endsOn = addMonths(startsOn, 6);
      const endedOn = status === 'ended' ? addDays(startsOn, rng.int(30, started - 1)) : null;
      const grantId = randomUUID();
      const courseId = randomUUID();
      const minutes = rng.weighted([
        [30, 30],
        [45, 45],
        [60, 10],
        [90, 10],
        [120, 5],
      ]);
      const goals = rng.sample(GOALS, rng.int(1, 3)).map((text) => ({ id: randomUUID(), text }));
      rows.mentor_grant.push([
        grantId,
        municipalityId,
        citizenId,
        caseworkerId,
        rng.next() < 0.7 ? 'holistic' : 'retention',
        rng.pick(PURPOSES),
        rng.pick(TASKS),
        JSON.stringify(goals),
        startsOn,
        endsOn,
        org.id,
      ]);
      rows.grant_minutes.push([municipalityId, grantId, minutes, startsOn, caseworkerId]);
      const lastDay = endedOn ?? addDays(today, -1);
      if (rng.next() < 0.15 && daysBetween(startsOn, lastDay) > 42) {
        const change = rng.pick([-15, 15, 30]);
        rows.grant_minutes.push([
          municipalityId,
          grantId,
          Math.max(15, minutes + change),
          addDays(startsOn, rng.int(28, daysBetween(startsOn, lastDay) - 7)),
          caseworkerId,
        ]);
      }
      rows.mentor_course.push([
        courseId,
        municipalityId,
        grantId,
        org.id,
        mentor?.id ?? null,
        status,
        status === 'ended' ? rng.pick(ENUMS.endReason) : null,
        endedOn,
      ]);
      if (mentor) {
        // One in ten courses changed mentor once: the earlier period ends the day the next begins.
        const colleagues = org.mentors.filter((other) => other !== mentor);
        if (colleagues.length && rng.next() < 0.1 && daysBetween(startsOn, lastDay) > 28) {
          const switched = addDays(startsOn, rng.int(7, daysBetween(startsOn, lastDay) - 14));
          const previous = rng.pick(colleagues);
          rows.course_mentor_period.push([
            municipalityId,
            courseId,
            previous.id,
            startsOn,
            switched,
            caseworkerId,
          ]);
          rows.course_mentor_period.push([
            municipalityId,
            courseId,
            mentor.id,
            switched,
            endedOn,
            caseworkerId,
          ]);
        } else {
          rows.course_mentor_period.push([
            municipalityId,
            courseId,
            mentor.id,
            startsOn,
            endedOn,
            caseworkerId,
          ]);
        }
      }
    }
  });
  return rows;
}

/** Columns Node loads per table: [name, array type]; version is 1 throughout. */
const COLUMNS = {
  municipality: [
    ['id', 'uuid'],
    ['code', 'smallint'],
    ['name', 'text'],
  ],
  organisation: [
    ['id', 'uuid'],
    ['municipality_id', 'uuid'],
    ['kind', 'text'],
    ['name', 'text'],
  ],
  app_user: [
    ['id', 'uuid'],
    ['municipality_id', 'uuid'],
    ['organisation_id', 'uuid'],
    ['username', 'text'],
    ['name', 'text'],
    ['role', 'text'],
    ['password_hash', 'text'],
  ],
  citizen: [
    ['id', 'uuid'],
    ['municipality_id', 'uuid'],
    ['name', 'text'],
    ['cpr_encrypted', 'bytea'],
    ['cpr_hash', 'text'],
    ['cpr_masked', 'text'],
    ['phone', 'text'],
    ['email', 'text'],
    ['address', 'text'],
    ['preferred_meeting_place', 'text'],
    ['meeting_place_reason', 'text'],
    ['target_group', 'text'],
    ['caseworker_id', 'uuid'],
  ],
  mentor_grant: [
    ['id', 'uuid'],
    ['municipality_id', 'uuid'],
    ['citizen_id', 'uuid'],
    ['caseworker_id', 'uuid'],
    ['mentor_type', 'text'],
    ['purpose', 'text'],
    ['tasks', 'text'],
    ['goals', 'jsonb'],
    ['starts_on', 'date'],
    ['ends_on', 'date'],
    ['delivering_organisation_id', 'uuid'],
  ],
  grant_minutes: [
    ['municipality_id', 'uuid'],
    ['grant_id', 'uuid'],
    ['minutes_per_week', 'int'],
    ['effective_from', 'date'],
    ['created_by', 'uuid'],
  ],
  mentor_course: [
    ['id', 'uuid'],
    ['municipality_id', 'uuid'],
    ['grant_id', 'uuid'],
    ['organisation_id', 'uuid'],
    ['mentor_id', 'uuid'],
    ['status', 'text'],
    ['end_reason', 'text'],
    ['ended_on', 'date'],
  ],
  course_mentor_period: [
    ['municipality_id', 'uuid'],
    ['course_id', 'uuid'],
    ['mentor_id', 'uuid'],
    ['from_date', 'date'],
    ['to_date', 'date'],
    ['changed_by', 'uuid'],
  ],
  mentor_profile: [
    ['municipality_id', 'uuid'],
    ['mentor_id', 'uuid'],
    ['organisation_id', 'uuid'],
    ['employee_number', 'text'],
    ['email', 'text'],
    ['gender', 'text'],
    ['birth_year', 'smallint'],
    ['education_level', 'text'],
    ['professional_background', 'text'],
    ['target_group_experience', 'boolean'],
    ['target_group_experience_years', 'smallint'],
    ['mentor_since', 'date'],
    ['mentor_types', 'varchar[]'],
    ['specialisations', 'varchar[]'],
    ['capacity_minutes_per_week', 'int'],
    ['upskilling_wishes', 'varchar[]'],
  ],
  mentor_training: [
    ['municipality_id', 'uuid'],
    ['mentor_id', 'uuid'],
    ['kind', 'text'],
    ['provider', 'text'],
    ['length_days', 'smallint'],
    ['completed_on', 'date'],
    ['felt_well_equipped', 'boolean'],
  ],
  mentor_certification: [
    ['municipality_id', 'uuid'],
    ['mentor_id', 'uuid'],
    ['certified_on', 'date'],
    ['renewal_due_on', 'date'],
    ['basis', 'varchar[]'],
    ['certified_by', 'uuid'],
  ],
  mentor_upskilling: [
    ['municipality_id', 'uuid'],
    ['mentor_id', 'uuid'],
    ['topic', 'text'],
    ['offered_on', 'date'],
    ['taken', 'boolean'],
  ],
  mentor_supervision: [
    ['municipality_id', 'uuid'],
    ['mentor_id', 'uuid'],
    ['kind', 'text'],
    ['held_on', 'date'],
  ],
  recruitment_requirement: [
    ['municipality_id', 'uuid'],
    ['organisation_id', 'uuid'],
    ['competency', 'text'],
  ],
  recruitment_assessment: [
    ['municipality_id', 'uuid'],
    ['mentor_id', 'uuid'],
    ['competency', 'text'],
    ['met', 'boolean'],
  ],
  profile_suggestion: [
    ['municipality_id', 'uuid'],
    ['mentor_id', 'uuid'],
    ['changes', 'jsonb'],
    ['status', 'text'],
  ],
};
const VERSIONED = new Set([
  'organisation',
  'app_user',
  'citizen',
  'mentor_grant',
  'mentor_course',
  'mentor_profile',
  'mentor_training',
  'mentor_certification',
  'mentor_upskilling',
  'mentor_supervision',
]);

async function insertRows(client, table, rows) {
  const columns = COLUMNS[table];
  const names = columns.map(([name]) => name);
  // unnest() flattens arrays of arrays, so an array column travels as its text literal and is cast back.
  const casts = columns.map(([, type], i) => `$${i + 1}::${type.endsWith('[]') ? 'text' : type}[]`);
  const selects = columns.map(([name, type]) => (type.endsWith('[]') ? `u.${name}::${type}` : `u.${name}`));
  const version = VERSIONED.has(table);
  const sql =
    `INSERT INTO ${table} (${names.join(', ')}${version ? ', version' : ''}) ` +
    `SELECT ${selects.join(', ')}${version ? ', 1' : ''} FROM unnest(${casts.join(', ')}) AS u(${names.join(', ')})`;
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    await client.query(
      sql,
      columns.map((_, i) => batch.map((row) => row[i])),
    );
  }
}

/** SQL array literal of text values (the values come from the domain enums and data.mjs). */
const textArray = (values) => `ARRAY[${values.map(quote).join(', ')}]`;

/** Array literals `{a,b}` of 1-3 topics and 0-2 kinds of help, drawn once, indexed per contact. */
function combos(rng) {
  const topics = [];
  const help = [];
  for (let i = 0; i < 64; i++) {
    topics.push(`{${rng.sample(ENUMS.contactTopic, rng.int(1, 3)).join(',')}}`);
    help.push(
      `{${rng
        .sample(
          ENUMS.helpGiven,
          rng.weighted([
            [0, 25],
            [1, 50],
            [2, 25],
          ]),
        )
        .join(',')}}`,
    );
  }
  return { topics, help };
}

/** The contacts of the courses with `no % jobs = job`, in one statement (OFFSET 0 keeps each level's random() draws). */
function contactInsertSql({ jobs, job, combo }) {
  return `
    INSERT INTO contact (municipality_id, course_id, contact_date, start_time, minutes, form, showed_up, topics, help,
                         note, transport_minutes, idempotency_key, request_hash, created_by, created_at, updated_at,
                         deleted_by, deleted_at, version)
    SELECT s.municipality_id, s.course_id, s.d, s.t, s.minutes, s.form, s.showed_up, s.topics, s.help, s.note,
           s.transport, s.key, encode(sha256(convert_to(s.key, 'UTF8')), 'hex'), s.author, s.at, s.at,
           CASE WHEN s.deleted THEN s.author END,
           CASE WHEN s.deleted THEN LEAST(s.at + interval '1 day', now()) END, 1
      FROM (
        SELECT q.*, ((q.d + q.t) AT TIME ZONE 'Europe/Copenhagen') + make_interval(mins => q.minutes + q.lag) AS at
          FROM (
            SELECT f.*,
                   CASE f.form WHEN 'in_person_home' THEN 10 + floor(30 * f.m * f.m)
                               WHEN 'phone' THEN 2 + floor(12 * f.m * f.m)
                               WHEN 'video' THEN 5 + floor(15 * f.m * f.m)
                               WHEN 'sms' THEN 1 + floor(4 * f.m)
                               WHEN 'email' THEN 1 + floor(4 * f.m)
                               ELSE 5 + floor(21 * f.m * f.m) END::int AS minutes,
                   CASE WHEN f.form LIKE 'in_person%' AND f.tr < 0.5 THEN 5 + floor(f.tr * 70)::int END AS transport
              FROM (
                SELECT r.*,
                       CASE WHEN r.f < 0.15 THEN 'in_person_home' WHEN r.f < 0.35 THEN 'in_person_jobcentre'
                            WHEN r.f < 0.65 THEN 'in_person_provider' WHEN r.f < 0.85 THEN 'in_person_elsewhere'
                            WHEN r.f < 0.93 THEN 'phone' WHEN r.f < 0.96 THEN 'sms' WHEN r.f < 0.98 THEN 'email'
                            ELSE 'video' END AS form,
                       CASE WHEN r.prev_mentor_id IS NOT NULL AND r.d < r.switch_date THEN r.prev_mentor_id
                            ELSE r.mentor_id END AS author
                  FROM (
                    SELECT c.municipality_id, c.course_id, c.mentor_id, c.prev_mentor_id, c.switch_date,
                           c.first_day + floor(random() * (c.last_day - c.first_day + 1))::int AS d,
                           make_time(8 + floor(random() * 8)::int, (floor(random() * 12) * 5)::int, 0) AS t,
                           random() AS f, random() AS m, random() AS tr,
                           random() < 0.93 AS showed_up,
                           (${textArray(combo.topics)})[1 + floor(random() * ${combo.topics.length})::int]::varchar(30)[] AS topics,
                           (${textArray(combo.help)})[1 + floor(random() * ${combo.help.length})::int]::varchar(40)[] AS help,
                           CASE WHEN random() < 0.3 THEN (${textArray(NOTES)})[1 + floor(random() * ${NOTES.length})::int] END AS note,
                           'gen-' || c.no || '-' || k AS key,
                           floor(random() * 240)::int AS lag,
                           random() < 0.005 AS deleted
                      FROM bench_gen.cplan c CROSS JOIN LATERAL generate_series(1, c.n_contacts) AS k
                     WHERE c.no % ${jobs} = ${job}
                    OFFSET 0) r
                OFFSET 0) f
            OFFSET 0) q
        OFFSET 0) s`;
}

/** Per-course contact counts: the target spread by (days inside the window) x (granted minutes). */
function contactPlanSql({ today, target }) {
  const day = `${quote(today)}::date`;
  return `
    CREATE UNLOGGED TABLE bench_gen.cplan AS
    WITH base AS (
      SELECT co.id AS course_id, co.municipality_id, co.mentor_id,
             prev.mentor_id AS prev_mentor_id, prev.to_date AS switch_date,
             GREATEST(g.starts_on, ${day} - 181) AS first_day,
             LEAST(COALESCE(co.ended_on, ${day} - 1), ${day} - 1, g.ends_on) AS last_day,
             gm.minutes_per_week AS granted
        FROM mentor_course co
        JOIN mentor_grant g ON g.id = co.grant_id
        JOIN grant_minutes gm ON gm.grant_id = g.id AND gm.effective_from = g.starts_on
        LEFT JOIN course_mentor_period prev
          ON prev.course_id = co.id AND prev.mentor_id <> co.mentor_id AND prev.to_date IS NOT NULL
       WHERE co.mentor_id IS NOT NULL),
    weighted AS (
      SELECT b.*, (b.last_day - b.first_day + 1) * b.granted::float8 AS weight,
             row_number() OVER (ORDER BY b.course_id) AS no
        FROM base b WHERE b.last_day >= b.first_day),
    counted AS (
      SELECT w.*, floor(${target} * w.weight / sum(w.weight) OVER ())::int AS base_n FROM weighted w),
    summed AS (SELECT c.*, sum(c.base_n) OVER () AS total_base FROM counted c)
    SELECT s.no, s.course_id, s.municipality_id, s.mentor_id, s.prev_mentor_id, s.switch_date, s.first_day,
           s.last_day, s.base_n + CASE WHEN s.no <= ${target} - s.total_base THEN 1 ELSE 0 END AS n_contacts
      FROM summed s`;
}

/**
 * An acknowledged handover packet for every mentor period (contacts are logged only on a course whose
 * current mentor acknowledged theirs): sent by the caseworker who assigned the mentor three days
 * before the period began and acknowledged the next day; a course's first packet comes from the
 * grant, a later one from the course. The acknowledge-by day is three working days on, taken as
 * five calendar days (holidays aside: the bench never reads it).
 */
export function handoverInsertSql() {
  return `
    INSERT INTO handover_packet (municipality_id, course_id, mentor_id, mentor_period_id, status, source, content,
                                 created_by, sent_at, sent_by, acknowledge_by, acknowledged_at, acknowledged_by,
                                 created_at, updated_at, version)
    SELECT p.municipality_id, p.course_id, p.mentor_id, p.id, 'acknowledged',
           CASE WHEN p.n = 1 THEN 'grant' ELSE 'course' END,
           jsonb_build_object(
             'background', 'Borgeren har været ledig i flere år og ønsker at komme i gang igen.',
             'purpose', g.purpose,
             'goals', (SELECT COALESCE(jsonb_agg(goal->>'text'), '[]') FROM jsonb_array_elements(g.goals) goal),
             'knownBarriers', 'Usikker økonomi og dårlig søvn.',
             'triedBefore', 'Virksomhedspraktik, afbrudt efter tre uger.',
             'contactPreferences', jsonb_build_object('meetingPlace', ci.preferred_meeting_place,
               'meetingPlaceReason', COALESCE(ci.meeting_place_reason, ''), 'times', 'Formiddage', 'forms', '[]'::jsonb),
             'safetyNotes', '', 'otherActors', '[]'::jsonb,
             'firstSteps', jsonb_build_array('Første møde uden for hjemmet', 'Lave en ugeplan sammen'),
             'courseSoFar', ''),
           p.changed_by, p.sent_at, p.changed_by, (p.sent_at)::date + 5, p.sent_at + interval '1 day', p.mentor_id,
           p.sent_at, p.sent_at + interval '1 day', 1
      FROM (SELECT mp.*, (mp.from_date - 3) + time '10:00' AS sent_at,
                   row_number() OVER (PARTITION BY mp.course_id ORDER BY mp.from_date, mp.created_at) AS n
              FROM course_mentor_period mp) p
      JOIN mentor_course co ON co.id = p.course_id
      JOIN mentor_grant g ON g.id = co.grant_id
      JOIN citizen ci ON ci.id = g.citizen_id`;
}

/** Indexes and constraints of the public schema, to drop around the contact load and to check after. */
async function schemaObjects(client) {
  const { rows: indexes } = await client.query(
    `SELECT tablename AS table, indexname AS name, indexdef AS def FROM pg_indexes
      WHERE schemaname = 'public' ORDER BY tablename, indexname`,
  );
  const { rows: constraints } = await client.query(
    `SELECT conrelid::regclass::text AS table, conname AS name, contype AS type,
            pg_get_constraintdef(oid) AS def, confrelid::regclass::text AS references
       FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype IN ('p', 'u', 'f')
      ORDER BY conrelid::regclass::text, conname`,
  );
  return { indexes, constraints };
}

export async function generate({ adminUrl, dbName, scale, seed = 1, jobs = 2, log = console.log }) {
  const started = performance.now();
  const url = databaseUrl(adminUrl, dbName);
  const timings = {};
  const today = todayInDenmark();

  log(`Database: ${dbName} on ${new URL(adminUrl).host} (dropped and created)`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${dbName}"`);
  } finally {
    await admin.end();
  }

  let t = performance.now();
  const migrate = spawnSync(process.execPath, ['dist/api/db-cli.js', 'migrate'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) {
    throw new Error(`db-cli migrate failed (exit ${migrate.status}):\n${migrate.stdout}${migrate.stderr}`);
  }
  timings.migrateMs = performance.now() - t;
  log(`Migrations: ${migrate.stdout.trim().split('\n').at(-1)} (${secs(timings.migrateMs)})`);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const tables = {};
  try {
    await client.query(`SET synchronous_commit = off`);
    await client.query(`SET maintenance_work_mem = '1GB'`);
    await client.query(`SET work_mem = '256MB'`);
    const migrated = await schemaObjects(client);
    // The course lists' read model would be recomputed for each batch of every table it is made from;
    // it is made once from its source after the load instead.
    const overviewTriggers = (
      await client.query(
        `SELECT tgrelid::regclass::text AS "table", tgname AS name FROM pg_trigger
          WHERE NOT tgisinternal AND tgname LIKE '%course_overview'`,
      )
    ).rows;
    for (const trigger of overviewTriggers)
      await client.query(`ALTER TABLE "${trigger.table}" DISABLE TRIGGER "${trigger.name}"`);

    t = performance.now();
    const passwordHash = await argon2.hash('demo');
    const rows = plan({ scale, seed, passwordHash, today });
    timings.planMs = performance.now() - t;
    log(
      `Planned in Node (argon2 hash once, ${fmt(rows.citizen.length)} CPR numbers encrypted): ${secs(timings.planMs)}`,
    );

    log('');
    log(`${'table'.padEnd(22)} ${'rows'.padStart(11)} ${'seconds'.padStart(8)} ${'rows/s'.padStart(11)}`);
    const report = (table, count, ms) => {
      tables[table] = { rows: count, seconds: ms / 1000, rowsPerSecond: count / (ms / 1000) };
      log(
        `${table.padEnd(22)} ${fmt(count).padStart(11)} ${(ms / 1000).toFixed(2).padStart(8)} ${fmt(
          count / (ms / 1000),
        ).padStart(11)}`,
      );
    };
    for (const table of Object.keys(COLUMNS)) {
      t = performance.now();
      await client.query('BEGIN');
      await insertRows(client, table, rows[table]);
      await client.query('COMMIT');
      report(table, rows[table].length, performance.now() - t);
    }
    t = performance.now();
    const packets = await client.query(handoverInsertSql());
    report('handover_packet', packets.rowCount, performance.now() - t);

    // Contacts: drop the contact table's indexes and foreign keys (and those pointing at it), load,
    // recreate them from the definitions the migrations made.
    const contactConstraints = migrated.constraints.filter(
      (c) => c.table === 'contact' || c.references === 'contact',
    );
    const constraintNames = new Set(contactConstraints.map((c) => c.name));
    const contactIndexes = migrated.indexes.filter(
      (i) => i.table === 'contact' && !constraintNames.has(i.name),
    );
    t = performance.now();
    for (const c of contactConstraints.filter((x) => x.type === 'f')) {
      await client.query(`ALTER TABLE "${c.table}" DROP CONSTRAINT "${c.name}"`);
    }
    for (const c of contactConstraints.filter((x) => x.type !== 'f')) {
      await client.query(`ALTER TABLE "${c.table}" DROP CONSTRAINT "${c.name}"`);
    }
    for (const i of contactIndexes) await client.query(`DROP INDEX "${i.name}"`);
    // The trigger that keeps course_minutes would recount per row; rebuild_course_totals() counts once after.
    await client.query('ALTER TABLE contact DISABLE TRIGGER USER');

    const target = Math.round(FULL_SCALE.contacts * scale);
    await client.query('CREATE SCHEMA bench_gen');
    await client.query(contactPlanSql({ today, target }));
    const combo = combos(prng(seed + 1));
    const loadStart = performance.now();
    const workers = Array.from({ length: jobs }, async (_, job) => {
      const worker = new pg.Client({ connectionString: url });
      await worker.connect();
      try {
        await worker.query(`SET synchronous_commit = off`);
        await worker.query(`SELECT setseed(${(seed % 97) / 100 + job / 1000})`);
        return (await worker.query(contactInsertSql({ jobs, job, combo }))).rowCount;
      } finally {
        await worker.end();
      }
    });
    const loaded = (await Promise.all(workers)).reduce((a, b) => a + b, 0);
    report(`contact (${jobs} jobs)`, loaded, performance.now() - loadStart);

    t = performance.now();
    const corrections = await client.query(
      `INSERT INTO contact (municipality_id, course_id, contact_date, start_time, minutes, form, showed_up, topics,
                            help, note, transport_minutes, corrects_contact_id, request_hash, created_by, created_at,
                            updated_at, version)
       SELECT municipality_id, course_id, contact_date, start_time, LEAST(600, minutes + 5), form, showed_up, topics,
              help, 'Rettelse: varighed', transport_minutes, id, request_hash, created_by,
              created_at + interval '10 days', created_at + interval '10 days', 1
         FROM contact TABLESAMPLE BERNOULLI (0.3) REPEATABLE (${seed})
        WHERE deleted_at IS NULL AND created_at < now() - interval '21 days'`,
    );
    report('contact (corrections)', corrections.rowCount, performance.now() - t);

    t = performance.now();
    for (const c of contactConstraints.filter((x) => x.type !== 'f')) {
      await client.query(`ALTER TABLE "${c.table}" ADD CONSTRAINT "${c.name}" ${c.def}`);
    }
    for (const i of contactIndexes) await client.query(i.def);
    timings.contactIndexesMs = performance.now() - t;
    log(
      `contact: indexes rebuilt (${[...constraintNames, ...contactIndexes.map((i) => i.name)].filter((n) => !n.startsWith('fk_')).join(', ')}): ${secs(timings.contactIndexesMs)}`,
    );
    t = performance.now();
    for (const c of contactConstraints.filter((x) => x.type === 'f')) {
      await client.query(`ALTER TABLE "${c.table}" ADD CONSTRAINT "${c.name}" ${c.def}`);
    }
    timings.contactForeignKeysMs = performance.now() - t;
    log(`contact: foreign keys re-added and validated: ${secs(timings.contactForeignKeysMs)}`);
    await client.query('DROP SCHEMA bench_gen CASCADE');
    await client.query('ALTER TABLE contact ENABLE TRIGGER USER');
    t = performance.now();
    await client.query('SELECT rebuild_course_totals()');
    timings.courseTotalsMs = performance.now() - t;
    log(
      `course_minutes and last contact dates counted (rebuild_course_totals()): ${secs(timings.courseTotalsMs)}`,
    );
    t = performance.now();
    await client.query('INSERT INTO course_overview SELECT * FROM course_overview_source');
    for (const trigger of overviewTriggers)
      await client.query(`ALTER TABLE "${trigger.table}" ENABLE TRIGGER "${trigger.name}"`);
    timings.courseOverviewMs = performance.now() - t;
    log(
      `course_overview made from course_overview_source, its ${overviewTriggers.length} triggers on again: ${secs(timings.courseOverviewMs)}`,
    );

    t = performance.now();
    await client.query('VACUUM (ANALYZE)');
    timings.vacuumAnalyzeMs = performance.now() - t;
    log(`VACUUM (ANALYZE): ${secs(timings.vacuumAnalyzeMs)}`);

    const now = await schemaObjects(client);
    const key = (o) => `${o.table}.${o.name}: ${o.def}`;
    const missing = [...migrated.indexes, ...migrated.constraints]
      .map(key)
      .filter((k) => ![...now.indexes, ...now.constraints].map(key).includes(k));
    if (missing.length)
      throw new Error(`After the load these differ from the migrations:\n${missing.join('\n')}`);
    log(
      `Schema check: all ${migrated.indexes.length} indexes and ${migrated.constraints.length} keys/constraints of the migrations are in place.`,
    );
  } finally {
    await client.end();
  }
  timings.totalMs = performance.now() - started;
  log(`Generated in ${secs(timings.totalMs)}.`);
  return { database: dbName, scale, seed, today, tables, timings };
}

/** Row counts, sizes and the shape of the data (`knownShape`: as computed when it was generated). */
export async function describe(url, knownShape) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = [
      'municipality',
      'organisation',
      'app_user',
      'citizen',
      'mentor_grant',
      'grant_minutes',
      'mentor_course',
      'course_mentor_period',
      'contact',
      'mentor_profile',
      'mentor_training',
      'mentor_certification',
      'mentor_upskilling',
      'mentor_supervision',
      'session',
      'audit_event',
    ];
    const sizes = {};
    for (const table of tables) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS rows, pg_total_relation_size($1::regclass) AS bytes FROM ${table}`,
        [table],
      );
      sizes[table] = { rows: rows[0].rows, bytes: Number(rows[0].bytes) };
    }
    const one = async (sql) => (await client.query(sql)).rows[0];
    if (knownShape) {
      const databaseBytes = Number((await one(`SELECT pg_database_size(current_database()) AS b`)).b);
      return { sizes, shape: { ...knownShape, databaseBytes } };
    }
    const users = (
      await client.query(`SELECT role, count(*)::int AS n FROM app_user GROUP BY role ORDER BY role`)
    ).rows;
    const shape = {
      usersByRole: Object.fromEntries(users.map((r) => [r.role, r.n])),
      organisations: await one(
        `SELECT count(*) FILTER (WHERE kind = 'internal_centre')::int AS internal,
                count(*) FILTER (WHERE kind = 'external_provider')::int AS external FROM organisation`,
      ),
      coursesByStatus: Object.fromEntries(
        (
          await client.query(
            `SELECT status, count(*)::int AS n FROM mentor_course GROUP BY status ORDER BY status`,
          )
        ).rows.map((r) => [r.status, r.n]),
      ),
      largestOrganisation: await one(
        `SELECT o.name, count(*)::int AS mentors,
                (SELECT count(*)::int FROM mentor_course co WHERE co.organisation_id = o.id AND co.status = 'active')
                  AS "activeCourses"
           FROM app_user u JOIN organisation o ON o.id = u.organisation_id
          WHERE u.role = 'mentor' GROUP BY o.id, o.municipality_id ORDER BY count(*) DESC LIMIT 1`,
      ),
      coursesPerMentor: await one(
        `SELECT round(avg(n), 1)::float AS avg, min(n)::int AS min, max(n)::int AS max FROM (
           SELECT count(*) AS n FROM mentor_course WHERE mentor_id IS NOT NULL GROUP BY mentor_id) x`,
      ),
      citizensPerCaseworker: await one(
        `SELECT round(avg(n), 1)::float AS avg, min(n)::int AS min, max(n)::int AS max FROM (
           SELECT count(*) AS n FROM citizen GROUP BY caseworker_id) x`,
      ),
      grantsUnder60MinPerWeek: Number(
        (
          await one(
            `SELECT avg((gm.minutes_per_week < 60)::int)::float AS share FROM grant_minutes gm
               JOIN mentor_grant g ON g.id = gm.grant_id AND gm.effective_from = g.starts_on`,
          )
        ).share.toFixed(3),
      ),
      contactForms: Object.fromEntries(
        (
          await client.query(
            `SELECT form, round(count(*) * 1.0 / sum(count(*)) OVER (), 3)::float AS share FROM contact
              GROUP BY form ORDER BY 2 DESC`,
          )
        ).rows.map((r) => [r.form, r.share]),
      ),
      weeksWithContactsUnder60Min: Number(
        (
          await one(
            `SELECT avg((m < 60)::int)::float AS share FROM (
               SELECT sum(minutes) AS m FROM contact WHERE deleted_at IS NULL
                GROUP BY course_id, date_trunc('week', contact_date)) w`,
          )
        ).share.toFixed(3),
      ),
      contactsDeleted: (await one(`SELECT count(*)::int AS n FROM contact WHERE deleted_at IS NOT NULL`)).n,
      contactsCorrections: (
        await one(`SELECT count(*)::int AS n FROM contact WHERE corrects_contact_id IS NOT NULL`)
      ).n,
      databaseBytes: Number((await one(`SELECT pg_database_size(current_database()) AS b`)).b),
    };
    return { sizes, shape };
  } finally {
    await client.end();
  }
}
