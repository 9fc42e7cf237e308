import {
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
export class MessageThread {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_message_thread' })
  id: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_message_thread_municipality' })
  municipality?: Municipality;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => MentorCourse, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'fk_message_thread_course' })
  course?: MentorCourse;

  @Column({ name: 'needs_sparring', type: 'boolean', default: false })
  needsSparring: boolean;

  /** Who turned the flag on, and when; null while it is off. */
  @Column({ name: 'needs_sparring_set_by', type: 'uuid', nullable: true })
  needsSparringSetBy: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'needs_sparring_set_by',
    foreignKeyConstraintName: 'fk_message_thread_sparring_set_by',
  })
  sparringSetter?: User;

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
