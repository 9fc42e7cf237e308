import type { DataSource, EntityManager } from 'typeorm';
import type { FileStore } from '../files/file-store.service';

/** What a run deleted, by kind of row (`courses`, `contacts`, `files`...): counts only, never personal data. */
export type RetentionCounts = Record<string, number>;

/**
 * One kind of data with a retention period. RetentionService runs every task in turn, on each API
 * instance, daily (RETENTION_INTERVAL_HOURS); a task must therefore be safe to run on several
 * instances at once (deleting each row once, failing on none) and cheap when nothing is due.
 */
export interface RetentionTask {
  /** The kind, as logged (`courses`, `messages`, `documents`, `citizens`, `audit`). */
  readonly kind: string;
  /** Deletes what is due at `now` (the job passes the time it started; tests a moved clock). */
  run(now: Date): Promise<RetentionCounts>;
}

/** The RetentionTask list RetentionService runs, in order (see retention.module.ts). */
export const RETENTION_TASKS = Symbol('RETENTION_TASKS');

// Any fixed 64-bit number (the migrations use 7_142_015, the report reminders 7_142_016).
export const RETENTION_LOCK = 7_142_017;

/**
 * One batch: what it deleted, the stored files to remove once it has committed (counted as
 * `files`), and whether it was full.
 */
export interface BatchResult {
  counts: RetentionCounts;
  storageKeys: string[];
  /** The batch was full: more may be due. */
  more: boolean;
}

/**
 * Runs `batch` in transactions of its own until one says nothing more is due. Each transaction
 * first waits for RETENTION_LOCK (transaction-level, released at commit), so batches of all
 * instances run one at a time, and each reads what is due only once it holds the lock, when the
 * previous batch (of any instance) has committed: no row is deleted twice and no deletion fails
 * on another's. Instances running at once take turns and each carries on until nothing is due, so
 * the order of the tasks holds on every instance. Files go only after their rows' deletion has
 * committed; one already gone (a crash after the commit, a retry) is fine.
 */
export async function inLockedBatches(
  db: DataSource,
  files: Pick<FileStore, 'discard'>,
  batch: (tx: EntityManager) => Promise<BatchResult>,
): Promise<RetentionCounts> {
  const total: RetentionCounts = {};
  for (;;) {
    const result = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [RETENTION_LOCK]);
      return batch(tx);
    });
    for (const storageKey of result.storageKeys) await files.discard({ storageKey });
    const counts = {
      ...result.counts,
      ...(result.storageKeys.length ? { files: result.storageKeys.length } : {}),
    };
    for (const [kind, n] of Object.entries(counts)) total[kind] = (total[kind] ?? 0) + n;
    if (!result.more) break;
  }
  return total;
}

/** Rows of (municipality_id, id) as the two arrays `unnest($1::uuid[], $2::uuid[])` takes. */
export function keyArrays(rows: { municipalityId: string; id: string }[]): [string[], string[]] {
  return [rows.map((r) => r.municipalityId), rows.map((r) => r.id)];
}

/** Runs a DELETE … RETURNING and answers its rows (TypeORM answers [rows, count] on PostgreSQL). */
export async function deleteReturning<T>(tx: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const [rows] = (await tx.query(sql, params)) as [T[], number];
  return rows;
}

/** Runs a DELETE and answers how many rows it removed. */
export async function deleteCount(tx: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const [, count] = (await tx.query(sql, params)) as [unknown[], number];
  return count;
}
