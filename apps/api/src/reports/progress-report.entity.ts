import type { ReportContent, ReportStatus } from '@mentor/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { MentorCourse } from '../courses/mentor-course.entity';
import { Municipality } from '../organisations/municipality.entity';
import { User } from '../users/user.entity';

/**
 * A progression report (study section 3.5): the mentor's draft and its current state. Each submit
 * is kept unchanged as a ProgressReportVersion with the review that answered it.
 */
@Entity({ name: 'progress_report' })
@Index('ix_progress_report_course', ['municipalityId', 'courseId', 'periodTo'])
// The quality figures select reports by due date.
@Index('ix_progress_report_due', ['municipalityId', 'dueOn'])
// One report at a time is written or reviewed per course; a second create loses with 409.
@Index('uq_progress_report_open', ['municipalityId', 'courseId'], {
  unique: true,
  where: `"status" IN ('draft', 'submitted', 'returned')`,
})
@Check('ck_progress_report_status', `"status" IN ('draft', 'submitted', 'returned', 'accepted')`)
@Check('ck_progress_report_period', `"period_to" >= "period_from"`)
@Check('ck_progress_report_quality', `"quality_score" BETWEEN 0 AND 100`)
@ForeignKey(() => Municipality, ['municipality_id'], ['id'], {
  name: 'fk_progress_report_municipality',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => MentorCourse, ['course_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_progress_report_course',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['created_by', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_progress_report_created_by',
  onDelete: 'RESTRICT',
})
export class ProgressReport {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_progress_report' })
  id: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'pk_progress_report' })
  municipalityId: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Column({ name: 'period_from', type: 'date' })
  periodFrom: string;

  @Column({ name: 'period_to', type: 'date' })
  periodTo: string;

  /** The due date the report answers, fixed when it is created. */
  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ type: 'varchar', length: 20 })
  status: ReportStatus;

  /** Sections 2–6 as the mentor writes them (the draft; submitted versions are kept separately). */
  @Column({ type: 'jsonb' })
  content: ReportContent;

  /** The quality score of the draft as last saved, or of the last submitted version. */
  @Column({ name: 'quality_score', type: 'smallint' })
  qualityScore: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
