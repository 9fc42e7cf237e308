import { IMPORT_BODY_LIMIT_BYTES } from '@mentor/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { ProblemException } from '../common/problem';

/**
 * File uploads (the workforce import): CSV or XLSX sent as the raw body or as the `file` part of
 * multipart/form-data. Only the routes in UPLOAD_ROUTES accept these media types, up to
 * IMPORT_BODY_LIMIT_BYTES; every other route keeps JSON and the 1 MB limit.
 */
export const UPLOAD_ROUTES: readonly string[] = ['/api/organisations/:id/workforce/import'];

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const UPLOAD_MEDIA_TYPES: readonly string[] = [
  'text/csv',
  'application/csv',
  // What browsers on Windows call a .csv file.
  'application/vnd.ms-excel',
  XLSX_MEDIA_TYPE,
  'application/octet-stream',
  'multipart/form-data',
];

function tooLarge(limit: number): ProblemException {
  return new ProblemException({
    status: 413,
    code: 'request.body_too_large',
    detail: `The upload is larger than ${Math.round(limit / (1024 * 1024))} MB.`,
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
 * The uploaded file of a multipart/form-data body: the part named `file` (or else the first part
 * with a filename).
 */
export function multipartFile(body: Buffer, contentType: string): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const name = boundary?.[1] ?? boundary?.[2];
  const invalid = (detail: string) =>
    new ProblemException({ status: 400, code: 'request.invalid_multipart', detail });
  if (!name) throw invalid('The multipart body has no boundary.');
  const delimiter = Buffer.from(`--${name.trim()}`);
  const parts: { headers: string; content: Buffer }[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length, next);
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF.
    const split = part.indexOf('\r\n\r\n');
    if (split !== -1) {
      const content = part.subarray(
        split + 4,
        part.length - (part.subarray(-2).toString() === '\r\n' ? 2 : 0),
      );
      parts.push({ headers: part.subarray(0, split).toString('utf8'), content });
    }
    start = next;
  }
  const disposition = (p: { headers: string }) =>
    /content-disposition:([^\r\n]*)/i.exec(p.headers)?.[1] ?? '';
  const file =
    parts.find((p) => /\bname="file"/i.test(disposition(p))) ??
    parts.find((p) => /filename=/i.test(disposition(p)));
  if (!file) throw invalid('Send the file as the multipart part named "file".');
  return file.content;
}

/** Registers the upload media types: routes not in `routes` answer 415, bodies over `limit` 413. */
export function registerUploadParsers(
  fastify: FastifyInstance,
  routes: readonly string[] = UPLOAD_ROUTES,
  limit: number = IMPORT_BODY_LIMIT_BYTES,
): void {
  const accepted = new Set(routes);
  for (const type of UPLOAD_MEDIA_TYPES) {
    fastify.addContentTypeParser(type, (request: FastifyRequest, payload: Readable, done) => {
      if (!accepted.has(request.routeOptions.url ?? '')) {
        done(
          new ProblemException({
            status: 415,
            code: 'request.unsupported_media_type',
            detail: 'Send the request body as application/json.',
          }),
          undefined,
        );
        return;
      }
      readBody(request, payload, limit).then(
        (body) => {
          try {
            done(
              null,
              type === 'multipart/form-data'
                ? multipartFile(body, request.headers['content-type'] ?? '')
                : body,
            );
          } catch (error) {
            done(error as Error, undefined);
          }
        },
        (error: Error) => done(error, undefined),
      );
    });
  }
}
