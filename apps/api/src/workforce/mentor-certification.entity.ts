import { CERTIFICATION_BASES, type CertificationBasis } from '@mentor/domain';
import {
  Check,
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
import { Municipality } from '../organisations/municipality.entity';
import { User } from '../users/user.entity';
import { allIn } from './check-sql';

/**
 * A certification granted by the mentor's nearest manager (study note 3, figure 4.5); the latest one
 * granted by a day gives the status that day. The unique key also serves "the latest per mentor".
 */
@Entity({ name: 'mentor_certification' })
@Unique('uq_mentor_certification_date', ['municipalityId', 'mentorId', 'certifiedOn'])
@Check('ck_mentor_certification_renewal', `"renewal_due_on" > "certified_on"`)
@Check('ck_mentor_certification_basis', `${allIn('basis', CERTIFICATION_BASES)} AND cardinality("basis") > 0`)
export class MentorCertification {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_mentor_certification' })
  id: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_mentor_certification_municipality' })
  municipality?: Municipality;

  @Column({ name: 'mentor_id', type: 'uuid' })
  mentorId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentor_id', foreignKeyConstraintName: 'fk_mentor_certification_mentor' })
  mentor?: User;

  @Column({ name: 'certified_on', type: 'date' })
  certifiedOn: string;

  @Column({ name: 'renewal_due_on', type: 'date', nullable: true })
  renewalDueOn: string | null;

  @Column({ type: 'varchar', array: true, length: 30 })
  basis: CertificationBasis[];

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  /** The team leader who certified (and recorded) it. */
  @Column({ name: 'certified_by', type: 'uuid' })
  certifiedBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'certified_by', foreignKeyConstraintName: 'fk_mentor_certification_certified_by' })
  certifier?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
