import { type MentorProfileChanges, SUGGESTION_STATUSES, type SuggestionStatus } from '@mentor/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Municipality } from '../organisations/municipality.entity';
import { User } from '../users/user.entity';
import { inList } from './check-sql';

/** A mentor's suggested change to their own profile, until a team leader accepts or rejects it. */
@Entity({ name: 'profile_suggestion' })
@Index('ix_profile_suggestion_mentor', ['municipalityId', 'mentorId', 'status'])
@Check('ck_profile_suggestion_status', inList('status', SUGGESTION_STATUSES))
@Check('ck_profile_suggestion_decided', `("status" = 'pending') = ("decided_at" IS NULL)`)
@ForeignKey(() => Municipality, ['municipality_id'], ['id'], {
  name: 'fk_profile_suggestion_municipality',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['mentor_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_profile_suggestion_mentor',
  onDelete: 'CASCADE',
})
@ForeignKey(() => User, ['decided_by', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_profile_suggestion_decided_by',
  onDelete: 'RESTRICT',
})
export class ProfileSuggestion {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_profile_suggestion' })
  id: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'pk_profile_suggestion' })
  municipalityId: string;

  @Column({ name: 'mentor_id', type: 'uuid' })
  mentorId: string;

  /** Only the fields to change (MENTOR_SUGGESTIBLE_FIELDS). */
  @Column({ type: 'jsonb' })
  changes: MentorProfileChanges;

  @Column({ type: 'varchar', length: 10 })
  status: SuggestionStatus;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
