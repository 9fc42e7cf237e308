import type { ReportAttendance, ReportComment, ReportContent } from '@mentor/domain';
import { Check, Column, Entity, ForeignKey, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { User } from '../users/user.entity';
import { ProgressReport } from './progress-report.entity';

/**
 * One submitted version of a report, never changed after the review that answers it: the period,
 * the attendance frozen at submit, the content, its quality score and the caseworker's decision.
 */
@Entity({ name: 'progress_report_version' })
@Unique('uq_progress_report_version_number', ['municipalityId', 'reportId', 'number'])
@Check('ck_progress_report_version_decision', `"decision" IS NULL OR "decision" IN ('returned', 'accepted')`)
@Check(
  'ck_progress_report_version_review',
  `("decision" IS NULL) = ("reviewed_at" IS NULL) AND ("decision" IS NULL) = ("reviewed_by" IS NULL)`,
)
@Check('ck_progress_report_version_quality', `"quality_score" BETWEEN 0 AND 100`)
@ForeignKey(() => ProgressReport, ['report_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_progress_report_version_report',
  onDelete: 'CASCADE',
})
@ForeignKey(() => User, ['submitted_by', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_progress_report_version_submitted_by',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['reviewed_by', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_progress_report_version_reviewed_by',
  onDelete: 'RESTRICT',
})
export class ProgressReportVersion {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_progress_report_version' })
  id: string;

  @PrimaryColumn({
    name: 'municipality_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_progress_report_version',
  })
  municipalityId: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId: string;

  /** 1 for the first submit, then one more per resubmit. */
  @Column({ type: 'smallint' })
  number: number;

  @Column({ name: 'period_from', type: 'date' })
  periodFrom: string;

  @Column({ name: 'period_to', type: 'date' })
  periodTo: string;

  @Column({ type: 'jsonb' })
  attendance: ReportAttendance;

  @Column({ type: 'jsonb' })
  content: ReportContent;

  @Column({ name: 'quality_score', type: 'smallint' })
  qualityScore: number;

  /** Why it was submitted under the municipality's threshold, when it was. */
  @Column({ type: 'text', nullable: true })
  justification: string | null;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedBy: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ type: 'varchar', length: 20, nullable: true })
  decision: 'returned' | 'accepted' | null;

  @Column({ type: 'jsonb', nullable: true })
  comments: ReportComment[] | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;
}
