/**
 * Danish CPR numbers (DDMMYY-SSSS). The format and the date are validated; the modulus-11 check
 * is deliberately not, because valid numbers issued since 2007 can fail it.
 */
const CPR_PATTERN = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/;

export interface ParsedCpr {
  /** Ten digits, no dash. */
  digits: string;
  birthDate: string;
}

/** The birth year's century follows from the 7th digit and the two-digit year. */
function fullYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

/** Parses a CPR number; undefined when the format or the date part is wrong. */
export function parseCpr(value: string): ParsedCpr | undefined {
  const match = CPR_PATTERN.exec(value.trim());
  if (!match) return undefined;
  const [, dd, mm, yy, serial] = match;
  const year = fullYear(Number(yy), Number(serial[0]));
  const month = Number(mm);
  const day = Number(dd);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return { digits: `${dd}${mm}${yy}${serial}`, birthDate: date.toISOString().slice(0, 10) };
}

export function isValidCpr(value: string): boolean {
  return parseCpr(value) !== undefined;
}

/** `DDMMYY-XXXX`: the form shown until someone explicitly reveals the number. */
export function maskCpr(digits: string): string {
  return `${digits.slice(0, 6)}-XXXX`;
}
