import type { NotificationKind } from '@mentor/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
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
@Check(
  'ck_notification_kind',
  `"kind" IN ('report_due_soon', 'report_overdue', 'report_submitted', 'report_returned', 'report_accepted', 'handover_sent', 'handover_acknowledged', 'handover_overdue', 'item_shared', 'message_received', 'sparring_requested')`,
)
export class Notification {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_notification' })
  id: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_notification_municipality' })
  municipality?: Municipality;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_notification_user' })
  user?: User;

  @Column({ type: 'varchar', length: 30 })
  kind: NotificationKind;

  @Column({ name: 'course_id', type: 'uuid', nullable: true })
  courseId: string | null;

  @ManyToOne(() => MentorCourse, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'fk_notification_course' })
  course?: MentorCourse;

  @Column({ name: 'report_id', type: 'uuid', nullable: true })
  reportId: string | null;

  @ManyToOne(() => ProgressReport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_notification_report' })
  report?: ProgressReport;

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
