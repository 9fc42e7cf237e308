/** A sort parameter: a whitelisted field, descending when prefixed with '-'. */
export interface SortSpec<F extends string> {
  field: F;
  direction: 'ASC' | 'DESC';
}

/** All accepted values of a `sort` parameter for the given fields ('name', '-name', ...). */
export function sortValues<F extends string>(fields: readonly F[]): string[] {
  return fields.flatMap((field) => [field, `-${field}`]);
}

/** Parses `name` / `-name`; undefined when the field is not whitelisted. */
export function parseSort<F extends string>(value: string, fields: readonly F[]): SortSpec<F> | undefined {
  const descending = value.startsWith('-');
  const field = (descending ? value.slice(1) : value) as F;
  if (!fields.includes(field)) return undefined;
  return { field, direction: descending ? 'DESC' : 'ASC' };
}
