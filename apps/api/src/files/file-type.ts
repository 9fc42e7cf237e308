import { CaseFileType, FILE_NAME_MAX_LENGTH } from '@mentor/domain';

/**
 * What a file is, from its content alone: the name and the browser's Content-Type are the
 * uploader's claims, and a PDF-named program or web page must not pass as a PDF.
 */

/** The file name extensions of each accepted type. */
export const FILE_EXTENSIONS: Readonly<Record<CaseFileType, readonly string[]>> = {
  [CaseFileType.Pdf]: ['pdf'],
  [CaseFileType.Png]: ['png'],
  [CaseFileType.Jpeg]: ['jpg', 'jpeg'],
  [CaseFileType.Docx]: ['docx'],
  [CaseFileType.Xlsx]: ['xlsx'],
  [CaseFileType.Odt]: ['odt'],
  [CaseFileType.Ods]: ['ods'],
  [CaseFileType.Text]: ['txt'],
};

const startsWith = (content: Buffer, signature: readonly number[]) =>
  content.length >= signature.length && signature.every((byte, i) => content[i] === byte);

const PDF = [...Buffer.from('%PDF-')];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** The entry names of a zip's central directory, or null when it cannot be read. Nothing is unpacked. */
export function zipEntryNames(content: Buffer): string[] | null {
  // The end-of-central-directory record: at least 22 bytes from the end, before an optional comment.
  for (let end = content.length - 22; end >= Math.max(0, content.length - 22 - 65_535); end--) {
    if (content.readUInt32LE(end) !== 0x06054b50) continue;
    const count = content.readUInt16LE(end + 10);
    let at = content.readUInt32LE(end + 16);
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      if (at + 46 > content.length || content.readUInt32LE(at) !== 0x02014b50) return null;
      const nameLength = content.readUInt16LE(at + 28);
      if (at + 46 + nameLength > content.length) return null;
      names.push(content.toString('utf8', at + 46, at + 46 + nameLength));
      at += 46 + nameLength + content.readUInt16LE(at + 30) + content.readUInt16LE(at + 32);
    }
    return names;
  }
  return null;
}

/**
 * The media type an OpenDocument file declares: its first entry is `mimetype`, stored uncompressed,
 * so the type can be read from the local header without unpacking.
 */
function openDocumentType(content: Buffer): string | null {
  if (content.length < 30 || content.readUInt16LE(8) !== 0) return null;
  const nameLength = content.readUInt16LE(26);
  const extraLength = content.readUInt16LE(28);
  if (content.toString('latin1', 30, 30 + nameLength) !== 'mimetype') return null;
  const size = content.readUInt32LE(18);
  const start = 30 + nameLength + extraLength;
  if (size > 100 || start + size > content.length) return null;
  return content.toString('latin1', start, start + size);
}

function zipType(content: Buffer): CaseFileType | null {
  const names = zipEntryNames(content);
  if (!names) return null;
  const odf = names.includes('mimetype') ? openDocumentType(content) : null;
  if (odf === CaseFileType.Odt || odf === CaseFileType.Ods) return odf;
  if (!names.includes('[Content_Types].xml')) return null;
  const word = names.some((n) => n.startsWith('word/'));
  const excel = names.some((n) => n.startsWith('xl/'));
  // Both, or neither: not a document we can name.
  if (word === excel) return null;
  return word ? CaseFileType.Docx : CaseFileType.Xlsx;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

// Text a browser could take for markup if it ever ignored the declared type.
const MARKUP_START = /^\s*<(!doctype|html|head|body|script|iframe|svg|\?xml|!--)/i;

function isPlainText(content: Buffer): boolean {
  if (content.includes(0)) return false;
  let text: string;
  try {
    text = STRICT_UTF8.decode(content);
  } catch {
    return false;
  }
  return !MARKUP_START.test(text.slice(0, 1024));
}

/** The accepted type the content is, or null for anything else (programs, web pages, archives...). */
export function detectFileType(content: Buffer): CaseFileType | null {
  if (content.length === 0) return null;
  if (startsWith(content, PDF)) return CaseFileType.Pdf;
  if (startsWith(content, PNG)) return CaseFileType.Png;
  if (startsWith(content, JPEG)) return CaseFileType.Jpeg;
  if (startsWith(content, ZIP)) return zipType(content);
  return isPlainText(content) ? CaseFileType.Text : null;
}

/** The accepted type a file name's extension claims, or null. */
export function typeOfExtension(fileName: string): CaseFileType | null {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (!extension) return null;
  const entry = Object.entries(FILE_EXTENSIONS).find(([, list]) => list.includes(extension));
  return entry ? (entry[0] as CaseFileType) : null;
}

// C0 and C1 controls, and the bidirectional overrides that make `gpj.exe` look like `exe.jpg`.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Characters some systems refuse in file names; harmless here, replaced so a download saves anywhere.
const RESERVED_CHARACTERS = /[<>:"|?*]/g;

/**
 * A file name fit to show and to offer on download: the last path segment only, without control
 * or direction characters, no leading dots, at most FILE_NAME_MAX_LENGTH characters (keeping the
 * extension). Never used to store the file. Empty when nothing is left.
 */
export function cleanFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const name = base
    .replace(UNSAFE_CHARACTERS, '')
    .replace(RESERVED_CHARACTERS, '_')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const chars = [...name];
  if (chars.length <= FILE_NAME_MAX_LENGTH) return name;
  const extension = /\.[A-Za-z0-9]{1,10}$/.exec(name)?.[0] ?? '';
  return chars.slice(0, FILE_NAME_MAX_LENGTH - extension.length).join('') + extension;
}

/** Content-Disposition with the name for every browser: an ASCII fallback and the UTF-8 form (RFC 6266). */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
