import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { MentorCourse } from './mentor-course.entity';

/**
 * Minutes of a course's counted contacts per ISO week and per calendar month, kept by a trigger on
 * `contact` (see the CourseMinuteTotals migration) so lists and budgets read one row instead of
 * summing contacts. Never written by the application.
 */
@Entity({ name: 'course_minutes' })
// A municipality's weeks (or months) in a date range, every course at once: the workforce load view.
@Index('ix_course_minutes_period', ['municipalityId', 'period', 'startsOn'])
@Check('ck_course_minutes_period', `"period" IN ('week', 'month')`)
@ForeignKey(() => MentorCourse, ['course_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_course_minutes_course',
  onDelete: 'CASCADE',
})
export class CourseMinutes {
  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'pk_course_minutes' })
  municipalityId: string;

  @PrimaryColumn({ name: 'course_id', type: 'uuid', primaryKeyConstraintName: 'pk_course_minutes' })
  courseId: string;

  @PrimaryColumn({ type: 'varchar', length: 5, primaryKeyConstraintName: 'pk_course_minutes' })
  period: 'week' | 'month';

  /** The Monday of the week, or the first day of the month. */
  @PrimaryColumn({ name: 'starts_on', type: 'date', primaryKeyConstraintName: 'pk_course_minutes' })
  startsOn: string;

  @Column({ type: 'int' })
  minutes: number;
}
