import { DEFAULT_REPORT_QUALITY_THRESHOLD } from '@mentor/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/** The tenant: one Danish municipality. Every tenant-owned row points here. */
@Entity({ name: 'municipality' })
@Unique('uq_municipality_code', ['code'])
@Check('ck_municipality_report_quality_threshold', `"report_quality_threshold" BETWEEN 0 AND 100`)
export class Municipality {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_municipality' })
  id: string;

  /** The official three-digit municipality code (kommunekode), e.g. 101 for København. */
  @Column({ type: 'smallint' })
  code: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Progression reports scored under this (0–100) are submitted only with a written justification. */
  @Column({ name: 'report_quality_threshold', type: 'integer', default: DEFAULT_REPORT_QUALITY_THRESHOLD })
  reportQualityThreshold: number;

  /** A mentor needs a valid certification (certified or expiring) to be assigned a course. */
  @Column({ name: 'require_certification_for_assignment', type: 'boolean', default: false })
  requireCertificationForAssignment: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  // A default, so rows made before settings existed (and plain INSERTs) start at version 1.
  @VersionColumn({ default: 1 })
  version: number;
}
