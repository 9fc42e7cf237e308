import { MESSAGE_PAGE_SIZE, Role } from '@mentor/domain';
import type { AuditedStatement } from '../audit/audit-sql';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { SqlParams } from '../common/sql-params';
import { courseVisibility } from '../courses/course-visibility';

/** The SQL of course message threads: raw statements scoped to the thread's participants. */

const TIMESTAMP = (expr: string) => `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The thread's team leaders take part: the delivering organisation's team leaders were asked in. */
function teamLeaderInvitedSql(course: string): string {
  return `EXISTS (SELECT 1 FROM message_thread t
                   WHERE t.municipality_id = ${course}.municipality_id AND t.course_id = ${course}.id
                     AND t.team_leader_invited)`;
}

/**
 * Integer: the messages of the course that the caller did not write and has not read. For course
 * lists, whose visibility already holds; a team leader counts only threads they were asked into.
 * `course` is the query's alias of mentor_course. One index range (ix_message_course) and one key
 * probe (pk_message_read) per message of the course.
 */
export function unreadMessagesSql(p: SqlParams, course: string, caller: AuthenticatedUser): string {
  const me = `${p.add(caller.id)}::uuid`;
  const invited = caller.role === Role.TeamLeader ? ` AND ${teamLeaderInvitedSql(course)}` : '';
  return `(SELECT count(*)::int FROM message m
            WHERE m.municipality_id = ${course}.municipality_id AND m.course_id = ${course}.id
              AND m.author_id <> ${me}${invited}
              AND NOT EXISTS (SELECT 1 FROM message_read r
                               WHERE r.municipality_id = m.municipality_id AND r.message_id = m.id
                                 AND r.user_id = ${me}))`;
}

/** The course as its thread needs it, when the caller takes part in the thread. */
export interface ThreadCourseRow {
  id: string;
  citizenId: string;
  mentorId: string | null;
  caseworkerId: string;
  organisationId: string;
  teamLeaderInvited: boolean;
  needsSparring: boolean;
}

/**
 * The course, if the caller takes part in its thread: its current mentor, the citizen's
 * caseworker, and the delivering organisation's team leaders once asked in. Anyone else gets no row.
 */
export function threadCourseSelect(p: SqlParams, caller: AuthenticatedUser, courseId: string): string {
  const visible = courseVisibility(p, 'co', 'ci', caller);
  const invited = caller.role === Role.TeamLeader ? 'AND COALESCE(t.team_leader_invited, false)' : '';
  return `SELECT co.id, co.municipality_id, g.citizen_id AS "citizenId", co.mentor_id AS "mentorId",
         ci.caseworker_id AS "caseworkerId", co.organisation_id AS "organisationId",
         COALESCE(t.team_leader_invited, false) AS "teamLeaderInvited",
         COALESCE(t.needs_sparring, false) AS "needsSparring"
    FROM mentor_course co
    JOIN mentor_grant g ON g.municipality_id = co.municipality_id AND g.id = co.grant_id
    JOIN citizen ci ON ci.municipality_id = co.municipality_id AND ci.id = g.citizen_id
    LEFT JOIN message_thread t ON t.municipality_id = co.municipality_id AND t.course_id = co.id
   WHERE co.id = ${p.add(courseId)}::uuid AND ${visible} ${invited}`;
}

/**
 * The thread's participants (id, name, role, rank for ordering) of the course row `c` (columns of
 * ThreadCourseRow): caseworker, mentor, then the active team leaders when asked in.
 */
export function participantsSql(c: string): string {
  return `(SELECT u.id, u.name, u.role, 1 AS rank FROM app_user u WHERE u.id = ${c}."caseworkerId"
           UNION ALL
           SELECT u.id, u.name, u.role, 2 FROM app_user u WHERE u.id = ${c}."mentorId"
           UNION ALL
           SELECT u.id, u.name, u.role, 3 FROM app_user u
            WHERE ${c}."teamLeaderInvited" AND u.municipality_id = ${c}.municipality_id
              AND u.organisation_id = ${c}."organisationId" AND u.role = 'team_leader' AND u.active)`;
}

export interface ThreadRow {
  citizenId: string;
  teamLeaderInvited: boolean;
  needsSparring: boolean;
  beforeFound: boolean;
  unreadCount: number;
  participants: { userId: string; name: string; role: Role }[];
  /** Newest first, up to MESSAGE_PAGE_SIZE + 1 (one more says older ones exist). */
  messages: {
    id: string;
    authorId: string;
    authorName: string;
    authorRole: Role;
    body: string;
    createdAt: string;
    own: boolean;
    attachments: { id: string; fileName: string; contentType: string; sizeBytes: number }[];
    readBy: { userId: string; name: string; readAt: string }[];
  }[];
}

/** File facts of an attachment as JSON; `a` is the message_attachment alias. */
const ATTACHMENT_JSON = (a: string) =>
  `json_build_object('id', ${a}.id, 'fileName', f.file_name, 'contentType', f.content_type, 'sizeBytes', f.size_bytes)`;

/**
 * The thread page: participants, settings, the caller's unread count and the newest messages (or
 * those before `before`) with attachments and read receipts, with the read's audit record.
 */
export function threadStatement(
  caller: AuthenticatedUser,
  courseId: string,
  before: string | undefined,
): AuditedStatement {
  const p = new SqlParams();
  const course = threadCourseSelect(p, caller, courseId);
  const me = `${p.add(caller.id)}::uuid`;
  // The message to page back from, if it is one of this course's.
  const beforeMessage = before
    ? `(SELECT bm.created_at, bm.id FROM message bm
         WHERE bm.municipality_id = c.municipality_id AND bm.course_id = c.id AND bm.id = ${p.add(before)}::uuid)`
    : null;
  const older = before ? 'AND (m.created_at, m.id) < (b.created_at, b.id)' : '';
  const select = `WITH c AS (${course}),
     pg AS (SELECT m.id, m.author_id, m.body, m.created_at FROM c, message m ${beforeMessage ? `, LATERAL ${beforeMessage} b` : ''}
             WHERE m.municipality_id = c.municipality_id AND m.course_id = c.id ${older}
             ORDER BY m.created_at DESC, m.id DESC LIMIT ${MESSAGE_PAGE_SIZE + 1})
  SELECT c."citizenId", c."teamLeaderInvited", c."needsSparring",
         ${beforeMessage ? `EXISTS ${beforeMessage}` : 'TRUE'} AS "beforeFound",
         ${unreadMessagesSql(p, 'c', caller)} AS "unreadCount",
         (SELECT COALESCE(json_agg(json_build_object('userId', x.id, 'name', x.name, 'role', x.role)
                                   ORDER BY x.rank, x.name), '[]')
            FROM ${participantsSql('c')} x) AS participants,
         (SELECT COALESCE(json_agg(json_build_object(
                   'id', pg.id, 'authorId', pg.author_id, 'authorName', au.name, 'authorRole', au.role,
                   'body', pg.body, 'createdAt', ${TIMESTAMP('pg.created_at')}, 'own', pg.author_id = ${me},
                   'attachments', (SELECT COALESCE(json_agg(${ATTACHMENT_JSON('a')} ORDER BY a.created_at, a.id), '[]')
                                     FROM message_attachment a JOIN stored_file f ON f.id = a.stored_file_id
                                    WHERE a.municipality_id = c.municipality_id AND a.message_id = pg.id),
                   'readBy', (SELECT COALESCE(json_agg(json_build_object(
                                       'userId', r.user_id, 'name', ru.name, 'readAt', ${TIMESTAMP('r.read_at')})
                                     ORDER BY r.read_at, r.user_id), '[]')
                                FROM message_read r JOIN app_user ru ON ru.id = r.user_id
                               WHERE r.municipality_id = c.municipality_id AND r.message_id = pg.id))
                   ORDER BY pg.created_at DESC, pg.id DESC), '[]')
            FROM pg JOIN app_user au ON au.id = pg.author_id) AS messages
    FROM c`;
  return {
    text: select,
    values: p.values,
    audit: {
      action: 'message.list',
      entityType: 'mentor_course',
      entityId: courseId,
      details: before ? { before } : undefined,
    },
  };
}

/** The caller's attachment on a course whose thread they take part in: sent, or their own unsent upload. */
export function attachmentStatement(
  caller: AuthenticatedUser,
  courseId: string,
  attachmentId: string,
): AuditedStatement {
  const p = new SqlParams();
  const course = threadCourseSelect(p, caller, courseId);
  const select = `SELECT c."citizenId", f.id, f.municipality_id AS "municipalityId", f.file_name AS "fileName",
         f.content_type AS "contentType", f.size_bytes AS "sizeBytes", f.storage_key AS "storageKey"
    FROM (${course}) c
    JOIN message_attachment a ON a.municipality_id = c.municipality_id AND a.course_id = c.id
    JOIN stored_file f ON f.id = a.stored_file_id
   WHERE a.id = ${p.add(attachmentId)}::uuid
     AND (a.message_id IS NOT NULL OR a.uploaded_by = ${p.add(caller.id)}::uuid)`;
  return {
    text: select,
    values: p.values,
    audit: { action: 'message.download', entityType: 'message_attachment', entityId: attachmentId },
  };
}
