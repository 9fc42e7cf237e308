import type { HandoverStatus } from './handover';
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
import type { MentorLoad } from './workforce';

export interface CreateCitizenRequest {
  name: string;
  cpr: string;
  phone?: string;
  email?: string;
  address?: string;
  preferredMeetingPlace: MeetingPlace;
  meetingPlaceReason?: string;
  targetGroup?: TargetGroup;
}

/**
 * Body of `PATCH /api/citizens/:id`: only the fields that change, with the version read. `null`
 * clears an optional detail.
 */
export interface UpdateCitizenRequest {
  name?: string;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  preferredMeetingPlace?: MeetingPlace;
  meetingPlaceReason?: string | null;
  targetGroup?: TargetGroup;
  version: number;
}

export interface CitizenSummary {
  id: string;
  name: string;
  /** `DDMMYY-XXXX`; the full number only through the audited reveal. */
  cprMasked: string;
  caseworkerId: string;
  caseworkerName: string;
}

export interface CitizenDetail extends CitizenSummary {
  phone: string | null;
  email: string | null;
  address: string | null;
  preferredMeetingPlace: MeetingPlace;
  meetingPlaceReason: string | null;
  targetGroup: TargetGroup;
  version: number;
}

export interface CprRevealResponse {
  cpr: string;
}

export interface CreateGrantRequest {
  citizenId: string;
  mentorType: MentorType;
  purpose: string;
  tasks: string;
  goals: string[];
  minutesPerWeek: number;
  startsOn: string;
  endsOn: string;
  deliveringOrganisationId: string;
  reportingIntervalWeeks?: number;
  /** A mentor of the delivering organisation; the course starts active when given. */
  mentorId?: string;
  /** The grant this one renews after a new assessment. */
  renewsGrantId?: string;
}

export interface GrantMinutesPeriod {
  minutesPerWeek: number;
  effectiveFrom: string;
  createdAt: string;
  createdByName: string;
}

export interface GrantDetail {
  id: string;
  citizenId: string;
  caseworkerId: string;
  mentorType: MentorType;
  purpose: string;
  tasks: string;
  goals: { id: string; text: string }[];
  startsOn: string;
  endsOn: string;
  deliveringOrganisationId: string;
  deliveringOrganisationName: string;
  reportingIntervalWeeks: number;
  renewsGrantId: string | null;
  minutes: GrantMinutesPeriod[];
  courseId: string;
  version: number;
}

export interface ChangeGrantMinutesRequest {
  minutesPerWeek: number;
  effectiveFrom: string;
  version: number;
}

export interface WeekBudget {
  /** `2026-W48`. */
  week: string;
  weekStart: string;
  grantedMinutes: number;
  loggedMinutes: number;
  /** Logged beyond granted (0 when within). */
  overrunMinutes: number;
  /** Granted but not delivered (0 when met), for weeks that have ended. */
  underDeliveredMinutes: number;
}

export interface CourseSummary {
  id: string;
  citizenId: string;
  citizenName: string;
  cprMasked: string;
  mentorType: MentorType;
  status: CourseStatus;
  mentorId: string | null;
  mentorName: string | null;
  organisationId: string;
  organisationName: string;
  startsOn: string;
  endsOn: string;
  thisWeek: WeekBudget;
  /** The week before, complete: shows under-delivery as well as overrun. */
  lastWeek: WeekBudget;
  /** Granted minutes of this calendar month's days inside the grant (weekly minutes × days / 7). */
  monthGrantedMinutes: number;
  /** Logged minutes this calendar month. */
  monthDeliveredMinutes: number;
  lastContactDate: string | null;
  /** No contact for 14 days (or never, 14 days into the course). */
  noRecentContact: boolean;
  overBudgetThisWeek: boolean;
  /** The grant ends within 30 days: time for a new assessment. */
  expiresSoon: boolean;
  /** When the next progression report is due (null: none due, e.g. the final report is in or the course ended). */
  nextReportDueOn: string | null;
  /** An active course whose report due date has passed without a submitted report. */
  reportOverdue: boolean;
  /** The current mentor's handover packet; null when none is saved (or the course has no mentor). */
  handoverStatus: HandoverStatus | null;
  /** The packet was sent and its acknowledgement is overdue. */
  handoverOverdue: boolean;
  /** Messages of the course's thread the caller has not read (0 when not in the thread). */
  unreadMessages: number;
  /** The mentor asked for sparring in the course's thread. */
  needsSparring: boolean;
}

/** Filters of the course lists ("Mine borgere", "Min sagsstamme"). */
export enum CourseFlag {
  NoRecentContact = 'no_recent_contact',
  OverBudget = 'over_budget',
  ExpiresSoon = 'expires_soon',
  /** Fewer minutes delivered last week than granted. */
  UnderDelivered = 'under_delivered',
  /** The progression report is overdue. */
  ReportOverdue = 'report_overdue',
  /** A course with a mentor whose handover packet is not yet acknowledged. */
  HandoverPending = 'handover_pending',
  /** The mentor asked for sparring. */
  NeedsSparring = 'needs_sparring',
  /** The caller has unread messages in the course's thread. */
  UnreadMessages = 'unread_messages',
}

export const COURSE_FLAGS = Object.values(CourseFlag);

export interface MentorPeriod {
  mentorId: string;
  mentorName: string;
  fromDate: string;
  toDate: string | null;
}

export interface CourseDetail extends CourseSummary {
  grant: GrantDetail;
  /** The citizen's meeting preference, for defaulting a new contact's form. */
  preferredMeetingPlace: MeetingPlace;
  endReason: CourseEndReason | null;
  endedOn: string | null;
  mentorHistory: MentorPeriod[];
  version: number;
}

export interface ChangeCourseRequest {
  status?: CourseStatus;
  endReason?: CourseEndReason;
  mentorId?: string;
  version: number;
}

export interface ContactRequest {
  contactDate: string;
  startTime: string;
  minutes: number;
  form: ContactForm;
  showedUp: boolean;
  topics: ContactTopic[];
  help: HelpGiven[];
  note?: string;
  transportMinutes?: number;
}

export interface UpdateContactRequest extends ContactRequest {
  version: number;
}

export interface ContactView extends Required<Omit<ContactRequest, 'note' | 'transportMinutes'>> {
  id: string;
  courseId: string;
  note: string | null;
  transportMinutes: number | null;
  correctsContactId: string | null;
  /** The correction that replaces this contact, if any. */
  correctedById: string | null;
  createdBy: string;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
  /** Editable by its author until this moment; locked after. */
  editableUntil: string;
  locked: boolean;
  deleted: boolean;
  version: number;
}

/** Answer of logging a contact: the contact and the week's budget after it. */
export interface ContactLogged {
  contact: ContactView;
  week: WeekBudget;
}

export const CITIZEN_SORT_FIELDS = ['name'] as const;
export const COURSE_SORT_FIELDS = ['citizenName', 'endsOn', 'lastContactDate'] as const;

/** A mentor to choose when assigning a course, with their current load and certification. */
export interface MentorOption extends MentorLoad {
  id: string;
  name: string;
}
