import { UPSKILLING_TOPICS, type UpskillingTopic } from '@mentor/domain';
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

/** An upskilling offer (study figure 5.7, box 5.2): topic, date, and whether the mentor took it. */
@Entity({ name: 'mentor_upskilling' })
@Unique('uq_mentor_upskilling_offer', ['municipalityId', 'mentorId', 'topic', 'offeredOn'])
@Check('ck_mentor_upskilling_topic', inList('topic', UPSKILLING_TOPICS))
@ForeignKey(() => Municipality, ['municipality_id'], ['id'], {
  name: 'fk_mentor_upskilling_municipality',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['mentor_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_mentor_upskilling_mentor',
  onDelete: 'CASCADE',
})
export class MentorUpskilling {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_mentor_upskilling' })
  id: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'pk_mentor_upskilling' })
  municipalityId: string;

  @Column({ name: 'mentor_id', type: 'uuid' })
  mentorId: string;

  @Column({ type: 'varchar', length: 40 })
  topic: UpskillingTopic;

  @Column({ name: 'offered_on', type: 'date' })
  offeredOn: string;

  @Column({ type: 'boolean' })
  taken: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
