import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
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
@Index('ix_message_attachment_pending', ['municipalityId', 'courseId', 'uploadedBy', 'createdAt'], {
  where: '"message_id" IS NULL',
})
export class MessageAttachment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_message_attachment' })
  id: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_message_attachment_municipality' })
  municipality?: Municipality;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => MentorCourse, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'fk_message_attachment_course' })
  course?: MentorCourse;

  /** Null until the message it belongs to is sent. */
  @Column({ name: 'message_id', type: 'uuid', nullable: true })
  messageId: string | null;

  @ManyToOne(() => Message, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id', foreignKeyConstraintName: 'fk_message_attachment_message' })
  message?: Message;

  @Column({ name: 'stored_file_id', type: 'uuid' })
  storedFileId: string;

  @ManyToOne(() => StoredFile, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'stored_file_id', foreignKeyConstraintName: 'fk_message_attachment_file' })
  storedFile?: StoredFile;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'fk_message_attachment_uploaded_by' })
  uploader?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
