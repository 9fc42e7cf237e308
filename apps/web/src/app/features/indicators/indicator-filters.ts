import {
  addDays,
  addMonths,
  daysBetween,
  INDICATOR_PERIOD_MAX_DAYS,
  IndicatorQuery,
  MENTOR_TYPES,
  MentorType,
  ORGANISATION_KINDS,
  OrganisationKind,
} from '@mentor/domain';

/** The page's query parameters as the router gives them (all optional, possibly nonsense). */
export interface IndicatorUrlParams {
  readonly from?: string;
  readonly to?: string;
  readonly organisationType?: string;
  readonly organisationId?: string;
  readonly mentorType?: string;
}

export type PeriodError = 'required' | 'order' | 'tooLong';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isIsoDate(value: string | undefined): value is string {
  return !!value && ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** The default period: the last 12 months up to and including today. */
export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: addDays(addMonths(today, -12), 1), to: today };
}

/** What is wrong with a period, or null: both dates, from ≤ to, at most the API's longest period. */
export function periodError(from: string, to: string): PeriodError | null {
  if (!isIsoDate(from) || !isIsoDate(to)) return 'required';
  if (from > to) return 'order';
  if (daysBetween(from, to) + 1 > INDICATOR_PERIOD_MAX_DAYS) return 'tooLong';
  return null;
}

/**
 * The query the address asks for. A period that is missing or invalid becomes the default one;
 * unknown filter values are dropped; an organisation only where the caller may pick one.
 */
export function queryFromUrl(
  params: IndicatorUrlParams,
  today: string,
  canPickOrganisation: boolean,
): IndicatorQuery {
  const period =
    params.from && params.to && !periodError(params.from, params.to)
      ? { from: params.from, to: params.to }
      : defaultPeriod(today);
  const organisationType = ORGANISATION_KINDS.find((kind) => kind === params.organisationType);
  const mentorType = MENTOR_TYPES.find((type) => type === params.mentorType);
  const query: IndicatorQuery = { ...period };
  if (organisationType && canPickOrganisation) query.organisationType = organisationType as OrganisationKind;
  if (params.organisationId && canPickOrganisation) query.organisationId = params.organisationId;
  if (mentorType) query.mentorType = mentorType as MentorType;
  return query;
}

/** The query as the address's parameters; filters not set are removed from it. */
export function urlFromQuery(query: IndicatorQuery): Record<string, string | null> {
  return {
    from: query.from,
    to: query.to,
    organisationType: query.organisationType ?? null,
    organisationId: query.organisationId ?? null,
    mentorType: query.mentorType ?? null,
  };
}
