import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/static';
import { existsSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { ProblemException, titleFor } from './problem';

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.empty_json_body',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.invalid_content_length',
  // Answered by the router before any route runs (see frameworkErrors in app.factory.ts).
  FST_ERR_BAD_URL: 'request.bad_url',
  FST_ERR_MAX_PARAM_LENGTH: 'request.uri_too_long',
};

const FASTIFY_DETAILS: Record<string, string> = {
  'request.malformed_json': 'The request body is not valid JSON.',
  'request.empty_json_body': 'The request body is empty but declared as JSON.',
  'request.body_too_large': 'The request body is larger than 1 MB.',
  'request.unsupported_media_type': 'Send the request body as application/json.',
  'request.bad_url': 'The path is not a valid URL (a malformed %-escape).',
  'request.uri_too_long': 'A path segment is longer than any id.',
};

/** The code of a 503 answered because the database cannot be reached. */
const UNAVAILABLE = 'server.unavailable';

/** Turns any thrown value into a ProblemException, without leaking internals of a 5xx. */
export function toProblemException(error: unknown): ProblemException {
  if (error instanceof ProblemException) return error;
  // Nest wraps Fastify's own 4xx errors (bad JSON, body too large) in an HttpException with the cause.
  const fastifyError = (error instanceof HttpException ? error.cause : error) as FastifyLikeError | undefined;
  const code = fastifyError?.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (code) {
    const status = fastifyError?.statusCode ?? 400;
    return new ProblemException({ status, code, detail: FASTIFY_DETAILS[code] ?? fastifyError?.message });
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    const detail = status < 500 && typeof message === 'string' ? message : undefined;
    return new ProblemException({ status, detail });
  }
  // PostgreSQL stopped or restarting is a passing outage, not a bug: 503 tells clients (and load
  // balancers) to try again, and a retry with the same Idempotency-Key cannot log a contact twice.
  if (isDatabaseUnavailable(error)) {
    return new ProblemException({
      status: 503,
      code: UNAVAILABLE,
      detail: 'The service is briefly unavailable; try again in a moment.',
      headers: { 'Retry-After': '5' },
    });
  }
  return new ProblemException({ status: 500, code: 'server.error', detail: 'An unexpected error occurred.' });
}

/** Sends a problem document for the error. */
export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply, logger: Logger) {
  const problem = toProblemException(error);
  const { status, headers } = problem.init;
  if (problem.init.code === UNAVAILABLE) {
    // One line, no stack: during an outage every request ends here.
    logger.warn(`Database unavailable: ${(error as Error)?.message} (request ${request.id})`);
  } else if (status >= 500) {
    const err = error as Error;
    logger.error(
      `${err?.name ?? 'Error'}: ${err?.message ?? String(error)} (request ${request.id})`,
      err?.stack,
    );
  }
  const path = request.url.split('?')[0];
  void reply
    .status(status)
    .headers(headers ?? {})
    .type('application/problem+json; charset=utf-8')
    .send(problem.toProblem(path, request.id));
}

/**
 * A request Node's HTTP parser refuses before Fastify sees it (headers or URL over 16 KB, a
 * malformed request line, a timeout): answered as problem+json too, then the connection closes.
 */
export function sendClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'request.timeout']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'request.headers_too_large']
        : [400, 'request.malformed'];
  const body = JSON.stringify(new ProblemException({ status, code }).toProblem());
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/**
 * The one place errors become `application/problem+json`. A GET for an unknown non-API path is
 * the single-page app's own route: it gets index.html instead of a 404.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');
  private readonly indexHtml: string | undefined;

  constructor(webDistDir?: string) {
    const index = webDistDir ? join(webDistDir, 'index.html') : undefined;
    this.indexHtml = index && existsSync(index) ? index : undefined;
  }

  catch(error: unknown, host: ArgumentsHost) {
    const context = host.switchToHttp();
    const request = context.getRequest<FastifyRequest>();
    const reply = context.getResponse<FastifyReply>();
    const status = error instanceof HttpException ? error.getStatus() : undefined;
    if (status === 404 && this.indexHtml && this.isAppRoute(request)) {
      void reply.header('Cache-Control', 'no-cache').sendFile('index.html');
      return;
    }
    sendProblem(error, request, reply, this.logger);
  }

  private isAppRoute(request: FastifyRequest): boolean {
    const path = request.url.split('?')[0];
    return (
      (request.method === 'GET' || request.method === 'HEAD') &&
      path !== '/api' &&
      !path.startsWith('/api/') &&
      !/\.[a-z0-9]+$/i.test(path)
    );
  }
}

export { titleFor };
