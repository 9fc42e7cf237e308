import type { CaseItemKind } from '@mentor/domain';
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
export class CaseItem {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_case_item' })
  id: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_case_item_municipality' })
  municipality?: Municipality;

  @Column({ name: 'citizen_id', type: 'uuid' })
  citizenId: string;

  @ManyToOne(() => Citizen, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'citizen_id', foreignKeyConstraintName: 'fk_case_item_citizen' })
  citizen?: Citizen;

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

  @ManyToOne(() => StoredFile, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'stored_file_id', foreignKeyConstraintName: 'fk_case_item_stored_file' })
  storedFile?: StoredFile;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_case_item_created_by' })
  creator?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
