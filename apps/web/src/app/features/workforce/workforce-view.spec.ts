import { CertificationStatus, MentorLoad, WorkforceAlert } from '@mentor/domain';
import {
  alertChips,
  certificationText,
  certificationTone,
  deliveryText,
  mentorLoadText,
  utilisationText,
} from './workforce-view';

/** Shows the key and its parameters, so the tests see what was asked for. */
const t = (key: string, params?: Record<string, string | number>) =>
  params ? `${key}${JSON.stringify(params)}` : key;
const date = (iso: string) => iso.split('-').reverse().join('.');

const LOAD: MentorLoad = {
  activeCourses: 2,
  grantedMinutesPerWeek: 120,
  capacityMinutesPerWeek: 600,
  utilisationPercent: 20,
  certification: {
    status: CertificationStatus.Certified,
    certifiedOn: '2025-01-01',
    renewalDueOn: '2027-01-01',
  },
  assignable: true,
};

describe('workforce view texts', () => {
  it('ranks certification: certified is fine, expiring a warning, expired or none a problem', () => {
    expect(certificationTone(CertificationStatus.Certified)).toBe('ok');
    expect(certificationTone(CertificationStatus.Expiring)).toBe('warn');
    expect(certificationTone(CertificationStatus.Expired)).toBe('bad');
    expect(certificationTone(CertificationStatus.NotCertified)).toBe('bad');
  });

  it('dates a certification only when its renewal date matters', () => {
    expect(certificationText(LOAD.certification, t, date)).toBe('certificationStatuses.certified');
    expect(
      certificationText(
        { status: CertificationStatus.Expiring, certifiedOn: '2024-01-01', renewalDueOn: '2026-03-01' },
        t,
        date,
      ),
    ).toBe('workforce.certificationUntil{"status":"certificationStatuses.expiring","date":"01.03.2026"}');
    expect(
      certificationText(
        { status: CertificationStatus.NotCertified, certifiedOn: null, renewalDueOn: null },
        t,
        date,
      ),
    ).toBe('certificationStatuses.not_certified');
  });

  it("lists alerts in the domain's order, whatever order they come in", () => {
    expect(
      alertChips([WorkforceAlert.NoSupervision, WorkforceAlert.Overload], (key) => key).map((c) => c.id),
    ).toEqual([WorkforceAlert.Overload, WorkforceAlert.NoSupervision]);
    expect(alertChips([], t)).toEqual([]);
  });

  it('says granted against capacity, or only granted when no capacity is recorded', () => {
    expect(utilisationText(LOAD, t)).toBe(
      'workforce.grantedOfCapacity{"granted":120,"capacity":600,"percent":20}',
    );
    expect(utilisationText({ ...LOAD, capacityMinutesPerWeek: null, utilisationPercent: null }, t)).toBe(
      'workforce.grantedNoCapacity{"granted":120}',
    );
  });

  it('says delivered against granted, or that nothing was granted', () => {
    expect(
      deliveryText({ deliveredMinutesWindow: 180, grantedMinutesWindow: 240, deliveryPercent: 75 }, t),
    ).toBe('workforce.deliveredOfGranted{"delivered":180,"granted":240,"percent":75}');
    expect(
      deliveryText({ deliveredMinutesWindow: 30, grantedMinutesWindow: 0, deliveryPercent: null }, t),
    ).toBe('workforce.nothingGranted');
  });

  it("puts a candidate's courses, load and certification on one line", () => {
    const real = (key: string, params?: Record<string, string | number>) =>
      ({
        'workforce.activeCoursesCount': `${params?.['count']} aktive forløb`,
        'workforce.grantedOfCapacity': `${params?.['granted']} af ${params?.['capacity']} min/uge (${params?.['percent']} %)`,
        'certificationStatuses.expired': 'Udløbet',
        'workforce.certificationUntil': `${params?.['status']} (${params?.['date']})`,
      })[key] ?? key;
    expect(
      mentorLoadText(
        {
          ...LOAD,
          certification: {
            status: CertificationStatus.Expired,
            certifiedOn: '2023-01-01',
            renewalDueOn: '2025-01-01',
          },
        },
        real,
        date,
      ),
    ).toBe('2 aktive forløb · 120 af 600 min/uge (20 %) · Udløbet (01.01.2025)');
  });
});
