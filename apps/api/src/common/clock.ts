// Formatters are built once: constructing an Intl.DateTimeFormat costs far more than formatting.
const DANISH_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' });
const DANISH_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Today's date in Denmark (`YYYY-MM-DD`): contact dates and weeks follow the citizen's calendar. */
export function todayInDenmark(now: Date = new Date()): string {
  return DANISH_DATE.format(now);
}

/** The current time of day in Denmark (`HH:MM`). */
export function timeInDenmark(now: Date = new Date()): string {
  return DANISH_TIME.format(now);
}
