/**
 * Citizen data a signed-in user keeps in this browser's localStorage (so far: report text the
 * server has not confirmed yet). Keys are `<prefix>.<userId>.<id>`; sign-out removes them, so a
 * shared computer keeps nothing of the citizen after the user has left.
 */
export const REPORT_DRAFT_PREFIX = 'mentor.reportDraft';

const USER_DATA_PREFIXES = [REPORT_DRAFT_PREFIX];

/** The keys of this user's citizen data in the storage. */
export function userDataKeys(storage: Storage | null, userId: string): string[] {
  const keys: string[] = [];
  try {
    if (!storage) return keys;
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key && USER_DATA_PREFIXES.some((prefix) => key.startsWith(`${prefix}.${userId}.`))) keys.push(key);
    }
  } catch {
    // storage disabled: nothing is kept
  }
  return keys;
}

/** Removes this user's citizen data from the storage. */
export function clearUserData(storage: Storage | null, userId: string): void {
  for (const key of userDataKeys(storage, userId)) {
    try {
      storage?.removeItem(key);
    } catch {
      // storage disabled: nothing to remove
    }
  }
}
