import { MentorType, OrganisationKind } from '@mentor/domain';
import { defaultPeriod, periodError, queryFromUrl, urlFromQuery } from './indicator-filters';

const TODAY = '2026-03-10';

describe('indicator filters', () => {
  it('defaults to the last 12 months up to today', () => {
    expect(defaultPeriod(TODAY)).toEqual({ from: '2025-03-11', to: TODAY });
    expect(queryFromUrl({}, TODAY, true)).toEqual({ from: '2025-03-11', to: TODAY });
  });

  it('takes the period and filters from the address', () => {
    expect(
      queryFromUrl(
        {
          from: '2025-01-01',
          to: '2025-12-31',
          organisationType: 'external_provider',
          organisationId: 'o2',
          mentorType: 'retention',
        },
        TODAY,
        true,
      ),
    ).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
      organisationType: OrganisationKind.ExternalProvider,
      organisationId: 'o2',
      mentorType: MentorType.Retention,
    });
  });

  it('falls back to the default period and drops unknown values', () => {
    expect(
      queryFromUrl(
        { from: '2025-12-31', to: '2025-01-01', organisationType: 'x', mentorType: 'y' },
        TODAY,
        true,
      ),
    ).toEqual({ from: '2025-03-11', to: TODAY });
    expect(queryFromUrl({ from: 'yesterday', to: TODAY }, TODAY, true)).toEqual({
      from: '2025-03-11',
      to: TODAY,
    });
  });

  it('lets only someone who may pick narrow to an organisation or its kind', () => {
    expect(
      queryFromUrl(
        { organisationType: 'internal_centre', organisationId: 'o2', mentorType: 'holistic' },
        TODAY,
        false,
      ),
    ).toEqual({ from: '2025-03-11', to: TODAY, mentorType: MentorType.Holistic });
  });

  it('checks a period: both dates, in order, at most the longest period', () => {
    expect(periodError('', TODAY)).toBe('required');
    expect(periodError(TODAY, '2026-03-09')).toBe('order');
    expect(periodError('2020-01-01', TODAY)).toBe('tooLong');
    expect(periodError('2024-01-01', '2026-12-31')).toBeNull();
    expect(periodError(TODAY, TODAY)).toBeNull();
  });

  it('writes the query to the address, removing filters not set', () => {
    expect(urlFromQuery({ from: '2025-01-01', to: '2025-12-31', mentorType: MentorType.Holistic })).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
      organisationType: null,
      organisationId: null,
      mentorType: 'holistic',
    });
  });
});
