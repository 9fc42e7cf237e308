import { TRAINING_KINDS, type TrainingKind } from '@mentor/domain';
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
import { Municipality } from '../organisations/municipality.entity';
import { User } from '../users/user.entity';
import { inList } from './check-sql';

/** Onboarding training (study sections 4.2 and 5.2): kind, provider, length, completion, felt well equipped. */
@Entity({ name: 'mentor_training' })
@Index('ix_mentor_training_mentor', ['municipalityId', 'mentorId', 'completedOn'])
@Check('ck_mentor_training_kind', inList('kind', TRAINING_KINDS))
@Check('ck_mentor_training_days', `"length_days" BETWEEN 0 AND 365`)
@ForeignKey(() => Municipality, ['municipality_id'], ['id'], {
  name: 'fk_mentor_training_municipality',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['mentor_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_mentor_training_mentor',
  onDelete: 'CASCADE',
})
export class MentorTraining {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_mentor_training' })
  id: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'pk_mentor_training' })
  municipalityId: string;

  @Column({ name: 'mentor_id', type: 'uuid' })
  mentorId: string;

  @Column({ type: 'varchar', length: 30 })
  kind: TrainingKind;

  @Column({ type: 'varchar', length: 200, nullable: true })
  provider: string | null;

  @Column({ name: 'length_days', type: 'smallint', nullable: true })
  lengthDays: number | null;

  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn: string | null;

  @Column({ name: 'felt_well_equipped', type: 'boolean', nullable: true })
  feltWellEquipped: boolean | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
