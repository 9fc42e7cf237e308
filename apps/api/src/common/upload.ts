import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { tokenFrom } from '../auth/access.guard';
import { UnauthenticatedException } from '../auth/auth.exception';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { ProblemException, ValidationProblem } from './problem';

/**
 * File uploads. A route takes one only when it declares `@AcceptUpload(...)` with its own size
 * limit and media types; every other route keeps JSON and the 1 MB limit, and answers an upload
 * with 415. The body arrives as an UploadedFile: the raw body, or the `file` part of
 * multipart/form-data with its file name and the other parts as text fields.
 */

/** An uploaded file as a route receives it. */
export interface UploadedFile {
  buffer: Buffer;
  /** The name the client gave (multipart `filename`), uncleaned; '' for a raw body. */
  fileName: string;
  /** The multipart parts without a file name, as UTF-8 text; empty for a raw body. */
  fields: Record<string, string>;
}

export interface UploadOptions {
  /** The largest request body, in bytes: refused with 413 by its Content-Length or once it grows past. */
  maxBytes: number;
  /** The accepted media types, each one of UPLOAD_MEDIA_TYPES. */
  mediaTypes: readonly string[];
}

export const MULTIPART_FORM_DATA = 'multipart/form-data';
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Every media type an upload route may accept (the parsers are registered once, for all routes). */
export const UPLOAD_MEDIA_TYPES: readonly string[] = [
  'text/csv',
  'application/csv',
  // What browsers on Windows call a .csv file.
  'application/vnd.ms-excel',
  XLSX_MEDIA_TYPE,
  'application/octet-stream',
  MULTIPART_FORM_DATA,
];

/** Room for a multipart body's boundaries, part headers and small text fields besides its file. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** Most multipart parts read from one body: a form has a file and a few fields. */
const MAX_PARTS = 20;

const UPLOAD_CONFIG_KEY = 'upload';

/** The route takes an upload (see UploadOptions); read it with `@UploadBody()`. */
export const AcceptUpload = (options: UploadOptions) => {
  const unknown = options.mediaTypes.filter((type) => !UPLOAD_MEDIA_TYPES.includes(type));
  if (unknown.length) throw new Error(`Upload media types not registered: ${unknown.join(', ')}`);
  return RouteConfig({ [UPLOAD_CONFIG_KEY]: options });
};

// Bodies made by the parser below: a JSON body shaped like an upload is still not one.
const parsedUploads = new WeakSet<UploadedFile>();

/** The route's upload (`@AcceptUpload` routes only); a JSON or empty body answers 415. */
export const UploadBody = createParamDecorator((_data: unknown, context: ExecutionContext): UploadedFile => {
  const body = context.switchToHttp().getRequest<FastifyRequest>().body as UploadedFile | undefined;
  if (body && typeof body === 'object' && parsedUploads.has(body)) return body;
  throw new ProblemException({
    status: 415,
    code: 'request.unsupported_media_type',
    detail: 'Send the file as multipart/form-data (or as the raw body where the route takes one).',
  });
});

function tooLarge(limit: number): ProblemException {
  const size = limit >= 1024 * 1024 ? `${Math.round(limit / (1024 * 1024))} MB` : `${limit} bytes`;
  return new ProblemException({
    status: 413,
    code: 'request.body_too_large',
    detail: `The upload is larger than ${size}.`,
  });
}

/** The body, up to `limit` bytes: refused by its Content-Length before reading, or once it grows past. */
function readBody(request: FastifyRequest, payload: Readable, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    if (declared > limit) {
      reject(tooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        payload.off('data', onData);
        payload.resume();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    payload.on('data', onData);
    payload.once('end', () => resolve(Buffer.concat(chunks, size)));
    payload.once('error', (error) =>
      reject(new ProblemException({ status: 400, code: 'request.aborted', detail: error.message })),
    );
  });
}

/**
 * A Content-Disposition parameter, quoted or a token. Browsers send backslashes as they are (a
 * Windows path stays a path) and only `"` escaped, as `%22` or, from other clients, `\"`.
 */
function dispositionParameter(disposition: string, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"((?:\\\\"|[^"])*)"|([^;\\s]*))`, 'i').exec(disposition);
  if (!match) return undefined;
  return match[1] !== undefined ? match[1].replace(/\\"/g, '"') : match[2];
}

/** The file name of a part: RFC 5987 `filename*` first, else `filename` (browsers send UTF-8 there). */
function partFileName(disposition: string): string | undefined {
  const extended = dispositionParameter(disposition, 'filename\\*');
  if (extended) {
    const encoded = /^utf-8''(.*)$/i.exec(extended)?.[1];
    if (encoded !== undefined) {
      try {
        return decodeURIComponent(encoded);
      } catch {
        // Malformed escapes: fall back to the plain parameter.
      }
    }
  }
  return dispositionParameter(disposition, 'filename');
}

/**
 * A multipart/form-data body, binary-safe: the part named `file` (or else the first part with a
 * file name) as the file, the parts without a file name as text fields.
 */
export function parseMultipart(body: Buffer, contentType: string): UploadedFile {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const name = boundary?.[1] ?? boundary?.[2];
  const invalid = (detail: string) =>
    new ProblemException({ status: 400, code: 'request.invalid_multipart', detail });
  if (!name) throw invalid('The multipart body has no boundary.');
  const delimiter = Buffer.from(`--${name.trim()}`);
  const parts: { name: string | undefined; fileName: string | undefined; content: Buffer }[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    if (parts.length === MAX_PARTS) throw invalid(`The multipart body has more than ${MAX_PARTS} parts.`);
    const part = body.subarray(start + delimiter.length, next);
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF.
    const split = part.indexOf('\r\n\r\n');
    if (split !== -1) {
      const headers = part.subarray(0, split).toString('utf8');
      const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
      parts.push({
        name: dispositionParameter(disposition, 'name'),
        fileName: partFileName(disposition),
        content: part.subarray(split + 4, part.length - (part.subarray(-2).toString() === '\r\n' ? 2 : 0)),
      });
    }
    start = next;
  }
  const file =
    parts.find((p) => p.name === 'file' && p.fileName !== undefined) ??
    parts.find((p) => p.name === 'file') ??
    parts.find((p) => p.fileName !== undefined);
  if (!file) throw invalid('Send the file as the multipart part named "file".');
  const fields: Record<string, string> = {};
  for (const part of parts) {
    if (part === file || part.fileName !== undefined || !part.name) continue;
    const text = part.content.toString('utf8');
    // Text fields are stored as text, and PostgreSQL stores no NUL.
    if (text.includes('\u0000'))
      throw new ValidationProblem([
        {
          field: part.name,
          messages: [`${part.name} must not contain a NUL character`],
          codes: ['noNulCharacter'],
        },
      ]);
    fields[part.name] = text;
  }
  return { buffer: file.content, fileName: file.fileName ?? '', fields };
}

function uploadOptions(request: FastifyRequest): UploadOptions | undefined {
  const config = request.routeOptions.config as unknown as Record<string, UploadOptions | undefined>;
  return config?.[UPLOAD_CONFIG_KEY];
}

/**
 * Registers the upload media types: a route without `@AcceptUpload`, or one that does not accept
 * the body's type, answers 415; a body over the route's limit 413.
 */
export function registerUploadParsers(fastify: FastifyInstance): void {
  for (const type of UPLOAD_MEDIA_TYPES) {
    fastify.addContentTypeParser(type, (request: FastifyRequest, payload: Readable, done) => {
      const options = uploadOptions(request);
      if (!options?.mediaTypes.includes(type)) {
        done(
          new ProblemException({
            status: 415,
            code: 'request.unsupported_media_type',
            detail: options
              ? `Send the file as ${options.mediaTypes.join(' or ')}.`
              : 'Send the request body as application/json.',
          }),
          undefined,
        );
        return;
      }
      // Every upload route needs a session: without any token, answer before reading megabytes.
      // (A token is checked by the access guard once the body is read.)
      if (!tokenFrom(request)) {
        done(new UnauthenticatedException(), undefined);
        return;
      }
      readBody(request, payload, options.maxBytes).then(
        (body) => {
          try {
            const upload =
              type === MULTIPART_FORM_DATA
                ? parseMultipart(body, request.headers['content-type'] ?? '')
                : { buffer: body, fileName: '', fields: {} };
            parsedUploads.add(upload);
            done(null, upload);
          } catch (error) {
            done(error as Error, undefined);
          }
        },
        (error: Error) => done(error, undefined),
      );
    });
  }
}
