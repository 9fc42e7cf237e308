/**
 * Need-to-know case access (study section 3.5: external mentors had no access to the case, so
 * papers went by hand). The caseworker keeps documents and notes on the citizen's case and shares
 * chosen items with a course's mentor, each share with its legal basis or the citizen's consent.
 * A mentor sees exactly the active shares of their own courses and nothing else of the case.
 */

/** Largest accepted document or attachment, in bytes (10 MB). */
export const CASE_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const CASE_TITLE_MAX_LENGTH = 200;
export const CASE_NOTE_MAX_LENGTH = 10000;
export const FILE_NAME_MAX_LENGTH = 200;

/**
 * The accepted file types, by the media type the server detects from the file's content (never
 * trusting the name or the browser's Content-Type): PDF, PNG, JPEG, Word, Excel, OpenDocument text
 * and spreadsheet, and plain text.
 */
export enum CaseFileType {
  Pdf = 'application/pdf',
  Png = 'image/png',
  Jpeg = 'image/jpeg',
  Docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  Xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  Odt = 'application/vnd.oasis.opendocument.text',
  Ods = 'application/vnd.oasis.opendocument.spreadsheet',
  Text = 'text/plain',
}

export const CASE_FILE_TYPES = Object.values(CaseFileType);

/** The `accept` attribute of file inputs, by extension. */
export const CASE_FILE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.odt,.ods,.txt';

/** An uploaded file's facts (a case document's file or a message attachment). */
export interface FileInfo {
  /** The name the uploader gave, cleaned of any path; shown and offered on download, never used to store. */
  fileName: string;
  contentType: CaseFileType;
  sizeBytes: number;
}

export enum CaseItemKind {
  Document = 'document',
  Note = 'note',
}

export const CASE_ITEM_KINDS = Object.values(CaseItemKind);

/** A document or note on the citizen's case, as the caseworker sees it. */
export interface CaseItem {
  id: string;
  citizenId: string;
  kind: CaseItemKind;
  title: string;
  /** Documents only. */
  file: FileInfo | null;
  /** Notes only. */
  body: string | null;
  createdByName: string;
  createdAt: string;
  /** Active shares of this item (courses it is shared with now). */
  activeShareCount: number;
}

/** `POST /api/citizens/:id/case-notes`. */
export interface CreateCaseNoteRequest {
  title: string;
  body: string;
}

/**
 * `POST /api/citizens/:id/case-documents`: multipart/form-data with the part `file` and the part
 * `title` (the file's name when empty). Refused: over CASE_FILE_MAX_BYTES (413), a type not in
 * CaseFileType or content that does not match its name's extension (415).
 */

/** The ground for sharing an item with the mentor. */
export enum ShareBasis {
  /** The citizen consented (date and scope recorded). */
  Consent = 'consent',
  /** A legal basis without consent, named in legalBasis. */
  LegalBasis = 'legal_basis',
}

export const SHARE_BASES = Object.values(ShareBasis);
export const LEGAL_BASIS_MAX_LENGTH = 300;
export const CONSENT_SCOPE_MAX_LENGTH = 500;

/** `POST /api/courses/:id/shares`. */
export interface CreateShareRequest {
  itemId: string;
  basis: ShareBasis;
  /** Required for LegalBasis, e.g. "LAB § 167, jf. databeskyttelsesforordningens art. 6, stk. 1, litra e". */
  legalBasis?: string;
  /** Required for Consent: the date the citizen consented (not in the future). */
  consentGivenOn?: string;
  /** Required for Consent: what the citizen consented to. */
  consentScope?: string;
  /** Defaults to the course's end; not after it, not in the past. */
  expiresOn?: string;
}

export enum ShareState {
  Active = 'active',
  /** Ended by the caseworker. */
  Revoked = 'revoked',
  /** Past its expiry date, or its course has ended. */
  Expired = 'expired',
}

/** A share as the caseworker sees it (`GET /api/courses/:id/shares`: every share, newest first). */
export interface CaseShare {
  id: string;
  courseId: string;
  itemId: string;
  itemKind: CaseItemKind;
  title: string;
  basis: ShareBasis;
  legalBasis: string | null;
  consentGivenOn: string | null;
  consentScope: string | null;
  expiresOn: string;
  state: ShareState;
  sharedByName: string;
  createdAt: string;
  revokedAt: string | null;
  revokedByName: string | null;
}

/**
 * A shared item as the course's mentor sees it (`GET /api/courses/:id/shared-items`: active shares
 * only; `GET /api/shares/:id`: one, with a note's body; `GET /api/shares/:id/file`: a document's
 * file). Another mentor, or after revocation or expiry: 404. Every read writes an audit record.
 */
export interface SharedItem {
  shareId: string;
  kind: CaseItemKind;
  title: string;
  file: FileInfo | null;
  /** A note's text: in the single read only (null in the list). */
  body: string | null;
  sharedOn: string;
  expiresOn: string;
}
