import {
  CONTACT_TOPICS,
  ContactTopic,
  EducationLevel,
  Gender,
  INDICATOR_CATALOGUE,
  IndicatorSource,
  MentorType,
  SupervisionKind,
  SurveyKind,
  TrainingKind,
  UpskillingTopic,
} from '@mentor/domain';
import {
  type CitizenRow,
  citizenIndicators,
  computeIndicators,
  type Count,
  indicatorResults,
  type MentorRow,
  mentorIndicators,
  mostFrequent,
  surveyIndicators,
  weeklyBand,
  WeeklyBand,
} from './indicator-compute';

const topics = (counts: Partial<Record<ContactTopic, number>>) => CONTACT_TOPICS.map((t) => counts[t] ?? 0);

function citizen(overrides: Partial<CitizenRow> = {}): CitizenRow {
  return {
    holistic: true,
    internal: false,
    activeDays: 28,
    minutes: 0,
    formCounts: [0, 0, 0],
    formMinutes: [0, 0, 0],
    topicCounts: topics({}),
    topicMinutes: topics({}),
    helpPersonal: false,
    helpResources: false,
    ...overrides,
  };
}

function mentor(overrides: Partial<MentorRow> = {}): MentorRow {
  return {
    internal: false,
    gender: null,
    birthYear: null,
    educationLevel: null,
    mentorTypes: [],
    targetGroupExperience: null,
    targetGroupExperienceYears: null,
    mentorSince: null,
    onboarding: null,
    offeredInPeriod: false,
    lastOfferOn: null,
    takenTopics: [],
    supervisionKinds: [],
    ...overrides,
  };
}

const count = (numerator: number, denominator: number): Count => ({ numerator, denominator });

describe('the most frequent form or topic', () => {
  it('is the one with the most contacts', () => {
    expect(mostFrequent([1, 3, 2], [100, 10, 10])).toBe(1);
  });

  it('goes to the one with more minutes on a tie of contacts', () => {
    expect(mostFrequent([2, 2, 1], [30, 45, 300])).toBe(1);
  });

  it('goes to the earlier in the study order on a tie of contacts and minutes', () => {
    expect(mostFrequent([0, 2, 2], [0, 40, 40])).toBe(1);
    expect(mostFrequent([2, 0, 2], [40, 0, 40])).toBe(0);
  });

  it('is none without contacts', () => {
    expect(mostFrequent([0, 0, 0], [0, 0, 0])).toBe(-1);
  });
});

describe('weekly contact', () => {
  it('averages minutes over the days of active course, 60 and 120 both in the middle band', () => {
    expect(weeklyBand(59 * 4, 28)).toBe(WeeklyBand.Under1h);
    expect(weeklyBand(60 * 4, 28)).toBe(WeeklyBand.OneToTwoHours);
    expect(weeklyBand(120 * 4, 28)).toBe(WeeklyBand.OneToTwoHours);
    expect(weeklyBand(120 * 4 + 1, 28)).toBe(WeeklyBand.Over2h);
    // 10 days and 90 minutes: 63 minutes a week.
    expect(weeklyBand(90, 10)).toBe(WeeklyBand.OneToTwoHours);
  });

  it('leaves out a citizen with under a week of active course', () => {
    expect(weeklyBand(600, 6)).toBeNull();
    expect(weeklyBand(0, 7)).toBe(WeeklyBand.Under1h);
  });
});

describe('citizen indicators', () => {
  const rows = [
    // Mostly at home.
    citizen({ formCounts: [3, 1, 0], formMinutes: [90, 30, 0], minutes: 120, helpPersonal: true }),
    // Tied home/elsewhere on contacts, more minutes elsewhere.
    citizen({ formCounts: [2, 2, 1], formMinutes: [40, 80, 5], minutes: 125, internal: true }),
    // Mostly by phone.
    citizen({
      formCounts: [0, 1, 4],
      formMinutes: [0, 30, 20],
      minutes: 50,
      holistic: false,
      helpResources: true,
    }),
    // No contact in the period: counted in the sample, left out of the contact indicators.
    citizen({ activeDays: 3 }),
  ];
  const result = citizenIndicators(rows);

  it('counts every citizen in support in the sample shares', () => {
    expect(result['citizen.sample.holistic_share']).toEqual(count(3, 4));
    expect(result['citizen.sample.internal_mentor_share']).toEqual(count(1, 4));
  });

  it('counts each citizen with a contact once, by their most frequent form', () => {
    expect(result['citizen.contact_form.personal_home']).toEqual(count(1, 3));
    expect(result['citizen.contact_form.personal_elsewhere']).toEqual(count(1, 3));
    expect(result['citizen.contact_form.remote']).toEqual(count(1, 3));
    expect(result['citizen.contact_form.personal_total']).toEqual(count(2, 3));
  });

  it('leaves citizens with under a week of active course out of weekly contact', () => {
    // 120, 125 and 50 minutes over 28 days: 30, 31 and 12.5 a week.
    expect(result['citizen.weekly_contact.under_1h']).toEqual(count(3, 3));
    expect(result['citizen.weekly_contact.1_to_2h']).toEqual(count(0, 3));
  });

  it('counts help areas over the citizens with a contact', () => {
    expect(result['citizen.help.personal_challenges']).toEqual(count(1, 3));
    expect(result['citizen.help.resources_and_labour_market']).toEqual(count(1, 3));
  });

  it('takes personal matters as primary only when it is the most frequent topic, ties by minutes then order', () => {
    const topicRows = [
      citizen({ topicCounts: topics({ personal_matters: 3, housing: 1 }), topicMinutes: topics({}) }),
      citizen({
        topicCounts: topics({ personal_matters: 2, housing: 2 }),
        topicMinutes: topics({ personal_matters: 20, housing: 60 }),
      }),
      citizen({
        topicCounts: topics({ personal_matters: 2, finances: 2 }),
        topicMinutes: topics({ personal_matters: 30, finances: 30 }),
      }),
      // No topic tagged: left out.
      citizen({ formCounts: [1, 0, 0], formMinutes: [30, 0, 0] }),
    ];
    expect(citizenIndicators(topicRows)['citizen.topic.personal_primary']).toEqual(count(2, 3));
  });
});

describe('mentor indicators', () => {
  const to = '2026-06-30';
  const rows = [
    mentor({
      internal: true,
      gender: Gender.Female,
      birthYear: 1985,
      educationLevel: EducationLevel.MediumHigher,
      mentorTypes: [MentorType.Holistic],
      targetGroupExperience: true,
      targetGroupExperienceYears: 7,
      mentorSince: '2023-06-29',
      onboarding: { kind: TrainingKind.MunicipalBasicTraining, lengthDays: 5, feltWellEquipped: false },
      offeredInPeriod: true,
      lastOfferOn: '2026-04-01',
      takenTopics: [UpskillingTopic.GoalsProgression],
      supervisionKinds: [SupervisionKind.MentorNetwork],
    }),
    mentor({
      internal: true,
      gender: Gender.Male,
      birthYear: 1986,
      educationLevel: EducationLevel.LongHigher,
      mentorTypes: [MentorType.Holistic, MentorType.Retention],
      targetGroupExperience: false,
      mentorSince: '2023-06-30',
      onboarding: { kind: TrainingKind.Shadowing, lengthDays: 10, feltWellEquipped: true },
      offeredInPeriod: true,
      lastOfferOn: '2026-03-30',
    }),
    mentor({
      gender: Gender.Female,
      educationLevel: EducationLevel.LongHigher,
      mentorTypes: [MentorType.Holistic, MentorType.Retention],
      targetGroupExperience: true,
      targetGroupExperienceYears: null,
      onboarding: { kind: TrainingKind.WorkplaceProgramme, lengthDays: 2, feltWellEquipped: null },
      supervisionKinds: [SupervisionKind.ManagementSupervision, SupervisionKind.CollegialSparring],
    }),
    // Nothing recorded: counted where the population is every mentor, left out elsewhere.
    mentor(),
  ];
  const result = mentorIndicators(rows, to);

  it('leaves mentors without the field recorded out of its denominator', () => {
    expect(result['mentor.profile.women_share']).toEqual(count(2, 3));
    expect(result['mentor.profile.medium_higher_education']).toEqual(count(1, 3));
    expect(result['mentor.profile.long_higher_education.external']).toEqual(count(1, 1));
    expect(result['mentor.profile.long_higher_education.internal']).toEqual(count(1, 2));
    expect(result['mentor.experience.target_group']).toEqual(count(2, 3));
    // Experience without the years recorded is left out of the years.
    expect(result['mentor.experience.target_group.over_6y']).toEqual(count(1, 1));
    expect(result['mentor.experience.target_group.over_10y']).toEqual(count(0, 1));
  });

  it('takes age and years as a mentor at the period end', () => {
    // 2026 − 1985 = 41 > 40; 2026 − 1986 = 40.
    expect(result['mentor.profile.over_40_share']).toEqual(count(1, 2));
    // Since 2023-06-29 is over 3 years before 2026-06-30; 2023-06-30 is exactly 3.
    expect(result['mentor.experience.as_mentor.over_3y']).toEqual(count(1, 2));
    expect(result['mentor.experience.as_mentor.over_3y.internal']).toEqual(count(1, 2));
  });

  it('splits by internal and external', () => {
    expect(result['mentor.profile.internal_share']).toEqual(count(2, 4));
    expect(result['mentor.profile.internal_holistic_only']).toEqual(count(1, 2));
    expect(result['mentor.profile.external_both_types']).toEqual(count(1, 1));
    expect(result['mentor.training.completed.internal']).toEqual(count(2, 2));
    expect(result['mentor.training.completed.external']).toEqual(count(1, 2));
  });

  it('reads the onboarding: who gave it, its length bands and whether it equipped', () => {
    expect(result['mentor.training.by_own_workplace.internal']).toEqual(count(1, 2));
    expect(result['mentor.training.by_own_workplace.external']).toEqual(count(1, 1));
    expect(result['mentor.training.length_3_to_5_days.internal']).toEqual(count(1, 2));
    expect(result['mentor.training.length_over_1_week.internal']).toEqual(count(1, 2));
    expect(result['mentor.training.length_2_days_or_less.external']).toEqual(count(1, 1));
    expect(result['mentor.training.well_equipped.internal']).toEqual(count(1, 2));
    expect(result['mentor.training.well_equipped.external']).toEqual(count(0, 0));
  });

  it('counts upskilling, supervision and networks in the period', () => {
    expect(result['mentor.upskilling.offered']).toEqual(count(2, 4));
    // 2026-04-01 is within three months of 2026-06-30; 2026-03-30 is not.
    expect(result['mentor.upskilling.last_offer_within_3_months.internal']).toEqual(count(1, 2));
    expect(result['mentor.upskilling.last_offer_within_3_months.external']).toEqual(count(0, 0));
    expect(result['mentor.upskilling.topic.goals_progression']).toEqual(count(1, 1));
    expect(result['mentor.upskilling.topic.employment_law']).toEqual(count(0, 1));
    expect(result['mentor.supervision.management.external']).toEqual(count(1, 2));
    expect(result['mentor.sparring.fixed_framework']).toEqual(count(1, 4));
    expect(result['mentor.network.participates.internal']).toEqual(count(1, 2));
  });
});

describe('survey indicators', () => {
  it('count each rule over the responses of its survey that answered the question', () => {
    const result = surveyIndicators([
      { kind: SurveyKind.Recruiter, answers: { easy_to_recruit: false, onboarding_forms: ['sparring'] } },
      { kind: SurveyKind.Recruiter, answers: { easy_to_recruit: true } },
      { kind: SurveyKind.Mentor, answers: { primary_approach: 'professional' } },
      { kind: SurveyKind.Citizen, answers: { time_with_mentor: 'more', makes_difference: true } },
    ]);
    expect(result['recruiter.not_easy_to_recruit']).toEqual(count(1, 2));
    expect(result['recruiter.onboarding.sparring']).toEqual(count(1, 1));
    expect(result['mentor.approach.professional']).toEqual(count(1, 1));
    expect(result['citizen.wants_more_time']).toEqual(count(1, 1));
    expect(result['citizen.outcome.progress']).toEqual(count(0, 0));
  });
});

describe('the report', () => {
  const counts = computeIndicators({ citizens: [], mentors: [], responses: [] }, '2026-06-30');

  it('has a computation for every catalogue id, operational and survey alike', () => {
    expect(Object.keys(counts).sort()).toEqual(INDICATOR_CATALOGUE.map((d) => d.id).sort());
    const sources = new Set(INDICATOR_CATALOGUE.map((d) => d.source));
    expect(sources).toEqual(new Set(Object.values(IndicatorSource)));
  });

  it('answers one entry per catalogue id in its order, with null values for empty denominators', () => {
    const results = indicatorResults(counts, false);
    expect(results.map((r) => r.id)).toEqual(INDICATOR_CATALOGUE.map((d) => d.id));
    expect(results.every((r) => r.value === null && r.denominator === 0 && !r.suppressed)).toBe(true);
    expect(results[0]?.study).toEqual(INDICATOR_CATALOGUE[0]?.study);
  });

  it('withholds denominators from 1 to 4 below the administrator, and only those', () => {
    const withDenominator = (denominator: number) => ({
      ...counts,
      'citizen.sample.holistic_share': count(Math.min(1, denominator), denominator),
    });
    const first = (denominator: number, suppress: boolean) =>
      indicatorResults(withDenominator(denominator), suppress)[0];
    for (const denominator of [1, 4])
      expect(first(denominator, true)).toMatchObject({
        value: null,
        numerator: null,
        denominator: null,
        suppressed: true,
      });
    expect(first(5, true)).toMatchObject({ value: 0.2, numerator: 1, denominator: 5, suppressed: false });
    expect(first(0, true)).toMatchObject({ value: null, denominator: 0, suppressed: false });
    expect(first(3, false)).toMatchObject({ numerator: 1, denominator: 3, suppressed: false });
  });

  it('refuses a catalogue id without a computation', () => {
    const { ['mentor.profile.women_share']: _missing, ...rest } = counts;
    expect(() => indicatorResults(rest, false)).toThrow('mentor.profile.women_share');
  });
});
