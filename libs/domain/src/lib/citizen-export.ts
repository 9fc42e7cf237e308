/**
 * Everything the system holds about one citizen, for a request of access (GDPR art. 15):
 * `GET /api/citizens/:id/export.json` (this shape) and `GET /api/citizens/:id/export.pdf` (the same
 * content in Danish). For the citizen's caseworker and the municipality's administrator
 * (Permission.CitizenExport); every export is audit-logged as `citizen.export` with its format.
 *
 * The shape is stable: keys are English and never translated, values are the domain's enum values,
 * instants are ISO 8601 in UTC (`2026-03-02T09:05:07.000Z`), calendar dates `YYYY-MM-DD`, times of
 * day `HH:MM`. Every list is ordered oldest first. A change that removes or renames a key raises
 * CITIZEN_EXPORT_FORMAT_VERSION. Files (case documents, message attachments) are described, never
 * included. Questionnaire answers are not in it: they are stored without any link to a citizen.
 * Figures derived from the contacts (weekly and monthly totals for charts and indicators) are not
 * repeated; the contacts themselves are.
 */
import type { CaseFileType, CaseItemKind, ShareBasis } from './case-sharing';
import type { AccessKind, AccessPurpose } from './access-log';
import type { HandoverContent, HandoverSource, HandoverStatus } from './handover';
import type {
  ContactForm,
  ContactTopic,
  CourseEndReason,
  CourseStatus,
  HelpGiven,
  MeetingPlace,
  MentorType,
  TargetGroup,
} from './mentoring';
import type { NotificationKind } from './notifications';
import type { ReportAttendance, ReportComment, ReportContent, ReportStatus } from './progress-report';
import type { Role } from './roles';

/** Raised when a key is removed or renamed or changes its meaning; adding a key keeps it. */
export const CITIZEN_EXPORT_FORMAT_VERSION = 1;

export enum CitizenExportFormat {
  Json = 'json',
  Pdf = 'pdf',
}

export const CITIZEN_EXPORT_FORMATS = Object.values(CitizenExportFormat);

/** A member of staff as the system knows them: name, role and organisation (at the time, where kept). */
export interface CitizenExportPerson {
  name: string;
  role: Role;
  organisationName: string;
}

/** An uploaded file's description; the content itself is not part of the export. */
export interface CitizenExportFile {
  id: string;
  fileName: string;
  contentType: CaseFileType;
  sizeBytes: number;
  uploadedBy: CitizenExportPerson;
  uploadedAt: string;
}

export interface CitizenExportCitizen {
  id: string;
  name: string;
  /** The full CPR number, `DDMMYY-SSSS`: the citizen is entitled to it. */
  cpr: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  preferredMeetingPlace: MeetingPlace;
  meetingPlaceReason: string | null;
  targetGroup: TargetGroup;
  caseworker: CitizenExportPerson;
  createdAt: string;
  updatedAt: string;
}

export interface CitizenExportGrantMinutes {
  minutesPerWeek: number;
  effectiveFrom: string;
  createdBy: CitizenExportPerson;
  createdAt: string;
}

export interface CitizenExportGrant {
  id: string;
  mentorType: MentorType;
  purpose: string;
  tasks: string;
  goals: { id: string; text: string }[];
  startsOn: string;
  endsOn: string;
  deliveringOrganisationName: string;
  reportingIntervalWeeks: number;
  /** The grant this one renews. */
  renewsGrantId: string | null;
  caseworker: CitizenExportPerson;
  /** Weekly minutes granted over time, the first from the grant's start. */
  minutesHistory: CitizenExportGrantMinutes[];
  createdAt: string;
  updatedAt: string;
}

export interface CitizenExportMentorPeriod {
  mentor: CitizenExportPerson;
  fromDate: string;
  /** Null while the mentor holds the course. */
  toDate: string | null;
  changedBy: CitizenExportPerson;
  createdAt: string;
}

/** A recorded change of a course: its creation, or a change of status (from the audit trail). */
export interface CitizenExportStatusChange {
  at: string;
  event: 'created' | 'status_changed';
  /** The new status; null for a creation (the course's first status is not recorded apart). */
  status: CourseStatus | null;
  endReason: CourseEndReason | null;
  by: CitizenExportPerson;
}

export interface CitizenExportCourse {
  id: string;
  grantId: string;
  organisationName: string;
  mentor: CitizenExportPerson | null;
  status: CourseStatus;
  endReason: CourseEndReason | null;
  endedOn: string | null;
  mentorPeriods: CitizenExportMentorPeriod[];
  statusHistory: CitizenExportStatusChange[];
  createdAt: string;
  updatedAt: string;
}

/**
 * `current`: counts; `corrected`: replaced by a later correction (whose `correctsContactId` names
 * it); `deleted`: deleted by its mentor, kept for the record.
 */
export type CitizenExportContactState = 'current' | 'corrected' | 'deleted';

export interface CitizenExportContact {
  id: string;
  courseId: string;
  contactDate: string;
  startTime: string;
  minutes: number;
  form: ContactForm;
  showedUp: boolean;
  topics: ContactTopic[];
  help: HelpGiven[];
  note: string | null;
  transportMinutes: number | null;
  correctsContactId: string | null;
  state: CitizenExportContactState;
  createdBy: CitizenExportPerson;
  createdAt: string;
  /** Null when never edited. */
  updatedBy: CitizenExportPerson | null;
  updatedAt: string;
  deletedBy: CitizenExportPerson | null;
  deletedAt: string | null;
}

export interface CitizenExportReportVersion {
  number: number;
  periodFrom: string;
  periodTo: string;
  attendance: ReportAttendance;
  content: ReportContent;
  qualityScore: number;
  justification: string | null;
  submittedBy: CitizenExportPerson;
  submittedAt: string;
  decision: 'returned' | 'accepted' | null;
  comments: ReportComment[];
  reviewedBy: CitizenExportPerson | null;
  reviewedAt: string | null;
}

export interface CitizenExportReport {
  id: string;
  courseId: string;
  periodFrom: string;
  periodTo: string;
  dueOn: string;
  status: ReportStatus;
  /** The latest content (a draft's, or the last submitted). */
  content: ReportContent;
  qualityScore: number;
  createdBy: CitizenExportPerson;
  /** Every submitted version, unchanged, with its review. */
  versions: CitizenExportReportVersion[];
  createdAt: string;
  updatedAt: string;
}

export interface CitizenExportHandoverPacket {
  id: string;
  courseId: string;
  mentor: CitizenExportPerson;
  status: HandoverStatus;
  source: HandoverSource;
  content: HandoverContent;
  createdBy: CitizenExportPerson;
  sentAt: string | null;
  sentBy: CitizenExportPerson | null;
  acknowledgeBy: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: CitizenExportPerson | null;
  createdAt: string;
  updatedAt: string;
}

export interface CitizenExportShare {
  id: string;
  courseId: string;
  mentor: CitizenExportPerson;
  basis: ShareBasis;
  legalBasis: string | null;
  consentGivenOn: string | null;
  consentScope: string | null;
  expiresOn: string;
  revokedAt: string | null;
  revokedBy: CitizenExportPerson | null;
  sharedBy: CitizenExportPerson;
  createdAt: string;
}

export interface CitizenExportCaseItem {
  id: string;
  kind: CaseItemKind;
  title: string;
  /** Notes only. */
  body: string | null;
  /** Documents only. */
  file: CitizenExportFile | null;
  createdBy: CitizenExportPerson;
  /** Every time it was shared with a mentor, active, revoked or expired. */
  shares: CitizenExportShare[];
  createdAt: string;
  updatedAt: string;
}

export interface CitizenExportMessage {
  id: string;
  author: CitizenExportPerson;
  body: string;
  attachments: CitizenExportFile[];
  readBy: { reader: CitizenExportPerson; readAt: string }[];
  createdAt: string;
}

/** One course's thread: its settings (when any were kept), messages, and attachments uploaded but never sent. */
export interface CitizenExportMessageThread {
  courseId: string;
  needsSparring: boolean;
  needsSparringSetBy: CitizenExportPerson | null;
  needsSparringSetAt: string | null;
  teamLeaderInvited: boolean;
  messages: CitizenExportMessage[];
  unsentAttachments: CitizenExportFile[];
}

/** A notification to a member of staff about one of the citizen's courses or reports. */
export interface CitizenExportNotification {
  id: string;
  kind: NotificationKind;
  recipient: CitizenExportPerson;
  courseId: string | null;
  reportId: string | null;
  createdAt: string;
  readAt: string | null;
}

/** One audited read or change of the citizen's data. */
export interface CitizenExportAccessEvent {
  at: string;
  /** The audited action, e.g. `course.read`. */
  action: string;
  kind: AccessKind;
  purpose: AccessPurpose;
  /** Who, with the role and organisation they acted in. */
  actor: CitizenExportPerson;
}

/** `GET /api/citizens/:id/export.json`. */
export interface CitizenExport {
  formatVersion: typeof CITIZEN_EXPORT_FORMAT_VERSION;
  exportedAt: string;
  exportedBy: CitizenExportPerson;
  municipality: { code: number; name: string };
  citizen: CitizenExportCitizen;
  grants: CitizenExportGrant[];
  courses: CitizenExportCourse[];
  contacts: CitizenExportContact[];
  progressReports: CitizenExportReport[];
  handoverPackets: CitizenExportHandoverPacket[];
  caseItems: CitizenExportCaseItem[];
  messageThreads: CitizenExportMessageThread[];
  notifications: CitizenExportNotification[];
  /** Every audited use of the citizen's data, this export's own record excepted. */
  accessLog: CitizenExportAccessEvent[];
}

/** The export's lists, in the order the PDF shows them. */
export const CITIZEN_EXPORT_SECTIONS = [
  'grants',
  'courses',
  'contacts',
  'progressReports',
  'handoverPackets',
  'caseItems',
  'messageThreads',
  'notifications',
  'accessLog',
] as const satisfies readonly (keyof CitizenExport)[];

export type CitizenExportSection = (typeof CITIZEN_EXPORT_SECTIONS)[number];
