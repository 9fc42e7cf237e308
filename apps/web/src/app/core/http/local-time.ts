const pad = (n: number) => String(n).padStart(2, '0');

/** Today in the browser's time zone as `YYYY-MM-DD` (not UTC: a contact at 00:30 is today). */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The time now as `HH:MM`, rounded down to five minutes. */
export function localTimeRounded(now = new Date(), step = 5): string {
  return `${pad(now.getHours())}:${pad(Math.floor(now.getMinutes() / step) * step)}`;
}

/** A fresh random key for `Idempotency-Key`; `randomUUID` needs a secure context, so fall back. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
