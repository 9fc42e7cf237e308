import { ImportKind } from '@mentor/domain';
import writeXlsxFile from 'write-excel-file/node';
import {
  decodeText,
  IMPORT_COLUMNS,
  parseCell,
  parseCsv,
  readImportFile,
  XLSX_UNPACKED_MAX_BYTES,
  zipUnpackedSize,
} from './import-file';

const column = (kind: ImportKind, header: string) => {
  const spec = IMPORT_COLUMNS[kind].find((c) => c.header === header);
  if (!spec) throw new Error(header);
  return spec;
};

describe('parseCsv', () => {
  it('takes the separator of the header line and honours quotes, doubled quotes and line breaks', () => {
    expect(parseCsv('a;b;c\r\n1;"x; y";"say ""hi"""\r\n2;"two\nlines";\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x; y', 'say "hi"'],
      ['2', 'two\nlines', ''],
    ]);
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a\tb\n1\t2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads UTF-8 with a byte order mark, and Windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeText(Buffer.from('\uFEFFÆblegrød', 'utf8'))).toBe('Æblegrød');
    expect(decodeText(Buffer.from('Æblegrød', 'latin1'))).toBe('Æblegrød');
  });
});

describe('parseCell', () => {
  it('reads dates written the ISO and the Danish way, Excel dates and serial numbers', () => {
    const date = column(ImportKind.Training, 'completed_on');
    expect(parseCell(date, '2026-03-01')).toEqual({ value: '2026-03-01' });
    expect(parseCell(date, '1-3-2026')).toEqual({ value: '2026-03-01' });
    expect(parseCell(date, '01.03.2026')).toEqual({ value: '2026-03-01' });
    expect(parseCell(date, new Date('2026-03-01T00:00:00Z'))).toEqual({ value: '2026-03-01' });
    expect(parseCell(date, 46082)).toEqual({ value: '2026-03-01' });
    expect(parseCell(date, '31-02-2026')).toEqual({
      error: { code: 'import.invalid_date', message: expect.any(String) },
    });
    expect(parseCell(date, '  ')).toEqual({ value: null });
  });

  it('reads numbers, hours with a decimal comma, yes/no in Danish and English', () => {
    expect(parseCell(column(ImportKind.Profiles, 'birth_year'), '1975')).toEqual({ value: 1975 });
    expect(parseCell(column(ImportKind.Profiles, 'birth_year'), '19,5')).toMatchObject({
      error: { code: 'isInt' },
    });
    expect(parseCell(column(ImportKind.Profiles, 'birth_year'), 'nitten')).toMatchObject({
      error: { code: 'import.invalid_number' },
    });
    expect(parseCell(column(ImportKind.Profiles, 'capacity_hours_per_week'), '7,5')).toEqual({ value: 450 });
    const bool = column(ImportKind.Upskilling, 'taken');
    expect(['Ja', 'nej', 'yes', 'FALSE', 1, true].map((v) => parseCell(bool, v))).toEqual([
      { value: true },
      { value: false },
      { value: true },
      { value: false },
      { value: true },
      { value: true },
    ]);
    expect(parseCell(bool, 'måske')).toMatchObject({ error: { code: 'import.invalid_boolean' } });
  });

  it('knows only the study’s values, case-insensitively, and lists separated by comma, bar or semicolon', () => {
    expect(parseCell(column(ImportKind.Upskilling, 'topic'), ' Employment_Law ')).toEqual({
      value: 'employment_law',
    });
    expect(parseCell(column(ImportKind.Upskilling, 'topic'), 'knitting')).toMatchObject({
      error: { code: 'isIn' },
    });
    const types = column(ImportKind.Profiles, 'mentor_types');
    expect(parseCell(types, 'holistic | Retention, holistic')).toEqual({ value: ['holistic', 'retention'] });
    expect(parseCell(types, '')).toEqual({ value: [] });
    expect(parseCell(column(ImportKind.Profiles, 'specialisations'), 'ADHD, Angst')).toEqual({
      value: ['ADHD', 'Angst'],
    });
  });
});

describe('readImportFile', () => {
  it('needs the kind of a CSV file, and checks the header row against the kind’s columns', async () => {
    await expect(readImportFile(Buffer.from('email\n'), undefined)).rejects.toMatchObject({
      init: { status: 400, code: 'import.kind_required' },
    });
    const { sheets, errors } = await readImportFile(
      Buffer.from('Email;Kind;colour\na@x.dk;shadowing;red\n;;\n'),
      ImportKind.Training,
    );
    expect(errors.map((e) => `${e.row}:${e.column}:${e.code}`)).toEqual(['1:colour:import.unknown_column']);
    expect(sheets).toHaveLength(1);
    expect([...(sheets[0]?.headers ?? [])]).toEqual(['email', 'kind']);
    // The blank row is left out; rows keep their spreadsheet numbers.
    expect(sheets[0]?.rows.map((r) => [r.row, r.cells.get('kind')])).toEqual([[2, 'shadowing']]);
  });

  it('reports missing key and required columns on the header row', async () => {
    const { errors } = await readImportFile(Buffer.from('provider\nX\n'), ImportKind.Training);
    expect(errors.map((e) => `${e.row}:${e.column}:${e.code}`)).toEqual([
      '1:email:import.missing_key_column',
      '1:kind:import.missing_column',
    ]);
  });

  it('reads an XLSX workbook sheet by sheet, by English or Danish sheet name, and refuses an unknown sheet', async () => {
    const book = await writeXlsxFile([
      { sheet: 'Profiler', data: [[{ value: 'email' }], [{ value: 'a@x.dk' }]] },
      { sheet: 'supervision', data: [[{ value: 'email' }, { value: 'kind' }, { value: 'held_on' }]] },
    ] as never).toBuffer();
    const { sheets } = await readImportFile(book, undefined);
    expect(sheets.map((s) => [s.kind, s.rows.length])).toEqual([
      [ImportKind.Profiles, 1],
      [ImportKind.Supervision, 0],
    ]);
    const unknown = await writeXlsxFile([[{ value: 'x' }]] as never, { sheet: 'Noter' } as never).toBuffer();
    await expect(readImportFile(unknown, undefined)).rejects.toMatchObject({
      init: { code: 'import.unknown_sheet' },
    });
  });
});

describe('zipUnpackedSize', () => {
  it('reads what a workbook unpacks to before unpacking it, and refuses a zip bomb', async () => {
    const book = await writeXlsxFile([[{ value: 'email' }], [{ value: 'a@x.dk' }]] as never).toBuffer();
    const size = zipUnpackedSize(book);
    expect(size).toBeGreaterThan(book.length);
    expect(size).toBeLessThan(100_000);
    // The same workbook, its first entry declaring 100 MB unpacked.
    const bomb = Buffer.from(book);
    const end = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    bomb.writeUInt32LE(100 * 1024 * 1024, bomb.readUInt32LE(end + 16) + 24);
    expect(zipUnpackedSize(bomb)).toBeGreaterThan(XLSX_UNPACKED_MAX_BYTES);
    await expect(readImportFile(bomb, undefined)).rejects.toMatchObject({
      init: { status: 413, code: 'import.too_large_unpacked' },
    });
    expect(zipUnpackedSize(Buffer.from('PK\u0003\u0004 no directory'))).toBeNull();
  });
});
