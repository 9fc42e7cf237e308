import {
  type CitizenExport,
  type CitizenExportFile,
  type CitizenExportPerson,
  type ContactForm,
  type ReportAttendance,
  type ReportContent,
  ReportSection,
} from '@mentor/domain';
import { actionDa, PURPOSE_DA, ROLE_DA } from '../access-log/access-log-export';
import { danishDate, danishDateTime } from '../common/danish-format';
import { BARRIER_KIND_DA, CONTACT_FORM_DA, GOAL_PROGRESS_DA } from '../common/danish-labels';
import { pdfSafeText, pdfWriter } from '../common/pdf';
import { SECTION_TITLES } from '../reports/report-pdf';
import {
  CASE_ITEM_KIND_DA,
  CONTACT_STATE_DA,
  CONTACT_TOPIC_DA,
  COURSE_STATUS_DA,
  END_REASON_DA,
  FILE_TYPE_DA,
  HANDOVER_SOURCE_DA,
  HANDOVER_STATUS_DA,
  HELP_GIVEN_DA,
  label,
  MEETING_PLACE_DA,
  MENTOR_TYPE_DA,
  NOTIFICATION_KIND_DA,
  OTHER_ACTOR_DA,
  RECOMMENDATION_DA,
  REPORT_STATUS_DA,
  SHARE_BASIS_DA,
  TARGET_GROUP_DA,
} from './citizen-export-labels';

/**
 * The export as a PDF for the citizen: Danish, a section per kind of data with tables for the
 * lists, staff with name, role and organisation, times in Danish time, page numbers.
 */

export const EXPORT_PDF_TITLE = 'Indsigt efter databeskyttelsesforordningens artikel 15';

const MARGIN = 48;
/** A4 width less the margins. */
const WIDTH = 595.28 - 2 * MARGIN;

const person = (p: CitizenExportPerson | null | undefined): string =>
  p ? `${p.name} (${ROLE_DA[p.role] ?? p.role}, ${p.organisationName})` : '–';
const when = (instant: string | null | undefined): string => (instant ? danishDateTime(instant) : '–');
const yesNo = (value: boolean | null | undefined): string =>
  value === true ? 'Ja' : value === false ? 'Nej' : 'Ikke angivet';
const fileText = (f: CitizenExportFile): string =>
  `${f.fileName} (${label(FILE_TYPE_DA, f.contentType)}, ${Math.max(1, Math.round(f.sizeBytes / 1024))} kB, ` +
  `lagt op ${when(f.uploadedAt)} af ${person(f.uploadedBy)})`;

interface Column {
  header: string;
  /** Share of the text width. */
  width: number;
}

/** The export as a PDF. */
export function citizenExportPdf(data: CitizenExport): Promise<Buffer> {
  const pdf = pdfWriter(EXPORT_PDF_TITLE, MARGIN, {
    footer: (page, pages) => `Mentorsystemet · ${EXPORT_PDF_TITLE} · Side ${page} af ${pages}`,
  });
  const { doc } = pdf;
  const bottom = () => doc.page.height - MARGIN;
  const space = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  const body = () => doc.font('Helvetica').fontSize(9.5).fillColor('black');
  const text = (value: string, options?: PDFKit.Mixins.TextOptions) => {
    body();
    pdf.text(value, { width: WIDTH, ...options });
  };
  const field = (name: string, value: string | null | undefined) => {
    body();
    pdf.field(name, value?.trim() ? value : '–');
  };
  const list = (name: string, items: readonly string[]) => {
    if (items.length === 0) return field(name, 'Ingen');
    body();
    doc.font('Helvetica-Bold');
    pdf.text(`${name}:`);
    for (const item of items) text(`•  ${item}`, { indent: 12 });
  };
  const none = (value = 'Ingen.') => {
    body();
    doc.font('Helvetica-Oblique');
    pdf.text(value);
  };
  const h1 = (title: string) => {
    space(80);
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(14).fillColor('black');
    pdf.text(title);
    doc.moveDown(0.3);
  };
  const h2 = (title: string) => {
    space(60);
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(11).fillColor('black');
    pdf.text(title);
    doc.moveDown(0.2);
  };
  const h3 = (title: string) => {
    space(40);
    doc.moveDown(0.4).font('Helvetica-Bold').fontSize(9.5).fillColor('black');
    pdf.text(title);
  };
  const table = (columns: Column[], rows: string[][]) => {
    if (rows.length === 0) return none();
    const widths = columns.map((c) => c.width * WIDTH);
    const row = (cells: string[], header: boolean) => {
      doc
        .font(header ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(8)
        .fillColor('black');
      const safe = cells.map((cell) => pdfSafeText(cell || '–'));
      const height = Math.max(
        ...safe.map((cell, i) => doc.heightOfString(cell, { width: (widths[i] ?? 0) - 4 })),
      );
      if (doc.y + height + 4 > bottom()) {
        doc.addPage();
        if (!header)
          row(
            columns.map((c) => c.header),
            true,
          );
        doc.font(header ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
      }
      const top = doc.y;
      let x = MARGIN;
      safe.forEach((cell, i) => {
        doc.text(cell, x, top, { width: (widths[i] ?? 0) - 4 });
        x += widths[i] ?? 0;
      });
      doc.x = MARGIN;
      doc.y = top + height + 3;
      doc
        .moveTo(MARGIN, doc.y - 1.5)
        .lineTo(MARGIN + WIDTH, doc.y - 1.5)
        .lineWidth(header ? 0.8 : 0.3)
        .strokeColor('#888888')
        .stroke();
    };
    doc.moveDown(0.3);
    row(
      columns.map((c) => c.header),
      true,
    );
    for (const cells of rows) row(cells, false);
    doc.moveDown(0.3);
  };

  const grantNumber = new Map(data.grants.map((g, i) => [g.id, i + 1]));
  const grantOf = new Map(data.grants.map((g) => [g.id, g]));
  const courseNumber = new Map(data.courses.map((c, i) => [c.id, i + 1]));
  const courseGrant = new Map(data.courses.map((c) => [c.id, grantOf.get(c.grantId)]));
  const courseName = (courseId: string | null): string => {
    if (!courseId) return '–';
    const grant = courseGrant.get(courseId);
    const period = grant ? ` (${danishDate(grant.startsOn)} – ${danishDate(grant.endsOn)})` : '';
    return `Forløb ${courseNumber.get(courseId) ?? '?'}${period}`;
  };

  // ---------- Front page ----------
  doc.font('Helvetica-Bold').fontSize(18);
  pdf.text(EXPORT_PDF_TITLE);
  doc.font('Helvetica').fontSize(11).moveDown(0.2);
  pdf.text('Alle oplysninger om borgeren i Mentorsystemet');
  doc.moveDown(0.6);
  field('Borger', data.citizen.name);
  field('CPR-nummer', data.citizen.cpr);
  field('Kommune', data.municipality.name);
  field('Dannet', when(data.exportedAt));
  field('Dannet af', person(data.exportedBy));
  doc.moveDown(0.5);
  text(
    'Dokumentet indeholder alle de oplysninger, kommunen har registreret om borgeren i Mentorsystemet: ' +
      'stamoplysninger, bevillinger, mentorforløb, kontakter med mentoren (også rettede og slettede), ' +
      'progressionsrapporter med alle indsendte versioner, overleveringer, sagens dokumenter og notater og ' +
      'delingen af dem med mentoren, beskeder, notifikationer til medarbejderne og loggen over, hvem der har ' +
      'læst eller ændret oplysningerne. Filer (dokumenter og vedhæftede filer) er beskrevet med navn, type, ' +
      'størrelse og dato, men ikke gengivet; de kan udleveres særskilt. Tidspunkter er dansk tid. Samme ' +
      'indhold kan dannes som en maskinlæsbar fil (JSON).',
  );
  h2('Indhold');
  const messages = data.messageThreads.reduce((n, t) => n + t.messages.length, 0);
  table(
    [
      { header: 'Afsnit', width: 0.7 },
      { header: 'Antal', width: 0.3 },
    ],
    [
      ['1. Borgerens oplysninger', '1'],
      ['2. Bevillinger', String(data.grants.length)],
      ['3. Forløb', String(data.courses.length)],
      ['4. Kontakter', String(data.contacts.length)],
      ['5. Progressionsrapporter', String(data.progressReports.length)],
      ['6. Overleveringer', String(data.handoverPackets.length)],
      ['7. Sagens dokumenter og notater', String(data.caseItems.length)],
      ['8. Beskeder', String(messages)],
      ['9. Notifikationer til medarbejdere', String(data.notifications.length)],
      ['10. Log over adgange til oplysningerne', String(data.accessLog.length)],
    ],
  );

  // ---------- 1. The citizen ----------
  h1('1. Borgerens oplysninger');
  const c = data.citizen;
  field('Navn', c.name);
  field('CPR-nummer', c.cpr);
  field('Telefon', c.phone);
  field('E-mail', c.email);
  field('Adresse', c.address);
  field('Foretrukket mødested', label(MEETING_PLACE_DA, c.preferredMeetingPlace));
  field('Begrundelse for mødested', c.meetingPlaceReason);
  field('Målgruppe', label(TARGET_GROUP_DA, c.targetGroup));
  field('Sagsbehandler', person(c.caseworker));
  field('Oprettet', when(c.createdAt));
  field('Senest ændret', when(c.updatedAt));

  // ---------- 2. Grants ----------
  h1('2. Bevillinger');
  if (data.grants.length === 0) none();
  for (const g of data.grants) {
    h2(`Bevilling ${grantNumber.get(g.id)}: ${danishDate(g.startsOn)} – ${danishDate(g.endsOn)}`);
    field('Mentortype', label(MENTOR_TYPE_DA, g.mentorType));
    field('Formål', g.purpose);
    field('Opgaver', g.tasks);
    list(
      'Mål',
      g.goals.map((goal) => goal.text),
    );
    field('Leverandør', g.deliveringOrganisationName);
    field('Rapportering', `Hver ${g.reportingIntervalWeeks}. uge`);
    if (g.renewsGrantId) field('Fornyer', `Bevilling ${grantNumber.get(g.renewsGrantId) ?? '(ukendt)'}`);
    field('Bevilget af', person(g.caseworker));
    field('Oprettet', when(g.createdAt));
    h3('Bevilgede minutter pr. uge');
    table(
      [
        { header: 'Gælder fra', width: 0.2 },
        { header: 'Minutter pr. uge', width: 0.2 },
        { header: 'Registreret af', width: 0.4 },
        { header: 'Tidspunkt', width: 0.2 },
      ],
      g.minutesHistory.map((m) => [
        danishDate(m.effectiveFrom),
        String(m.minutesPerWeek),
        person(m.createdBy),
        when(m.createdAt),
      ]),
    );
  }

  // ---------- 3. Courses ----------
  h1('3. Forløb');
  if (data.courses.length === 0) none();
  for (const co of data.courses) {
    h2(`${courseName(co.id)} – bevilling ${grantNumber.get(co.grantId) ?? '?'}`);
    field('Leverandør', co.organisationName);
    field('Mentor', person(co.mentor));
    field('Status', label(COURSE_STATUS_DA, co.status));
    if (co.endReason) field('Årsag til afslutning', label(END_REASON_DA, co.endReason));
    if (co.endedOn) field('Afsluttet', danishDate(co.endedOn));
    field('Oprettet', when(co.createdAt));
    h3('Mentorer i forløbet');
    table(
      [
        { header: 'Mentor', width: 0.35 },
        { header: 'Fra', width: 0.13 },
        { header: 'Til', width: 0.13 },
        { header: 'Tildelt af', width: 0.39 },
      ],
      co.mentorPeriods.map((p) => [
        person(p.mentor),
        danishDate(p.fromDate),
        p.toDate ? danishDate(p.toDate) : 'Nu',
        person(p.changedBy),
      ]),
    );
    h3('Oprettelse og ændringer af status');
    table(
      [
        { header: 'Tidspunkt', width: 0.2 },
        { header: 'Hændelse', width: 0.25 },
        { header: 'Årsag', width: 0.2 },
        { header: 'Af', width: 0.35 },
      ],
      co.statusHistory.map((s) => [
        when(s.at),
        s.event === 'created' ? 'Forløbet oprettet' : `Status: ${label(COURSE_STATUS_DA, s.status)}`,
        s.endReason ? label(END_REASON_DA, s.endReason) : '',
        person(s.by),
      ]),
    );
  }

  // ---------- 4. Contacts ----------
  h1('4. Kontakter');
  text(
    'Alle kontakter, mentoren har registreret. En rettelse er registreret som en ny kontakt, der erstatter ' +
      'den oprindelige; både den oprindelige og rettelsen er med. Slettede kontakter er med og markeret.',
  );
  if (data.contacts.length === 0) none();
  for (const co of data.courses) {
    const contacts = data.contacts.filter((ct) => ct.courseId === co.id);
    if (contacts.length === 0) continue;
    h2(courseName(co.id));
    table(
      [
        { header: 'Dato og tid', width: 0.12 },
        { header: 'Min.', width: 0.06 },
        { header: 'Form', width: 0.13 },
        { header: 'Mødt op', width: 0.07 },
        { header: 'Emner og hjælp', width: 0.2 },
        { header: 'Note', width: 0.22 },
        { header: 'Status og registrering', width: 0.2 },
      ],
      contacts.map((ct) => [
        `${danishDate(ct.contactDate)} kl. ${ct.startTime}`,
        `${ct.minutes}${ct.transportMinutes ? ` (+${ct.transportMinutes} transport)` : ''}`,
        CONTACT_FORM_DA[ct.form as ContactForm] ?? ct.form,
        yesNo(ct.showedUp),
        [
          ...ct.topics.map((t) => label(CONTACT_TOPIC_DA, t)),
          ...ct.help.map((h) => `Hjælp: ${label(HELP_GIVEN_DA, h)}`),
        ].join(', '),
        ct.note ?? '',
        [
          label(CONTACT_STATE_DA, ct.state),
          ct.correctsContactId ? 'Retter en tidligere kontakt' : '',
          // Names only: the mentors' roles and organisations are in section 3.
          `Registreret ${when(ct.createdAt)} af ${ct.createdBy.name}`,
          ct.updatedBy ? `Ændret ${when(ct.updatedAt)} af ${ct.updatedBy.name}` : '',
          ct.deletedAt ? `Slettet ${when(ct.deletedAt)} af ${ct.deletedBy?.name ?? '–'}` : '',
        ]
          .filter(Boolean)
          .join('. '),
      ]),
    );
  }

  // ---------- 5. Progression reports ----------
  h1('5. Progressionsrapporter');
  if (data.progressReports.length === 0) none();
  const reportContent = (
    content: ReportContent,
    goals: readonly { id: string; text: string }[],
    attendance?: ReportAttendance,
  ) => {
    if (attendance) {
      h3(SECTION_TITLES[ReportSection.Attendance]);
      field('Afholdte kontakter', String(attendance.contactsHeld));
      field('Udeblivelser', String(attendance.noShows));
      field('Leverede minutter', String(attendance.minutesDelivered));
      field('Bevilgede minutter i perioden', String(attendance.minutesGranted));
    }
    h3(SECTION_TITLES[ReportSection.Goals]);
    if (!content.goals?.length) none('Ingen mål beskrevet.');
    for (const entry of content.goals ?? []) {
      const goal = goals.find((g) => g.id === entry.goalId);
      field('Mål', goal?.text ?? '(mål ikke længere på bevillingen)');
      field('Status', entry.status ? label(GOAL_PROGRESS_DA, entry.status) : 'Ikke angivet');
      field('Hvad er sket', entry.whatHappened);
      field(
        'Dokumentation',
        entry.evidence
          ? `${entry.evidence}${entry.evidenceDate ? ` (${danishDate(entry.evidenceDate)})` : ''}`
          : '',
      );
    }
    h3(SECTION_TITLES[ReportSection.Barriers]);
    if (!content.barriers?.length) none('Ingen barrierer angivet.');
    for (const barrier of content.barriers ?? [])
      field(
        label(BARRIER_KIND_DA, barrier.kind),
        `${barrier.description} – Det gøres der: ${barrier.action || '–'}`,
      );
    h3(SECTION_TITLES[ReportSection.CitizenView]);
    field('Borgerens vurdering', content.citizenView);
    field(
      'Gennemgået med borgeren',
      content.reviewedWithCitizen === true
        ? `Ja, ${danishDate(content.reviewedWithCitizenOn)}`
        : yesNo(content.reviewedWithCitizen),
    );
    if (content.citizenViewMissingReason?.trim()) field('Hvorfor ikke', content.citizenViewMissingReason);
    h3(SECTION_TITLES[ReportSection.NextSteps]);
    if (!content.nextSteps?.length) none('Ingen næste skridt angivet.');
    for (const step of content.nextSteps ?? [])
      text(`•  ${step.action || '–'} (ansvarlig: ${step.owner || '–'}, frist: ${danishDate(step.dueOn)})`, {
        indent: 12,
      });
    h3(SECTION_TITLES[ReportSection.Recommendation]);
    field(
      'Anbefaling',
      content.recommendation ? label(RECOMMENDATION_DA, content.recommendation) : 'Ikke angivet',
    );
    if (content.recommendedMinutesPerWeek !== null && content.recommendedMinutesPerWeek !== undefined)
      field('Anbefalede minutter pr. uge', String(content.recommendedMinutesPerWeek));
    field('Begrundelse', content.recommendationReason);
  };
  for (const r of data.progressReports) {
    const goals = courseGrant.get(r.courseId)?.goals ?? [];
    h2(`Rapport for ${danishDate(r.periodFrom)} – ${danishDate(r.periodTo)}, ${courseName(r.courseId)}`);
    field('Status', label(REPORT_STATUS_DA, r.status));
    field('Frist', danishDate(r.dueOn));
    field('Kvalitetsscore', `${r.qualityScore} af 100`);
    field('Påbegyndt', `${when(r.createdAt)} af ${person(r.createdBy)}`);
    field('Senest gemt', when(r.updatedAt));
    h3('Rapportens seneste indhold');
    reportContent(r.content, goals);
    for (const v of r.versions) {
      h2(
        `Indsendt version ${v.number} af rapporten for ${danishDate(r.periodFrom)} – ${danishDate(r.periodTo)}`,
      );
      field('Periode', `${danishDate(v.periodFrom)} – ${danishDate(v.periodTo)}`);
      field('Indsendt', `${when(v.submittedAt)} af ${person(v.submittedBy)}`);
      field('Kvalitetsscore', `${v.qualityScore} af 100`);
      if (v.justification) field('Begrundelse for indsendelse under kvalitetstærsklen', v.justification);
      field(
        'Behandling',
        v.decision
          ? `${v.decision === 'accepted' ? 'Godkendt' : 'Sendt tilbage'} ${when(v.reviewedAt)} af ${person(v.reviewedBy)}`
          : 'Ikke behandlet',
      );
      for (const comment of v.comments)
        field(`Kommentar til ${SECTION_TITLES[comment.section]}`, comment.comment);
      reportContent(v.content, goals, v.attendance);
    }
  }

  // ---------- 6. Handover ----------
  h1('6. Overleveringer');
  if (data.handoverPackets.length === 0) none();
  for (const h of data.handoverPackets) {
    h2(`Overlevering til ${h.mentor.name}, ${courseName(h.courseId)}`);
    field('Mentor', person(h.mentor));
    field('Status', label(HANDOVER_STATUS_DA, h.status));
    field('Udfyldt', label(HANDOVER_SOURCE_DA, h.source));
    field('Oprettet', `${when(h.createdAt)} af ${person(h.createdBy)}`);
    if (h.sentAt) field('Sendt', `${when(h.sentAt)} af ${person(h.sentBy)}`);
    if (h.acknowledgeBy) field('Kvittering senest', danishDate(h.acknowledgeBy));
    if (h.acknowledgedAt) field('Kvitteret', `${when(h.acknowledgedAt)} af ${person(h.acknowledgedBy)}`);
    const content = h.content;
    field('Baggrund', content.background);
    field('Formål', content.purpose);
    list('Mål', content.goals ?? []);
    field('Kendte barrierer', content.knownBarriers);
    field('Prøvet før', content.triedBefore);
    const prefs = content.contactPreferences;
    field('Mødested', prefs?.meetingPlace ? label(MEETING_PLACE_DA, prefs.meetingPlace) : '');
    field('Begrundelse for mødested', prefs?.meetingPlaceReason);
    field('Gode tidspunkter', prefs?.times);
    field('Kontaktformer', (prefs?.forms ?? []).map((f) => CONTACT_FORM_DA[f] ?? f).join(', '));
    field('Hensyn ved møder', content.safetyNotes);
    list(
      'Andre aktører',
      (content.otherActors ?? []).map(
        (a) => `${label(OTHER_ACTOR_DA, a.kind)}: ${a.name}${a.contact ? ` (${a.contact})` : ''}`,
      ),
    );
    list('Første skridt', content.firstSteps ?? []);
    field('Forløbet indtil nu', content.courseSoFar);
  }

  // ---------- 7. Case items and shares ----------
  h1('7. Sagens dokumenter og notater');
  if (data.caseItems.length === 0) none();
  for (const item of data.caseItems) {
    h2(`${label(CASE_ITEM_KIND_DA, item.kind)}: ${item.title}`);
    field('Oprettet', `${when(item.createdAt)} af ${person(item.createdBy)}`);
    if (item.file) field('Fil', fileText(item.file));
    if (item.body !== null) field('Notat', item.body);
    h3('Delt med mentor');
    table(
      [
        { header: 'Mentor og forløb', width: 0.27 },
        { header: 'Grundlag', width: 0.3 },
        { header: 'Udløber', width: 0.11 },
        { header: 'Tilbagekaldt', width: 0.14 },
        { header: 'Delt', width: 0.18 },
      ],
      item.shares.map((s) => [
        `${person(s.mentor)}, ${courseName(s.courseId)}`,
        s.basis === 'consent'
          ? `${label(SHARE_BASIS_DA, s.basis)} ${danishDate(s.consentGivenOn)}: ${s.consentScope ?? ''}`
          : `${label(SHARE_BASIS_DA, s.basis)}: ${s.legalBasis ?? ''}`,
        danishDate(s.expiresOn),
        s.revokedAt ? `${when(s.revokedAt)} af ${person(s.revokedBy)}` : '',
        `${when(s.createdAt)} af ${person(s.sharedBy)}`,
      ]),
    );
  }

  // ---------- 8. Messages ----------
  h1('8. Beskeder');
  if (data.messageThreads.length === 0) none();
  for (const thread of data.messageThreads) {
    h2(`Beskeder i ${courseName(thread.courseId)}`);
    field(
      'Mentoren ønsker sparring',
      thread.needsSparring
        ? `Ja, siden ${when(thread.needsSparringSetAt)} (${person(thread.needsSparringSetBy)})`
        : 'Nej',
    );
    field('Teamleder inviteret', yesNo(thread.teamLeaderInvited));
    if (thread.messages.length === 0) none('Ingen beskeder.');
    for (const message of thread.messages) {
      h3(`${when(message.createdAt)} – ${person(message.author)}`);
      text(message.body);
      for (const file of message.attachments) field('Vedhæftet', fileText(file));
      field(
        'Læst af',
        message.readBy.map((r) => `${person(r.reader)} ${when(r.readAt)}`).join('; ') || 'Ingen',
      );
    }
    if (thread.unsentAttachments.length)
      list('Filer lagt op, men ikke sendt', thread.unsentAttachments.map(fileText));
  }

  // ---------- 9. Notifications ----------
  h1('9. Notifikationer til medarbejdere');
  text('Systemets beskeder til medarbejderne om borgerens forløb og rapporter.');
  table(
    [
      { header: 'Tidspunkt', width: 0.17 },
      { header: 'Modtager', width: 0.3 },
      { header: 'Hvad', width: 0.36 },
      { header: 'Læst', width: 0.17 },
    ],
    data.notifications.map((n) => [
      when(n.createdAt),
      person(n.recipient),
      `${label(NOTIFICATION_KIND_DA, n.kind)} (${courseName(n.courseId)})`,
      n.readAt ? when(n.readAt) : 'Ikke læst',
    ]),
  );

  // ---------- 10. Access log ----------
  h1('10. Log over adgange til oplysningerne');
  text(
    'Hver gang en medarbejder har læst eller ændret borgerens oplysninger, med rolle og organisation på ' +
      'tidspunktet og formålet. Dannelsen af dette dokument er også registreret, men kommer først med i ' +
      'den næste udlevering.',
  );
  table(
    [
      { header: 'Tidspunkt', width: 0.16 },
      { header: 'Medarbejder', width: 0.17 },
      { header: 'Rolle', width: 0.11 },
      { header: 'Organisation', width: 0.18 },
      { header: 'Handling', width: 0.24 },
      { header: 'Formål', width: 0.14 },
    ],
    data.accessLog.map((e) => [
      when(e.at),
      e.actor.name,
      ROLE_DA[e.actor.role] ?? e.actor.role,
      e.actor.organisationName,
      actionDa(e.action, e.kind),
      PURPOSE_DA[e.purpose] ?? e.purpose,
    ]),
  );

  return pdf.end();
}
