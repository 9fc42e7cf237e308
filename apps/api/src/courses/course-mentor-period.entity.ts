import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../users/user.entity';
import { MentorCourse } from './mentor-course.entity';

/** Which mentor held a course when: a change of mentor keeps the history. */
@Entity({ name: 'course_mentor_period' })
@Index('ix_course_mentor_period_course', ['courseId', 'fromDate'])
@ForeignKey(() => MentorCourse, ['course_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_course_mentor_period_course',
  onDelete: 'CASCADE',
})
@ForeignKey(() => User, ['mentor_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_course_mentor_period_mentor',
  onDelete: 'RESTRICT',
})
export class CourseMentorPeriod {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_course_mentor_period' })
  id: string;

  @PrimaryColumn({
    name: 'municipality_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_course_mentor_period',
  })
  municipalityId: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Column({ name: 'mentor_id', type: 'uuid' })
  mentorId: string;

  @Column({ name: 'from_date', type: 'date' })
  fromDate: string;

  @Column({ name: 'to_date', type: 'date', nullable: true })
  toDate: string | null;

  @Column({ name: 'changed_by', type: 'uuid' })
  changedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
