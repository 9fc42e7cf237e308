/** Calendar helpers on ISO dates (`YYYY-MM-DD`), free of time zones. */

const DAY_MS = 86_400_000;

function toUtc(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

export function formatIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  return formatIsoDate(new Date(toUtc(isoDate).getTime() + days * DAY_MS));
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const date = toUtc(isoDate);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return formatIsoDate(target);
}

/** The Monday that starts the ISO week of the date. */
export function isoWeekStart(isoDate: string): string {
  const date = toUtc(isoDate);
  const weekday = (date.getUTCDay() + 6) % 7;
  return addDays(isoDate, -weekday);
}

/** ISO 8601 week-numbering year and week, e.g. `2026-W48`. */
export function isoWeek(isoDate: string): { year: number; week: number; label: string } {
  const date = toUtc(isoDate);
  const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return { year, week, label: `${year}-W${String(week).padStart(2, '0')}` };
}

export function daysBetween(fromIsoDate: string, toIsoDate: string): number {
  return Math.round((toUtc(toIsoDate).getTime() - toUtc(fromIsoDate).getTime()) / DAY_MS);
}
