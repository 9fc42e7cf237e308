import { csvCell, csvFile, defuseFormula } from './csv';

describe('csv', () => {
  it('defuses text a spreadsheet would run as a formula', () => {
    for (const text of ['=SUM(A1)', '+45', '-1+2', '@cmd', '\tx', '\rx'])
      expect(defuseFormula(text)).toBe(`'${text}`);
    expect(defuseFormula('Åse = Ørnsø')).toBe('Åse = Ørnsø');
  });

  it('quotes cells with quotes, semicolons or line breaks, and keeps numbers and empty cells', () => {
    expect(csvCell('Bo "Bassen" Hansen')).toBe('"Bo ""Bassen"" Hansen"');
    expect(csvCell('Hansen; Søn & Co')).toBe('"Hansen; Søn & Co"');
    expect(csvCell('to\nlinjer')).toBe('"to\nlinjer"');
    expect(csvCell('=HYPERLINK("x";"y")')).toBe(`"'=HYPERLINK(""x"";""y"")"`);
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
  });

  it('writes UTF-8 with a byte order mark, semicolons and CRLF after every line', () => {
    const file = csvFile([
      ['Navn', 'Antal'],
      ['Æble', 3],
      ['Pære', null],
    ]);
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.toString('utf8')).toBe('\uFEFFNavn;Antal\r\nÆble;3\r\nPære;\r\n');
  });
});
