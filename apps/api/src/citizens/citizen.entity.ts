import { MeetingPlace, TargetGroup } from '@mentor/domain';
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
  VersionColumn,
} from 'typeorm';
import { Municipality } from '../organisations/municipality.entity';
import { User } from '../users/user.entity';

/** A citizen receiving mentor support. The CPR number is stored encrypted, with a keyed hash for lookup. */
@Entity({ name: 'citizen' })
@Unique('uq_citizen_municipality_cpr_hash', ['municipalityId', 'cprHash'])
@Index('ix_citizen_caseworker', ['municipalityId', 'caseworkerId'])
@ForeignKey(() => Municipality, ['municipality_id'], ['id'], {
  name: 'fk_citizen_municipality',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['caseworker_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_citizen_caseworker',
  onDelete: 'RESTRICT',
})
export class Citizen {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_citizen' })
  id: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'pk_citizen' })
  municipalityId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** AES-256-GCM: iv, tag and ciphertext. */
  @Column({ name: 'cpr_encrypted', type: 'bytea', select: false })
  cprEncrypted: Buffer;

  /** HMAC-SHA256 of the ten digits, for exact lookup without decrypting. */
  @Column({ name: 'cpr_hash', type: 'char', length: 64, select: false })
  cprHash: string;

  /** `DDMMYY-XXXX`, what lists show. */
  @Column({ name: 'cpr_masked', type: 'char', length: 11 })
  cprMasked: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  @Column({ name: 'preferred_meeting_place', type: 'varchar', length: 20 })
  preferredMeetingPlace: MeetingPlace;

  @Column({ name: 'meeting_place_reason', type: 'varchar', length: 500, nullable: true })
  meetingPlaceReason: string | null;

  @Column({ name: 'target_group', type: 'varchar', length: 60 })
  targetGroup: TargetGroup;

  /** The personal coordinating caseworker whose caseload holds the citizen. */
  @Column({ name: 'caseworker_id', type: 'uuid' })
  caseworkerId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
