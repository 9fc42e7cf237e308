import {
  CertificationStatus,
  MentorType,
  OrganisationKind,
  WorkforceAlert,
  type WorkforceRow,
} from '@mentor/domain';
import readXlsxFile from 'read-excel-file/node';
import { exportFilename, workforceCsv, workforceXlsx } from './workforce-export';
import type { WorkforceTable } from './workforce.service';

const row = (overrides: Partial<WorkforceRow> = {}): WorkforceRow => ({
  mentorId: 'm1',
  name: 'Åse Ørnsø',
  employeeNumber: '=HYPERLINK("x")',
  email: 'aase@example.dk',
  mentorTypes: [MentorType.Holistic, MentorType.Retention],
  capacityMinutesPerWeek: 600,
  activeCourses: 3,
  grantedMinutesPerWeek: 660,
  utilisationPercent: 110,
  grantedMinutesWindow: 2640,
  deliveredMinutesWindow: 1000,
  deliveryPercent: 38,
  overdueReports: 1,
  certification: {
    status: CertificationStatus.Expiring,
    certifiedOn: '2025-01-02',
    renewalDueOn: '2026-04-01',
  },
  trainingsCompleted: 2,
  lastTrainingCompletedOn: '2024-05-01',
  lastSupervisionOn: null,
  pendingSuggestions: 0,
  alerts: [WorkforceAlert.Overload, WorkforceAlert.NoSupervision],
  ...overrides,
});

const table = (rows: WorkforceRow[]): WorkforceTable => ({
  organisationId: 'o1',
  organisationName: 'Center for Afklaring & Beskæftigelse',
  organisationKind: OrganisationKind.InternalCentre,
  today: '2026-03-15',
  windowFrom: '2026-02-09',
  windowTo: '2026-03-08',
  all: rows,
  rows,
});

describe('load table export', () => {
  it('writes CSV for Danish Excel: BOM, semicolons, CRLF, Danish words, formulas defused', () => {
    const text = workforceCsv(
      table([row(), row({ name: 'Bo "Bassen" Hansen', employeeNumber: null })]),
    ).toString('utf8');
    expect(text.startsWith('\uFEFFNavn;Medarbejdernummer;')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[1]).toBe(
      'Åse Ørnsø;"\'=HYPERLINK(""x"")";aase@example.dk;Helhedsorienteret, Fastholdelse;3;660;600;110;2640;1000;38;1;' +
        'Udløber snart;2025-01-02;2026-04-01;2;;Overbelastet, Ingen supervision i 3 mdr.',
    );
    expect(lines[2]?.startsWith('"Bo ""Bassen"" Hansen";;')).toBe(true);
    expect(lines.at(-1)).toBe('');
  });

  it('writes an XLSX sheet with numbers as numbers and dates as dates', async () => {
    const [sheet] = await readXlsxFile(await workforceXlsx(table([row()])));
    expect(sheet?.sheet).toBe('Belastning');
    const values = sheet?.data[1] ?? [];
    expect(values.slice(4, 8)).toEqual([3, 660, 600, 110]);
    expect(values[13]).toEqual(new Date('2025-01-02T00:00:00.000Z'));
    expect(values[16]).toBeNull();
  });

  it('names the file after the organisation and the day, in ASCII', () => {
    expect(exportFilename(table([]), 'xlsx')).toBe(
      'belastning-center-for-afklaring-beskaeftigelse-2026-03-15.xlsx',
    );
  });
});
