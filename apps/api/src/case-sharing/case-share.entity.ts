import type { ShareBasis } from '@mentor/domain';
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
@ForeignKey(() => Municipality, ['municipality_id'], ['id'], {
  name: 'fk_case_share_municipality',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => MentorCourse, ['course_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_case_share_course',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['mentor_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_case_share_mentor',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => CaseItem, ['item_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_case_share_item',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['revoked_by', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_case_share_revoked_by',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['shared_by', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_case_share_shared_by',
  onDelete: 'RESTRICT',
})
export class CaseShare {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_case_share' })
  id: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'pk_case_share' })
  municipalityId: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  /** The course's mentor when shared: a later mentor does not inherit the share. */
  @Column({ name: 'mentor_id', type: 'uuid' })
  mentorId: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

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

  @Column({ name: 'shared_by', type: 'uuid' })
  sharedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
