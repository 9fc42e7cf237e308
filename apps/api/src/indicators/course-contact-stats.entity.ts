import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { MentorCourse } from '../courses/mentor-course.entity';

/**
 * A course's counted contacts where the citizen showed up, per ISO week: how many and their minutes,
 * by form category (home, elsewhere in person, remote), by topic (in CONTACT_TOPICS order) and with
 * the two help areas the study counts. Kept by a trigger on `contact` (migration
 * ContactIndicatorStats) so the indicator report sums a few rows per course instead of every
 * contact of a year. Never written by the application.
 */
@Entity({ name: 'course_contact_stats' })
@Check(
  'ck_course_contact_stats_forms',
  'cardinality("form_contacts") = 3 AND cardinality("form_minutes") = 3',
)
@Check(
  'ck_course_contact_stats_topics',
  'cardinality("topic_contacts") = 9 AND cardinality("topic_minutes") = 9',
)
@ForeignKey(() => MentorCourse, ['course_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_course_contact_stats_course',
  onDelete: 'CASCADE',
})
export class CourseContactStats {
  @PrimaryColumn({
    name: 'municipality_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_course_contact_stats',
  })
  municipalityId: string;

  @PrimaryColumn({ name: 'course_id', type: 'uuid', primaryKeyConstraintName: 'pk_course_contact_stats' })
  courseId: string;

  /** The Monday of the week. */
  @PrimaryColumn({ name: 'week_start', type: 'date', primaryKeyConstraintName: 'pk_course_contact_stats' })
  weekStart: string;

  @Column({ type: 'int' })
  contacts: number;

  @Column({ type: 'int' })
  minutes: number;

  @Column({ name: 'form_contacts', type: 'int', array: true })
  formContacts: number[];

  @Column({ name: 'form_minutes', type: 'int', array: true })
  formMinutes: number[];

  @Column({ name: 'topic_contacts', type: 'int', array: true })
  topicContacts: number[];

  @Column({ name: 'topic_minutes', type: 'int', array: true })
  topicMinutes: number[];

  /** Contacts with the help area personal challenges. */
  @Column({ name: 'help_personal', type: 'int' })
  helpPersonal: number;

  /** Contacts with the help area clarifying resources. */
  @Column({ name: 'help_resources', type: 'int' })
  helpResources: number;

  /** The week's first and last day with such a contact. */
  @Column({ name: 'first_contact_on', type: 'date' })
  firstContactOn: string;

  @Column({ name: 'last_contact_on', type: 'date' })
  lastContactOn: string;
}
