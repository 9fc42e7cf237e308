import { Role } from '@mentor/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Municipality } from '../organisations/municipality.entity';
import { Organisation } from '../organisations/organisation.entity';

/** A person who signs in. Belongs to one organisation of one municipality. */
@Entity({ name: 'app_user' })
// Usernames are unique across municipalities because sign-in happens before the tenant is known.
@Unique('uq_app_user_username', ['username'])
@Check('ck_app_user_role', `"role" IN ('mentor', 'caseworker', 'team_leader', 'admin')`)
export class User {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_app_user' })
  id: string;

  @Index('ix_app_user_municipality')
  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_app_user_municipality' })
  municipality?: Municipality;

  @Index('ix_app_user_organisation')
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_app_user_organisation' })
  organisation?: Organisation;

  /** Stored lower-case so sign-in is case-insensitive. */
  @Column({ type: 'varchar', length: 100 })
  username: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Column({ name: 'password_hash', type: 'varchar', length: 200, select: false })
  passwordHash: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
