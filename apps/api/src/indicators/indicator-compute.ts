import {
  addMonths,
  CONTACT_TOPICS,
  ContactTopic,
  countSurveyRule,
  EducationLevel,
  Gender,
  INDICATOR_CATALOGUE,
  INDICATOR_SUPPRESSION_MAX,
  type IndicatorResult,
  MentorType,
  SupervisionKind,
  SURVEY_INDICATOR_RULES,
  type SurveyAnswers,
  type SurveyKind,
  TrainingKind,
  UpskillingTopic,
} from '@mentor/domain';

/**
 * The indicators' arithmetic, pure: SQL (indicator-queries.ts) sums the records per citizen, per
 * mentor and per response; these functions decide who is in each denominator and numerator. The
 * rules, where the study leaves room (docs/indicators.md):
 *
 * - Citizens are those with a course (not planned) whose grant overlaps the period; a citizen with
 *   several counts once, with their latest course for mentor type and organisation kind.
 * - Contact indicators count the citizen's contacts in the period that count (not deleted, not
 *   replaced by a correction) and where the citizen showed up. A citizen without one is left out.
 * - "Most frequent" form (home / elsewhere in person / phone, SMS, mail, video) and topic: the most
 *   contacts; a tie goes to the one with more minutes, then to the earlier in the study's order
 *   (forms: home, elsewhere, remote; topics: the ContactTopic order, personal matters first).
 * - Weekly contact: the contacts' minutes × 7 / the days of active course in the period (the days
 *   between the grant's start and its end or the course's end); a citizen with under 7 such days is
 *   left out. Under 60, 60 to 120 inclusive, over 120.
 * - Mentors are the active mentor users; a profile field not recorded leaves the mentor out of that
 *   field's indicators. Age and years as a mentor are taken at the period's last day.
 * - A mentor's onboarding is their first training completed by the period's end; "over a week" is
 *   more than 5 days (a working week).
 */

// ---------- Rows as the statements return them ----------

export enum FormCategory {
  Home = 0,
  Elsewhere = 1,
  Remote = 2,
}

export interface CitizenRow {
  /** The latest course's grant is holistic. */
  holistic: boolean;
  /** The latest course's organisation is an internal centre. */
  internal: boolean;
  /** Days of active course inside the period, over the citizen's courses. */
  activeDays: number;
  /** Minutes of the counted, attended contacts in the period. */
  minutes: number;
  /** Contacts per FormCategory, and their minutes. */
  formCounts: number[];
  formMinutes: number[];
  /** Contacts tagged with each topic (CONTACT_TOPICS order), and their minutes. */
  topicCounts: number[];
  topicMinutes: number[];
  helpPersonal: boolean;
  helpResources: boolean;
}

export interface OnboardingRow {
  kind: TrainingKind;
  lengthDays: number | null;
  feltWellEquipped: boolean | null;
}

export interface MentorRow {
  internal: boolean;
  gender: Gender | null;
  birthYear: number | null;
  educationLevel: EducationLevel | null;
  mentorTypes: MentorType[];
  targetGroupExperience: boolean | null;
  targetGroupExperienceYears: number | null;
  mentorSince: string | null;
  onboarding: OnboardingRow | null;
  /** Offered upskilling in the period, and the latest such offer. */
  offeredInPeriod: boolean;
  lastOfferOn: string | null;
  /** Topics of upskilling taken in the period. */
  takenTopics: UpskillingTopic[];
  /** Kinds of supervision, sparring and network sessions held in the period. */
  supervisionKinds: SupervisionKind[];
}

export interface ResponseRow {
  kind: SurveyKind;
  answers: SurveyAnswers;
}

export interface Count {
  numerator: number;
  denominator: number;
}

// ---------- Helpers ----------

/** numerator/denominator over the rows `inPopulation` keeps. */
function share<T>(rows: readonly T[], inPopulation: (row: T) => boolean, counts: (row: T) => boolean): Count {
  let numerator = 0;
  let denominator = 0;
  for (const row of rows) {
    if (!inPopulation(row)) continue;
    denominator++;
    if (counts(row)) numerator++;
  }
  return { numerator, denominator };
}

/**
 * The index of the most frequent item: most `counts`, then most `minutes`, then the lowest index.
 * -1 when every count is 0.
 */
export function mostFrequent(counts: readonly number[], minutes: readonly number[]): number {
  let best = -1;
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i] ?? 0;
    if (count === 0) continue;
    if (best === -1) {
      best = i;
      continue;
    }
    const bestCount = counts[best] ?? 0;
    if (count > bestCount || (count === bestCount && (minutes[i] ?? 0) > (minutes[best] ?? 0))) best = i;
  }
  return best;
}

export enum WeeklyBand {
  Under1h = 'under_1h',
  OneToTwoHours = '1_to_2h',
  Over2h = 'over_2h',
}

/** The band of average weekly minutes (minutes × 7 / days), in whole numbers; null under 7 active days. */
export function weeklyBand(minutes: number, activeDays: number): WeeklyBand | null {
  if (activeDays < 7) return null;
  const weekly7 = minutes * 7;
  if (weekly7 < 60 * activeDays) return WeeklyBand.Under1h;
  if (weekly7 <= 120 * activeDays) return WeeklyBand.OneToTwoHours;
  return WeeklyBand.Over2h;
}

const PERSONAL_TOPIC = CONTACT_TOPICS.indexOf(ContactTopic.PersonalMatters);
const OWN_WORKPLACE: readonly TrainingKind[] = [TrainingKind.WorkplaceProgramme, TrainingKind.Shadowing];

// ---------- Operational indicators ----------

export function citizenIndicators(rows: readonly CitizenRow[]): Record<string, Count> {
  const all = () => true;
  const withContact = (r: CitizenRow) => r.formCounts.some((n) => n > 0);
  const form = (r: CitizenRow) => mostFrequent(r.formCounts, r.formMinutes);
  const topic = (r: CitizenRow) => mostFrequent(r.topicCounts, r.topicMinutes);
  const band = (r: CitizenRow) => weeklyBand(r.minutes, r.activeDays);
  const banded = (r: CitizenRow) => band(r) !== null;
  return {
    'citizen.sample.holistic_share': share(rows, all, (r) => r.holistic),
    'citizen.sample.internal_mentor_share': share(rows, all, (r) => r.internal),
    'citizen.contact_form.personal_home': share(rows, withContact, (r) => form(r) === FormCategory.Home),
    'citizen.contact_form.personal_elsewhere': share(
      rows,
      withContact,
      (r) => form(r) === FormCategory.Elsewhere,
    ),
    'citizen.contact_form.remote': share(rows, withContact, (r) => form(r) === FormCategory.Remote),
    'citizen.contact_form.personal_total': share(rows, withContact, (r) => form(r) !== FormCategory.Remote),
    'citizen.weekly_contact.under_1h': share(rows, banded, (r) => band(r) === WeeklyBand.Under1h),
    'citizen.weekly_contact.1_to_2h': share(rows, banded, (r) => band(r) === WeeklyBand.OneToTwoHours),
    'citizen.weekly_contact.over_2h': share(rows, banded, (r) => band(r) === WeeklyBand.Over2h),
    'citizen.topic.personal_primary': share(
      rows,
      (r) => topic(r) !== -1,
      (r) => topic(r) === PERSONAL_TOPIC,
    ),
    'citizen.help.personal_challenges': share(rows, withContact, (r) => r.helpPersonal),
    'citizen.help.resources_and_labour_market': share(rows, withContact, (r) => r.helpResources),
  };
}

/** Splits an indicator over all mentors into its internal and external variants. */
function byKind(
  rows: readonly MentorRow[],
  id: string,
  population: (r: MentorRow) => boolean,
  counts: (r: MentorRow) => boolean,
  kinds: readonly ('internal' | 'external')[] = ['internal', 'external'],
): Record<string, Count> {
  const out: Record<string, Count> = {};
  for (const kind of kinds)
    out[`${id}.${kind}`] = share(rows, (r) => r.internal === (kind === 'internal') && population(r), counts);
  return out;
}

export function mentorIndicators(rows: readonly MentorRow[], to: string): Record<string, Count> {
  const all = () => true;
  const year = Number(to.slice(0, 4));
  const threeYearsBefore = addMonths(to, -36);
  const threeMonthsBefore = addMonths(to, -3);
  const hasTypes = (r: MentorRow) => r.mentorTypes.length > 0;
  const experienced = (r: MentorRow) =>
    r.targetGroupExperience === true && r.targetGroupExperienceYears !== null;
  const years = (r: MentorRow) => r.targetGroupExperienceYears ?? 0;
  const trained = (r: MentorRow) => r.onboarding !== null;
  const length = (r: MentorRow) => r.onboarding?.lengthDays ?? null;
  const withLength = (r: MentorRow) => length(r) !== null;
  const wellKnown = (r: MentorRow) => r.onboarding !== null && r.onboarding.feltWellEquipped !== null;
  const tookUpskilling = (r: MentorRow) => r.takenTopics.length > 0;
  const took = (topic: UpskillingTopic) => (r: MentorRow) => r.takenTopics.includes(topic);
  const held = (kind: SupervisionKind) => (r: MentorRow) => r.supervisionKinds.includes(kind);
  const overThreeYears = (r: MentorRow) => r.mentorSince !== null && r.mentorSince < threeYearsBefore;
  return {
    'mentor.profile.internal_share': share(rows, all, (r) => r.internal),
    'mentor.profile.women_share': share(
      rows,
      (r) => r.gender !== null,
      (r) => r.gender === Gender.Female,
    ),
    'mentor.profile.over_40_share': share(
      rows,
      (r) => r.birthYear !== null,
      (r) => year - (r.birthYear ?? year) > 40,
    ),
    'mentor.profile.medium_higher_education': share(
      rows,
      (r) => r.educationLevel !== null,
      (r) => r.educationLevel === EducationLevel.MediumHigher,
    ),
    ...byKind(
      rows,
      'mentor.profile.long_higher_education',
      (r) => r.educationLevel !== null,
      (r) => r.educationLevel === EducationLevel.LongHigher,
    ),
    'mentor.profile.internal_holistic_only': share(
      rows,
      (r) => r.internal && hasTypes(r),
      (r) => r.mentorTypes.length === 1 && r.mentorTypes[0] === MentorType.Holistic,
    ),
    'mentor.profile.external_both_types': share(
      rows,
      (r) => !r.internal && hasTypes(r),
      (r) => r.mentorTypes.includes(MentorType.Holistic) && r.mentorTypes.includes(MentorType.Retention),
    ),
    'mentor.experience.target_group': share(
      rows,
      (r) => r.targetGroupExperience !== null,
      (r) => r.targetGroupExperience === true,
    ),
    ...byKind(
      rows,
      'mentor.experience.target_group',
      (r) => r.targetGroupExperience !== null,
      (r) => r.targetGroupExperience === true,
    ),
    'mentor.experience.target_group.over_3y': share(rows, experienced, (r) => years(r) > 3),
    'mentor.experience.target_group.over_6y': share(rows, experienced, (r) => years(r) > 6),
    'mentor.experience.target_group.over_10y': share(rows, experienced, (r) => years(r) > 10),
    'mentor.experience.as_mentor.over_3y': share(rows, (r) => r.mentorSince !== null, overThreeYears),
    ...byKind(rows, 'mentor.experience.as_mentor.over_3y', (r) => r.mentorSince !== null, overThreeYears),
    ...byKind(rows, 'mentor.training.completed', all, trained),
    ...byKind(rows, 'mentor.training.by_own_workplace', trained, (r) =>
      OWN_WORKPLACE.includes(r.onboarding?.kind as TrainingKind),
    ),
    ...byKind(
      rows,
      'mentor.training.length_3_to_5_days',
      withLength,
      (r) => (length(r) ?? 0) >= 3 && (length(r) ?? 0) <= 5,
      ['internal'],
    ),
    ...byKind(rows, 'mentor.training.length_over_1_week', withLength, (r) => (length(r) ?? 0) > 5, [
      'internal',
    ]),
    ...byKind(rows, 'mentor.training.length_2_days_or_less', withLength, (r) => (length(r) ?? 0) <= 2, [
      'external',
    ]),
    ...byKind(
      rows,
      'mentor.training.well_equipped',
      wellKnown,
      (r) => r.onboarding?.feltWellEquipped === true,
    ),
    'mentor.upskilling.offered': share(rows, all, (r) => r.offeredInPeriod),
    ...byKind(
      rows,
      'mentor.upskilling.last_offer_within_3_months',
      (r) => r.offeredInPeriod,
      (r) => r.lastOfferOn !== null && r.lastOfferOn > threeMonthsBefore,
    ),
    'mentor.upskilling.topic.motivational_resource': share(
      rows,
      tookUpskilling,
      took(UpskillingTopic.MotivationalResource),
    ),
    'mentor.upskilling.topic.specific_barriers': share(
      rows,
      tookUpskilling,
      took(UpskillingTopic.SpecificBarriers),
    ),
    'mentor.upskilling.topic.goals_progression': share(
      rows,
      tookUpskilling,
      took(UpskillingTopic.GoalsProgression),
    ),
    'mentor.upskilling.topic.employment_oriented': share(
      rows,
      tookUpskilling,
      took(UpskillingTopic.EmploymentOriented),
    ),
    'mentor.upskilling.topic.employment_law': share(
      rows,
      tookUpskilling,
      took(UpskillingTopic.EmploymentLaw),
    ),
    'mentor.upskilling.topic.conversation_methods': share(
      rows,
      tookUpskilling,
      took(UpskillingTopic.ConversationMethods),
    ),
    ...byKind(rows, 'mentor.supervision.management', all, held(SupervisionKind.ManagementSupervision)),
    'mentor.sparring.fixed_framework': share(rows, all, held(SupervisionKind.CollegialSparring)),
    ...byKind(rows, 'mentor.network.participates', all, held(SupervisionKind.MentorNetwork)),
  };
}

// ---------- Survey indicators ----------

export function surveyIndicators(responses: readonly ResponseRow[]): Record<string, Count> {
  const out: Record<string, Count> = {};
  for (const rule of SURVEY_INDICATOR_RULES) {
    const answers = responses.filter((r) => r.kind === rule.survey).map((r) => r.answers);
    out[rule.indicatorId] = countSurveyRule(rule, answers);
  }
  return out;
}

// ---------- The report ----------

/**
 * One result per catalogue id, in catalogue order: value = numerator/denominator (null for 0), and
 * with `suppress` (roles below admin) denominators from 1 to INDICATOR_SUPPRESSION_MAX withheld.
 */
export function indicatorResults(counts: Record<string, Count>, suppress: boolean): IndicatorResult[] {
  return INDICATOR_CATALOGUE.map((definition) => {
    const count = counts[definition.id];
    if (!count) throw new Error(`no computation for indicator ${definition.id}`);
    const { numerator, denominator } = count;
    const study = { ...definition.study };
    if (suppress && denominator >= 1 && denominator <= INDICATOR_SUPPRESSION_MAX)
      return { id: definition.id, value: null, numerator: null, denominator: null, suppressed: true, study };
    return {
      id: definition.id,
      value: denominator === 0 ? null : numerator / denominator,
      numerator,
      denominator,
      suppressed: false,
      study,
    };
  });
}

/** Every indicator from the three row sets. */
export function computeIndicators(
  rows: { citizens: readonly CitizenRow[]; mentors: readonly MentorRow[]; responses: readonly ResponseRow[] },
  to: string,
): Record<string, Count> {
  return {
    ...citizenIndicators(rows.citizens),
    ...mentorIndicators(rows.mentors, to),
    ...surveyIndicators(rows.responses),
  };
}
