/**
 * The secure message thread of a course, between the citizen's caseworker and the course's mentor
 * (and the mentor's team leaders when asked in). It replaces e-mail for personal data.
 */
import type { FileInfo } from './case-sharing';
import type { Role } from './roles';

export const MESSAGE_MAX_LENGTH = 5000;
export const MESSAGE_ATTACHMENTS_MAX = 5;
export const MESSAGE_PAGE_SIZE = 50;

export interface MessageAttachment extends FileInfo {
  id: string;
}

export interface MessageReceipt {
  userId: string;
  name: string;
  readAt: string;
}

export interface MessageView {
  id: string;
  authorId: string;
  authorName: string;
  authorRole: Role;
  body: string;
  attachments: MessageAttachment[];
  createdAt: string;
  /** Who else has read it, and when (read receipts). */
  readBy: MessageReceipt[];
  /** Written by the caller. */
  own: boolean;
}

export interface ThreadParticipant {
  userId: string;
  name: string;
  role: Role;
}

/**
 * `GET /api/courses/:id/messages?before=<messageId>`: the thread, newest MESSAGE_PAGE_SIZE
 * messages (or those before `before`), oldest first within the page.
 */
export interface MessageThread {
  courseId: string;
  participants: ThreadParticipant[];
  /** The mentor's team leaders may read and write. */
  teamLeaderInvited: boolean;
  /** Set by the mentor (or the caseworker) when the mentor needs sparring; shown on the caseload. */
  needsSparring: boolean;
  unreadCount: number;
  messages: MessageView[];
  /** More, older messages exist (pass the first message's id as `before`). */
  hasOlder: boolean;
}

/**
 * `POST /api/courses/:id/messages`. Attachments are uploaded first with
 * `POST /api/courses/:id/message-attachments` (multipart part `file`; answers MessageAttachment)
 * and are linked by id; an attachment not uploaded by the caller to this course is refused.
 */
export interface SendMessageRequest {
  body: string;
  attachmentIds?: string[];
}

/** `POST /api/courses/:id/messages/read`: marks every message up to and including `upTo` read by the caller. */
export interface MarkMessagesReadRequest {
  upTo: string;
}

/** `PUT /api/courses/:id/messages/settings`: at least one. */
export interface ThreadSettingsRequest {
  needsSparring?: boolean;
  teamLeaderInvited?: boolean;
}
