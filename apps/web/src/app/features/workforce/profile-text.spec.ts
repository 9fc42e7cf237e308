import { registerLocaleData } from '@angular/common';
import localeDa from '@angular/common/locales/da';
import { Gender, MentorProfileFields, UpskillingTopic } from '@mentor/domain';
import { profileValueText, suggestionLines } from './profile-text';

registerLocaleData(localeDa);

const t = (key: string, params?: Record<string, string | number>) =>
  params ? `${key}${JSON.stringify(params)}` : key;
const format = { locale: 'da', date: (iso: string) => iso.split('-').reverse().join('.') };

const CURRENT: MentorProfileFields = {
  employeeNumber: null,
  email: null,
  gender: null,
  birthYear: 1980,
  educationLevel: null,
  professionalBackground: null,
  targetGroupExperience: null,
  targetGroupExperienceYears: null,
  mentorSince: null,
  mentorTypes: [],
  specialisations: [],
  capacityMinutesPerWeek: 450,
  upskillingWishes: [],
};

describe('profile texts', () => {
  it('reads each kind of value: choices, dates, capacity in hours, yes/no, nothing', () => {
    expect(profileValueText('gender', Gender.Female, t, format)).toBe('genders.female');
    expect(profileValueText('mentorSince', '2019-08-01', t, format)).toBe('01.08.2019');
    expect(profileValueText('capacityMinutesPerWeek', 450, t, format)).toBe(
      'workforce.hoursPerWeek{"hours":"7,5"}',
    );
    expect(profileValueText('targetGroupExperience', false, t, format)).toBe('common.no');
    expect(profileValueText('specialisations', [], t, format)).toBe('workforce.notRecorded');
    expect(profileValueText('email', null, t, format)).toBe('workforce.notRecorded');
  });

  it("lists a suggestion's fields in the profile's order, from what is stored now to what is suggested", () => {
    const lines = suggestionLines(
      { upskillingWishes: [UpskillingTopic.EmploymentLaw], birthYear: 1981, gender: Gender.Male },
      CURRENT,
      t,
      format,
    );
    expect(lines).toEqual([
      {
        field: 'gender',
        label: 'workforce.profile.gender',
        from: 'workforce.notRecorded',
        to: 'genders.male',
      },
      { field: 'birthYear', label: 'workforce.profile.birthYear', from: '1980', to: '1981' },
      {
        field: 'upskillingWishes',
        label: 'workforce.profile.upskillingWishes',
        from: 'workforce.notRecorded',
        to: 'upskillingTopics.employment_law',
      },
    ]);
  });
});
