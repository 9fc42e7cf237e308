import type { EntityManager } from 'typeorm';
import { deleteCount, deleteReturning, type RetentionCounts } from './retention-task';

/** The batch's courses (or grants...), `$1` their municipalities and `$2` their ids, as a relation `b`. */
export const BATCH = 'unnest($1::uuid[], $2::uuid[]) AS b(municipality_id, id)';

/**
 * Deletes stored_file rows (by municipality and id) and answers their storage keys, so the
 * encrypted files can be removed once the transaction has committed.
 */
export async function deleteStoredFiles(
  tx: EntityManager,
  files: { municipalityId: string; storedFileId: string | null }[],
): Promise<string[]> {
  const kept = files.filter((f): f is { municipalityId: string; storedFileId: string } => !!f.storedFileId);
  if (kept.length === 0) return [];
  const rows = await deleteReturning<{ storageKey: string }>(
    tx,
    `DELETE FROM stored_file f USING ${BATCH}
      WHERE f.municipality_id = b.municipality_id AND f.id = b.id
      RETURNING f.storage_key AS "storageKey"`,
    [kept.map((f) => f.municipalityId), kept.map((f) => f.storedFileId)],
  );
  return rows.map((r) => r.storageKey);
}

/**
 * Deletes the message threads of the courses `$1`/`$2`: read receipts, attachments (sent or still
 * pending) with their stored files, messages and the thread rows. Answers counts and storage keys.
 */
export async function deleteCourseMessages(
  tx: EntityManager,
  keys: [string[], string[]],
): Promise<{ counts: RetentionCounts; storageKeys: string[] }> {
  const messageReads = await deleteCount(
    tx,
    `DELETE FROM message_read r USING ${BATCH}, message m
      WHERE m.municipality_id = b.municipality_id AND m.course_id = b.id
        AND r.municipality_id = m.municipality_id AND r.message_id = m.id`,
    keys,
  );
  const attachments = await deleteReturning<{ municipalityId: string; storedFileId: string }>(
    tx,
    `DELETE FROM message_attachment a USING ${BATCH}
      WHERE a.municipality_id = b.municipality_id AND a.course_id = b.id
      RETURNING a.municipality_id AS "municipalityId", a.stored_file_id AS "storedFileId"`,
    keys,
  );
  const messages = await deleteCount(
    tx,
    `DELETE FROM message m USING ${BATCH} WHERE m.municipality_id = b.municipality_id AND m.course_id = b.id`,
    keys,
  );
  const messageThreads = await deleteCount(
    tx,
    `DELETE FROM message_thread t USING ${BATCH} WHERE t.municipality_id = b.municipality_id AND t.course_id = b.id`,
    keys,
  );
  const storageKeys = await deleteStoredFiles(tx, attachments);
  return {
    counts: { messages, messageReads, messageAttachments: attachments.length, messageThreads },
    storageKeys,
  };
}
