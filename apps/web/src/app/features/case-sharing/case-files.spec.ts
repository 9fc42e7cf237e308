import { registerLocaleData } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import localeDa from '@angular/common/locales/da';
import { CASE_FILE_MAX_BYTES, CaseFileType } from '@mentor/domain';
import { fileProblemKey, fileTypeKey, formatFileSize, uploadErrorText } from './case-files';

registerLocaleData(localeDa);

/** A file that claims `size` bytes without holding them. */
function fileOf(name: string, size: number): File {
  const file = new File(['x'], name);
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

const t = (key: string) => key;

describe('case files', () => {
  it('refuses before uploading an empty file, one over the limit, or a type not accepted', () => {
    expect(fileProblemKey(fileOf('Lægeerklæring.PDF', 1000))).toBeNull();
    expect(fileProblemKey(fileOf('skema.docx', CASE_FILE_MAX_BYTES))).toBeNull();
    expect(fileProblemKey(fileOf('tom.pdf', 0))).toBe('caseSharing.files.empty');
    expect(fileProblemKey(fileOf('stor.pdf', CASE_FILE_MAX_BYTES + 1))).toBe('caseSharing.files.tooLarge');
    expect(fileProblemKey(fileOf('side.html', 10))).toBe('caseSharing.files.wrongType');
    expect(fileProblemKey(fileOf('pdf', 10))).toBe('caseSharing.files.wrongType');
  });

  it("words the server's refusals: 413 too large, 415 type, a field's error, else a general failure", () => {
    const answer = (status: number, error: unknown = null) => new HttpErrorResponse({ status, error });
    expect(uploadErrorText(answer(413), t)).toBe('caseSharing.files.tooLarge');
    expect(uploadErrorText(answer(415), t)).toBe('caseSharing.files.refusedType');
    const refused = (code: string) => answer(415, { type: 'about:blank', title: 'x', status: 415, code });
    expect(uploadErrorText(refused('file.type_mismatch'), t)).toBe('caseSharing.files.typeMismatch');
    expect(uploadErrorText(refused('file.type_not_allowed'), t)).toBe('caseSharing.files.wrongType');
    expect(
      uploadErrorText(
        answer(400, {
          status: 400,
          title: 'Bad Request',
          type: 'about:blank',
          errors: [{ field: 'title', messages: ['title is too long'], codes: ['maxLength'] }],
        }),
        (key) => (key === 'validation.codes.maxLength' ? 'Teksten er for lang.' : key),
      ),
    ).toBe('Teksten er for lang.');
    expect(uploadErrorText(answer(500), t)).toBe('caseSharing.files.uploadFailed');
    expect(uploadErrorText(answer(0), t)).toBe('caseSharing.files.offline');
  });

  it('gives sizes in the locale and types by a short name', () => {
    expect(formatFileSize(820, 'da')).toBe('820 B');
    expect(formatFileSize(12 * 1024, 'da')).toBe('12 kB');
    expect(formatFileSize(1.4 * 1024 * 1024, 'da')).toBe('1,4 MB');
    expect(formatFileSize(1.4 * 1024 * 1024, 'en')).toBe('1.4 MB');
    expect(fileTypeKey(CaseFileType.Pdf)).toBe('caseSharing.fileTypes.pdf');
    expect(fileTypeKey(CaseFileType.Docx)).toBe('caseSharing.fileTypes.docx');
  });
});
