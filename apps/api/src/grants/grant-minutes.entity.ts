import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { User } from '../users/user.entity';
import { MentorGrant } from './mentor-grant.entity';

/** The granted minutes per week from a date on; the history of changes is kept row by row. */
@Entity({ name: 'grant_minutes' })
@Unique('uq_grant_minutes_grant_effective', ['grantId', 'effectiveFrom', 'municipalityId'])
@Check('ck_grant_minutes_range', `"minutes_per_week" BETWEEN 1 AND 2400`)
@ForeignKey(() => MentorGrant, ['grant_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_grant_minutes_grant',
  onDelete: 'CASCADE',
})
@ForeignKey(() => User, ['created_by', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_grant_minutes_created_by',
  onDelete: 'RESTRICT',
})
export class GrantMinutes {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_grant_minutes' })
  id: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'pk_grant_minutes' })
  municipalityId: string;

  @Column({ name: 'grant_id', type: 'uuid' })
  grantId: string;

  @Column({ name: 'minutes_per_week', type: 'integer' })
  minutesPerWeek: number;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
