import type { HandoverContent, HandoverSource, HandoverStatus } from '@mentor/domain';
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
export class HandoverPacket {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_handover_packet' })
  id: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_handover_packet_municipality' })
  municipality?: Municipality;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => MentorCourse, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'fk_handover_packet_course' })
  course?: MentorCourse;

  /** The mentor the packet is for: the mentor of its period. */
  @Column({ name: 'mentor_id', type: 'uuid' })
  mentorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'mentor_id', foreignKeyConstraintName: 'fk_handover_packet_mentor' })
  mentor?: User;

  @Column({ name: 'mentor_period_id', type: 'uuid' })
  mentorPeriodId: string;

  @ManyToOne(() => CourseMentorPeriod, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'mentor_period_id', foreignKeyConstraintName: 'fk_handover_packet_mentor_period' })
  mentorPeriod?: CourseMentorPeriod;

  @Column({ type: 'varchar', length: 20 })
  status: HandoverStatus;

  @Column({ type: 'varchar', length: 20 })
  source: HandoverSource;

  @Column({ type: 'jsonb' })
  content: HandoverContent;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_handover_packet_created_by' })
  creator?: User;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'sent_by', type: 'uuid', nullable: true })
  sentBy: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sent_by', foreignKeyConstraintName: 'fk_handover_packet_sent_by' })
  sender?: User;

  /** The working day by which the mentor should acknowledge (HANDOVER_ACKNOWLEDGE_WORKING_DAYS after sending). */
  @Column({ name: 'acknowledge_by', type: 'date', nullable: true })
  acknowledgeBy: string | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true })
  acknowledgedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'acknowledged_by', foreignKeyConstraintName: 'fk_handover_packet_acknowledged_by' })
  acknowledger?: User;

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
