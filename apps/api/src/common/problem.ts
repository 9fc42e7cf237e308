import type { FieldError, ProblemDetails } from '@mentor/domain';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  408: 'Request timeout',
  409: 'Conflict',
  413: 'Payload too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  431: 'Request header fields too large',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export function titleFor(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Server error' : 'Client error');
}

/** The `type` URI of a problem code; `about:blank` when there is no specific code. */
export function problemType(code: string | undefined): string {
  return code ? `urn:mentorsystemet:problem:${code}` : 'about:blank';
}

export interface ProblemInit {
  status: number;
  code?: string;
  title?: string;
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
}

/**
 * An error the API answers with a problem document. Feature exceptions extend it with their own
 * codes; the one ProblemFilter maps all of them to `application/problem+json`.
 */
export class ProblemException extends Error {
  constructor(readonly init: ProblemInit) {
    super(init.detail ?? init.title ?? titleFor(init.status));
  }

  toProblem(instance?: string, requestId?: string): ProblemDetails {
    const { status, code, title, detail, errors } = this.init;
    return {
      type: problemType(code),
      title: title ?? titleFor(status),
      status,
      ...(detail ? { detail } : {}),
      ...(code ? { code } : {}),
      ...(errors ? { errors } : {}),
      ...(instance ? { instance } : {}),
      ...(requestId ? { requestId } : {}),
    };
  }
}

export class ValidationProblem extends ProblemException {
  constructor(errors: FieldError[], detail = 'The request has invalid fields.') {
    super({ status: 400, code: 'validation.failed', title: 'Validation failed', detail, errors });
  }
}
