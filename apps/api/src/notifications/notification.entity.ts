import type { NotificationKind } from '@mentor/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { MentorCourse } from '../courses/mentor-course.entity';
import { Municipality } from '../organisations/municipality.entity';
import { ProgressReport } from '../reports/progress-report.entity';
import { User } from '../users/user.entity';

/**
 * An in-app notification to one user. The payload holds ids and dates only, never text or personal
 * data. `key` names the event (kind, subject, due date or version), so a notification made twice
 * (by a retried event, or by the reminder job on two instances) is stored once.
 */
@Entity({ name: 'notification' })
@Unique('uq_notification_key', ['municipalityId', 'userId', 'key'])
@Index('ix_notification_user', ['municipalityId', 'userId', 'createdAt'])
// Deleting a course or report (retention) checks its notifications through these.
@Index('ix_notification_course', ['municipalityId', 'courseId'])
@Index('ix_notification_report', ['municipalityId', 'reportId'])
@Check(
  'ck_notification_kind',
  `"kind" IN ('report_due_soon', 'report_overdue', 'report_submitted', 'report_returned', 'report_accepted', 'handover_sent', 'handover_acknowledged', 'handover_overdue', 'item_shared', 'message_received', 'sparring_requested')`,
)
@ForeignKey(() => Municipality, ['municipality_id'], ['id'], {
  name: 'fk_notification_municipality',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['user_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_notification_user',
  onDelete: 'CASCADE',
})
@ForeignKey(() => MentorCourse, ['course_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_notification_course',
  onDelete: 'CASCADE',
})
@ForeignKey(() => ProgressReport, ['report_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_notification_report',
  onDelete: 'CASCADE',
})
export class Notification {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_notification' })
  id: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'pk_notification' })
  municipalityId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 30 })
  kind: NotificationKind;

  @Column({ name: 'course_id', type: 'uuid', nullable: true })
  courseId: string | null;

  @Column({ name: 'report_id', type: 'uuid', nullable: true })
  reportId: string | null;

  /** Ids and dates only, e.g. `{ "dueOn": "2026-11-02" }` or `{ "version": 2 }`. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, string | number>;

  /** The event's identity, e.g. `report_overdue:<courseId>:<dueOn>`; unique per user. */
  @Column({ type: 'varchar', length: 200 })
  key: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
