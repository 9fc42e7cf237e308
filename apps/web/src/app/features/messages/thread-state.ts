import { MessageView } from '@mentor/domain';

/** Polling interval of an open thread. */
export const THREAD_POLL_MS = 30_000;

/**
 * The messages shown after fetching a page: one entry per id (the fetched version wins, so read
 * receipts update), oldest first.
 */
export function mergeMessages(shown: readonly MessageView[], fetched: readonly MessageView[]): MessageView[] {
  const byId = new Map(shown.map((message) => [message.id, message]));
  for (const message of fetched) byId.set(message.id, message);
  return [...byId.values()].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
}

/** The messages of others in `fetched` that were not shown before: the ones to announce. */
export function arrivedFromOthers(
  shown: readonly MessageView[],
  fetched: readonly MessageView[],
): MessageView[] {
  const known = new Set(shown.map((message) => message.id));
  return fetched.filter((message) => !message.own && !known.has(message.id));
}
