import { SUPERVISION_KINDS, type SupervisionKind } from '@mentor/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  PrimaryColumn,
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
@ForeignKey(() => Municipality, ['municipality_id'], ['id'], {
  name: 'fk_mentor_supervision_municipality',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['mentor_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_mentor_supervision_mentor',
  onDelete: 'CASCADE',
})
export class MentorSupervision {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_mentor_supervision' })
  id: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'pk_mentor_supervision' })
  municipalityId: string;

  @Column({ name: 'mentor_id', type: 'uuid' })
  mentorId: string;

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
