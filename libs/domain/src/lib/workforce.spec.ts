import { MentorType } from './mentoring';
import {
  CertificationStatus,
  certificationState,
  currentCertification,
  deliveryPercent,
  deliveryWindow,
  filterAndSortWorkforce,
  isCertificationValid,
  isIsoDate,
  toFieldErrors,
  utilisationPercent,
  validateCertification,
  validateProfile,
  validateSupervision,
  validateTraining,
  validateUpskillingOffer,
  WorkforceAlert,
  workforceAlerts,
  type AlertInput,
  type WorkforceRow,
} from './workforce';

const TODAY = '2026-03-15';
const codes = (violations: { field: string; code: string }[]) =>
  violations.map((v) => `${v.field}:${v.code}`);

describe('certificationState', () => {
  const cert = (certifiedOn: string, renewalDueOn: string | null) => ({ certifiedOn, renewalDueOn });

  it('is not certified without a certification, or with one dated after today', () => {
    expect(certificationState([], TODAY)).toEqual({
      status: CertificationStatus.NotCertified,
      certifiedOn: null,
      renewalDueOn: null,
    });
    expect(certificationState([cert('2026-03-16', null)], TODAY).status).toBe(
      CertificationStatus.NotCertified,
    );
  });

  it('is certified without a renewal date, or with one more than 60 days away', () => {
    expect(certificationState([cert('2025-01-01', null)], TODAY).status).toBe(CertificationStatus.Certified);
    // 2026-05-15 is 61 days after 2026-03-15.
    expect(certificationState([cert('2025-01-01', '2026-05-15')], TODAY)).toEqual({
      status: CertificationStatus.Certified,
      certifiedOn: '2025-01-01',
      renewalDueOn: '2026-05-15',
    });
  });

  it('is expiring from 60 days before the renewal date up to and including that day', () => {
    expect(certificationState([cert('2025-01-01', '2026-05-14')], TODAY).status).toBe(
      CertificationStatus.Expiring,
    );
    expect(certificationState([cert('2025-01-01', TODAY)], TODAY).status).toBe(CertificationStatus.Expiring);
  });

  it('is expired the day after the renewal date', () => {
    expect(certificationState([cert('2025-01-01', '2026-03-14')], TODAY).status).toBe(
      CertificationStatus.Expired,
    );
  });

  it('follows the latest certification granted by today: a renewal supersedes an expired one', () => {
    const history = [cert('2023-01-01', '2025-01-01'), cert('2025-02-01', '2027-02-01')];
    expect(certificationState(history, TODAY).status).toBe(CertificationStatus.Certified);
    expect(currentCertification(history, TODAY)?.certifiedOn).toBe('2025-02-01');
    // Before the renewal was granted, the old one had expired.
    expect(certificationState(history, '2025-01-20').status).toBe(CertificationStatus.Expired);
  });

  it('moves through the statuses as the dates move', () => {
    const statuses = ['2025-12-31', '2026-01-01', '2026-03-02', '2026-03-03'].map(
      (day) => certificationState([cert('2025-03-01', '2026-03-02')], day).status,
    );
    expect(statuses).toEqual([
      CertificationStatus.Certified,
      CertificationStatus.Expiring,
      CertificationStatus.Expiring,
      CertificationStatus.Expired,
    ]);
  });

  it('lets only a valid certification count for assignment', () => {
    expect(
      [
        CertificationStatus.Certified,
        CertificationStatus.Expiring,
        CertificationStatus.Expired,
        CertificationStatus.NotCertified,
      ].map(isCertificationValid),
    ).toEqual([true, true, false, false]);
  });
});

describe('profile rules', () => {
  it('accepts a complete, sensible profile', () => {
    expect(
      validateProfile(
        {
          gender: 'female' as never,
          birthYear: 1975,
          educationLevel: 'medium_higher' as never,
          professionalBackground: 'social_worker' as never,
          targetGroupExperience: true,
          targetGroupExperienceYears: 8,
          mentorSince: '2019-08-01',
          mentorTypes: [MentorType.Holistic, MentorType.Retention],
          specialisations: ['ADHD', 'angst'],
          capacityMinutesPerWeek: 1800,
          upskillingWishes: ['specific_barriers' as never],
          email: 'mentor@example.dk',
        },
        TODAY,
      ),
    ).toEqual([]);
  });

  it('refuses a birth year in the future and a start date in the future, with their own codes', () => {
    expect(codes(validateProfile({ birthYear: 2027, mentorSince: '2026-03-16' }, TODAY))).toEqual([
      'birthYear:profile.birth_year_in_future',
      'mentorSince:profile.mentor_since_in_future',
    ]);
    expect(codes(validateProfile({ birthYear: 1899 }, TODAY))).toEqual(['birthYear:min']);
    expect(codes(validateProfile({ birthYear: 1980.5 }, TODAY))).toEqual(['birthYear:isInt']);
  });

  it('refuses negative numbers and unknown values', () => {
    expect(
      codes(
        validateProfile(
          {
            capacityMinutesPerWeek: -1,
            targetGroupExperience: true,
            targetGroupExperienceYears: -2,
            gender: 'x' as never,
            upskillingWishes: ['juggling' as never],
            mentorTypes: ['holistic', 'holistic'] as never,
          },
          TODAY,
        ),
      ),
    ).toEqual([
      'gender:isIn',
      'targetGroupExperienceYears:min',
      'mentorTypes:arrayUnique',
      'capacityMinutesPerWeek:min',
      'upskillingWishes:isIn',
    ]);
  });

  it('needs target-group experience for years of it, taking the stored profile into account', () => {
    expect(codes(validateProfile({ targetGroupExperienceYears: 3 }, TODAY))).toEqual([
      'targetGroupExperienceYears:profile.years_without_experience',
    ]);
    expect(
      validateProfile({ targetGroupExperienceYears: 3 }, TODAY, { targetGroupExperience: true }),
    ).toEqual([]);
    expect(
      codes(validateProfile({ targetGroupExperience: false }, TODAY, { targetGroupExperienceYears: 4 })),
    ).toEqual(['targetGroupExperienceYears:profile.years_without_experience']);
  });

  it('checks e-mail and specialisations', () => {
    expect(
      codes(validateProfile({ email: 'not-an-address', specialisations: ['', 'x'.repeat(61)] }, TODAY)),
    ).toEqual(['email:isEmail', 'specialisations:maxLength']);
  });
});

describe('record rules', () => {
  it('refuses negative training days and a completion in the future', () => {
    expect(codes(validateTraining({ kind: 'shadowing' as never, lengthDays: -1 }, TODAY))).toEqual([
      'lengthDays:min',
    ]);
    expect(codes(validateTraining({ kind: 'shadowing' as never, completedOn: '2026-03-16' }, TODAY))).toEqual(
      ['completedOn:training.completed_in_future'],
    );
    expect(codes(validateTraining({ kind: 'cooking' as never, completedOn: '2026-02-30' }, TODAY))).toEqual([
      'kind:isIn',
      'completedOn:isIso8601',
    ]);
  });

  it('needs a certification date by today, a basis, and a renewal after it', () => {
    expect(codes(validateCertification({ certifiedOn: '2026-01-01', basis: [] }, TODAY))).toEqual([
      'basis:arrayNotEmpty',
    ]);
    expect(
      codes(
        validateCertification(
          { certifiedOn: '2026-03-16', renewalDueOn: '2026-03-01', basis: ['education' as never] },
          TODAY,
        ),
      ),
    ).toEqual(['certifiedOn:certification.in_future', 'renewalDueOn:certification.renewal_before_certified']);
  });

  it('knows the study’s upskilling topics only, and no future supervision', () => {
    expect(
      codes(validateUpskillingOffer({ topic: 'knitting' as never, offeredOn: TODAY, taken: true }, TODAY)),
    ).toEqual(['topic:isIn']);
    expect(
      codes(
        validateUpskillingOffer(
          { topic: 'employment_law' as never, offeredOn: '2026-04-01', taken: true },
          TODAY,
        ),
      ),
    ).toEqual(['taken:upskilling.taken_in_future']);
    expect(
      codes(validateSupervision({ kind: 'collegial_sparring' as never, heldOn: '2026-03-16' }, TODAY)),
    ).toEqual(['heldOn:supervision.in_future']);
  });

  it('groups violations per field for the problem document', () => {
    expect(
      toFieldErrors([
        { field: 'a', code: 'min', message: 'm1' },
        { field: 'a', code: 'max', message: 'm2' },
        { field: 'b', code: 'isIn', message: 'm3' },
      ]),
    ).toEqual([
      { field: 'a', messages: ['m1', 'm2'], codes: ['min', 'max'] },
      { field: 'b', messages: ['m3'], codes: ['isIn'] },
    ]);
  });

  it('knows a real date', () => {
    expect(['2026-02-28', '2024-02-29', '2026-02-29', '26-02-01', '2026-13-01'].map(isIsoDate)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('load figures and alerts', () => {
  const base: AlertInput = {
    grantedMinutesPerWeek: 600,
    capacityMinutesPerWeek: 600,
    grantedMinutesWindow: 2400,
    deliveredMinutesWindow: 2400,
    certificationStatus: CertificationStatus.Certified,
    lastSupervisionOn: '2026-02-01',
    mentorSince: '2020-01-01',
  };

  it('computes utilisation and delivery in whole percent, null without a base', () => {
    expect(utilisationPercent(900, 600)).toBe(150);
    expect(utilisationPercent(900, null)).toBeNull();
    expect(utilisationPercent(900, 0)).toBeNull();
    expect(deliveryPercent(1000, 3000)).toBe(33);
    expect(deliveryPercent(10, 0)).toBeNull();
  });

  it('takes the four complete weeks before this one as the delivery window', () => {
    // 2026-03-15 is a Sunday; its week starts Monday 2026-03-09.
    expect(deliveryWindow(TODAY)).toEqual({ from: '2026-02-09', to: '2026-03-08', weekStart: '2026-03-09' });
  });

  it('raises nothing for a mentor at exactly full capacity, fully delivering and supervised', () => {
    expect(workforceAlerts(base, TODAY)).toEqual([]);
  });

  it('raises overload only above 100 % of capacity', () => {
    expect(workforceAlerts({ ...base, grantedMinutesPerWeek: 601 }, TODAY)).toEqual([
      WorkforceAlert.Overload,
    ]);
    expect(
      workforceAlerts({ ...base, capacityMinutesPerWeek: null, grantedMinutesPerWeek: 5000 }, TODAY),
    ).toEqual([]);
  });

  it('raises under-delivery under 80 % of the granted minutes', () => {
    expect(workforceAlerts({ ...base, deliveredMinutesWindow: 1920 }, TODAY)).toEqual([]);
    expect(workforceAlerts({ ...base, deliveredMinutesWindow: 1919 }, TODAY)).toEqual([
      WorkforceAlert.UnderDelivery,
    ]);
    expect(workforceAlerts({ ...base, grantedMinutesWindow: 0, deliveredMinutesWindow: 0 }, TODAY)).toEqual(
      [],
    );
  });

  it('raises certification alerts for expiring and expired', () => {
    expect(workforceAlerts({ ...base, certificationStatus: CertificationStatus.Expiring }, TODAY)).toEqual([
      WorkforceAlert.CertificationExpiring,
    ]);
    expect(workforceAlerts({ ...base, certificationStatus: CertificationStatus.Expired }, TODAY)).toEqual([
      WorkforceAlert.CertificationExpired,
    ]);
  });

  it('raises no-supervision after three months without, except for a newcomer', () => {
    expect(workforceAlerts({ ...base, lastSupervisionOn: '2025-12-15' }, TODAY)).toEqual([]);
    expect(workforceAlerts({ ...base, lastSupervisionOn: '2025-12-14' }, TODAY)).toEqual([
      WorkforceAlert.NoSupervision,
    ]);
    expect(workforceAlerts({ ...base, lastSupervisionOn: null }, TODAY)).toEqual([
      WorkforceAlert.NoSupervision,
    ]);
    expect(workforceAlerts({ ...base, lastSupervisionOn: null, mentorSince: '2026-01-01' }, TODAY)).toEqual(
      [],
    );
  });
});

describe('filterAndSortWorkforce', () => {
  const row = (name: string, overrides: Partial<WorkforceRow> = {}): WorkforceRow => ({
    mentorId: name,
    name,
    employeeNumber: null,
    email: null,
    mentorTypes: [MentorType.Holistic],
    capacityMinutesPerWeek: null,
    activeCourses: 0,
    grantedMinutesPerWeek: 0,
    utilisationPercent: null,
    grantedMinutesWindow: 0,
    deliveredMinutesWindow: 0,
    deliveryPercent: null,
    overdueReports: 0,
    certification: { status: CertificationStatus.Certified, certifiedOn: null, renewalDueOn: null },
    trainingsCompleted: 0,
    lastTrainingCompletedOn: null,
    lastSupervisionOn: null,
    pendingSuggestions: 0,
    alerts: [],
    ...overrides,
  });
  const rows = [
    row('Åse', { utilisationPercent: 120, alerts: [WorkforceAlert.Overload], email: 'aase@x.dk' }),
    row('Bo', {
      utilisationPercent: 80,
      certification: { status: CertificationStatus.Expired, certifiedOn: null, renewalDueOn: '2025-01-01' },
    }),
    row('Ali', { utilisationPercent: null, mentorTypes: [MentorType.Retention], employeeNumber: 'M-17' }),
  ];
  const names = (list: WorkforceRow[]) => list.map((r) => r.name);

  it('sorts by name the Danish way by default, and by a figure with nulls last either way', () => {
    expect(names(filterAndSortWorkforce(rows, {}))).toEqual(['Ali', 'Bo', 'Åse']);
    expect(names(filterAndSortWorkforce(rows, { sort: 'utilisation' }))).toEqual(['Bo', 'Åse', 'Ali']);
    expect(names(filterAndSortWorkforce(rows, { sort: '-utilisation' }))).toEqual(['Åse', 'Bo', 'Ali']);
    expect(names(filterAndSortWorkforce(rows, { sort: 'certification' }))).toEqual(['Bo', 'Ali', 'Åse']);
  });

  it('filters by alert, certification status, mentor type and search', () => {
    expect(names(filterAndSortWorkforce(rows, { alert: WorkforceAlert.Overload }))).toEqual(['Åse']);
    expect(names(filterAndSortWorkforce(rows, { certificationStatus: CertificationStatus.Expired }))).toEqual(
      ['Bo'],
    );
    expect(names(filterAndSortWorkforce(rows, { mentorType: MentorType.Retention }))).toEqual(['Ali']);
    expect(names(filterAndSortWorkforce(rows, { search: 'm-17' }))).toEqual(['Ali']);
    expect(names(filterAndSortWorkforce(rows, { search: 'AASE@' }))).toEqual(['Åse']);
  });
});
