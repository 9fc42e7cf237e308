import { MentorType } from '@mentor/domain';
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
import { Citizen } from '../citizens/citizen.entity';
import { Municipality } from '../organisations/municipality.entity';
import { Organisation } from '../organisations/organisation.entity';
import { User } from '../users/user.entity';

export interface GrantGoal {
  id: string;
  text: string;
}

/** A caseworker's grant (bevilling) of mentor support: at most six months (LAB §167). */
@Entity({ name: 'mentor_grant' })
@Index('ix_mentor_grant_citizen', ['municipalityId', 'citizenId'])
@Index('ix_mentor_grant_organisation', ['municipalityId', 'deliveringOrganisationId'])
// Deleting a grant (retention) finds the grant renewing it through this.
@Index('ix_mentor_grant_renews', ['municipalityId', 'renewsGrantId'])
@Check(
  'ck_mentor_grant_period',
  `"ends_on" >= "starts_on" AND "ends_on" <= "starts_on" + interval '6 months'`,
)
@Check('ck_mentor_grant_type', `"mentor_type" IN ('holistic', 'retention')`)
@ForeignKey(() => Municipality, ['municipality_id'], ['id'], {
  name: 'fk_mentor_grant_municipality',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => Citizen, ['citizen_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_mentor_grant_citizen',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['caseworker_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_mentor_grant_caseworker',
  onDelete: 'RESTRICT',
})
@ForeignKey(
  () => Organisation,
  ['delivering_organisation_id', 'municipality_id'],
  ['id', 'municipality_id'],
  { name: 'fk_mentor_grant_organisation', onDelete: 'RESTRICT' },
)
@ForeignKey(() => MentorGrant, ['renews_grant_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_mentor_grant_renews',
  onDelete: 'RESTRICT',
})
export class MentorGrant {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_mentor_grant' })
  id: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'pk_mentor_grant' })
  municipalityId: string;

  @Column({ name: 'citizen_id', type: 'uuid' })
  citizenId: string;

  @Column({ name: 'caseworker_id', type: 'uuid' })
  caseworkerId: string;

  @Column({ name: 'mentor_type', type: 'varchar', length: 20 })
  mentorType: MentorType;

  @Column({ type: 'text' })
  purpose: string;

  @Column({ type: 'text' })
  tasks: string;

  @Column({ type: 'jsonb' })
  goals: GrantGoal[];

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @Column({ name: 'delivering_organisation_id', type: 'uuid' })
  deliveringOrganisationId: string;

  @Column({ name: 'reporting_interval_weeks', type: 'smallint', default: 4 })
  reportingIntervalWeeks: number;

  /** The earlier grant this one renews after a new assessment. */
  @Column({ name: 'renews_grant_id', type: 'uuid', nullable: true })
  renewsGrantId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
