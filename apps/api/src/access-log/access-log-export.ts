import { AccessKind, type AccessLogEntry, AccessPurpose, Role } from '@mentor/domain';
import { csvFile } from '../common/csv';
import { danishDate, danishTimestamp } from '../common/danish-format';
import { pdfSafeText, pdfWriter } from '../common/pdf';

/**
 * The citizen's access log as files to hand the citizen: Danish wording (the citizen's language),
 * roles and organisations only, never staff names.
 */

export const ROLE_DA: Record<Role, string> = {
  [Role.Mentor]: 'Mentor',
  [Role.Caseworker]: 'Sagsbehandler',
  [Role.TeamLeader]: 'Teamleder',
  [Role.Admin]: 'Administrator',
};

export const PURPOSE_DA: Record<AccessPurpose, string> = {
  [AccessPurpose.CaseHandling]: 'Sagsbehandling',
  [AccessPurpose.MentorSupport]: 'Mentorstøtte',
  [AccessPurpose.ProgressionReporting]: 'Fremdriftsrapportering',
  [AccessPurpose.Search]: 'Søgning og oversigter',
  [AccessPurpose.IdentityCheck]: 'Kontrol af identitet',
  [AccessPurpose.RightOfAccess]: 'Borgerens indsigt',
};

export const KIND_DA: Record<AccessKind, string> = {
  [AccessKind.Read]: 'Læst',
  [AccessKind.Change]: 'Ændret',
};

const ACTION_DA: Record<string, string> = {
  'citizen.create': 'Borger oprettet',
  'citizen.read': 'Borgerens oplysninger vist',
  'citizen.search': 'Fundet ved søgning',
  'citizen.update': 'Borgerens oplysninger ændret',
  'citizen.cpr_reveal': 'Fuldt CPR-nummer vist',
  'citizen.access_log': 'Indsigtslog dannet',
  'citizen.export': 'Alle oplysninger udleveret (indsigt)',
  'grant.create': 'Bevilling oprettet',
  'grant.read': 'Bevilling vist',
  'grant.minutes_change': 'Bevilgede minutter ændret',
  'course.create': 'Forløb oprettet',
  'course.read': 'Forløb vist',
  'course.list': 'Vist i oversigt over forløb',
  'course.weeks': 'Forløbets uger vist',
  'course.change': 'Forløb ændret',
  'contact.create': 'Kontakt registreret',
  'contact.list': 'Kontakter vist',
  'contact.update': 'Kontakt ændret',
  'contact.delete': 'Kontakt slettet',
  'contact.correct': 'Kontakt rettet',
  'report.create': 'Fremdriftsrapport påbegyndt',
  'report.list': 'Fremdriftsrapporter vist',
  'report.read': 'Fremdriftsrapport vist',
  'report.update': 'Fremdriftsrapport gemt',
  'report.submit': 'Fremdriftsrapport indsendt',
  'report.return': 'Fremdriftsrapport sendt retur',
  'report.accept': 'Fremdriftsrapport godkendt',
  'report.pdf': 'Fremdriftsrapport hentet som PDF',
  'report.reporting_read': 'Rapporteringsstatus vist',
  'message.list': 'Beskeder vist',
  'message.create': 'Besked sendt',
  'message.download': 'Vedhæftet fil hentet',
  'message.settings': 'Beskedtrådens indstillinger ændret',
};

// What an action not named above is about, by its first part.
const SUBJECT_DA: Record<string, string> = {
  citizen: 'Borgerens oplysninger',
  grant: 'Bevilling',
  course: 'Forløb',
  contact: 'Kontakt',
  report: 'Fremdriftsrapport',
  handover: 'Overleveringspakke',
  share: 'Delte sagsoplysninger',
  case: 'Sagsoplysninger',
  message: 'Beskeder',
};

/** The action in Danish: a known one by name, any other by what it is about and whether it read or changed. */
export function actionDa(action: string, kind: AccessKind): string {
  const known = ACTION_DA[action];
  if (known) return known;
  const subject = SUBJECT_DA[action.split('.')[0] ?? ''] ?? 'Oplysninger';
  return `${subject} ${kind === AccessKind.Read ? 'vist' : 'ændret'}`;
}

export interface AccessLogDocument {
  citizenName: string;
  cprMasked: string;
  from: string | null;
  to: string | null;
  /** When the log was made (ISO 8601). */
  madeAt: string;
  entries: AccessLogEntry[];
}

/** The period as the citizen reads it; an open end says so. */
export function periodDa(from: string | null, to: string | null): string {
  if (!from && !to) return 'Hele perioden';
  if (!from) return `Til og med ${danishDate(to)}`;
  if (!to) return `Fra ${danishDate(from)}`;
  return `${danishDate(from)} – ${danishDate(to)}`;
}

interface Column {
  header: string;
  value(entry: AccessLogEntry): string;
}

const COLUMNS: Column[] = [
  { header: 'Tidspunkt', value: (e) => danishTimestamp(e.at) },
  { header: 'Handling', value: (e) => actionDa(e.action, e.kind) },
  { header: 'Læst eller ændret', value: (e) => KIND_DA[e.kind] },
  { header: 'Formål', value: (e) => PURPOSE_DA[e.purpose] },
  { header: 'Rolle', value: (e) => ROLE_DA[e.actorRole] },
  { header: 'Organisation', value: (e) => e.organisationName },
];

/** CSV as Danish Excel opens it (see csvFile). */
export function accessLogCsv(entries: AccessLogEntry[]): Buffer {
  return csvFile([
    COLUMNS.map((c) => c.header),
    ...entries.map((entry) => COLUMNS.map((c) => c.value(entry))),
  ]);
}

// Column widths of the PDF table, in points; they add up to the A4 text width (595 - 2 × 40).
const PDF_WIDTHS = [82, 150, 55, 85, 62, 81];

/** The log as a PDF: the citizen and period at the top, then one table row per event, newest first. */
export function accessLogPdf(log: AccessLogDocument): Promise<Buffer> {
  const margin = 40;
  const pdf = pdfWriter('Indsigtslog', margin);
  const { doc, text, field } = pdf;

  doc.font('Helvetica-Bold').fontSize(18);
  text('Indsigtslog');
  doc.font('Helvetica').fontSize(10).moveDown(0.4);
  field('Borger', `${log.citizenName} (${log.cprMasked})`);
  field('Periode', periodDa(log.from, log.to));
  field('Dannet', danishTimestamp(log.madeAt));
  field('Antal hændelser', String(log.entries.length));
  doc.moveDown(0.5);
  text(
    'Loggen viser, hvornår borgerens oplysninger i Mentorsystemet er blevet læst eller ændret, af hvilken ' +
      'type medarbejder (rolle og organisation) og til hvilket formål. Medarbejdernes navne fremgår ikke. ' +
      'Tidspunkter er dansk tid.',
  );
  doc.moveDown(0.8);

  const bottom = doc.page.height - margin;
  const row = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
    const safe = cells.map(pdfSafeText);
    const height = Math.max(
      ...safe.map((cell, i) => doc.heightOfString(cell, { width: (PDF_WIDTHS[i] ?? 0) - 4 })),
    );
    if (doc.y + height + 4 > bottom) {
      doc.addPage();
      if (!bold)
        row(
          COLUMNS.map((c) => c.header),
          true,
        );
    }
    const top = doc.y;
    let x = margin;
    safe.forEach((cell, i) => {
      const width = PDF_WIDTHS[i] ?? 0;
      doc.text(cell, x, top, { width: width - 4 });
      x += width;
    });
    doc.x = margin;
    doc.y = top + height + 3;
    doc
      .moveTo(margin, doc.y - 1.5)
      .lineTo(doc.page.width - margin, doc.y - 1.5)
      .lineWidth(bold ? 0.8 : 0.3)
      .strokeColor('#888888')
      .stroke();
  };

  if (log.entries.length === 0) {
    text('Ingen hændelser i perioden.');
  } else {
    row(
      COLUMNS.map((c) => c.header),
      true,
    );
    for (const entry of log.entries)
      row(
        COLUMNS.map((c) => c.value(entry)),
        false,
      );
  }

  return pdf.end();
}
