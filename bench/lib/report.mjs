// The closing summary table.
const pad = (text, width) => String(text).padEnd(width);

/** rows: [figure, value, note?]; prints an aligned table. */
export function printTable(title, rows) {
  const widths = [0, 1].map((i) => Math.max(...rows.map((row) => String(row[i]).length), i ? 5 : 6));
  const line = `+${'-'.repeat(widths[0] + 2)}+${'-'.repeat(widths[1] + 2)}+`;
  console.log(`\n${title}`);
  console.log(line);
  console.log(`| ${pad('figure', widths[0])} | ${pad('value', widths[1])} |`);
  console.log(line);
  for (const [figure, value, note] of rows) {
    console.log(`| ${pad(figure, widths[0])} | ${pad(value, widths[1])} |${note ? ` ${note}` : ''}`);
  }
  console.log(line);
}
