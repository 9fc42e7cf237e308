import { Role } from '@mentor/domain';
import {
  Check,
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
import { Organisation } from '../organisations/organisation.entity';

/** A person who signs in. Belongs to one organisation of one municipality. */
@Entity({ name: 'app_user' })
// Usernames are unique across municipalities because sign-in happens before the tenant is known.
// Unique within the municipality here; across municipalities the login_name reference table keeps
// usernames unique (a distributed database can only enforce uniqueness that includes municipality_id).
@Unique('uq_app_user_municipality_username', ['username', 'municipalityId'])
@Check('ck_app_user_role', `"role" IN ('mentor', 'caseworker', 'team_leader', 'admin')`)
@ForeignKey(() => Municipality, ['municipality_id'], ['id'], {
  name: 'fk_app_user_municipality',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => Organisation, ['organisation_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_app_user_organisation',
  onDelete: 'RESTRICT',
})
export class User {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_app_user' })
  id: string;

  @Index('ix_app_user_municipality')
  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'pk_app_user' })
  municipalityId: string;

  @Index('ix_app_user_organisation')
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

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
