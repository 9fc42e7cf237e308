import { type ContactForm, Recommendation, ReportSection, type ReportVersion } from '@mentor/domain';
import { BARRIER_KIND_DA, CONTACT_FORM_DA, GOAL_PROGRESS_DA } from '../common/danish-labels';
import { danishDate, danishDateTime } from '../common/danish-format';
import { pdfWriter } from '../common/pdf';

// The indicators' PDF imports it from here.
export { pdfSafeText } from '../common/pdf';

/** The printable progression report: an accepted version, with Danish labels, made by pdfkit. */

const RECOMMENDATION: Record<Recommendation, string> = {
  [Recommendation.Continue]: 'Fortsæt forløbet',
  [Recommendation.AdjustMinutes]: 'Justér antal minutter',
  [Recommendation.ChangeFocus]: 'Skift fokus',
  [Recommendation.EndCourse]: 'Afslut forløbet',
};

export const SECTION_TITLES: Record<ReportSection, string> = {
  [ReportSection.Attendance]: '1. Fremmøde og kontakt',
  [ReportSection.Goals]: '2. Fremskridt på målene',
  [ReportSection.Barriers]: '3. Barrierer',
  [ReportSection.CitizenView]: '4. Borgerens egen vurdering',
  [ReportSection.NextSteps]: '5. Næste skridt',
  [ReportSection.Recommendation]: '6. Anbefaling til sagsbehandleren',
};

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
  const pdf = pdfWriter('Fremdriftsrapport', 56);
  const { doc, text } = pdf;
  const heading = (title: string) => {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13);
    text(title);
    doc.moveDown(0.3).font('Helvetica').fontSize(10.5);
  };
  const field = (label: string, value: string) => pdf.field(label, value.trim() || '–');

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
    .map(([form, count]) => `${CONTACT_FORM_DA[form as ContactForm] ?? form}: ${count}`);
  field('Kontaktformer', forms.join(', ') || 'Ingen kontakter i perioden');

  heading(SECTION_TITLES[ReportSection.Goals]);
  for (const [index, goal] of report.goals.entries()) {
    const entry = content.goals.find((g) => g.goalId === goal.id);
    doc.font('Helvetica-Bold');
    text(`Mål ${index + 1}: ${goal.text}`);
    doc.font('Helvetica');
    field('Status', entry?.status ? GOAL_PROGRESS_DA[entry.status] : 'Ikke angivet');
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
    text(BARRIER_KIND_DA[barrier.kind]);
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

  return pdf.end();
}
