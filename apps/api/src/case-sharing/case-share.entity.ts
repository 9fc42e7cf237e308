import type { ShareBasis } from '@mentor/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { MentorCourse } from '../courses/mentor-course.entity';
import { Municipality } from '../organisations/municipality.entity';
import { User } from '../users/user.entity';
import { CaseItem } from './case-item.entity';

/**
 * One case item shared with the mentor a course had when it was shared, on a legal basis or the
 * citizen's consent. Active until revoked, past `expires_on`, the course ends or its mentor changes.
 */
@Entity({ name: 'case_share' })
@Index('ix_case_share_course', ['municipalityId', 'courseId', 'createdAt'])
@Index('ix_case_share_item', ['municipalityId', 'itemId'])
@Check('ck_case_share_basis', `"basis" IN ('consent', 'legal_basis')`)
@Check(
  'ck_case_share_consent',
  `("basis" = 'consent') = ("consent_given_on" IS NOT NULL AND "consent_scope" IS NOT NULL)`,
)
@Check('ck_case_share_legal_basis', `("basis" = 'legal_basis') = ("legal_basis" IS NOT NULL)`)
@Check('ck_case_share_revoked', `("revoked_at" IS NULL) = ("revoked_by" IS NULL)`)
export class CaseShare {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_case_share' })
  id: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_case_share_municipality' })
  municipality?: Municipality;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => MentorCourse, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'fk_case_share_course' })
  course?: MentorCourse;

  /** The course's mentor when shared: a later mentor does not inherit the share. */
  @Column({ name: 'mentor_id', type: 'uuid' })
  mentorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'mentor_id', foreignKeyConstraintName: 'fk_case_share_mentor' })
  mentor?: User;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @ManyToOne(() => CaseItem, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'fk_case_share_item' })
  item?: CaseItem;

  @Column({ type: 'varchar', length: 20 })
  basis: ShareBasis;

  @Column({ name: 'legal_basis', type: 'varchar', length: 300, nullable: true })
  legalBasis: string | null;

  @Column({ name: 'consent_given_on', type: 'date', nullable: true })
  consentGivenOn: string | null;

  @Column({ name: 'consent_scope', type: 'varchar', length: 500, nullable: true })
  consentScope: string | null;

  /** The last day the mentor may see the item. */
  @Column({ name: 'expires_on', type: 'date' })
  expiresOn: string;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_by', type: 'uuid', nullable: true })
  revokedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'revoked_by', foreignKeyConstraintName: 'fk_case_share_revoked_by' })
  revoker?: User;

  @Column({ name: 'shared_by', type: 'uuid' })
  sharedBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'shared_by', foreignKeyConstraintName: 'fk_case_share_shared_by' })
  sharer?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
