import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationKind, NotificationPage, NotificationView } from '@mentor/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { NotFoundProblem } from '../common/versioned-update';
import { queryPrepared } from '../database/prepared';
import type { PageQueryDto } from '../common/pagination';

/** A notification to store: ids, dates and numbers only, never text or personal data. */
export interface NotificationEntry {
  municipalityId: string;
  userId: string;
  kind: NotificationKind;
  courseId: string | null;
  reportId: string | null;
  payload: { dueOn?: string; version?: number };
  /** The event's identity; the same key for the same user is stored once. */
  key: string;
}

interface NotificationRow {
  unreadCount: number;
  total: number;
  id: string | null;
  kind: NotificationKind;
  courseId: string | null;
  reportId: string | null;
  payload: { dueOn?: string; version?: number };
  createdAt: Date;
  readAt: Date | null;
}

@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Stores notifications in one statement; pass the event's transaction so they commit with it.
   * A key already stored for the user is skipped, so retried events and repeated jobs add nothing.
   */
  async add(manager: EntityManager, entries: NotificationEntry[]): Promise<number> {
    if (entries.length === 0) return 0;
    const rows: unknown[] = await manager.query(
      `INSERT INTO notification (municipality_id, user_id, kind, course_id, report_id, payload, key)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::uuid[], $5::uuid[], $6::jsonb[], $7::varchar[])
       ON CONFLICT (municipality_id, user_id, key) DO NOTHING
       RETURNING id`,
      [
        entries.map((e) => e.municipalityId),
        entries.map((e) => e.userId),
        entries.map((e) => e.kind),
        entries.map((e) => e.courseId),
        entries.map((e) => e.reportId),
        entries.map((e) => JSON.stringify(e.payload)),
        entries.map((e) => e.key),
      ],
    );
    return rows.length;
  }

  /** The caller's own notifications, newest first, with the unread count, in one statement. */
  async list(caller: AuthenticatedUser, query: PageQueryDto): Promise<NotificationPage> {
    // Polled by every open page (the bell): prepared, so it is planned once per connection.
    const rows = await queryPrepared<NotificationRow>(
      this.db,
      `SELECT c.unread AS "unreadCount", c.total, n.id, n.kind, n.course_id AS "courseId", n.report_id AS "reportId",
              n.payload, n.created_at AS "createdAt", n.read_at AS "readAt"
         FROM (SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread
                 FROM notification WHERE municipality_id = $1 AND user_id = $2) c
         LEFT JOIN LATERAL (
           SELECT * FROM notification WHERE municipality_id = $1 AND user_id = $2
            ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4) n ON TRUE
        ORDER BY n.created_at DESC, n.id DESC`,
      [caller.municipalityId, caller.id, query.limit, query.offset],
    );
    const first = rows[0];
    return {
      items: rows.filter((row) => row.id !== null).map(toView),
      total: first?.total ?? 0,
      unreadCount: first?.unreadCount ?? 0,
      limit: query.limit,
      offset: query.offset,
    };
  }

  /** Marks one of the caller's notifications read (again: no change); 404 for anyone else's. */
  async markRead(caller: AuthenticatedUser, id: string): Promise<void> {
    const [rows] = await this.db.query(
      `UPDATE notification SET read_at = COALESCE(read_at, now())
        WHERE id = $1 AND municipality_id = $2 AND user_id = $3 RETURNING id`,
      [id, caller.municipalityId, caller.id],
    );
    if (!(rows as unknown[]).length) throw new NotFoundProblem('notification');
  }

  async markAllRead(caller: AuthenticatedUser): Promise<void> {
    await this.db.query(
      `UPDATE notification SET read_at = now() WHERE municipality_id = $1 AND user_id = $2 AND read_at IS NULL`,
      [caller.municipalityId, caller.id],
    );
  }
}

function toView(row: NotificationRow): NotificationView {
  return {
    id: row.id as string,
    kind: row.kind,
    courseId: row.courseId,
    reportId: row.reportId,
    dueOn: row.payload.dueOn ?? null,
    reportVersion: row.payload.version ?? null,
    createdAt: new Date(row.createdAt).toISOString(),
    readAt: row.readAt ? new Date(row.readAt).toISOString() : null,
  };
}
