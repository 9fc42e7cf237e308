import { CaseFileType, FILE_NAME_MAX_LENGTH } from '@mentor/domain';
import { SAMPLES, storedZip } from '../../test/file-samples';
import {
  cleanFileName,
  contentDisposition,
  detectFileType,
  typeOfExtension,
  zipEntryNames,
} from './file-type';

describe('detectFileType', () => {
  it('recognises each accepted type by its content', () => {
    expect(detectFileType(SAMPLES.pdf)).toBe(CaseFileType.Pdf);
    expect(detectFileType(SAMPLES.png)).toBe(CaseFileType.Png);
    expect(detectFileType(SAMPLES.jpeg)).toBe(CaseFileType.Jpeg);
    expect(detectFileType(SAMPLES.docx)).toBe(CaseFileType.Docx);
    expect(detectFileType(SAMPLES.xlsx)).toBe(CaseFileType.Xlsx);
    expect(detectFileType(SAMPLES.odt)).toBe(CaseFileType.Odt);
    expect(detectFileType(SAMPLES.ods)).toBe(CaseFileType.Ods);
    expect(detectFileType(SAMPLES.text)).toBe(CaseFileType.Text);
  });

  it('refuses programs, markup, other archives, binary and broken data', () => {
    for (const content of [SAMPLES.exe, SAMPLES.html, SAMPLES.svg, SAMPLES.zip, Buffer.alloc(0)]) {
      expect(detectFileType(content)).toBeNull();
    }
    expect(detectFileType(Buffer.from('text with a \u0000 byte'))).toBeNull();
    expect(detectFileType(Buffer.from([0x61, 0xc3, 0x28]))).toBeNull();
    expect(detectFileType(Buffer.from('  <?xml version="1.0"?><x/>'))).toBeNull();
    // A zip signature with no readable directory, and an OOXML package that is both Word and Excel.
    expect(detectFileType(Buffer.from('PK\u0003\u0004 no directory'))).toBeNull();
    const both = storedZip([
      { name: '[Content_Types].xml', content: '<Types/>' },
      { name: 'word/document.xml', content: '<w/>' },
      { name: 'xl/workbook.xml', content: '<x/>' },
    ]);
    expect(detectFileType(both)).toBeNull();
    // An OpenDocument type other than text and spreadsheet.
    const odp = storedZip([{ name: 'mimetype', content: 'application/vnd.oasis.opendocument.presentation' }]);
    expect(detectFileType(odp)).toBeNull();
  });

  it('lists the entries of a zip without unpacking it', () => {
    expect(zipEntryNames(SAMPLES.docx)).toEqual(['[Content_Types].xml', 'word/document.xml']);
    expect(zipEntryNames(SAMPLES.pdf)).toBeNull();
  });
});

describe('typeOfExtension', () => {
  it('maps accepted extensions, in any case, and nothing else', () => {
    expect(typeOfExtension('Rapport.PDF')).toBe(CaseFileType.Pdf);
    expect(typeOfExtension('foto.jpeg')).toBe(CaseFileType.Jpeg);
    expect(typeOfExtension('foto.jpg')).toBe(CaseFileType.Jpeg);
    expect(typeOfExtension('notat.txt')).toBe(CaseFileType.Text);
    expect(typeOfExtension('program.exe')).toBeNull();
    expect(typeOfExtension('side.html')).toBeNull();
    expect(typeOfExtension('uden-endelse')).toBeNull();
  });
});

describe('cleanFileName', () => {
  it('keeps the last path segment only, so path tricks are harmless', () => {
    expect(cleanFileName('../../x.pdf')).toBe('x.pdf');
    expect(cleanFileName('..\\..\\windows\\x.pdf')).toBe('x.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('/')).toBe('');
    expect(cleanFileName('..')).toBe('');
    expect(cleanFileName('.htaccess')).toBe('htaccess');
  });

  it('drops control and direction characters and replaces reserved ones', () => {
    expect(cleanFileName('a\u0000b\r\n.pdf')).toBe('ab.pdf');
    expect(cleanFileName('faktura\u202Efdp.exe')).toBe('fakturafdp.exe');
    expect(cleanFileName('plan: "ny"?.txt')).toBe('plan_ _ny__.txt');
    expect(cleanFileName('  Årsplan.pdf  ')).toBe('Årsplan.pdf');
  });

  it('shortens a long name, keeping its extension', () => {
    const cleaned = cleanFileName(`${'å'.repeat(300)}.docx`);
    expect([...cleaned]).toHaveLength(FILE_NAME_MAX_LENGTH);
    expect(cleaned.endsWith('å.docx')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('attachment', "Møde (1) 'a'.pdf")).toBe(
      `attachment; filename="M_de (1) 'a'.pdf"; filename*=UTF-8''M%C3%B8de%20%281%29%20%27a%27.pdf`,
    );
    expect(contentDisposition('inline', 'a"b\\.png')).toBe(
      `inline; filename="a_b_.png"; filename*=UTF-8''a%22b%5C.png`,
    );
  });
});
