import {
  BarrierKind,
  ContactForm,
  GoalProgress,
  Recommendation,
  ReportSection,
  type ReportVersion,
} from '@mentor/domain';
import PDFDocument from 'pdfkit';

/** The printable progression report: an accepted version, with Danish labels, made by pdfkit. */

const GOAL_PROGRESS: Record<GoalProgress, string> = {
  [GoalProgress.NotStarted]: 'Ikke startet',
  [GoalProgress.SomeProgress]: 'Nogen fremgang',
  [GoalProgress.ClearProgress]: 'Tydelig fremgang',
  [GoalProgress.Reached]: 'Nået',
  [GoalProgress.NoLongerRelevant]: 'Ikke længere relevant',
};

const BARRIER_KIND: Record<BarrierKind, string> = {
  [BarrierKind.Health]: 'Fysisk helbred',
  [BarrierKind.MentalHealth]: 'Psykisk helbred',
  [BarrierKind.Housing]: 'Bolig',
  [BarrierKind.Finances]: 'Økonomi',
  [BarrierKind.Family]: 'Familie',
  [BarrierKind.Addiction]: 'Misbrug',
  [BarrierKind.Other]: 'Andet',
};

const RECOMMENDATION: Record<Recommendation, string> = {
  [Recommendation.Continue]: 'Fortsæt forløbet',
  [Recommendation.AdjustMinutes]: 'Justér antal minutter',
  [Recommendation.ChangeFocus]: 'Skift fokus',
  [Recommendation.EndCourse]: 'Afslut forløbet',
};

const CONTACT_FORM: Record<ContactForm, string> = {
  [ContactForm.InPersonHome]: 'Fremmøde i hjemmet',
  [ContactForm.InPersonJobcentre]: 'Fremmøde på jobcentret',
  [ContactForm.InPersonProvider]: 'Fremmøde hos leverandøren',
  [ContactForm.InPersonElsewhere]: 'Fremmøde andetsteds',
  [ContactForm.Phone]: 'Telefon',
  [ContactForm.Video]: 'Video',
  [ContactForm.Sms]: 'SMS',
  [ContactForm.Email]: 'E-mail',
};

export const SECTION_TITLES: Record<ReportSection, string> = {
  [ReportSection.Attendance]: '1. Fremmøde og kontakt',
  [ReportSection.Goals]: '2. Fremskridt på målene',
  [ReportSection.Barriers]: '3. Barrierer',
  [ReportSection.CitizenView]: '4. Borgerens egen vurdering',
  [ReportSection.NextSteps]: '5. Næste skridt',
  [ReportSection.Recommendation]: '6. Anbefaling til sagsbehandleren',
};

// The characters the PDF's standard fonts (WinAnsi) can show beyond Latin-1.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * Text the standard PDF fonts can show: Danish and other Western European letters as they are,
 * other letters without their accents where that makes them representable, anything else as `?`.
 * Control characters other than line breaks go.
 */
export function pdfSafeText(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (char === '\n' || representable(char)) {
      out += char;
      continue;
    }
    if (char === '\r' || char === '\t') {
      out += ' ';
      continue;
    }
    const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
    out += base && [...base].every(representable) ? base : '?';
  }
  return out;
}

function representable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char);
}

/** `2026-11-02` as `02.11.2026`. */
export function danishDate(isoDate: string | null): string {
  if (!isoDate) return '–';
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day}.${month}.${year}`;
}

const DANISH_DATE_TIME = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function danishDateTime(iso: string): string {
  const parts = Object.fromEntries(
    DANISH_DATE_TIME.formatToParts(new Date(iso)).map((p) => [p.type, p.value]),
  );
  return `${parts['day']}.${parts['month']}.${parts['year']} kl. ${parts['hour']}:${parts['minute']}`;
}

function hoursAndMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (!hours) return `${minutes} min`;
  return `${minutes} min (${hours} t${rest ? ` ${rest} min` : ''})`;
}

export interface PdfReport {
  citizenName: string;
  cprMasked: string;
  mentorName: string;
  dueOn: string;
  goals: { id: string; text: string }[];
  /** The accepted version, with its review. */
  version: ReportVersion;
  /** Every version, for the history at the end. */
  versions: ReportVersion[];
}

/** Renders the accepted report as a PDF. */
export function renderReportPdf(report: PdfReport): Promise<Buffer> {
  const { version } = report;
  const { attendance, content } = version;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: { Title: 'Fremdriftsrapport', Creator: 'Mentorsystemet', Producer: 'Mentorsystemet' },
    lang: 'da-DK',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const text = (value: string, options: PDFKit.Mixins.TextOptions = {}) =>
    doc.text(pdfSafeText(value), options);
  const heading = (title: string) => {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13);
    text(title);
    doc.moveDown(0.3).font('Helvetica').fontSize(10.5);
  };
  const field = (label: string, value: string) => {
    doc.font('Helvetica-Bold');
    text(`${label}: `, { continued: true });
    doc.font('Helvetica');
    text(value.trim() || '–');
  };

  doc.font('Helvetica-Bold').fontSize(20);
  text('Fremdriftsrapport');
  doc.font('Helvetica').fontSize(10.5).moveDown(0.4);
  field('Borger', `${report.citizenName} (${report.cprMasked})`);
  field('Periode', `${danishDate(version.periodFrom)} – ${danishDate(version.periodTo)}`);
  field('Frist', danishDate(report.dueOn));
  field('Mentor', report.mentorName);
  field('Version', `${version.number} af ${report.versions.length}`);
  field('Kvalitetsscore', `${version.qualityScore} af 100`);

  heading(SECTION_TITLES[ReportSection.Attendance]);
  field('Afholdte kontakter', String(attendance.contactsHeld));
  field('Udeblivelser', String(attendance.noShows));
  field('Leverede minutter', hoursAndMinutes(attendance.minutesDelivered));
  field('Bevilgede minutter i perioden', hoursAndMinutes(attendance.minutesGranted));
  const forms = Object.entries(attendance.forms)
    .filter(([, count]) => (count ?? 0) > 0)
    .map(([form, count]) => `${CONTACT_FORM[form as ContactForm] ?? form}: ${count}`);
  field('Kontaktformer', forms.join(', ') || 'Ingen kontakter i perioden');

  heading(SECTION_TITLES[ReportSection.Goals]);
  for (const [index, goal] of report.goals.entries()) {
    const entry = content.goals.find((g) => g.goalId === goal.id);
    doc.font('Helvetica-Bold');
    text(`Mål ${index + 1}: ${goal.text}`);
    doc.font('Helvetica');
    field('Status', entry?.status ? GOAL_PROGRESS[entry.status] : 'Ikke angivet');
    field('Hvad er sket', entry?.whatHappened ?? '');
    field(
      'Dokumentation',
      entry?.evidence
        ? `${entry.evidence}${entry.evidenceDate ? ` (${danishDate(entry.evidenceDate)})` : ''}`
        : '',
    );
    doc.moveDown(0.4);
  }

  heading(SECTION_TITLES[ReportSection.Barriers]);
  if (content.barriers.length === 0) text('Ingen barrierer angivet.');
  for (const barrier of content.barriers) {
    doc.font('Helvetica-Bold');
    text(BARRIER_KIND[barrier.kind]);
    doc.font('Helvetica');
    field('Beskrivelse', barrier.description);
    field('Det gøres der ved det', barrier.action);
    doc.moveDown(0.3);
  }

  heading(SECTION_TITLES[ReportSection.CitizenView]);
  field('Borgerens vurdering', content.citizenView);
  field(
    'Gennemgået med borgeren',
    content.reviewedWithCitizen === true
      ? `Ja, ${danishDate(content.reviewedWithCitizenOn)}`
      : content.reviewedWithCitizen === false
        ? 'Nej'
        : 'Ikke angivet',
  );
  if (content.citizenViewMissingReason.trim()) field('Hvorfor ikke', content.citizenViewMissingReason);

  heading(SECTION_TITLES[ReportSection.NextSteps]);
  if (content.nextSteps.length === 0) text('Ingen næste skridt angivet.');
  for (const step of content.nextSteps) {
    text(`• ${step.action || '–'} (ansvarlig: ${step.owner || '–'}, frist: ${danishDate(step.dueOn)})`);
  }

  heading(SECTION_TITLES[ReportSection.Recommendation]);
  field('Anbefaling', content.recommendation ? RECOMMENDATION[content.recommendation] : 'Ikke angivet');
  if (content.recommendation === Recommendation.AdjustMinutes)
    field('Anbefalede minutter pr. uge', String(content.recommendedMinutesPerWeek ?? '–'));
  field('Begrundelse', content.recommendationReason);

  if (version.justification) {
    heading('Begrundelse for indsendelse under kvalitetstærsklen');
    text(version.justification);
  }

  heading('Underskrift og godkendelse');
  field('Indsendt af', `${version.submittedByName}, ${danishDateTime(version.submittedAt)}`);
  if (version.review) {
    field(
      version.review.decision === 'accepted' ? 'Godkendt af' : 'Sendt retur af',
      `${version.review.reviewedByName}, ${danishDateTime(version.review.reviewedAt)}`,
    );
  }

  if (report.versions.length > 1) {
    heading('Versioner');
    for (const v of report.versions) {
      const review = v.review
        ? `${v.review.decision === 'accepted' ? 'godkendt' : 'sendt retur'} ${danishDateTime(v.review.reviewedAt)} af ${v.review.reviewedByName}`
        : 'ikke behandlet';
      text(
        `Version ${v.number}: indsendt ${danishDateTime(v.submittedAt)}, score ${v.qualityScore}, ${review}`,
      );
      for (const comment of v.review?.comments ?? [])
        text(`    ${SECTION_TITLES[comment.section]}: ${comment.comment}`);
    }
  }

  doc.end();
  return done;
}
