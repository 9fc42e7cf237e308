/** Dates and times as Danish text writes them, in Danish time, for files and text made on the server. */

// Built once: constructing an Intl.DateTimeFormat costs far more than formatting.
const DANISH_DATE_TIME = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function danishParts(instant: string | Date): Record<string, string> {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return Object.fromEntries(DANISH_DATE_TIME.formatToParts(date).map((p) => [p.type, p.value]));
}

/** `2026-11-02` (or the date of a longer ISO string) as `02.11.2026`; `–` for none. */
export function danishDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '–';
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day}.${month}.${year}`;
}

/** An instant as prose writes it, in Danish time: `2026-11-02T09:05:00Z` as `02.11.2026 kl. 10:05`. */
export function danishDateTime(instant: string | Date): string {
  const p = danishParts(instant);
  return `${p['day']}.${p['month']}.${p['year']} kl. ${p['hour']}:${p['minute']}`;
}

/** An instant to the second, in Danish time, for logs: `2026-11-02T09:05:07Z` as `02.11.2026 10:05:07`. */
export function danishTimestamp(instant: string | Date): string {
  const p = danishParts(instant);
  return `${p['day']}.${p['month']}.${p['year']} ${p['hour']}:${p['minute']}:${p['second']}`;
}
