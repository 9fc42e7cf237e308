import { CERTIFICATION_BASES, type CertificationBasis } from '@mentor/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  PrimaryColumn,
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
@ForeignKey(() => Municipality, ['municipality_id'], ['id'], {
  name: 'fk_mentor_certification_municipality',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['mentor_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_mentor_certification_mentor',
  onDelete: 'CASCADE',
})
@ForeignKey(() => User, ['certified_by', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_mentor_certification_certified_by',
  onDelete: 'RESTRICT',
})
export class MentorCertification {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_mentor_certification' })
  id: string;

  @PrimaryColumn({
    name: 'municipality_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_mentor_certification',
  })
  municipalityId: string;

  @Column({ name: 'mentor_id', type: 'uuid' })
  mentorId: string;

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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
