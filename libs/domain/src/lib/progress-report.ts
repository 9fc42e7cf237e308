/**
 * Progression reports (study section 3.5): the mentor's structured report to the caseworker, its
 * states, and the shapes the API and the web app exchange. The quality rules are in
 * report-quality.ts; what changed between versions in report-diff.ts.
 */
import type { ContactForm } from './mentoring';

export enum ReportStatus {
  Draft = 'draft',
  Submitted = 'submitted',
  /** Returned to the mentor for revision, with the caseworker's comments. */
  Returned = 'returned',
  Accepted = 'accepted',
}

export enum GoalProgress {
  NotStarted = 'not_started',
  SomeProgress = 'some_progress',
  ClearProgress = 'clear_progress',
  Reached = 'reached',
  NoLongerRelevant = 'no_longer_relevant',
}

export enum BarrierKind {
  Health = 'health',
  MentalHealth = 'mental_health',
  Housing = 'housing',
  Finances = 'finances',
  Family = 'family',
  Addiction = 'addiction',
  Other = 'other',
}

export enum Recommendation {
  Continue = 'continue',
  AdjustMinutes = 'adjust_minutes',
  ChangeFocus = 'change_focus',
  EndCourse = 'end_course',
}

/** The report's sections, in order; comments and quality hints point to one. */
export enum ReportSection {
  Attendance = 'attendance',
  Goals = 'goals',
  Barriers = 'barriers',
  CitizenView = 'citizen_view',
  NextSteps = 'next_steps',
  Recommendation = 'recommendation',
}

/** Section 1, computed from the logged contacts of the period, never typed. */
export interface ReportAttendance {
  /** Counted contacts in the period where the citizen showed up. */
  contactsHeld: number;
  noShows: number;
  minutesDelivered: number;
  /** Granted minutes of the period's days (weekly minutes × days / 7). */
  minutesGranted: number;
  /** Counted contacts per form. */
  forms: Partial<Record<ContactForm, number>>;
}

export interface ReportGoalEntry {
  /** A goal of the grant (GrantDetail.goals[].id). */
  goalId: string;
  status: GoalProgress | null;
  whatHappened: string;
  /** An observed event, not an impression. */
  evidence: string;
  /** When the evidence was observed. */
  evidenceDate: string | null;
}

export interface ReportBarrier {
  kind: BarrierKind;
  description: string;
  /** What is being done about it. */
  action: string;
}

export interface ReportNextStep {
  action: string;
  /** Who does it: the citizen, the mentor, the caseworker, or a named other. */
  owner: string;
  dueOn: string | null;
}

/** Sections 2–6 as the mentor writes them. Drafts may be incomplete; the quality check says what is missing. */
export interface ReportContent {
  goals: ReportGoalEntry[];
  barriers: ReportBarrier[];
  citizenView: string;
  /** Whether the report was gone through with the citizen; null: not answered yet. */
  reviewedWithCitizen: boolean | null;
  reviewedWithCitizenOn: string | null;
  /** Why the report was not gone through with the citizen, or why the citizen's view is missing. */
  citizenViewMissingReason: string;
  nextSteps: ReportNextStep[];
  recommendation: Recommendation | null;
  /** With `adjust_minutes`: the weekly minutes recommended. */
  recommendedMinutesPerWeek: number | null;
  recommendationReason: string;
}

/** An empty report for the grant's goals. */
export function emptyReportContent(goalIds: readonly string[]): ReportContent {
  return {
    goals: goalIds.map((goalId) => ({
      goalId,
      status: null,
      whatHappened: '',
      evidence: '',
      evidenceDate: null,
    })),
    barriers: [],
    citizenView: '',
    reviewedWithCitizen: null,
    reviewedWithCitizenOn: null,
    citizenViewMissingReason: '',
    nextSteps: [],
    recommendation: null,
    recommendedMinutesPerWeek: null,
    recommendationReason: '',
  };
}

/** Default quality threshold (0–100) below which submitting needs a written justification. */
export const DEFAULT_REPORT_QUALITY_THRESHOLD = 70;
/** Default weeks between reports, set per grant. */
export const DEFAULT_REPORTING_INTERVAL_WEEKS = 4;
/** A final report is due this many days before the grant ends. */
export const FINAL_REPORT_DAYS_BEFORE_END = 14;
/** A report is "due soon" this many days before its due date. */
export const REPORT_DUE_SOON_DAYS = 7;
export const REPORT_TEXT_MAX = 4000;
export const REPORT_SHORT_TEXT_MAX = 500;
export const REPORT_MAX_ITEMS = 20;

export interface ReportComment {
  section: ReportSection;
  comment: string;
}

/** One submitted version, kept unchanged. */
export interface ReportVersion {
  number: number;
  submittedAt: string;
  submittedByName: string;
  periodFrom: string;
  periodTo: string;
  attendance: ReportAttendance;
  content: ReportContent;
  qualityScore: number;
  /** Why it was submitted under the municipality's threshold, when it was. */
  justification: string | null;
  /** The review that answered this version, if any. */
  review: {
    decision: 'returned' | 'accepted';
    reviewedAt: string;
    reviewedByName: string;
    comments: ReportComment[];
  } | null;
}

export interface ReportSummary {
  id: string;
  courseId: string;
  citizenId: string;
  citizenName: string;
  mentorName: string;
  status: ReportStatus;
  periodFrom: string;
  periodTo: string;
  /** The due date the report answers. */
  dueOn: string;
  /** The latest quality score (of the draft, or of the last submitted version). */
  qualityScore: number;
  submittedAt: string | null;
  updatedAt: string;
  version: number;
}

export interface ReportDetail extends ReportSummary {
  goals: { id: string; text: string }[];
  attendance: ReportAttendance;
  content: ReportContent;
  /** The comments of the latest return, while the report is returned. */
  openComments: ReportComment[];
  versions: ReportVersion[];
  qualityThreshold: number;
  /** Whether the caller may edit, submit, or review it now. */
  can: { edit: boolean; submit: boolean; review: boolean };
}

/** Reporting status of a course: when the next report is due. */
export interface CourseReporting {
  courseId: string;
  intervalWeeks: number;
  nextDueOn: string | null;
  dueSoon: boolean;
  overdue: boolean;
  /** The report being written or reviewed, if any. */
  openReportId: string | null;
}

export interface CreateReportRequest {
  /** The last day the report covers; it starts after the previous report, or at the course start. */
  periodTo: string;
}

export interface SaveReportRequest {
  content: ReportContent;
  periodTo?: string;
  version: number;
}

export interface SubmitReportRequest {
  version: number;
  /** Required when the quality score is under the municipality's threshold. */
  justification?: string;
}

export interface ReturnReportRequest {
  version: number;
  comments: ReportComment[];
}

export interface AcceptReportRequest {
  version: number;
}

/** Quality figures of reports per organisation and per mentor over a period. */
export interface ReportQualityRow {
  organisationId: string;
  organisationName: string;
  /** Absent on the organisation's own row. */
  mentorId?: string;
  mentorName?: string;
  reportsDue: number;
  submittedOnTime: number;
  averageQualityScore: number | null;
  /** Share (0–1) of accepted reports accepted without being returned. */
  acceptedWithoutRevisionShare: number | null;
  averageDaysToReview: number | null;
}
