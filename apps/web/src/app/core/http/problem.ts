import { HttpErrorResponse } from '@angular/common/http';
import { ProblemDetails } from '@mentor/domain';

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

/** A 400's messages per field; nested paths (`goals.0`) count for their first part too. */
export function fieldErrors(error: unknown): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const { field, messages } of problemOf(error)?.errors ?? []) {
    for (const key of new Set([field, field.split('.')[0]])) {
      result[key] = [...(result[key] ?? []), ...messages];
    }
  }
  return result;
}

/** The request never got an answer (offline, connection dropped): safe to retry as is. */
export function isNetworkError(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 0;
}
