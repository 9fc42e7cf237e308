import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CaseFileType,
  MESSAGE_ATTACHMENTS_MAX,
  MESSAGE_PAGE_SIZE,
  type MessageAttachment,
  type MessageThread,
  type MessageView,
  NotificationKind,
  Role,
} from '@mentor/domain';
import type { FastifyReply } from 'fastify';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ReadAuditWriter } from '../audit/read-audit.writer';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ProblemException, ValidationProblem } from '../common/problem';
import { SqlParams } from '../common/sql-params';
import type { UploadedFile } from '../common/upload';
import { NotFoundProblem } from '../common/versioned-update';
import { FileStore } from '../files/file-store.service';
import type { StoredFile } from '../files/stored-file.entity';
import { type NotificationEntry, NotificationsService } from '../notifications/notifications.service';
import type { SendMessageDto, ThreadSettingsDto } from './dto/message.dto';
import { MessageAttachment as MessageAttachmentEntity } from './message-attachment.entity';
import {
  attachmentStatement,
  participantsSql,
  type ThreadCourseRow,
  threadCourseSelect,
  type ThreadRow,
  threadStatement,
} from './message-sql';

/**
 * Unsent uploads a participant may hold on one course at a time (a few messages' worth); uploads
 * left unsent for a day no longer count.
 */
export const MESSAGE_PENDING_ATTACHMENTS_MAX = 2 * MESSAGE_ATTACHMENTS_MAX;

/**
 * The secure message thread of a course, between its mentor, the citizen's caseworker and (when
 * asked in) the delivering organisation's team leaders. Anyone else gets 404 for all of it.
 */
@Injectable()
export class MessagesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly readAudit: ReadAuditWriter,
    private readonly notifications: NotificationsService,
    private readonly files: FileStore,
  ) {}

  /** The thread page (see threadStatement); the read is audit-logged. */
  async thread(caller: AuthenticatedUser, courseId: string, before?: string): Promise<MessageThread> {
    const [row] = await this.readAudit.query<ThreadRow>(caller, threadStatement(caller, courseId, before));
    if (!row) throw new NotFoundProblem('course');
    if (!row.beforeFound) {
      throw new ValidationProblem([
        {
          field: 'before',
          messages: ['before must be a message of this thread'],
          codes: ['message.unknown'],
        },
      ]);
    }
    const page = row.messages.slice(0, MESSAGE_PAGE_SIZE);
    return {
      courseId,
      participants: row.participants,
      teamLeaderInvited: row.teamLeaderInvited,
      needsSparring: row.needsSparring,
      unreadCount: row.unreadCount,
      messages: page.reverse().map((m) => ({
        ...m,
        attachments: m.attachments.map((a) => ({ ...a, contentType: a.contentType as CaseFileType })),
      })),
      hasOlder: row.messages.length > MESSAGE_PAGE_SIZE,
    };
  }

  /** Sends a message with the caller's unsent attachments; the other participants are notified. */
  async send(caller: AuthenticatedUser, courseId: string, dto: SendMessageDto): Promise<MessageView> {
    const attachmentIds = dto.attachmentIds ?? [];
    return this.db.transaction(async (tx) => {
      const course = await this.participantCourse(tx, caller, courseId);
      const [message] = (await tx.query(
        `INSERT INTO message (municipality_id, course_id, author_id, body) VALUES ($1, $2, $3, $4)
         RETURNING id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"`,
        [caller.municipalityId, courseId, caller.id, dto.body],
      )) as { id: string; createdAt: string }[];
      if (!message) throw new Error('message insert returned no row');
      const attachments = await this.attach(tx, caller, courseId, message.id, attachmentIds);
      await this.audit.record(
        caller,
        {
          action: 'message.create',
          citizenId: course.citizenId,
          entityType: 'message',
          entityId: message.id,
          details: attachments.length ? { attachments: attachments.length } : undefined,
        },
        tx,
      );
      const recipients = (await this.participants(tx, caller, course)).filter((id) => id !== caller.id);
      await this.notifications.add(
        tx,
        recipients.map((userId) =>
          notification(caller, userId, courseId, NotificationKind.MessageReceived, message.id),
        ),
      );
      return {
        id: message.id,
        authorId: caller.id,
        authorName: caller.name,
        authorRole: caller.role,
        body: dto.body,
        attachments,
        createdAt: message.createdAt,
        readBy: [],
        own: true,
      };
    });
  }

  /** Links the caller's unsent uploads on this course to the message; any other id is refused. */
  private async attach(
    tx: EntityManager,
    caller: AuthenticatedUser,
    courseId: string,
    messageId: string,
    attachmentIds: string[],
  ): Promise<MessageAttachment[]> {
    if (attachmentIds.length === 0) return [];
    const [rows] = (await tx.query(
      `UPDATE message_attachment a SET message_id = $1, updated_at = now()
         FROM stored_file f
        WHERE f.id = a.stored_file_id AND a.municipality_id = $2 AND a.course_id = $3 AND a.uploaded_by = $4
          AND a.message_id IS NULL AND a.id = ANY($5::uuid[])
        RETURNING a.id, f.file_name AS "fileName", f.content_type AS "contentType", f.size_bytes AS "sizeBytes",
                  a.created_at AS "createdAt"`,
      [messageId, caller.municipalityId, courseId, caller.id, attachmentIds],
    )) as [(MessageAttachment & { createdAt: Date })[], number];
    if (rows.length !== attachmentIds.length) {
      const linked = new Set(rows.map((r) => r.id));
      throw new ValidationProblem(
        [
          {
            field: 'attachmentIds',
            messages: [
              `not unsent uploads of yours on this course: ${attachmentIds.filter((id) => !linked.has(id)).join(', ')}`,
            ],
            codes: ['message.attachment_unavailable'],
          },
        ],
        'Attach only files you uploaded to this thread and have not sent yet.',
      );
    }
    return rows
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
      .map(({ id, fileName, contentType, sizeBytes }) => ({ id, fileName, contentType, sizeBytes }));
  }

  /**
   * Stores an attachment for the caller's next message on this course: checked and encrypted by the
   * FileStore, linked when the message is sent.
   */
  async upload(
    caller: AuthenticatedUser,
    courseId: string,
    upload: UploadedFile,
  ): Promise<MessageAttachment> {
    const course = await this.participantCourse(this.db.manager, caller, courseId);
    const [pending] = (await this.db.query(
      `SELECT count(*)::int AS n FROM message_attachment
        WHERE municipality_id = $1 AND course_id = $2 AND uploaded_by = $3 AND message_id IS NULL
          AND created_at > now() - interval '1 day'`,
      [caller.municipalityId, courseId, caller.id],
    )) as { n: number }[];
    if ((pending?.n ?? 0) >= MESSAGE_PENDING_ATTACHMENTS_MAX) {
      throw new ProblemException({
        status: 422,
        code: 'message.too_many_pending_attachments',
        detail: `You have ${MESSAGE_PENDING_ATTACHMENTS_MAX} unsent attachments on this course; send them first.`,
      });
    }
    return this.db.transaction(async (tx) => {
      const file = await this.files.save(caller, upload, tx);
      const inserted = await tx.insert(MessageAttachmentEntity, {
        municipalityId: caller.municipalityId,
        courseId,
        messageId: null,
        storedFileId: file.id,
        uploadedBy: caller.id,
      });
      const id = inserted.identifiers[0]?.['id'] as string;
      await this.audit.record(
        caller,
        {
          action: 'message.attachment_upload',
          citizenId: course.citizenId,
          entityType: 'message_attachment',
          entityId: id,
        },
        tx,
      );
      return { id, fileName: file.fileName, contentType: file.contentType, sizeBytes: file.sizeBytes };
    });
  }

  /** Sends an attachment to a participant: sent ones to all of them, an unsent one to its uploader only. */
  async download(
    caller: AuthenticatedUser,
    courseId: string,
    attachmentId: string,
    reply: FastifyReply,
  ): Promise<void> {
    const [file] = await this.readAudit.query<StoredFile>(
      caller,
      attachmentStatement(caller, courseId, attachmentId),
    );
    if (!file) throw new NotFoundProblem('attachment');
    await this.files.send(reply, file);
  }

  /** Marks every message of the thread up to and including `upTo` read by the caller (others' messages only). */
  async markRead(caller: AuthenticatedUser, courseId: string, upTo: string): Promise<void> {
    await this.participantCourse(this.db.manager, caller, courseId);
    const [found] = (await this.db.query(
      `WITH upto AS (SELECT created_at, id FROM message WHERE municipality_id = $1 AND course_id = $2 AND id = $3),
            marked AS (
              INSERT INTO message_read (municipality_id, message_id, user_id)
              SELECT m.municipality_id, m.id, $4 FROM upto, message m
               WHERE m.municipality_id = $1 AND m.course_id = $2 AND m.author_id <> $4
                 AND (m.created_at, m.id) <= (upto.created_at, upto.id)
              ON CONFLICT DO NOTHING)
       SELECT count(*)::int AS n FROM upto`,
      [caller.municipalityId, courseId, upTo, caller.id],
    )) as { n: number }[];
    if (!found?.n) {
      throw new ValidationProblem([
        { field: 'upTo', messages: ['upTo must be a message of this thread'], codes: ['message.unknown'] },
      ]);
    }
  }

  /**
   * Changes the thread's settings (mentor or caseworker; a team leader only takes part). Turning
   * "needs sparring" on notifies the caseworker and the asked-in team leaders.
   */
  async changeSettings(
    caller: AuthenticatedUser,
    courseId: string,
    dto: ThreadSettingsDto,
  ): Promise<MessageThread> {
    if (dto.needsSparring === undefined && dto.teamLeaderInvited === undefined) {
      throw new ValidationProblem(
        [
          {
            field: 'needsSparring',
            messages: ['give needsSparring or teamLeaderInvited'],
            codes: ['message.settings_empty'],
          },
        ],
        'Change at least one setting.',
      );
    }
    await this.db.transaction(async (tx) => {
      const course = await this.participantCourse(tx, caller, courseId);
      if (caller.role !== Role.Mentor && caller.role !== Role.Caseworker) {
        throw new ProblemException({
          status: 403,
          code: 'message.settings_forbidden',
          detail: "Only the course's mentor and the citizen's caseworker change the thread's settings.",
        });
      }
      await tx.query(
        `INSERT INTO message_thread (municipality_id, course_id, version) VALUES ($1, $2, 1)
         ON CONFLICT (municipality_id, course_id) DO NOTHING`,
        [caller.municipalityId, courseId],
      );
      // Under the row lock, so two changes at once notify once.
      const [thread] = (await tx.query(
        `SELECT needs_sparring AS "needsSparring", team_leader_invited AS "teamLeaderInvited"
           FROM message_thread WHERE municipality_id = $1 AND course_id = $2 FOR UPDATE`,
        [caller.municipalityId, courseId],
      )) as { needsSparring: boolean; teamLeaderInvited: boolean }[];
      if (!thread) throw new Error('message_thread row missing after insert');
      const needsSparring = dto.needsSparring ?? thread.needsSparring;
      const teamLeaderInvited = dto.teamLeaderInvited ?? thread.teamLeaderInvited;
      const changes: Record<string, boolean> = {};
      if (needsSparring !== thread.needsSparring) changes['needsSparring'] = needsSparring;
      if (teamLeaderInvited !== thread.teamLeaderInvited) changes['teamLeaderInvited'] = teamLeaderInvited;
      if (Object.keys(changes).length === 0) return;
      const [updated] = (await tx.query(
        `UPDATE message_thread
            SET needs_sparring = $3, team_leader_invited = $4, version = version + 1, updated_at = now(),
                needs_sparring_set_by = CASE WHEN $3 THEN
                  CASE WHEN needs_sparring THEN needs_sparring_set_by ELSE $5::uuid END END,
                needs_sparring_set_at = CASE WHEN $3 THEN
                  CASE WHEN needs_sparring THEN needs_sparring_set_at ELSE now() END END
          WHERE municipality_id = $1 AND course_id = $2
          RETURNING version`,
        [caller.municipalityId, courseId, needsSparring, teamLeaderInvited, caller.id],
      )) as [{ version: number }[], number];
      await this.audit.record(
        caller,
        {
          action: 'message.settings',
          citizenId: course.citizenId,
          entityType: 'mentor_course',
          entityId: courseId,
          details: changes,
        },
        tx,
      );
      if (changes['needsSparring'] === true) {
        const teamLeaders = teamLeaderInvited
          ? await this.participants(tx, caller, { ...course, teamLeaderInvited }, Role.TeamLeader)
          : [];
        const recipients = [course.caseworkerId, ...teamLeaders].filter((id) => id !== caller.id);
        await this.notifications.add(
          tx,
          recipients.map((userId) =>
            notification(
              caller,
              userId,
              courseId,
              NotificationKind.SparringRequested,
              `${courseId}:${updated[0]?.version ?? 0}`,
            ),
          ),
        );
      }
    });
    return this.thread(caller, courseId);
  }

  /** The course, when the caller takes part in its thread; 404 otherwise. */
  private async participantCourse(
    manager: EntityManager,
    caller: AuthenticatedUser,
    courseId: string,
  ): Promise<ThreadCourseRow> {
    const p = new SqlParams();
    const [course] = (await manager.query(
      threadCourseSelect(p, caller, courseId),
      p.values,
    )) as ThreadCourseRow[];
    if (!course) throw new NotFoundProblem('course');
    return course;
  }

  /** The user ids taking part in the course's thread (optionally of one role). */
  private async participants(
    manager: EntityManager,
    caller: AuthenticatedUser,
    course: ThreadCourseRow,
    role?: Role,
  ): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT x.id FROM (SELECT $1::uuid AS id, $2::uuid AS municipality_id, $3::uuid AS "caseworkerId",
                                $4::uuid AS "mentorId", $5::uuid AS "organisationId", $6::boolean AS "teamLeaderInvited") c,
              LATERAL ${participantsSql('c')} x
        WHERE $7::varchar IS NULL OR x.role = $7`,
      [
        course.id,
        caller.municipalityId,
        course.caseworkerId,
        course.mentorId,
        course.organisationId,
        course.teamLeaderInvited,
        role ?? null,
      ],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }
}

/** A notification of the thread: ids only; `event` makes the key, so a retried event is stored once. */
function notification(
  caller: AuthenticatedUser,
  userId: string,
  courseId: string,
  kind: NotificationKind,
  event: string,
): NotificationEntry {
  return {
    municipalityId: caller.municipalityId,
    userId,
    kind,
    courseId,
    reportId: null,
    payload: {},
    key: `${kind}:${event}`,
  };
}
