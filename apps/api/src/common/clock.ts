// Formatters are built once: constructing an Intl.DateTimeFormat costs far more than formatting.
const DANISH_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' });
const DANISH_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

// The last answer and its second: a Danish date changes only on a whole second (midnight, in whole
// hours from UTC), and formatting costs several microseconds on routes that ask more than once.
let formattedSecond = NaN;
let formattedDate = '';

/** Today's date in Denmark (`YYYY-MM-DD`): contact dates and weeks follow the citizen's calendar. */
export function todayInDenmark(now: Date = new Date()): string {
  const second = Math.floor(now.getTime() / 1000);
  if (second !== formattedSecond) {
    formattedDate = DANISH_DATE.format(now);
    formattedSecond = second;
  }
  return formattedDate;
}

/** The current time of day in Denmark (`HH:MM`). */
export function timeInDenmark(now: Date = new Date()): string {
  return DANISH_TIME.format(now);
}
