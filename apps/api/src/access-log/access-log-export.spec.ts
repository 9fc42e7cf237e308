import { AccessKind, type AccessLogEntry, AccessPurpose, Role } from '@mentor/domain';
import { accessLogCsv, accessLogPdf, actionDa, periodDa } from './access-log-export';

const entry = (overrides: Partial<AccessLogEntry> = {}): AccessLogEntry => ({
  at: '2026-03-02T09:05:07.000Z',
  action: 'course.read',
  kind: AccessKind.Read,
  purpose: AccessPurpose.MentorSupport,
  actorRole: Role.Mentor,
  organisationName: 'Mentorhuset ApS',
  ...overrides,
});

describe('access log wording', () => {
  it('words known actions, and others by what they are about', () => {
    expect(actionDa('citizen.cpr_reveal', AccessKind.Read)).toBe('Fuldt CPR-nummer vist');
    expect(actionDa('handover.acknowledge', AccessKind.Change)).toBe('Overleveringspakke ændret');
    expect(actionDa('share.read', AccessKind.Read)).toBe('Delte sagsoplysninger vist');
    expect(actionDa('something.new', AccessKind.Read)).toBe('Oplysninger vist');
  });

  it('writes open periods', () => {
    expect(periodDa(null, null)).toBe('Hele perioden');
    expect(periodDa('2026-01-01', null)).toBe('Fra 01.01.2026');
    expect(periodDa(null, '2026-01-31')).toBe('Til og med 31.01.2026');
    expect(periodDa('2026-01-01', '2026-01-31')).toBe('01.01.2026 – 31.01.2026');
  });
});

describe('accessLogCsv', () => {
  it('writes UTF-8 with BOM, semicolons and CRLF, quoting and defusing cells', () => {
    const csv = accessLogCsv([
      entry(),
      entry({ organisationName: '=HYPERLINK("x";"y")' }),
      entry({ organisationName: 'Hansen; Søn & Co' }),
    ]);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).split('\r\n');
    expect(lines).toEqual([
      'Tidspunkt;Handling;Læst eller ændret;Formål;Rolle;Organisation',
      '02.03.2026 10:05:07;Forløb vist;Læst;Mentorstøtte;Mentor;Mentorhuset ApS',
      `02.03.2026 10:05:07;Forløb vist;Læst;Mentorstøtte;Mentor;"'=HYPERLINK(""x"";""y"")"`,
      '02.03.2026 10:05:07;Forløb vist;Læst;Mentorstøtte;Mentor;"Hansen; Søn & Co"',
      '',
    ]);
  });
});

describe('accessLogPdf', () => {
  it('renders a PDF over several pages for a long log', async () => {
    const pdf = await accessLogPdf({
      citizenName: 'Anders Testesen',
      cprMasked: '010190-XXXX',
      from: null,
      to: null,
      madeAt: '2026-03-02T09:05:07.000Z',
      entries: Array.from({ length: 200 }, () => entry()),
    });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toContain('Indsigtslog');
    expect((text.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThan(2);
  });
});
