import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { scheduleJob } from '../common/schedule';
import { AppConfig } from '../config/app-config';
import { FileStore } from '../files/file-store.service';

/** An attachment not sent this long after its upload is abandoned (the pending limit ignores it already). */
export const ABANDONED_UPLOAD_HOURS = 24;
// Rows deleted per transaction: short locks, and a run that stops midway has committed what it did.
const BATCH = 200;
const INTERVAL_MS = 60 * 60_000;
const FIRST_RUN_DELAY_MS = 90_000;

/**
 * Deletes message attachments uploaded but never sent, ABANDONED_UPLOAD_HOURS after upload: the
 * attachment, its stored_file row and, once that deletion has committed, the encrypted file. Runs
 * hourly on each API instance; `FOR UPDATE SKIP LOCKED` lets instances running at once split the
 * work without waiting or deleting twice, and skips an upload a message is being sent with.
 */
@Injectable()
export class AbandonedUploadsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AbandonedUploads');
  private stop?: () => void;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly files: FileStore,
  ) {}

  onApplicationBootstrap() {
    if (this.config.uploadCleanupEnabled)
      this.stop = scheduleJob(this.logger, FIRST_RUN_DELAY_MS, INTERVAL_MS, () => this.run());
  }

  onApplicationShutdown() {
    this.stop?.();
  }

  /** One run over every municipality, batch by batch; answers how many uploads it deleted. */
  async run(): Promise<{ deleted: number }> {
    let deleted = 0;
    for (;;) {
      const storageKeys = await this.deleteBatch();
      // Only now, after the commit: a rolled-back deletion still has its file.
      for (const storageKey of storageKeys) await this.files.discard({ storageKey });
      deleted += storageKeys.length;
      if (storageKeys.length < BATCH) break;
    }
    if (deleted) this.logger.log(`Deleted ${deleted} abandoned message attachments.`);
    return { deleted };
  }

  /** Deletes one batch of abandoned attachments and their stored_file rows; answers their storage keys. */
  private deleteBatch(): Promise<string[]> {
    return this.db.transaction(async (tx) => {
      // TypeORM answers a DELETE on PostgreSQL with [rows, count].
      const [attachments] = (await tx.query(
        `DELETE FROM message_attachment a
          WHERE a.id IN (SELECT p.id FROM message_attachment p
                          WHERE p.message_id IS NULL
                            AND p.created_at < now() - make_interval(hours => $1)
                          ORDER BY p.created_at
                          LIMIT $2
                          FOR UPDATE SKIP LOCKED)
          RETURNING a.municipality_id AS "municipalityId", a.stored_file_id AS "storedFileId"`,
        [ABANDONED_UPLOAD_HOURS, BATCH],
      )) as [{ municipalityId: string; storedFileId: string }[], number];
      if (attachments.length === 0) return [];
      const [files] = (await tx.query(
        `DELETE FROM stored_file f
          USING unnest($1::uuid[], $2::uuid[]) AS gone(municipality_id, id)
          WHERE f.municipality_id = gone.municipality_id AND f.id = gone.id
          RETURNING f.storage_key AS "storageKey"`,
        [attachments.map((a) => a.municipalityId), attachments.map((a) => a.storedFileId)],
      )) as [{ storageKey: string }[], number];
      return files.map((f) => f.storageKey);
    });
  }
}
