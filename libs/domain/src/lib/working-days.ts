/**
 * Danish working days: Monday to Friday, except the public holidays most public offices close on.
 * Store bededag is not a holiday from 2024 (abolished by law); grundlovsdag (5 June) and the
 * days of Christmas Eve and New Year's Eve are, as the offices close.
 */
import { addDays } from './dates';

/** Easter Sunday (Gregorian; the anonymous algorithm of Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const holidayCache = new Map<number, ReadonlySet<string>>();

/** The year's Danish public holidays that are not working days, as ISO dates. */
export function danishHolidays(year: number): ReadonlySet<string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const fromEaster = [-3, -2, 0, 1, 39, 49, 50];
  // Store bededag, the fourth Friday after Easter, until its abolition from 2024.
  if (year < 2024) fromEaster.push(26);
  const fixed = ['01-01', '06-05', '12-24', '12-25', '12-26', '12-31'].map((day) => `${year}-${day}`);
  const holidays = new Set([...fixed, ...fromEaster.map((offset) => addDays(easter, offset))]);
  holidayCache.set(year, holidays);
  return holidays;
}

/** True for a Monday to Friday that is not a Danish public holiday. */
export function isWorkingDay(isoDate: string): boolean {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !danishHolidays(Number(isoDate.slice(0, 4))).has(isoDate);
}

/**
 * The date `n` working days after `isoDate` (before it for a negative `n`); the start day itself
 * never counts, so a packet sent on a Friday with n = 3 is due the Wednesday after.
 */
export function addWorkingDays(isoDate: string, n: number): string {
  const step = n < 0 ? -1 : 1;
  let date = isoDate;
  for (let left = Math.abs(n); left > 0;) {
    date = addDays(date, step);
    if (isWorkingDay(date)) left -= 1;
  }
  return date;
}
