/** `"column" IN ('a', 'b')` for a CHECK constraint over an enum's values (which never hold quotes). */
export function inList(column: string, values: readonly string[]): string {
  return `"${column}" IN (${values.map((v) => `'${v}'`).join(', ')})`;
}

/** `"column" <@ ARRAY['a', 'b']::varchar[]`: every element of an array column is one of the values. */
export function allIn(column: string, values: readonly string[]): string {
  return `"${column}" <@ ARRAY[${values.map((v) => `'${v}'`).join(', ')}]::varchar[]`;
}
