/**
 * CSV for the users' own spreadsheets, as Danish Excel opens it: UTF-8 with a byte order mark, `;`
 * between cells (the comma is the Danish decimal sign), CRLF lines.
 */

export type CsvCell = string | number | null;

/** Text a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One cell: empty for null, a number as it is, text defused and quoted when it holds `"`, `;` or a line break. */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = defuseFormula(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows (the header first) as a CSV file. */
export function csvFile(rows: readonly (readonly CsvCell[])[]): Buffer {
  const lines = rows.map((row) => row.map(csvCell).join(';'));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
