import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CourseStatus } from '@mentor/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { FileStore } from '../files/file-store.service';
import { keptFrom } from './retention-config';
import { BATCH, deleteStoredFiles } from './retention-sql';
import {
  type BatchResult,
  deleteCount,
  inLockedBatches,
  keyArrays,
  type RetentionCounts,
  type RetentionTask,
} from './retention-task';

/** The Danish calendar day of a timestamp column. */
const danishDay = (column: string) => `(${column} AT TIME ZONE 'Europe/Copenhagen')::date`;

// A stored file no row refers to is left alone this long: the upload that made it may still be
// on its way (save and owner row commit together today; this guards any future two-step upload).
const UNREFERENCED_FILE_GRACE = '1 day';

/**
 * The caseworker's documents and notes on a citizen's case, RETENTION_DOCUMENT_YEARS on: an item
 * made before that, shared on no course any more (shares go with their course), of a citizen with
 * no course still running or ended within the period. Then stored files no row refers to (and their
 * encrypted files), which only an interrupted deletion could leave.
 */
@Injectable()
export class CaseItemRetentionTask implements RetentionTask {
  readonly kind = 'documents';

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly files: FileStore,
  ) {}

  async run(now: Date): Promise<RetentionCounts> {
    const before = keptFrom(now, this.config.RETENTION_DOCUMENT_YEARS);
    const items = await inLockedBatches(this.db, this.files, (tx) => this.itemBatch(tx, before));
    const unreferenced = await inLockedBatches(this.db, this.files, (tx) => this.unreferencedFiles(tx, now));
    return {
      ...items,
      unreferencedFiles: unreferenced['files'] ?? 0,
      files: (items['files'] ?? 0) + (unreferenced['files'] ?? 0),
    };
  }

  private async itemBatch(tx: EntityManager, before: string): Promise<BatchResult> {
    const size = this.config.RETENTION_BATCH_SIZE;
    const items = await tx.query<{ municipalityId: string; id: string; storedFileId: string | null }[]>(
      `SELECT i.municipality_id AS "municipalityId", i.id, i.stored_file_id AS "storedFileId"
         FROM case_item i
        WHERE ${danishDay('i.created_at')} < $1::date
          AND NOT EXISTS (SELECT 1 FROM case_share s WHERE s.municipality_id = i.municipality_id AND s.item_id = i.id)
          AND NOT EXISTS (
                SELECT 1 FROM mentor_grant g
                  JOIN mentor_course co ON co.municipality_id = g.municipality_id AND co.grant_id = g.id
                 WHERE g.municipality_id = i.municipality_id AND g.citizen_id = i.citizen_id
                   AND (co.status <> '${CourseStatus.Ended}' OR co.ended_on >= $1::date))
        ORDER BY i.created_at, i.id
        LIMIT $2
        FOR UPDATE OF i`,
      [before, size],
    );
    if (items.length === 0) return { counts: {}, storageKeys: [], more: false };
    const caseItems = await deleteCount(
      tx,
      `DELETE FROM case_item i USING ${BATCH} WHERE i.municipality_id = b.municipality_id AND i.id = b.id`,
      keyArrays(items),
    );
    const storageKeys = await deleteStoredFiles(tx, items);
    return { counts: { caseItems }, storageKeys, more: items.length === size };
  }

  private async unreferencedFiles(tx: EntityManager, now: Date): Promise<BatchResult> {
    const size = this.config.RETENTION_BATCH_SIZE;
    const files = await tx.query<{ municipalityId: string; storedFileId: string }[]>(
      `SELECT f.municipality_id AS "municipalityId", f.id AS "storedFileId"
         FROM stored_file f
        WHERE f.created_at < $1::timestamptz - interval '${UNREFERENCED_FILE_GRACE}'
          AND NOT EXISTS (SELECT 1 FROM case_item i WHERE i.municipality_id = f.municipality_id AND i.stored_file_id = f.id)
          AND NOT EXISTS (SELECT 1 FROM message_attachment a
                           WHERE a.municipality_id = f.municipality_id AND a.stored_file_id = f.id)
        ORDER BY f.created_at, f.id
        LIMIT $2
        FOR UPDATE OF f`,
      [now, size],
    );
    const storageKeys = await deleteStoredFiles(tx, files);
    return { counts: {}, storageKeys, more: files.length === size };
  }
}

/**
 * Citizens with nothing left: no grant (they go with their courses), no document or note, no
 * change for RETENTION_CITIZEN_YEARS, and no audit record naming them. audit_event.citizen_ids is
 * an array, not a foreign key, so nothing in the schema would stop the deletion; the rule keeps
 * every citizen the audit trail still names, so their access log stays answerable, until the audit
 * retention has dropped those records.
 */
@Injectable()
export class CitizenRetentionTask implements RetentionTask {
  readonly kind = 'citizens';

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly files: FileStore,
  ) {}

  run(now: Date): Promise<RetentionCounts> {
    const before = keptFrom(now, this.config.RETENTION_CITIZEN_YEARS);
    return inLockedBatches(this.db, this.files, (tx) => this.batch(tx, before));
  }

  private async batch(tx: EntityManager, before: string): Promise<BatchResult> {
    const size = this.config.RETENTION_BATCH_SIZE;
    const citizens = await tx.query<{ municipalityId: string; id: string }[]>(
      `SELECT c.municipality_id AS "municipalityId", c.id
         FROM citizen c
        WHERE ${danishDay('GREATEST(c.created_at, c.updated_at)')} < $1::date
          AND NOT EXISTS (SELECT 1 FROM mentor_grant g WHERE g.municipality_id = c.municipality_id AND g.citizen_id = c.id)
          AND NOT EXISTS (SELECT 1 FROM case_item i WHERE i.municipality_id = c.municipality_id AND i.citizen_id = c.id)
          AND NOT EXISTS (SELECT 1 FROM audit_event a
                           WHERE a.municipality_id = c.municipality_id AND a.citizen_ids @> ARRAY[c.id])
        ORDER BY c.updated_at, c.id
        LIMIT $2
        FOR UPDATE OF c`,
      [before, size],
    );
    if (citizens.length === 0) return { counts: {}, storageKeys: [], more: false };
    const deleted = await deleteCount(
      tx,
      `DELETE FROM citizen c USING ${BATCH} WHERE c.municipality_id = b.municipality_id AND c.id = b.id`,
      keyArrays(citizens),
    );
    return { counts: { citizens: deleted }, storageKeys: [], more: citizens.length === size };
  }
}
