import { OrganisationKind } from '@mentor/domain';
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
import { Municipality } from './municipality.entity';

/** An internal centre or an external provider delivering mentor support for a municipality. */
@Entity({ name: 'organisation' })
@Unique('uq_organisation_municipality_name', ['municipalityId', 'name'])
@Check('ck_organisation_kind', `"kind" IN ('internal_centre', 'external_provider')`)
@ForeignKey(() => Municipality, ['municipality_id'], ['id'], {
  name: 'fk_organisation_municipality',
  onDelete: 'RESTRICT',
})
export class Organisation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_organisation' })
  id: string;

  @Index('ix_organisation_municipality')
  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'pk_organisation' })
  municipalityId: string;

  @Column({ type: 'varchar', length: 30 })
  kind: OrganisationKind;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
