import { CASE_FILE_TYPES, type CaseFileType } from '@mentor/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Municipality } from '../organisations/municipality.entity';
import { User } from '../users/user.entity';

/**
 * An uploaded file (a case document or a message attachment): its facts here, its bytes encrypted
 * on disk under FILE_STORAGE_DIR by a random `storage_key`, never by the uploader's name.
 */
@Entity({ name: 'stored_file' })
@Unique('uq_stored_file_storage_key', ['municipalityId', 'storageKey'])
@Check(
  'ck_stored_file_content_type',
  `"content_type" IN (${CASE_FILE_TYPES.map((t) => `'${t}'`).join(', ')})`,
)
@Check('ck_stored_file_size', `"size_bytes" > 0`)
@ForeignKey(() => Municipality, ['municipality_id'], ['id'], {
  name: 'fk_stored_file_municipality',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['created_by', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_stored_file_created_by',
  onDelete: 'RESTRICT',
})
export class StoredFile {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_stored_file' })
  id: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'pk_stored_file' })
  municipalityId: string;

  /** The uploader's name for it, cleaned of any path; shown and offered on download only. */
  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName: string;

  /** Detected from the content, never taken from the upload's claims. */
  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType: CaseFileType;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  /** SHA-256 of the plaintext, hex. */
  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** The random name of the encrypted file in FILE_STORAGE_DIR. */
  @Column({ name: 'storage_key', type: 'varchar', length: 64 })
  storageKey: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
