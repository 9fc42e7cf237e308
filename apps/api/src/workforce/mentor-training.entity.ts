import { TRAINING_KINDS, type TrainingKind } from '@mentor/domain';
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
export class MentorTraining {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_mentor_training' })
  id: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_mentor_training_municipality' })
  municipality?: Municipality;

  @Column({ name: 'mentor_id', type: 'uuid' })
  mentorId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentor_id', foreignKeyConstraintName: 'fk_mentor_training_mentor' })
  mentor?: User;

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
