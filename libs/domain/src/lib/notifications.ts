/**
 * In-app notifications and the municipality's settings. A notification carries ids and its kind,
 * never text or personal data: the web app words it and links to the course or report.
 */
import type { Page } from './api-types';

export enum NotificationKind {
  /** A report is due within REPORT_DUE_SOON_DAYS (to the mentor, caseworker and team leaders). */
  ReportDueSoon = 'report_due_soon',
  /** A report's due date has passed (to the mentor, caseworker and team leaders). */
  ReportOverdue = 'report_overdue',
  /** A report was submitted (to the citizen's caseworker). */
  ReportSubmitted = 'report_submitted',
  /** A report was returned for revision (to the mentor). */
  ReportReturned = 'report_returned',
  /** A report was accepted (to the mentor). */
  ReportAccepted = 'report_accepted',
  /** A handover packet was sent (to the course's mentor). */
  HandoverSent = 'handover_sent',
  /** A handover packet was acknowledged (to the citizen's caseworker). */
  HandoverAcknowledged = 'handover_acknowledged',
  /** A sent packet is not acknowledged after HANDOVER_ACKNOWLEDGE_WORKING_DAYS (to mentor and caseworker). */
  HandoverOverdue = 'handover_overdue',
  /** A case item was shared with the mentor (to the course's mentor). */
  ItemShared = 'item_shared',
  /** A new message in the course's thread (to the other participants). */
  MessageReceived = 'message_received',
  /** The mentor asks for sparring (to the caseworker, and to the team leaders when invited). */
  SparringRequested = 'sparring_requested',
}

export const NOTIFICATION_KINDS = Object.values(NotificationKind);

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  courseId: string | null;
  reportId: string | null;
  /** The due date a reminder is about. */
  dueOn: string | null;
  /** The report version a review notification is about. */
  reportVersion: number | null;
  createdAt: string;
  readAt: string | null;
}

/** `GET /api/notifications`: one page, newest first, with the caller's unread count. */
export interface NotificationPage extends Page<NotificationView> {
  unreadCount: number;
}

/** Settings an administrator changes for the whole municipality. */
export interface MunicipalitySettings {
  municipalityName: string;
  /** 0–100; submitting a report scored under it needs a written justification. */
  reportQualityThreshold: number;
  /** A mentor must hold a valid certification (certified or expiring) to be assigned a course. */
  requireCertificationForAssignment: boolean;
  version: number;
}

/** The settings that change (at least one), with the version read. */
export interface UpdateMunicipalitySettingsRequest {
  reportQualityThreshold?: number;
  requireCertificationForAssignment?: boolean;
  version: number;
}
