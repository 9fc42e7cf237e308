import { IMPORT_BODY_LIMIT_BYTES } from '@mentor/domain';
import { UPLOAD_MEDIA_TYPES, type UploadOptions } from '../common/upload';

/**
 * The workforce import's upload: CSV or XLSX as the raw body or as the `file` part of
 * multipart/form-data, up to IMPORT_BODY_LIMIT_BYTES.
 */
export const WORKFORCE_IMPORT_UPLOAD: UploadOptions = {
  maxBytes: IMPORT_BODY_LIMIT_BYTES,
  mediaTypes: UPLOAD_MEDIA_TYPES,
};
