import {
  AccessKind,
  AccessPurpose,
  CaseFileType,
  CaseItemKind,
  type CitizenExport,
  CitizenExportFormat,
  type CitizenExportPerson,
  ContactForm,
  ContactTopic,
  CourseEndReason,
  CourseStatus,
  emptyReportContent,
  GoalProgress,
  HandoverSource,
  HandoverStatus,
  HelpGiven,
  MeetingPlace,
  MentorType,
  NotificationKind,
  Recommendation,
  ReportSection,
  ReportStatus,
  Role,
  ShareBasis,
  TargetGroup,
} from '@mentor/domain';
import { inflateSync } from 'node:zlib';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { SqlParams } from '../common/sql-params';
import { citizenExportPdf } from './citizen-export-pdf';
import { type ExportRow, exportSelect } from './citizen-export-sql';
import { fileName, toExport } from './citizen-export.service';

/** The text a PDF shows: its content streams inflated, each text array's strings joined per line. */
function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of source.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = source.indexOf('endstream', start);
    try {
      const content = inflateSync(pdf.subarray(start, end)).toString('latin1');
      for (const [, array] of content.matchAll(/\[(.*?)\]\s*TJ/g)) {
        const hex = [...(array ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]).join('');
        lines.push(Buffer.from(hex, 'hex').toString('latin1'));
      }
    } catch {
      // Not a content stream (e.g. a font).
    }
  }
  return lines.join('\n');
}

const caseworker: CitizenExportPerson = {
  name: 'Peter Falk Nielsen',
  role: Role.Caseworker,
  organisationName: 'Center for Jobindsats',
};
const mentor: CitizenExportPerson = {
  name: 'Łukasz Nowak',
  role: Role.Mentor,
  organisationName: 'Mentorhuset ApS',
};
const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T09:05:07.000Z`;
const file = {
  id: 'f1',
  fileName: 'jobplan.pdf',
  contentType: CaseFileType.Pdf,
  sizeBytes: 20480,
  uploadedBy: caseworker,
  uploadedAt: at(2),
};
const goals = [
  { id: 'g1', text: 'Møde stabilt op' },
  { id: 'g2', text: 'Komme i praktik' },
];
const content = {
  ...emptyReportContent(['g1', 'g2']),
  goals: [
    {
      goalId: 'g1',
      status: GoalProgress.ClearProgress,
      whatHappened: 'Mødt op.',
      evidence: 'Kom kl. 9.',
      evidenceDate: '2026-03-03',
    },
  ],
  citizenView: 'Det går bedre 😀',
  reviewedWithCitizen: true,
  reviewedWithCitizenOn: '2026-03-04',
  nextSteps: [{ action: 'Besøge lageret', owner: 'Borgeren', dueOn: '2026-03-20' }],
  recommendation: Recommendation.Continue,
};

function sample(contacts = 3): CitizenExport {
  return {
    formatVersion: 1,
    exportedAt: at(10),
    exportedBy: caseworker,
    municipality: { code: 101, name: 'Københavns Kommune' },
    citizen: {
      id: 'c1',
      name: 'Ulla Eksempelsen',
      cpr: '010190-1234',
      phone: '12 34 56 78',
      email: null,
      address: 'Testvej 1',
      preferredMeetingPlace: MeetingPlace.OutOfHome,
      meetingPlaceReason: 'Vil gerne ud',
      targetGroup: TargetGroup.ActivityReadyCashBenefit30Plus,
      caseworker,
      createdAt: at(1),
      updatedAt: at(1),
    },
    grants: [
      {
        id: 'gr1',
        mentorType: MentorType.Holistic,
        purpose: 'Stabilitet',
        tasks: 'Støtte',
        goals,
        startsOn: '2026-03-01',
        endsOn: '2026-08-31',
        deliveringOrganisationName: 'Mentorhuset ApS',
        reportingIntervalWeeks: 4,
        renewsGrantId: null,
        caseworker,
        minutesHistory: [
          { minutesPerWeek: 120, effectiveFrom: '2026-03-01', createdBy: caseworker, createdAt: at(1) },
        ],
        createdAt: at(1),
        updatedAt: at(1),
      },
    ],
    courses: [
      {
        id: 'co1',
        grantId: 'gr1',
        organisationName: 'Mentorhuset ApS',
        mentor,
        status: CourseStatus.Ended,
        endReason: CourseEndReason.GoalReached,
        endedOn: '2026-03-30',
        mentorPeriods: [
          { mentor, fromDate: '2026-03-01', toDate: null, changedBy: caseworker, createdAt: at(1) },
        ],
        statusHistory: [
          { at: at(1), event: 'created', status: null, endReason: null, by: caseworker },
          {
            at: at(9),
            event: 'status_changed',
            status: CourseStatus.Ended,
            endReason: CourseEndReason.GoalReached,
            by: caseworker,
          },
        ],
        createdAt: at(1),
        updatedAt: at(9),
      },
    ],
    contacts: Array.from({ length: contacts }, (_, i) => ({
      id: `ct${i}`,
      courseId: 'co1',
      contactDate: '2026-03-05',
      startTime: '10:00',
      minutes: 45,
      form: ContactForm.InPersonHome,
      showedUp: i % 2 === 0,
      topics: [ContactTopic.Housing],
      help: [HelpGiven.PracticalTasks],
      note: i === 0 ? 'Lang note '.repeat(40) : null,
      transportMinutes: null,
      correctsContactId: null,
      state: i === 1 ? ('deleted' as const) : ('current' as const),
      createdBy: mentor,
      createdAt: at(5),
      updatedBy: null,
      updatedAt: at(5),
      deletedBy: i === 1 ? mentor : null,
      deletedAt: i === 1 ? at(6) : null,
    })),
    progressReports: [
      {
        id: 'r1',
        courseId: 'co1',
        periodFrom: '2026-03-01',
        periodTo: '2026-03-28',
        dueOn: '2026-03-29',
        status: ReportStatus.Accepted,
        content,
        qualityScore: 82,
        createdBy: mentor,
        versions: [
          {
            number: 1,
            periodFrom: '2026-03-01',
            periodTo: '2026-03-28',
            attendance: { contactsHeld: 2, noShows: 1, minutesDelivered: 90, minutesGranted: 480, forms: {} },
            content,
            qualityScore: 82,
            justification: null,
            submittedBy: mentor,
            submittedAt: at(8),
            decision: 'accepted',
            comments: [{ section: ReportSection.Goals, comment: 'Fint.' }],
            reviewedBy: caseworker,
            reviewedAt: at(9),
          },
        ],
        createdAt: at(7),
        updatedAt: at(8),
      },
    ],
    handoverPackets: [
      {
        id: 'h1',
        courseId: 'co1',
        mentor,
        status: HandoverStatus.Acknowledged,
        source: HandoverSource.Grant,
        content: {
          background: 'Baggrund',
          purpose: 'Stabilitet',
          goals: ['Møde stabilt op'],
          knownBarriers: 'Søvn',
          triedBefore: '',
          contactPreferences: {
            meetingPlace: MeetingPlace.Home,
            meetingPlaceReason: '',
            times: 'Efter kl. 10',
            forms: [ContactForm.Phone],
          },
          safetyNotes: '',
          otherActors: [],
          firstSteps: ['Første møde'],
          courseSoFar: '',
        },
        createdBy: caseworker,
        sentAt: at(2),
        sentBy: caseworker,
        acknowledgeBy: '2026-03-05',
        acknowledgedAt: at(3),
        acknowledgedBy: mentor,
        createdAt: at(2),
        updatedAt: at(3),
      },
    ],
    caseItems: [
      {
        id: 'i1',
        kind: CaseItemKind.Document,
        title: 'Jobplan',
        body: null,
        file,
        createdBy: caseworker,
        shares: [
          {
            id: 's1',
            courseId: 'co1',
            mentor,
            basis: ShareBasis.Consent,
            legalBasis: null,
            consentGivenOn: '2026-03-01',
            consentScope: 'Jobplanen',
            expiresOn: '2026-08-31',
            revokedAt: null,
            revokedBy: null,
            sharedBy: caseworker,
            createdAt: at(2),
          },
        ],
        createdAt: at(2),
        updatedAt: at(2),
      },
    ],
    messageThreads: [
      {
        courseId: 'co1',
        needsSparring: true,
        needsSparringSetBy: mentor,
        needsSparringSetAt: at(4),
        teamLeaderInvited: false,
        messages: [
          {
            id: 'm1',
            author: mentor,
            body: 'Hej',
            attachments: [file],
            readBy: [{ reader: caseworker, readAt: at(5) }],
            createdAt: at(4),
          },
        ],
        unsentAttachments: [],
      },
    ],
    notifications: [
      {
        id: 'n1',
        kind: NotificationKind.MessageReceived,
        recipient: caseworker,
        courseId: 'co1',
        reportId: null,
        createdAt: at(4),
        readAt: null,
      },
    ],
    accessLog: Array.from({ length: 120 }, (_, i) => ({
      at: at(1 + (i % 9)),
      action: i % 2 ? 'course.read' : 'citizen.export',
      kind: AccessKind.Read,
      purpose: i % 2 ? AccessPurpose.MentorSupport : AccessPurpose.RightOfAccess,
      actor: i % 3 ? mentor : { ...caseworker, role: Role.Admin },
    })),
  };
}

const caller: AuthenticatedUser = {
  id: 'u1',
  role: Role.Caseworker,
  organisationId: 'o1',
  municipalityId: 'mu1',
  name: 'Peter Falk Nielsen',
  sessionId: 's1',
};

describe('citizenExportPdf', () => {
  it('renders every section in Danish over numbered pages', async () => {
    const pdf = await citizenExportPdf(sample(60));
    if (process.env['CITIZEN_EXPORT_PDF_OUT'])
      require('node:fs').writeFileSync(process.env['CITIZEN_EXPORT_PDF_OUT'], pdf);
    const bytes = pdf.toString('latin1');
    expect(bytes.startsWith('%PDF-')).toBe(true);
    const pages = (bytes.match(/\/Type \/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThan(3);
    const text = pdfText(pdf);
    for (const expected of [
      'Indsigt efter databeskyttelsesforordningens artikel 15',
      '010190-1234',
      '2. Bevillinger',
      '3. Forløb',
      '4. Kontakter',
      '5. Progressionsrapporter',
      '6. Overleveringer',
      '7. Sagens dokumenter og notater',
      '8. Beskeder',
      '9. Notifikationer til medarbejdere',
      '10. Log over adgange til oplysningerne',
      'Målet er nået',
      'Slettet',
      'Alle oplysninger udleveret',
      'Administrator',
      `Side 1 af ${pages}`,
      `Side ${pages} af ${pages}`,
    ])
      expect({ expected, found: text.includes(expected) }).toEqual({ expected, found: true });
    // Letters the standard fonts lack lose their accents rather than break the file.
    expect(text).toContain('?ukasz Nowak');
  });

  it('says so where a section is empty', async () => {
    const empty: CitizenExport = {
      ...sample(0),
      grants: [],
      courses: [],
      progressReports: [],
      handoverPackets: [],
      caseItems: [],
      messageThreads: [],
      notifications: [],
      accessLog: [],
    };
    const text = pdfText(await citizenExportPdf(empty));
    expect(text.match(/Ingen\./g)?.length).toBeGreaterThanOrEqual(9);
  });
});

describe('toExport', () => {
  const row = (): ExportRow => ({
    citizenId: 'c1',
    cprSealed: Buffer.alloc(0),
    citizen: { id: 'c1', name: 'Ulla Eksempelsen', phone: null, caseworker },
    municipality: { code: 101, name: 'Københavns Kommune' },
    exporterOrganisationName: 'Center for Jobindsats',
    grants: [],
    courses: [],
    contacts: [],
    progressReports: [],
    handoverPackets: [],
    caseItems: [],
    messageThreads: [],
    notifications: [],
    accessLog: [
      { at: at(1), action: 'citizen.cpr_reveal', actor: caseworker },
      { at: at(2), action: 'contact.update', actor: mentor },
      { at: at(3), action: 'citizen.export', actor: caseworker },
    ],
  });

  it('opens the CPR number, names the exporter and words each access by kind and purpose', () => {
    const data = toExport(row(), '0101901234', caller, new Date(at(10)));
    expect(data.formatVersion).toBe(1);
    expect(data.exportedAt).toBe(at(10));
    expect(data.exportedBy).toEqual(caseworker);
    expect(Object.keys(data.citizen).slice(0, 3)).toEqual(['id', 'name', 'cpr']);
    expect(data.citizen.cpr).toBe('010190-1234');
    expect(data.accessLog.map((e) => [e.kind, e.purpose])).toEqual([
      [AccessKind.Read, AccessPurpose.IdentityCheck],
      [AccessKind.Change, AccessPurpose.MentorSupport],
      [AccessKind.Read, AccessPurpose.RightOfAccess],
    ]);
  });

  it('names the file by date only', () => {
    const name = fileName(CitizenExportFormat.Pdf, new Date('2026-03-02T23:30:00Z'));
    expect(name).toBe('indsigt-alle-data-2026-03-03.pdf');
  });
});

describe('exportSelect', () => {
  const select = (role: Role) => {
    const p = new SqlParams();
    const sql = exportSelect(p, { ...caller, role }, 'c1');
    return { sql, values: p.values };
  };

  it('limits a caseworker to their caseload and an administrator to the municipality', () => {
    const cw = select(Role.Caseworker);
    expect(cw.sql).toMatch(/ci\.caseworker_id = \$\d+::uuid/);
    expect(cw.values).toEqual(expect.arrayContaining(['u1', 'c1', 'mu1']));
    const admin = select(Role.Admin);
    expect(admin.sql).not.toContain('ci.caseworker_id =');
    expect(admin.sql).toMatch(/ci\.municipality_id = \$\d+::uuid\s+AND TRUE/);
    for (const role of [Role.Mentor, Role.TeamLeader]) expect(select(role).sql).toMatch(/AND FALSE\s*$/);
  });
});
