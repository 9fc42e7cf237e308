import { SUPERVISION_KINDS, type SupervisionKind } from '@mentor/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Municipality } from '../organisations/municipality.entity';
import { User } from '../users/user.entity';
import { inList } from './check-sql';

/**
 * One supervision, sparring or mentor-network session (study sections 4.3 and 5.2), so regularity
 * shows; the unique key also finds a mentor's latest session of a kind.
 */
@Entity({ name: 'mentor_supervision' })
@Unique('uq_mentor_supervision_session', ['municipalityId', 'mentorId', 'kind', 'heldOn'])
@Check('ck_mentor_supervision_kind', inList('kind', SUPERVISION_KINDS))
export class MentorSupervision {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_mentor_supervision' })
  id: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_mentor_supervision_municipality' })
  municipality?: Municipality;

  @Column({ name: 'mentor_id', type: 'uuid' })
  mentorId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentor_id', foreignKeyConstraintName: 'fk_mentor_supervision_mentor' })
  mentor?: User;

  @Column({ type: 'varchar', length: 30 })
  kind: SupervisionKind;

  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
