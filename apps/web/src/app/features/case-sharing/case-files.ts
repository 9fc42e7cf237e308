import { formatNumber } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { CASE_FILE_ACCEPT, CASE_FILE_MAX_BYTES, CaseFileType } from '@mentor/domain';
import { fieldErrors, problemCode, Translate } from '../../core/http/problem';

const ACCEPTED_EXTENSIONS = CASE_FILE_ACCEPT.split(',');

/**
 * Why a chosen file cannot be uploaded, as a translation key, or null when it may be tried. The
 * server decides by the file's content; this only spares the user a long upload that must fail.
 */
export function fileProblemKey(file: File): string | null {
  if (file.size === 0) return 'caseSharing.files.empty';
  if (file.size > CASE_FILE_MAX_BYTES) return 'caseSharing.files.tooLarge';
  const name = file.name.toLowerCase();
  if (!ACCEPTED_EXTENSIONS.some((extension) => name.endsWith(extension)))
    return 'caseSharing.files.wrongType';
  return null;
}

/**
 * An upload's refusal in the UI's language: too large (413), a type not accepted or content that
 * is not what its name says (415), or a field's error.
 */
export function uploadErrorText(error: unknown, t: Translate): string {
  const status = error instanceof HttpErrorResponse ? error.status : 0;
  if (status === 413) return t('caseSharing.files.tooLarge');
  if (status === 415) {
    const code = problemCode(error);
    if (code === 'file.type_mismatch') return t('caseSharing.files.typeMismatch');
    return t(
      code === 'file.type_not_allowed' ? 'caseSharing.files.wrongType' : 'caseSharing.files.refusedType',
    );
  }
  const fields = Object.values(fieldErrors(error, t)).flat();
  if (fields.length) return [...new Set(fields)].join(' ');
  return t(status === 0 ? 'caseSharing.files.offline' : 'caseSharing.files.uploadFailed');
}

/** "820 B", "12 kB", "1,4 MB" in the locale's number format. */
export function formatFileSize(bytes: number, locale: string): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, locale, '1.0-0')} kB`;
  return `${formatNumber(bytes / (1024 * 1024), locale, '1.0-1')} MB`;
}

const TYPE_NAMES: Record<CaseFileType, string> = {
  [CaseFileType.Pdf]: 'pdf',
  [CaseFileType.Png]: 'png',
  [CaseFileType.Jpeg]: 'jpeg',
  [CaseFileType.Docx]: 'docx',
  [CaseFileType.Xlsx]: 'xlsx',
  [CaseFileType.Odt]: 'odt',
  [CaseFileType.Ods]: 'ods',
  [CaseFileType.Text]: 'text',
};

/** Translation key of a file type's short name ("PDF", "Word-dokument"). */
export function fileTypeKey(contentType: CaseFileType): string {
  return `caseSharing.fileTypes.${TYPE_NAMES[contentType] ?? 'other'}`;
}
