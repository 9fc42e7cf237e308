import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
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
export class Message {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_message' })
  id: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_message_municipality' })
  municipality?: Municipality;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => MentorCourse, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'fk_message_course' })
  course?: MentorCourse;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_message_author' })
  author?: User;

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
export class MessageRead {
  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'pk_message_read' })
  municipalityId: string;

  @PrimaryColumn({ name: 'message_id', type: 'uuid', primaryKeyConstraintName: 'pk_message_read' })
  messageId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_message_read' })
  userId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_message_read_municipality' })
  municipality?: Municipality;

  @ManyToOne(() => Message, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id', foreignKeyConstraintName: 'fk_message_read_message' })
  message?: Message;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_message_read_user' })
  user?: User;

  @Column({ name: 'read_at', type: 'timestamptz', default: () => 'now()' })
  readAt: Date;
}
