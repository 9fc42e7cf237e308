import type { HandoverContent, HandoverSource, HandoverStatus } from '@mentor/domain';
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
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { CourseMentorPeriod } from '../courses/course-mentor-period.entity';
import { MentorCourse } from '../courses/mentor-course.entity';
import { Municipality } from '../organisations/municipality.entity';
import { User } from '../users/user.entity';

/**
 * The caseworker's handover packet for one mentor period of a course (study section 3.5): a mentor
 * who returns to a course later gets a new one. Written as a draft, sent to the mentor, and
 * acknowledged by the mentor before the first contact. Packets of courses that existed before
 * handover packets are `migrated`: acknowledged, without content, sender or acknowledger.
 */
@Entity({ name: 'handover_packet' })
@Unique('uq_handover_packet_period', ['municipalityId', 'mentorPeriodId'])
@Index('ix_handover_packet_course', ['municipalityId', 'courseId'])
// The reminder job looks for sent packets past their date that have not been flagged yet.
@Index('ix_handover_packet_overdue', ['acknowledgeBy'], {
  where: `"status" = 'sent' AND "overdue_notified_at" IS NULL`,
})
@Check('ck_handover_packet_status', `"status" IN ('draft', 'sent', 'acknowledged')`)
@Check('ck_handover_packet_source', `"source" IN ('grant', 'course', 'migrated')`)
@Check('ck_handover_packet_migrated', `"source" <> 'migrated' OR "status" = 'acknowledged'`)
@Check(
  'ck_handover_packet_sent',
  `"status" = 'draft' OR "source" = 'migrated' OR ("sent_at" IS NOT NULL AND "sent_by" IS NOT NULL AND "acknowledge_by" IS NOT NULL)`,
)
@Check(
  'ck_handover_packet_acknowledged',
  `"status" <> 'acknowledged' OR "source" = 'migrated' OR ("acknowledged_at" IS NOT NULL AND "acknowledged_by" IS NOT NULL)`,
)
@ForeignKey(() => Municipality, ['municipality_id'], ['id'], {
  name: 'fk_handover_packet_municipality',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => MentorCourse, ['course_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_handover_packet_course',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['mentor_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_handover_packet_mentor',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => CourseMentorPeriod, ['mentor_period_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_handover_packet_mentor_period',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['created_by', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_handover_packet_created_by',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['sent_by', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_handover_packet_sent_by',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['acknowledged_by', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_handover_packet_acknowledged_by',
  onDelete: 'RESTRICT',
})
export class HandoverPacket {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_handover_packet' })
  id: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'pk_handover_packet' })
  municipalityId: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  /** The mentor the packet is for: the mentor of its period. */
  @Column({ name: 'mentor_id', type: 'uuid' })
  mentorId: string;

  @Column({ name: 'mentor_period_id', type: 'uuid' })
  mentorPeriodId: string;

  @Column({ type: 'varchar', length: 20 })
  status: HandoverStatus;

  @Column({ type: 'varchar', length: 20 })
  source: HandoverSource;

  @Column({ type: 'jsonb' })
  content: HandoverContent;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'sent_by', type: 'uuid', nullable: true })
  sentBy: string | null;

  /** The working day by which the mentor should acknowledge (HANDOVER_ACKNOWLEDGE_WORKING_DAYS after sending). */
  @Column({ name: 'acknowledge_by', type: 'date', nullable: true })
  acknowledgeBy: string | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true })
  acknowledgedBy: string | null;

  /** When mentor and caseworker were told the packet is overdue; they are told once. */
  @Column({ name: 'overdue_notified_at', type: 'timestamptz', nullable: true })
  overdueNotifiedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
