import { MentorType } from '@mentor/domain';
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
@Check(
  'ck_mentor_grant_period',
  `"ends_on" >= "starts_on" AND "ends_on" <= "starts_on" + interval '6 months'`,
)
@Check('ck_mentor_grant_type', `"mentor_type" IN ('holistic', 'retention')`)
export class MentorGrant {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_mentor_grant' })
  id: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_mentor_grant_municipality' })
  municipality?: Municipality;

  @Column({ name: 'citizen_id', type: 'uuid' })
  citizenId: string;

  @ManyToOne(() => Citizen, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'citizen_id', foreignKeyConstraintName: 'fk_mentor_grant_citizen' })
  citizen?: Citizen;

  @Column({ name: 'caseworker_id', type: 'uuid' })
  caseworkerId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'caseworker_id', foreignKeyConstraintName: 'fk_mentor_grant_caseworker' })
  caseworker?: User;

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

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'delivering_organisation_id',
    foreignKeyConstraintName: 'fk_mentor_grant_organisation',
  })
  deliveringOrganisation?: Organisation;

  @Column({ name: 'reporting_interval_weeks', type: 'smallint', default: 4 })
  reportingIntervalWeeks: number;

  /** The earlier grant this one renews after a new assessment. */
  @Column({ name: 'renews_grant_id', type: 'uuid', nullable: true })
  renewsGrantId: string | null;

  @ManyToOne(() => MentorGrant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'renews_grant_id', foreignKeyConstraintName: 'fk_mentor_grant_renews' })
  renewsGrant?: MentorGrant;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
