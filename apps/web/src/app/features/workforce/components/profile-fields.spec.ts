import {
  EducationLevel,
  Gender,
  MentorProfileFields,
  MentorType,
  ProfessionalBackground,
  UpskillingTopic,
} from '@mentor/domain';
import {
  errorsByControl,
  profileChanges,
  profileFieldsOf,
  profileFormValue,
  splitSpecialisations,
} from './profile-fields';

const STORED: MentorProfileFields = {
  employeeNumber: 'M-17',
  email: 'lone@example.invalid',
  gender: Gender.Female,
  birthYear: 1975,
  educationLevel: EducationLevel.MediumHigher,
  professionalBackground: ProfessionalBackground.SocialWorker,
  targetGroupExperience: true,
  targetGroupExperienceYears: 6,
  mentorSince: '2019-08-01',
  mentorTypes: [MentorType.Holistic, MentorType.Retention],
  specialisations: ['ADHD', 'angst'],
  capacityMinutesPerWeek: 450,
  upskillingWishes: [UpskillingTopic.EmploymentLaw],
};

describe('the profile form', () => {
  it('shows a stored profile and gives it back unchanged (capacity in hours)', () => {
    const value = profileFormValue(STORED, 'Lone');
    expect(value.capacityHoursPerWeek).toBe(7.5);
    expect(value.specialisations).toBe('ADHD, angst');
    expect(value.targetGroupExperience).toBe('yes');
    expect(profileFieldsOf(value)).toEqual(STORED);
    expect(profileChanges(STORED, profileFieldsOf(value))).toEqual({});
  });

  it('stores empty text as null, e-mail in lower case, and years only with experience', () => {
    const value = {
      ...profileFormValue(STORED, 'Lone'),
      employeeNumber: '  ',
      email: ' Lone@Example.INVALID ',
      gender: '' as const,
      targetGroupExperience: 'no' as const,
      capacityHoursPerWeek: 10.25,
      mentorTypes: [MentorType.Retention, MentorType.Holistic],
    };
    const fields = profileFieldsOf(value);
    expect(fields.employeeNumber).toBeNull();
    expect(fields.email).toBe('lone@example.invalid');
    expect(fields.gender).toBeNull();
    expect(fields.targetGroupExperience).toBe(false);
    expect(fields.targetGroupExperienceYears).toBeNull();
    expect(fields.capacityMinutesPerWeek).toBe(615);
    // In the domain's order, as the API stores them, so an unchanged list is no change.
    expect(fields.mentorTypes).toEqual([MentorType.Holistic, MentorType.Retention]);
    expect(profileChanges(STORED, fields)).toEqual({
      employeeNumber: null,
      gender: null,
      targetGroupExperience: false,
      targetGroupExperienceYears: null,
      capacityMinutesPerWeek: 615,
    });
  });

  it('limits the changes to the fields asked for', () => {
    const next = { ...STORED, birthYear: 1976, capacityMinutesPerWeek: 60 };
    expect(profileChanges(STORED, next, ['birthYear'])).toEqual({ birthYear: 1976 });
  });

  it('splits specialisations on commas, semicolons and lines, without blanks or repeats', () => {
    expect(splitSpecialisations(' ADHD, angst;; Angst\nmisbrug ,')).toEqual(['ADHD', 'angst', 'misbrug']);
    expect(splitSpecialisations('')).toEqual([]);
  });

  it("puts the API's capacity errors on the hours field", () => {
    expect(errorsByControl({ capacityMinutesPerWeek: ['for høj'], birthYear: ['x'] })).toEqual({
      capacityHoursPerWeek: ['for høj'],
      birthYear: ['x'],
    });
  });
});
