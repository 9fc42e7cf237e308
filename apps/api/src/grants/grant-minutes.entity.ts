import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { User } from '../users/user.entity';
import { MentorGrant } from './mentor-grant.entity';

/** The granted minutes per week from a date on; the history of changes is kept row by row. */
@Entity({ name: 'grant_minutes' })
@Unique('uq_grant_minutes_grant_effective', ['grantId', 'effectiveFrom'])
@Check('ck_grant_minutes_range', `"minutes_per_week" BETWEEN 1 AND 2400`)
export class GrantMinutes {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_grant_minutes' })
  id: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @Column({ name: 'grant_id', type: 'uuid' })
  grantId: string;

  @ManyToOne(() => MentorGrant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'grant_id', foreignKeyConstraintName: 'fk_grant_minutes_grant' })
  grant?: MentorGrant;

  @Column({ name: 'minutes_per_week', type: 'integer' })
  minutesPerWeek: number;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_grant_minutes_created_by' })
  creator?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
