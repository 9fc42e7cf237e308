import { fieldErrors, problemCode, Translate } from '../../core/http/problem';

/**
 * What a failed report request says to the user: the per-field texts of a 400/422, else the
 * text of the problem's code (`reports.errors.<code>`), else `fallbackKey`'s text.
 */
export function reportErrorText(error: unknown, t: Translate, fallbackKey: string): string {
  const fields = [...new Set(Object.values(fieldErrors(error, t)).flat())];
  if (fields.length) return fields.join(' ');
  const code = problemCode(error);
  if (code) {
    const key = `reports.errors.${code}`;
    const text = t(key);
    if (text !== key) return text;
  }
  return t(fallbackKey);
}

/** A 409: someone changed the report since it was loaded. */
export function isStale(error: unknown): boolean {
  return (
    (error as { status?: number } | null)?.status === 409 || !!problemCode(error)?.endsWith('stale_version')
  );
}
