import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { MentorCourse } from '../courses/mentor-course.entity';
import { Municipality } from '../organisations/municipality.entity';
import { User } from '../users/user.entity';

/** One message in a course's thread; never changed once sent. */
@Entity({ name: 'message' })
// Pages of the thread (newest first, before a message) and the unread counts of course lists.
@Index('ix_message_course', ['municipalityId', 'courseId', 'createdAt', 'id'])
@Check('ck_message_body', `btrim("body") <> ''`)
@ForeignKey(() => Municipality, ['municipality_id'], ['id'], {
  name: 'fk_message_municipality',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => MentorCourse, ['course_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_message_course',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['author_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_message_author',
  onDelete: 'RESTRICT',
})
export class Message {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_message' })
  id: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'pk_message' })
  municipalityId: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Column({ type: 'varchar', length: 5000 })
  body: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A read receipt: the user has read the message. Only others' messages get one; a course list's
 * unread count probes this key once per message of the course.
 */
@Entity({ name: 'message_read' })
@ForeignKey(() => Municipality, ['municipality_id'], ['id'], {
  name: 'fk_message_read_municipality',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => Message, ['message_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_message_read_message',
  onDelete: 'CASCADE',
})
@ForeignKey(() => User, ['user_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_message_read_user',
  onDelete: 'RESTRICT',
})
export class MessageRead {
  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'pk_message_read' })
  municipalityId: string;

  @PrimaryColumn({ name: 'message_id', type: 'uuid', primaryKeyConstraintName: 'pk_message_read' })
  messageId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_message_read' })
  userId: string;

  @Column({ name: 'read_at', type: 'timestamptz', default: () => 'now()' })
  readAt: Date;
}
