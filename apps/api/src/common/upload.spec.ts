import { parseMultipart } from './upload';

const CONTENT_TYPE = 'multipart/form-data; boundary=XyZ';

describe('parseMultipart', () => {
  it('takes the part named file, binary-safe, with its file name and the text fields', () => {
    const content = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x0d, 0x0a, 0x2d, 0x2d, 0xff]);
    const body = Buffer.concat([
      Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="title"\r\n\r\nÅrsplan 2026\r\n'),
      Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a \\"b\\".xlsx"\r\n'),
      Buffer.from('Content-Type: application/octet-stream\r\n\r\n'),
      content,
      Buffer.from('\r\n--XyZ\r\nContent-Disposition: form-data; name="empty"\r\n\r\n\r\n--XyZ--\r\n'),
    ]);
    expect(parseMultipart(body, CONTENT_TYPE)).toEqual({
      buffer: content,
      fileName: 'a "b".xlsx',
      fields: { title: 'Årsplan 2026', empty: '' },
    });
  });

  it("prefers filename* (RFC 5987) and reads a browser's UTF-8 filename", () => {
    const part = (disposition: string) =>
      Buffer.from(`--XyZ\r\nContent-Disposition: form-data; name="file"; ${disposition}\r\n\r\nx\r\n--XyZ--`);
    expect(
      parseMultipart(part(`filename="a.txt"; filename*=UTF-8''%C3%A6bler.txt`), CONTENT_TYPE),
    ).toMatchObject({
      fileName: 'æbler.txt',
    });
    expect(parseMultipart(part('filename="bøger.txt"'), CONTENT_TYPE)).toMatchObject({
      fileName: 'bøger.txt',
    });
    // Browsers keep a Windows path's backslashes: the name is cleaned later, not unescaped here.
    expect(parseMultipart(part('filename="..\\..\\x.pdf"'), CONTENT_TYPE)).toMatchObject({
      fileName: '..\\..\\x.pdf',
    });
    expect(parseMultipart(part(`filename="a.txt"; filename*=UTF-8''%E0%A4`), CONTENT_TYPE)).toMatchObject({
      fileName: 'a.txt',
    });
  });

  it('takes the first part with a file name when none is named file', () => {
    const body = Buffer.from(
      '--XyZ\r\nContent-Disposition: form-data; name="upload"; filename="x.csv"\r\n\r\na;b\r\n--XyZ--',
    );
    expect(parseMultipart(body, CONTENT_TYPE)).toEqual({
      buffer: Buffer.from('a;b'),
      fileName: 'x.csv',
      fields: {},
    });
  });

  it('refuses a body without boundary, file part or within the part limit', () => {
    expect(() => parseMultipart(Buffer.from(''), 'multipart/form-data')).toThrow(/boundary/);
    expect(() =>
      parseMultipart(
        Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--XyZ--'),
        CONTENT_TYPE,
      ),
    ).toThrow(/named "file"/);
    const many = Buffer.from(
      `${'--XyZ\r\nContent-Disposition: form-data; name="f"\r\n\r\n1\r\n'.repeat(21)}--XyZ--`,
    );
    expect(() => parseMultipart(many, CONTENT_TYPE)).toThrow(/more than 20 parts/);
  });
});
