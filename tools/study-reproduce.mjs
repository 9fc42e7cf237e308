#!/usr/bin/env node
/**
 * `npm run study:reproduce [-- --seed N] [-- --shift]`: reproduces the 2015 study's indicators.
 *
 * Creates a fresh database (on STUDY_DATABASE_URL's or TEST_DATABASE_URL's server, else an embedded
 * PostgreSQL in a temporary directory), runs the app's migrations, and loads a synthetic municipality
 * generated from docs/study/indicators.yaml and the seed: citizens with courses and contacts, mentors
 * with profiles, training, upskilling and supervision, and questionnaire responses, counted so that
 * every share lands on its target. Then it computes the indicators with the API's own code
 * (dist/api/sql.js: the statements and the arithmetic of GET /api/reports/indicators) and prints id,
 * target, system value, difference and N. Exit 0 only when every indicator matches:
 *   - where the study gives N: the population has N and the value is the share k/N nearest the target;
 *   - elsewhere within 0.5 percentage points, or 2 for values the study gave in words (approx);
 *   - values the study gave as bounds fall inside them.
 * `--shift` moves every target by 2 to 4 points (direction and size from the seed) and must match
 * those targets instead. Where targets depend on each other (the shares of a partition, a total and
 * its internal/external parts, a population that is another indicator's numerator) the dependent
 * one is derived, and the table says so. Nothing is typed in by hand: every count below comes from
 * a target.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ensureBuilt } from './ensure-built.mjs';
import { readCatalogue } from './study-catalogue.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const seedArg = args.indexOf('--seed');
const SEED = seedArg === -1 ? 1 : Number(args[seedArg + 1]);
const SHIFT = args.includes('--shift');
if (!Number.isInteger(SEED)) throw new Error('--seed takes a whole number');

// The reporting period: a calendar year whose first and last days are mid-week, so the report reads
// both whole weeks (from the weekly totals) and edge days (from the contacts).
const FROM = '2025-01-01';
const TO = '2025-12-31';
const EPSILON = 1e-9;

// ---------- Randomness ----------

/**
 * The API's build (dist/api/sql.js), loaded in main(): the indicator statements and arithmetic, and
 * the seeded randomness, target counts and answer synthesis the demo data uses too.
 */
let sql;
/** The seeded random source (sql.seededRandom), set in main(). */
let rng;
/** A per-indicator random number in [0, 1): the same id and seed always give the same. */
const idRandom = (id) => createHash('sha256').update(`${SEED}:${id}`).digest().readUInt32BE(0) / 2 ** 32;

// ---------- Targets ----------

const catalogue = readCatalogue();
const byId = new Map(catalogue.map((d) => [d.id, d]));
const targets = new Map();

const clamp = (x) => Math.min(1, Math.max(0, x));
const round4 = (x) => Math.round(x * 10000) / 10000;

/**
 * The shift of an indicator: 2, 3 or 4 points, up or down, from the seed; a share that would leave
 * 0..1 goes the other way. `achievable` (a population fixed by other targets) may refuse a shift.
 */
function shifted(id, share, achievable = () => true) {
  if (!SHIFT) return share;
  const r = idRandom(id);
  const sizes = [2, 3, 4];
  const first = Math.floor(r * 3);
  const sign = r * 6 - Math.floor(r * 6) < 0.5 ? 1 : -1;
  for (let k = 0; k < 6; k++) {
    const size = sizes[(first + (k % 3)) % 3] / 100;
    const direction = k < 3 ? sign : -sign;
    let candidate = share + direction * size;
    if (candidate < 0 || candidate > 1) candidate = share - direction * size;
    candidate = round4(clamp(candidate));
    if (achievable(candidate)) return candidate;
  }
  throw new Error(`${id}: no shift of 2–4 points is reachable`);
}

/**
 * The target of an indicator: its share (or bounds) after any shift, the population it is taken
 * over (the study's N, or the size the dataset gives it), and the tolerance of the check.
 */
function target(id, population, options = {}) {
  const study = byId.get(id)?.study;
  if (!study) throw new Error(`${id} is not in the catalogue`);
  const tolerance = study.approx ? 0.02 : 0.005;
  const n = population;
  let entry;
  if (options.share !== undefined) {
    entry = { id, share: options.share, aim: options.share, n, tolerance };
  } else if (study.value === undefined) {
    // Bounds: aim inside them (the middle of a range; 5 points inside a single bound).
    const delta = SHIFT ? shifted(id, 0.5) - 0.5 : 0;
    const min = study.min === undefined ? undefined : round4(study.min + delta);
    const max = study.max === undefined ? undefined : round4(study.max + delta);
    entry = { id, min, max, aim: sql.targetAim({ min, max }), n, tolerance };
  } else {
    // A shift must stay reachable: within the tolerance where the population is fixed by other
    // targets, and within the room other counts leave (options.maxCount).
    const fits = (share) =>
      (n && !study.n ? nearestWithin(share, n, tolerance) : true) &&
      (options.maxCount === undefined || Math.round(share * n) <= options.maxCount);
    const share = shifted(id, study.value, fits);
    entry = { id, share, aim: share, n, tolerance };
  }
  entry.note = options.note;
  entry.studyN = study.n;
  targets.set(id, entry);
  return entry;
}

/** Whether some k/n lies within the tolerance of the share. */
function nearestWithin(share, n, tolerance) {
  return Math.abs(Math.round(share * n) / n - share) <= tolerance + EPSILON;
}

/** The count of a population of n for a target: the nearest k/n, or inside the bounds. */
const countOf = (entry, n = entry.n) => sql.countForTarget(entry, n, entry.id);

/** A fixed target (derived from others): the share the dependent count makes, with a note why. */
function derived(id, k, n, note) {
  return target(id, n, { share: k / n, note });
}

/**
 * A total over N split into internal and external parts, each with its own target: the population
 * sizes (n_int ≤ internalMax, n_ext ≤ externalMax, n_int + n_ext = N) and counts that hit both
 * parts and, if possible, the total. When the study's total cannot hold with its parts, the total is
 * derived from them.
 */
function splitFamily(totalId, internalId, externalId, N, internalMax, externalMax) {
  const total = totalId ? target(totalId, N) : null;
  const partsFit = (tInt, tExt) => {
    const found = [];
    for (let ni = Math.min(internalMax, N); ni >= 1; ni--) {
      const ne = N - ni;
      if (ne < 1 || ne > externalMax) continue;
      const near = (share, n, tolerance) =>
        [Math.floor(share * n), Math.ceil(share * n)].filter(
          (k) => Math.abs(k / n - share) <= tolerance + EPSILON,
        );
      for (const ki of near(tInt.share, ni, tInt.tolerance))
        for (const ke of near(tExt.share, ne, tExt.tolerance)) found.push({ ni, ne, ki, ke });
    }
    return found;
  };
  const tInt = target(internalId, null);
  const tExt = target(externalId, null);
  const options = partsFit(tInt, tExt);
  if (!options.length) throw new Error(`${internalId}/${externalId}: no populations of ${N} hit both parts`);
  const wanted = total ? countOf(total) : null;
  const chosen = options.find((o) => o.ki + o.ke === wanted) ?? options[0];
  tInt.n = chosen.ni;
  tExt.n = chosen.ne;
  if (total && chosen.ki + chosen.ke !== wanted) {
    const published = total.share ?? total.aim;
    derived(
      totalId,
      chosen.ki + chosen.ke,
      N,
      `derived from its parts: ${pct(published)} of ${N} cannot hold with ${pct(tInt.share)} internal and ${pct(tExt.share)} external (${internalMax} internal mentors)`,
    );
  }
  return chosen;
}

const pct = (share) => `${(share * 100).toFixed(1)} %`;

// ---------- The dataset, from the targets ----------

const N_CITIZENS = byId.get('citizen.sample.holistic_share').study.n; // 20
const N_RECRUITERS = byId.get('recruiter.predefined_requirements').study.n; // 16
/** A population the study gives no N for: 200 responses or mentors resolve half a point. */
const FREE_N = 200;

/** `k` trues among `n`, in a seeded order. */
const flags = (n, k) => rng.shuffle(Array.from({ length: n }, (_, i) => i < k));

function planCitizens() {
  const n = N_CITIZENS;
  const holistic = countOf(target('citizen.sample.holistic_share', n));
  const internal = countOf(target('citizen.sample.internal_mentor_share', n));
  // Most frequent form: a partition of the citizens. Home and elsewhere are free; remote and the
  // in-person total follow from them.
  const home = countOf(target('citizen.contact_form.personal_home', n));
  const elsewhere = countOf(target('citizen.contact_form.personal_elsewhere', n, { maxCount: n - home }));
  const remote = n - home - elsewhere;
  if (SHIFT) {
    derived('citizen.contact_form.remote', remote, n, 'the rest of the partition home / elsewhere / remote');
    derived('citizen.contact_form.personal_total', home + elsewhere, n, 'home + elsewhere');
  } else {
    target('citizen.contact_form.remote', n);
    target('citizen.contact_form.personal_total', n);
  }
  const under = countOf(target('citizen.weekly_contact.under_1h', n));
  const middle = countOf(target('citizen.weekly_contact.1_to_2h', n, { maxCount: n - under }));
  if (SHIFT) derived('citizen.weekly_contact.over_2h', n - under - middle, n, 'the rest of the partition');
  else target('citizen.weekly_contact.over_2h', n);
  const personal = countOf(target('citizen.topic.personal_primary', n));
  const helpPersonal = countOf(target('citizen.help.personal_challenges', n));
  const helpResources = countOf(target('citizen.help.resources_and_labour_market', n));
  const forms = rng.shuffle([
    ...Array(home).fill('home'),
    ...Array(elsewhere).fill('elsewhere'),
    ...Array(remote).fill('remote'),
  ]);
  const bands = rng.shuffle([
    ...Array(under).fill(30),
    ...Array(middle).fill(90),
    ...Array(n - under - middle).fill(150),
  ]);
  const [h, i, p, hp, hr] = [holistic, internal, personal, helpPersonal, helpResources].map((k) =>
    flags(n, k),
  );
  return Array.from({ length: n }, (_, c) => ({
    holistic: h[c],
    internal: i[c],
    form: forms[c],
    weeklyMinutes: bands[c],
    personalPrimary: p[c],
    helpPersonal: hp[c],
    helpResources: hr[c],
  }));
}

/** Survey responses: for each rule, its population answers the question and `k` of them match. */
function planSurvey(kind, responses) {
  return sql.synthesizeSurveyAnswers(kind, responses, {
    answering: (_question, rules) => byId.get(rules[0].indicatorId).study.n ?? Math.min(responses, FREE_N),
    matching: (rule, n) => countOf(target(rule.indicatorId, n)),
    shuffle: (list) => rng.shuffle(list),
  });
}

function planMentors() {
  const N = byId.get('mentor.profile.internal_share').study.n; // 201
  const internal = countOf(target('mentor.profile.internal_share', N));
  const external = N - internal;
  const kinds = rng.shuffle([...Array(internal).fill(true), ...Array(external).fill(false)]);
  const mentors = kinds.map((isInternal) => ({ internal: isInternal }));
  const ofKind = (isInternal) => rng.shuffle(mentors.filter((m) => m.internal === isInternal));
  const assign = (list, k, apply, otherwise) => {
    if (k > list.length) throw new Error(`${k} of ${list.length} mentors cannot be assigned`);
    list.forEach((m, j) => (j < k ? apply(m) : otherwise?.(m)));
  };

  // Box 5.1: every mentor has gender, birth year and education recorded.
  assign(
    rng.shuffle(mentors),
    countOf(target('mentor.profile.women_share', N)),
    (m) => (m.gender = 'female'),
    (m) => (m.gender = 'male'),
  );
  const year = Number(TO.slice(0, 4));
  assign(
    rng.shuffle(mentors),
    countOf(target('mentor.profile.over_40_share', N)),
    (m) => (m.birthYear = year - 55),
    (m) => (m.birthYear = year - 35),
  );
  const longInt = countOf(target('mentor.profile.long_higher_education.internal', internal));
  const longExt = countOf(target('mentor.profile.long_higher_education.external', external));
  assign(ofKind(true), longInt, (m) => (m.education = 'long_higher'));
  assign(ofKind(false), longExt, (m) => (m.education = 'long_higher'));
  const rest = rng.shuffle(mentors.filter((m) => !m.education));
  assign(
    rest,
    countOf(target('mentor.profile.medium_higher_education', N, { maxCount: rest.length })),
    (m) => (m.education = 'medium_higher'),
    (m) => (m.education = 'short_higher'),
  );
  assign(
    ofKind(true),
    countOf(target('mentor.profile.internal_holistic_only', internal)),
    (m) => (m.types = ['holistic']),
    (m) => (m.types = ['holistic', 'retention']),
  );
  assign(
    ofKind(false),
    countOf(target('mentor.profile.external_both_types', external)),
    (m) => (m.types = ['holistic', 'retention']),
    (m) => (m.types = ['retention']),
  );

  // Figure 5.1: experience with the target group, recorded for the study's N, split internal/external.
  const exp = splitFamily(
    'mentor.experience.target_group',
    'mentor.experience.target_group.internal',
    'mentor.experience.target_group.external',
    byId.get('mentor.experience.target_group').study.n,
    internal,
    external,
  );
  const experienced = [];
  for (const [isInternal, n, k] of [
    [true, exp.ni, exp.ki],
    [false, exp.ne, exp.ke],
  ])
    assign(
      ofKind(isInternal).slice(0, n),
      k,
      (m) => {
        m.experience = true;
        experienced.push(m);
      },
      (m) => (m.experience = false),
    );
  // The years are taken over the experienced with years recorded: the study's N of them.
  const yearsN = Math.min(byId.get('mentor.experience.target_group.over_3y').study.n, experienced.length);
  const withYears = rng.shuffle(experienced).slice(0, yearsN);
  const y3 = countOf(target('mentor.experience.target_group.over_3y', yearsN));
  const y6 = countOf(target('mentor.experience.target_group.over_6y', yearsN));
  const y10 = countOf(target('mentor.experience.target_group.over_10y', yearsN));
  if (!(y3 >= y6 && y6 >= y10))
    throw new Error('years of experience: over 3 ≥ over 6 ≥ over 10 does not hold');
  withYears.forEach((m, j) => (m.years = j < y10 ? 12 : j < y6 ? 8 : j < y3 ? 5 : 2));
  if (yearsN !== targets.get('mentor.experience.target_group.over_3y').studyN) {
    for (const id of ['over_3y', 'over_6y', 'over_10y'])
      targets.get(`mentor.experience.target_group.${id}`).note = `N = the experienced mentors (${yearsN})`;
  }

  // Figure 5.2: years as a mentor, recorded for the study's N.
  const asMentor = splitFamily(
    'mentor.experience.as_mentor.over_3y',
    'mentor.experience.as_mentor.over_3y.internal',
    'mentor.experience.as_mentor.over_3y.external',
    byId.get('mentor.experience.as_mentor.over_3y').study.n,
    internal,
    external,
  );
  for (const [isInternal, n, k] of [
    [true, asMentor.ni, asMentor.ki],
    [false, asMentor.ne, asMentor.ke],
  ])
    assign(
      ofKind(isInternal).slice(0, n),
      k,
      (m) => (m.since = `${year - 8}-01-01`),
      (m) => (m.since = `${year - 1}-01-01`),
    );

  // Figures 5.4–5.6: the onboarding.
  const trainedInt = countOf(target('mentor.training.completed.internal', internal));
  const trainedExt = countOf(target('mentor.training.completed.external', external));
  assign(ofKind(true), trainedInt, (m) => (m.onboarding = {}));
  assign(ofKind(false), trainedExt, (m) => (m.onboarding = {}));
  const trained = (isInternal) =>
    rng.shuffle(mentors.filter((m) => m.internal === isInternal && m.onboarding));
  for (const [isInternal, n, kind] of [
    [true, trainedInt, 'internal'],
    [false, trainedExt, 'external'],
  ]) {
    assign(
      trained(isInternal),
      countOf(target(`mentor.training.by_own_workplace.${kind}`, n)),
      (m) => (m.onboarding.kind = 'workplace_programme'),
      (m) => (m.onboarding.kind = 'external_course'),
    );
    assign(
      trained(isInternal),
      countOf(target(`mentor.training.well_equipped.${kind}`, n)),
      (m) => (m.onboarding.well = true),
      (m) => (m.onboarding.well = false),
    );
  }
  const threeToFive = countOf(target('mentor.training.length_3_to_5_days.internal', trainedInt));
  // In the study the two internal lengths make up every internal training; shifted, the second is the rest.
  let overWeek = trainedInt - threeToFive;
  if (SHIFT)
    derived(
      'mentor.training.length_over_1_week.internal',
      overWeek,
      trainedInt,
      'the rest of the internal trainings',
    );
  else overWeek = countOf(target('mentor.training.length_over_1_week.internal', trainedInt));
  trained(true).forEach(
    (m, j) => (m.onboarding.days = j < threeToFive ? 4 : j < threeToFive + overWeek ? 10 : 1),
  );
  assign(
    trained(false),
    countOf(target('mentor.training.length_2_days_or_less.external', trainedExt)),
    (m) => (m.onboarding.days = 2),
    (m) => (m.onboarding.days = 4),
  );

  // Figure 5.7 and box 5.2: upskilling offered and taken in the period.
  const offered = countOf(target('mentor.upskilling.offered', N));
  const lastOffer = splitFamily(
    null,
    'mentor.upskilling.last_offer_within_3_months.internal',
    'mentor.upskilling.last_offer_within_3_months.external',
    offered,
    internal,
    external,
  );
  const offeredMentors = [];
  for (const [isInternal, n, k] of [
    [true, lastOffer.ni, lastOffer.ki],
    [false, lastOffer.ne, lastOffer.ke],
  ])
    assign(
      ofKind(isInternal).slice(0, n),
      k,
      (m) => {
        m.offeredOn = '2025-11-17';
        offeredMentors.push(m);
      },
      (m) => {
        m.offeredOn = '2025-05-12';
        offeredMentors.push(m);
      },
    );
  const takers = rng.shuffle(offeredMentors).slice(0, Math.min(100, offeredMentors.length));
  for (const m of takers) m.taken = [];
  let start = 0;
  for (const topic of [
    'motivational_resource',
    'specific_barriers',
    'goals_progression',
    'employment_oriented',
    'employment_law',
    'conversation_methods',
  ]) {
    const k = countOf(target(`mentor.upskilling.topic.${topic}`, takers.length));
    for (let j = 0; j < k; j++) takers[(start + j) % takers.length].taken.push(topic);
    start = (start + k) % takers.length;
  }
  if (takers.some((m) => m.taken.length === 0))
    throw new Error('every mentor who took upskilling needs a topic');

  // Supervision, sparring and networks in the period.
  for (const [isInternal, n, kind] of [
    [true, internal, 'internal'],
    [false, external, 'external'],
  ]) {
    assign(
      ofKind(isInternal),
      countOf(target(`mentor.supervision.management.${kind}`, n)),
      (m) => (m.supervision = ['management_supervision']),
      (m) => (m.supervision = []),
    );
    assign(ofKind(isInternal), countOf(target(`mentor.network.participates.${kind}`, n)), (m) =>
      m.supervision.push('mentor_network'),
    );
  }
  assign(rng.shuffle(mentors), countOf(target('mentor.sparring.fixed_framework', N)), (m) =>
    m.supervision.push('collegial_sparring'),
  );
  return mentors;
}

// ---------- Loading ----------

async function load(client, plan) {
  const one = async (sql, values) => (await client.query(sql, values)).rows[0].id;
  const municipality = await one(
    `INSERT INTO municipality (code, name) VALUES (999, 'Studieby Kommune') RETURNING id`,
    [],
  );
  const organisations = { internal: [], external: [] };
  for (const [kind, names] of [
    ['internal_centre', ['Center for Jobindsats', 'Center for Afklaring og Beskæftigelse']],
    ['external_provider', ['Mentorhuset ApS', 'Vejen Videre ApS', 'Trin for Trin A/S', 'Brobyggerne I/S']],
  ])
    for (const name of names)
      organisations[kind === 'internal_centre' ? 'internal' : 'external'].push(
        await one(
          `INSERT INTO organisation (municipality_id, kind, name, version) VALUES ($1, $2, $3, 1) RETURNING id`,
          [municipality, kind, name],
        ),
      );
  const orgOf = (isInternal, j) => {
    const list = organisations[isInternal ? 'internal' : 'external'];
    return list[j % list.length];
  };
  let users = 0;
  const user = (organisation, role) =>
    one(
      `INSERT INTO app_user (municipality_id, organisation_id, username, name, role, password_hash, version)
       VALUES ($1, $2, $3, $4, $5, '!', 1) RETURNING id`,
      [municipality, organisation, `studie.${role}.${++users}`, `Studie ${role} ${users}`, role],
    );
  const caseworker = await user(organisations.internal[0], 'caseworker');
  const mentorIds = [];
  for (const [j, m] of plan.mentors.entries()) {
    const organisation = orgOf(m.internal, j);
    const id = await user(organisation, 'mentor');
    mentorIds.push({ id, organisation, internal: m.internal });
    await client.query(
      `INSERT INTO mentor_profile (municipality_id, mentor_id, organisation_id, gender, birth_year, education_level,
                                   target_group_experience, target_group_experience_years, mentor_since, mentor_types, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1)`,
      [
        municipality,
        id,
        organisation,
        m.gender,
        m.birthYear,
        m.education,
        m.experience ?? null,
        m.years ?? null,
        m.since ?? null,
        m.types,
      ],
    );
    if (m.onboarding)
      await client.query(
        `INSERT INTO mentor_training (municipality_id, mentor_id, kind, length_days, completed_on, felt_well_equipped, version)
         VALUES ($1, $2, $3, $4, '2024-06-03', $5, 1)`,
        [municipality, id, m.onboarding.kind, m.onboarding.days, m.onboarding.well],
      );
    if (m.offeredOn) {
      const topics = m.taken?.length ? m.taken : ['employment_law'];
      for (const topic of topics)
        await client.query(
          `INSERT INTO mentor_upskilling (municipality_id, mentor_id, topic, offered_on, taken, version) VALUES ($1, $2, $3, $4, $5, 1)`,
          [municipality, id, topic, m.offeredOn, Boolean(m.taken?.length)],
        );
    }
    for (const kind of m.supervision)
      await client.query(
        `INSERT INTO mentor_supervision (municipality_id, mentor_id, kind, held_on, version) VALUES ($1, $2, $3, '2025-06-02', 1)`,
        [municipality, id, kind],
      );
  }
  // Citizens: one six-month course each inside the period, a contact a week.
  const FORM = { home: 'in_person_home', elsewhere: 'in_person_jobcentre', remote: 'phone' };
  const OTHER = {
    home: ['in_person_jobcentre', 'phone'],
    elsewhere: ['in_person_home', 'sms'],
    remote: ['in_person_home', 'in_person_provider'],
  };
  for (const [c, citizen] of plan.citizens.entries()) {
    const mentor =
      mentorIds.find((m, j) => m.internal === citizen.internal && j >= c) ??
      mentorIds.find((m) => m.internal === citizen.internal);
    const citizenId = await one(
      `INSERT INTO citizen (municipality_id, name, cpr_encrypted, cpr_hash, cpr_masked, preferred_meeting_place, target_group, caseworker_id, version)
       VALUES ($1, $2, '\\x00', $3, '010170-XXXX', 'home', 'activity_ready_cash_benefit_30_plus', $4, 1) RETURNING id`,
      [
        municipality,
        `Studieborger ${c + 1}`,
        createHash('sha256').update(`study-${c}`).digest('hex'),
        caseworker,
      ],
    );
    const grant = await one(
      `INSERT INTO mentor_grant (municipality_id, citizen_id, caseworker_id, mentor_type, purpose, tasks, goals, starts_on, ends_on, delivering_organisation_id, version)
       VALUES ($1, $2, $3, $4, 'Støtte', 'Samtaler', '[]', '2025-03-03', '2025-08-31', $5, 1) RETURNING id`,
      [municipality, citizenId, caseworker, citizen.holistic ? 'holistic' : 'retention', mentor.organisation],
    );
    const course = await one(
      `INSERT INTO mentor_course (municipality_id, grant_id, organisation_id, mentor_id, status, version)
       VALUES ($1, $2, $3, $4, 'active', 1) RETURNING id`,
      [municipality, grant, mentor.organisation, mentor.id],
    );
    // 26 weekly contacts of the citizen's weekly minutes: 26 × minutes over 182 days of course.
    for (let week = 0; week < 26; week++) {
      const date = new Date(Date.UTC(2025, 2, 3 + 7 * week)).toISOString().slice(0, 10);
      const form = week < 16 ? FORM[citizen.form] : OTHER[citizen.form][week % 2];
      const topics = week < 16 === citizen.personalPrimary ? ['personal_matters'] : ['housing'];
      const help = [
        ...(week === 0 && citizen.helpPersonal ? ['personal_challenges'] : []),
        ...(week === 1 && citizen.helpResources ? ['clarifying_resources'] : []),
      ];
      await client.query(
        `INSERT INTO contact (municipality_id, course_id, contact_date, start_time, minutes, form, showed_up, topics, help, created_by, version)
         VALUES ($1, $2, $3, '10:00', $4, $5, true, $6, $7, $8, 1)`,
        [municipality, course, date, citizen.weeklyMinutes, form, topics, help, mentor.id],
      );
    }
  }
  // Questionnaire responses, dated in the period.
  const enteredBy = await user(organisations.internal[0], 'team_leader');
  for (const [kind, responses] of Object.entries(plan.surveys))
    for (const [j, answers] of responses.entries()) {
      const isInternal = j % 5 === 0;
      await client.query(
        `INSERT INTO survey_response (municipality_id, organisation_id, kind, answered_on, mentor_type, answers, entered_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          municipality,
          orgOf(isInternal, j),
          kind,
          `2025-${String((j % 12) + 1).padStart(2, '0')}-15`,
          kind === 'recruiter' ? null : j % 2 ? 'holistic' : 'retention',
          JSON.stringify(answers),
          enteredBy,
        ],
      );
    }
  return municipality;
}

// ---------- The database ----------

async function freshDatabase(sql) {
  const server = process.env.STUDY_DATABASE_URL || process.env.TEST_DATABASE_URL;
  const name = `mentor_study_${Date.now()}_${process.pid}`;
  if (server) {
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      where: `${name} on ${url.host}`,
      async drop() {
        const client = new pg.Client({ connectionString: server });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'mentor-study-'));
  const db = await sql.startEmbeddedPostgres({ dataDir, database: name, log: () => undefined });
  return {
    url: db.url,
    where: `an embedded PostgreSQL in ${dataDir}`,
    async drop() {
      await db.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// ---------- Checking and printing ----------

function check(entry, result) {
  const value = result.value;
  if (value === null) return { ok: false, why: 'no value' };
  if (entry.n && result.denominator !== entry.n)
    return { ok: false, why: `N ${result.denominator}, not ${entry.n}` };
  if (entry.share === undefined) {
    const ok =
      (entry.min === undefined || value >= entry.min - EPSILON) &&
      (entry.max === undefined || value <= entry.max + EPSILON);
    return { ok, why: ok ? '' : 'outside the bounds' };
  }
  // With the study's N: the share k/N nearest the target; else the tolerance of the value.
  const tolerance = entry.studyN ? 0.5 / entry.n : entry.tolerance;
  const ok = Math.abs(value - entry.share) <= tolerance + EPSILON;
  return { ok, why: ok ? '' : `off by more than ${(tolerance * 100).toFixed(2)} points` };
}

function targetText(entry) {
  if (entry.share !== undefined) return pct(entry.share);
  if (entry.min !== undefined && entry.max !== undefined) return `${pct(entry.min)}–${pct(entry.max)}`;
  return entry.min !== undefined ? `> ${pct(entry.min)}` : `< ${pct(entry.max)}`;
}

async function main() {
  console.log(
    `Study reproduction, seed ${SEED}${SHIFT ? ', targets shifted' : ''}: building the API if needed ...`,
  );
  await ensureBuilt({ web: false });
  const require = createRequire(import.meta.url);
  sql = require(join(root, 'dist/api/sql.js'));
  rng = sql.seededRandom(SEED);

  const plan = {
    citizens: planCitizens(),
    mentors: planMentors(),
    surveys: {
      citizen: planSurvey('citizen', N_CITIZENS),
      recruiter: planSurvey('recruiter', N_RECRUITERS),
      mentor: planSurvey('mentor', FREE_N),
    },
  };
  const missing = catalogue.filter((d) => !targets.has(d.id)).map((d) => d.id);
  if (missing.length) throw new Error(`no target for: ${missing.join(', ')}`);

  const database = await freshDatabase(sql);
  try {
    console.log(`Fresh database: ${database.where}; migrating ...`);
    const migrate = spawnSync(process.execPath, ['dist/api/db-cli.js', 'migrate'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    });
    if (migrate.status !== 0) throw new Error(`db-cli migrate failed:\n${migrate.stdout}${migrate.stderr}`);
    const pool = new pg.Pool({ connectionString: database.url, max: 3 });
    try {
      const client = await pool.connect();
      let municipalityId;
      try {
        await client.query('BEGIN');
        municipalityId = await load(client, plan);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
      // The API's own statements and arithmetic, each statement with the API's settings.
      const run = async (text, values) => {
        const c = await pool.connect();
        try {
          await c.query('BEGIN');
          for (const setting of sql.INDICATOR_STATEMENT_SETTINGS) await c.query(setting);
          const { rows } = await c.query(text, values);
          await c.query('COMMIT');
          return rows;
        } finally {
          c.release();
        }
      };
      const scope = {
        municipalityId,
        from: FROM,
        to: TO,
        organisationId: null,
        organisationKind: null,
        mentorType: null,
      };
      const results = sql.indicatorResults(await sql.indicatorCounts(run, scope), false);
      print(results);
    } finally {
      await pool.end();
    }
  } finally {
    await database.drop();
  }
}

function studyText(study) {
  const value =
    study.value !== undefined
      ? pct(study.value)
      : study.min !== undefined && study.max !== undefined
        ? `${pct(study.min)}–${pct(study.max)}`
        : study.min !== undefined
          ? `> ${pct(study.min)}`
          : `< ${pct(study.max)}`;
  return `${study.approx ? '~' : ''}${value}${study.n ? ` N=${study.n}` : ''}`;
}

function print(results) {
  const rows = results.map((result) => {
    const entry = targets.get(result.id);
    const { ok, why } = check(entry, result);
    return {
      id: result.id,
      study: studyText(byId.get(result.id).study),
      target: targetText(entry),
      value: result.value === null ? '–' : pct(result.value),
      diff:
        result.value === null || entry.share === undefined
          ? ''
          : ((result.value - entry.share) * 100).toFixed(2),
      n: `${result.numerator}/${result.denominator}`,
      status: ok ? 'ok' : `NO: ${why}`,
      note: entry.note ? `  (${entry.note})` : '',
    };
  });
  const columns = [
    ['id', 'id', 'left'],
    ['study 2015', 'study'],
    ['target', 'target'],
    ['system', 'value'],
    ['diff', 'diff'],
    ['k/N', 'n'],
  ];
  const widths = columns.map(([title, key]) => Math.max(title.length, ...rows.map((r) => r[key].length)));
  const line = (cells) =>
    cells
      .map((cell, i) => (columns[i][2] === 'left' ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ');
  console.log('');
  console.log(line(columns.map(([title]) => title)));
  for (const r of rows) console.log(`${line(columns.map(([, key]) => r[key]))}  ${r.status}${r.note}`);
  console.log(
    '\nstudy 2015: as published (~ given in words, N its N). target: what this run must reproduce. diff: points.',
  );
  const failed = rows.filter((r) => r.status !== 'ok');
  console.log(
    failed.length
      ? `${failed.length} of ${rows.length} indicators do not match.`
      : `All ${rows.length} indicators match${SHIFT ? ' their shifted targets' : ' the study'}.`,
  );
  process.exitCode = failed.length ? 1 : 0;
}

await main();
