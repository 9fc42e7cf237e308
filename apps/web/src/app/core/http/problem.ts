import { HttpErrorResponse } from '@angular/common/http';
import { FieldError, ProblemDetails } from '@mentor/domain';

/** The problem document of an API error, or null for anything else. */
export function problemOf(error: unknown): ProblemDetails | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body = error.error as Partial<ProblemDetails> | null;
  return body && typeof body === 'object' && typeof body.status === 'number'
    ? (body as ProblemDetails)
    : null;
}

/** The stable error code (`course.stale_version`), if any. */
export function problemCode(error: unknown): string | undefined {
  return problemOf(error)?.code;
}

/** A translation lookup that returns the key itself when it has no text (as `I18nService.t`). */
export type Translate = (key: string) => string;

/**
 * A 400's messages per field in the UI's language; nested paths (`goals.0`) count for their first
 * part too. See {@link fieldMessages}.
 */
export function fieldErrors(error: unknown, t: Translate): Record<string, string[]> {
  return translateFieldErrors(problemOf(error)?.errors ?? [], t);
}

/**
 * Per-field errors (from a problem document, or from a rule of `@mentor/domain` checked in the
 * browser) as texts per field, as {@link fieldErrors} gives them.
 */
export function translateFieldErrors(errors: readonly FieldError[], t: Translate): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const fieldError of errors) {
    const texts = fieldMessages(fieldError, t);
    for (const key of new Set([fieldError.field, fieldError.field.split('.')[0]])) {
      result[key] = [...new Set([...(result[key] ?? []), ...texts])];
    }
  }
  return result;
}

/**
 * One field error's messages as the user should read them: the text of each message's code,
 * `validation.fields.<field>.<code>` before `validation.codes.<code>`, else the API's own
 * (English) message. Messages that come out the same are shown once.
 */
export function fieldMessages({ field, messages, codes }: FieldError, t: Translate): string[] {
  const name = field.split('.')[0];
  const texts = messages.map((message, i) => {
    const code = codes?.[i];
    if (!code) return message;
    for (const key of [`validation.fields.${name}.${code}`, `validation.codes.${code}`]) {
      const text = t(key);
      if (text !== key) return text;
    }
    return message;
  });
  return [...new Set(texts)];
}

/** The request never got an answer (offline, connection dropped): safe to retry as is. */
export function isNetworkError(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 0;
}
