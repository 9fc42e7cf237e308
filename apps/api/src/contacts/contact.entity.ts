import { ContactForm, ContactTopic, HelpGiven } from '@mentor/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { MentorCourse } from '../courses/mentor-course.entity';
import { User } from '../users/user.entity';

/** One meeting, call or message between mentor and citizen. Transport time is not contact time. */
@Entity({ name: 'contact' })
@Index('ix_contact_course_date', ['courseId', 'contactDate'])
// Whether a contact has been corrected is asked for every contact counted.
@Index('ix_contact_corrects', ['correctsContactId'], { where: '"corrects_contact_id" IS NOT NULL' })
@Index('uq_contact_idempotency', ['municipalityId', 'createdBy', 'idempotencyKey'], {
  unique: true,
  where: '"idempotency_key" IS NOT NULL',
})
@Check('ck_contact_minutes', `"minutes" BETWEEN 1 AND 600`)
@ForeignKey(() => MentorCourse, ['course_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_contact_course',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => Contact, ['corrects_contact_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_contact_corrects',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['created_by', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_contact_created_by',
  onDelete: 'RESTRICT',
})
export class Contact {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_contact' })
  id: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'pk_contact' })
  municipalityId: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Column({ name: 'contact_date', type: 'date' })
  contactDate: string;

  @Column({ name: 'start_time', type: 'time' })
  startTime: string;

  @Column({ type: 'integer' })
  minutes: number;

  @Column({ type: 'varchar', length: 30 })
  form: ContactForm;

  @Column({ name: 'showed_up', type: 'boolean' })
  showedUp: boolean;

  @Column({ type: 'varchar', array: true, length: 30, default: () => "'{}'" })
  topics: ContactTopic[];

  @Column({ type: 'varchar', array: true, length: 40, default: () => "'{}'" })
  help: HelpGiven[];

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ name: 'transport_minutes', type: 'integer', nullable: true })
  transportMinutes: number | null;

  /** A correction of a locked contact points to the contact it corrects. */
  @Column({ name: 'corrects_contact_id', type: 'uuid', nullable: true })
  correctsContactId: string | null;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 100, nullable: true })
  idempotencyKey: string | null;

  /** SHA-256 of the request body that created the contact, to spot a reused key. */
  @Column({ name: 'request_hash', type: 'char', length: 64, nullable: true })
  requestHash: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'deleted_by', type: 'uuid', nullable: true })
  deletedBy: string | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @VersionColumn()
  version: number;
}
