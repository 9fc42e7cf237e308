import { applyDecorators, HttpCode, type Type } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { IMPORT_BODY_LIMIT_BYTES } from '@mentor/domain';
import { AcceptUpload, UPLOAD_MEDIA_TYPES } from './upload';

/**
 * The route decorators every CSV/XLSX import shares (workforce, questionnaire responses): the file
 * as the body or the multipart part `file` (read with `@UploadBody()`) within IMPORT_BODY_LIMIT_BYTES,
 * a dry run or a commit answered 200, and the refusals documented alike.
 */
export function ImportUploadRoute(options: {
  /** What the file holds and where its columns are documented. */
  body: string;
  result: Type<unknown>;
  ok: string;
  unprocessable: string;
}) {
  return applyDecorators(
    HttpCode(200),
    AcceptUpload({ maxBytes: IMPORT_BODY_LIMIT_BYTES, mediaTypes: UPLOAD_MEDIA_TYPES }),
    ApiConsumes(...UPLOAD_MEDIA_TYPES),
    ApiBody({
      description: `${options.body}, as the body or as the multipart part "file"; at most ${IMPORT_BODY_LIMIT_BYTES / (1024 * 1024)} MB.`,
      schema: { type: 'string', format: 'binary' },
    }),
    ApiOkResponse({ type: options.result, description: options.ok }),
    ApiPayloadTooLargeResponse({ description: 'Over the upload limit, or too many rows.' }),
    ApiUnsupportedMediaTypeResponse({ description: 'Not a CSV or XLSX upload.' }),
    ApiUnprocessableEntityResponse({ description: options.unprocessable }),
  );
}
