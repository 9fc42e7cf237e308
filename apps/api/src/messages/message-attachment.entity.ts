import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { MentorCourse } from '../courses/mentor-course.entity';
import { StoredFile } from '../files/stored-file.entity';
import { Municipality } from '../organisations/municipality.entity';
import { User } from '../users/user.entity';
import { Message } from './message.entity';

/**
 * A file attached to a message. Uploaded first, before the message is sent: until then it has no
 * message and only its uploader may send or fetch it.
 */
@Entity({ name: 'message_attachment' })
@Unique('uq_message_attachment_file', ['municipalityId', 'storedFileId'])
@Index('ix_message_attachment_message', ['municipalityId', 'messageId'])
// The caller's unsent uploads on a course, counted against the pending limit.
// Deleting a course (retention) checks its attachments through this.
@Index('ix_message_attachment_course', ['municipalityId', 'courseId'])
@Index('ix_message_attachment_pending', ['municipalityId', 'courseId', 'uploadedBy', 'createdAt'], {
  where: '"message_id" IS NULL',
})
@ForeignKey(() => Municipality, ['municipality_id'], ['id'], {
  name: 'fk_message_attachment_municipality',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => MentorCourse, ['course_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_message_attachment_course',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => Message, ['message_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_message_attachment_message',
  onDelete: 'CASCADE',
})
@ForeignKey(() => StoredFile, ['stored_file_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_message_attachment_file',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['uploaded_by', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_message_attachment_uploaded_by',
  onDelete: 'RESTRICT',
})
export class MessageAttachment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_message_attachment' })
  id: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'pk_message_attachment' })
  municipalityId: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  /** Null until the message it belongs to is sent. */
  @Column({ name: 'message_id', type: 'uuid', nullable: true })
  messageId: string | null;

  @Column({ name: 'stored_file_id', type: 'uuid' })
  storedFileId: string;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
