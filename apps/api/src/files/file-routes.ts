import { applyDecorators } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiUnsupportedMediaTypeResponse,
  type SchemaObject,
} from '@nestjs/swagger';
import { CASE_FILE_ACCEPT, CASE_FILE_MAX_BYTES } from '@mentor/domain';
import { AcceptUpload, MULTIPART_FORM_DATA, MULTIPART_OVERHEAD_BYTES } from '../common/upload';

/** The route decorators of uploads the FileStore keeps and of the files it serves, alike on every such route. */

/**
 * The route takes one file, as the multipart part `file` (read with `@UploadBody()`), within the
 * FileStore's limit; `fields` documents any text parts besides it.
 */
export function FileUploadRoute(options: { description?: string; fields?: Record<string, SchemaObject> }) {
  return applyDecorators(
    AcceptUpload({
      maxBytes: CASE_FILE_MAX_BYTES + MULTIPART_OVERHEAD_BYTES,
      mediaTypes: [MULTIPART_FORM_DATA],
    }),
    ApiConsumes(MULTIPART_FORM_DATA),
    ApiBody({
      ...(options.description ? { description: options.description } : {}),
      schema: {
        type: 'object',
        required: ['file'],
        properties: {
          file: {
            type: 'string',
            format: 'binary',
            description: `${CASE_FILE_ACCEPT}; at most ${CASE_FILE_MAX_BYTES / (1024 * 1024)} MB. The type is read from the content and must match the name's extension.`,
          },
          ...options.fields,
        },
      },
    }),
    ApiPayloadTooLargeResponse({
      description: 'Over the size limit (`file.too_large`, `request.body_too_large`).',
    }),
    ApiUnsupportedMediaTypeResponse({
      description:
        'Not multipart/form-data, a type not accepted (`file.type_not_allowed`), or content other than its name says (`file.type_mismatch`).',
    }),
  );
}

/** The route answers a stored file through `FileStore.send`. */
export function FileDownloadRoute() {
  return applyDecorators(
    ApiProduces('application/octet-stream'),
    ApiOkResponse({
      description:
        'The file, with its detected type; `Content-Disposition: attachment` (pictures inline), never sniffed or cached, sandboxed. Audit-logged.',
      schema: { type: 'string', format: 'binary' },
    }),
  );
}
