import { HttpErrorResponse } from '@angular/common/http';
import { attachmentName, blobProblemCode } from './file-download';

describe('attachmentName', () => {
  it('takes the file name of a Content-Disposition header, only its base name', () => {
    expect(attachmentName('attachment; filename="indsigtslog-2026.csv"', 'x.csv')).toBe(
      'indsigtslog-2026.csv',
    );
    expect(attachmentName("attachment; filename*=UTF-8''indsigtslog%20%C3%A6.pdf", 'x.pdf')).toBe(
      'indsigtslog æ.pdf',
    );
    expect(attachmentName('attachment; filename="../../etc/passwd"', 'x.csv')).toBe('passwd');
    expect(attachmentName(null, 'x.csv')).toBe('x.csv');
    expect(attachmentName('attachment', 'x.csv')).toBe('x.csv');
  });
});

describe('blobProblemCode', () => {
  it('reads the code of a problem document that arrived as a Blob', async () => {
    const body = new Blob([JSON.stringify({ status: 422, code: 'access_log.too_many_events' })], {
      type: 'application/problem+json',
    });
    expect(await blobProblemCode(new HttpErrorResponse({ status: 422, error: body }))).toBe(
      'access_log.too_many_events',
    );
    expect(
      await blobProblemCode(new HttpErrorResponse({ status: 500, error: new Blob(['oops']) })),
    ).toBeUndefined();
    expect(await blobProblemCode(new Error('x'))).toBeUndefined();
  });
});
