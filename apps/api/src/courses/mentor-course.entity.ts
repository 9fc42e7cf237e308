import { CourseEndReason, CourseStatus } from '@mentor/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { MentorGrant } from '../grants/mentor-grant.entity';
import { Organisation } from '../organisations/organisation.entity';
import { User } from '../users/user.entity';

/** A grant delivered by one mentor of the delivering organisation at a time. */
@Entity({ name: 'mentor_course' })
@Unique('uq_mentor_course_grant', ['grantId', 'municipalityId'])
@Index('ix_mentor_course_mentor', ['municipalityId', 'mentorId', 'status'])
@Index('ix_mentor_course_organisation', ['municipalityId', 'organisationId'])
@Check('ck_mentor_course_status', `"status" IN ('planned', 'active', 'paused', 'ended')`)
@Check('ck_mentor_course_ended', `("status" = 'ended') = ("end_reason" IS NOT NULL)`)
@ForeignKey(() => MentorGrant, ['grant_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_mentor_course_grant',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => Organisation, ['organisation_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_mentor_course_organisation',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['mentor_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_mentor_course_mentor',
  onDelete: 'RESTRICT',
})
export class MentorCourse {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_mentor_course' })
  id: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'pk_mentor_course' })
  municipalityId: string;

  @Column({ name: 'grant_id', type: 'uuid' })
  grantId: string;

  /** The delivering organisation, copied from the grant so scoping needs no join. */
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  /** The current mentor; null while the course waits for one. */
  @Column({ name: 'mentor_id', type: 'uuid', nullable: true })
  mentorId: string | null;

  @Column({ type: 'varchar', length: 20 })
  status: CourseStatus;

  @Column({ name: 'end_reason', type: 'varchar', length: 40, nullable: true })
  endReason: CourseEndReason | null;

  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn: string | null;

  /** Date of the latest counted contact, kept by the contact trigger (see CourseMinutes). */
  @Column({ name: 'last_contact_date', type: 'date', nullable: true })
  lastContactDate: string | null;

  /**
   * The last day covered by a submitted progression report (submitted, returned or accepted), kept
   * by a trigger on `progress_report` (see the ProgressReports migration): the anchor of the next
   * report's due date, read by every course list without a lookup.
   */
  @Column({ name: 'reported_to', type: 'date', nullable: true })
  reportedTo: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
