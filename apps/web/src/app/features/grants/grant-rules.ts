import { addMonths, GRANT_MAX_MONTHS } from '@mentor/domain';

/**
 * What is wrong with a grant period, mirroring the API: the end not before the start and at most
 * six months after it (LAB §167). Null when fine or not yet filled in.
 */
export function grantPeriodError(startsOn: string, endsOn: string): 'endsBeforeStart' | 'endsOn' | null {
  if (!startsOn || !endsOn) return null;
  if (endsOn < startsOn) return 'endsBeforeStart';
  if (endsOn > addMonths(startsOn, GRANT_MAX_MONTHS)) return 'endsOn';
  return null;
}

/** The longest allowed period's last day: the default end of a new grant. */
export function maxGrantEnd(startsOn: string): string {
  return addMonths(startsOn, GRANT_MAX_MONTHS);
}
