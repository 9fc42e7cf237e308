import type { CaseItemKind } from '@mentor/domain';
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
} from 'typeorm';
import { Citizen } from '../citizens/citizen.entity';
import { StoredFile } from '../files/stored-file.entity';
import { Municipality } from '../organisations/municipality.entity';
import { User } from '../users/user.entity';

/** A document or note on a citizen's case, kept by the caseworker; shared item by item with mentors. */
@Entity({ name: 'case_item' })
@Index('ix_case_item_citizen', ['municipalityId', 'citizenId', 'createdAt'])
@Unique('uq_case_item_stored_file', ['municipalityId', 'storedFileId'])
@Check('ck_case_item_kind', `"kind" IN ('document', 'note')`)
@Check(
  'ck_case_item_content',
  `("kind" = 'document' AND "stored_file_id" IS NOT NULL AND "body" IS NULL) OR ("kind" = 'note' AND "body" IS NOT NULL AND "stored_file_id" IS NULL)`,
)
@ForeignKey(() => Municipality, ['municipality_id'], ['id'], {
  name: 'fk_case_item_municipality',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => Citizen, ['citizen_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_case_item_citizen',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => StoredFile, ['stored_file_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_case_item_stored_file',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['created_by', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_case_item_created_by',
  onDelete: 'RESTRICT',
})
export class CaseItem {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_case_item' })
  id: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'pk_case_item' })
  municipalityId: string;

  @Column({ name: 'citizen_id', type: 'uuid' })
  citizenId: string;

  @Column({ type: 'varchar', length: 20 })
  kind: CaseItemKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** A note's text. */
  @Column({ type: 'varchar', length: 10000, nullable: true })
  body: string | null;

  /** A document's file. */
  @Column({ name: 'stored_file_id', type: 'uuid', nullable: true })
  storedFileId: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
