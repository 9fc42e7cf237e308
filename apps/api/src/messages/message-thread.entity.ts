import {
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
import { MentorCourse } from '../courses/mentor-course.entity';
import { Municipality } from '../organisations/municipality.entity';
import { User } from '../users/user.entity';

/**
 * The settings of a course's message thread, made when one is first changed: whether the
 * mentor needs sparring (shown on the caseworker's caseload) and whether the delivering
 * organisation's team leaders take part. A course without a row has neither.
 */
@Entity({ name: 'message_thread' })
@Unique('uq_message_thread_course', ['municipalityId', 'courseId'])
@ForeignKey(() => Municipality, ['municipality_id'], ['id'], {
  name: 'fk_message_thread_municipality',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => MentorCourse, ['course_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_message_thread_course',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['needs_sparring_set_by', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_message_thread_sparring_set_by',
  onDelete: 'RESTRICT',
})
export class MessageThread {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_message_thread' })
  id: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'pk_message_thread' })
  municipalityId: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Column({ name: 'needs_sparring', type: 'boolean', default: false })
  needsSparring: boolean;

  /** Who turned the flag on, and when; null while it is off. */
  @Column({ name: 'needs_sparring_set_by', type: 'uuid', nullable: true })
  needsSparringSetBy: string | null;

  @Column({ name: 'needs_sparring_set_at', type: 'timestamptz', nullable: true })
  needsSparringSetAt: Date | null;

  @Column({ name: 'team_leader_invited', type: 'boolean', default: false })
  teamLeaderInvited: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
