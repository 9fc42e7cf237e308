import { MentorType, UpskillingTopic } from '@mentor/domain';
import { changedFields, EMPTY_PROFILE, normaliseProfile } from './profile-normalise';

describe('normaliseProfile', () => {
  it('stores text trimmed, e-mail lower-case, lists in the domain’s order without repeats', () => {
    expect(
      normaliseProfile({
        employeeNumber: '  ',
        email: ' Mette@Example.DK ',
        mentorTypes: [MentorType.Retention, MentorType.Holistic],
        upskillingWishes: [UpskillingTopic.InterdisciplinaryLaw, UpskillingTopic.MotivationalResource],
        specialisations: [' ADHD', 'adhd', '', 'Angst '],
      }),
    ).toEqual({
      employeeNumber: null,
      email: 'mette@example.dk',
      mentorTypes: ['holistic', 'retention'],
      upskillingWishes: ['motivational_resource', 'interdisciplinary_law'],
      specialisations: ['ADHD', 'Angst'],
    });
  });

  it('keeps absent fields absent, clears lists to empty, and drops the years of no experience', () => {
    expect(normaliseProfile({ specialisations: null as never, targetGroupExperience: false })).toEqual({
      specialisations: [],
      targetGroupExperience: false,
      targetGroupExperienceYears: null,
    });
    expect(normaliseProfile({})).toEqual({});
  });

  it('finds the fields that change', () => {
    const current = { ...EMPTY_PROFILE, birthYear: 1980, mentorTypes: [MentorType.Holistic] };
    expect(changedFields(current, { birthYear: 1980, mentorTypes: [MentorType.Holistic] })).toEqual([]);
    expect(changedFields(current, { birthYear: 1981, gender: null, mentorTypes: [] })).toEqual([
      'birthYear',
      'mentorTypes',
    ]);
  });
});
