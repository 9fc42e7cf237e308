import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Which municipality's rows the database shows the code running now. Row-level security policies
 * (migration RowLevelSecurity) compare each row's municipality_id with the `app.municipality_id`
 * setting, which the pool's client (pg-client.ts) sets from here before a statement runs.
 *
 * An authenticated request runs as its user's municipality from the moment the access guard knows
 * the user, so a query that forgot its municipality filter still sees only that municipality.
 * Everything else runs in the system scope, which sees every municipality: sign-in and session
 * lookup (the municipality is what they find out), public routes, start-up, demo seeding and
 * scheduled jobs.
 */
export const SYSTEM_SCOPE = '*';

interface TenantStore {
  municipalityId?: string;
}

const storage = new AsyncLocalStorage<TenantStore>();

/** The value for `app.municipality_id`: a municipality's id, or the system scope. */
export function currentTenant(): string {
  return storage.getStore()?.municipalityId ?? SYSTEM_SCOPE;
}

/** Runs `fn` (and everything it starts) in a scope of its own; `enterTenant` then narrows it. */
export function runInTenantScope<T>(fn: () => T): T {
  return storage.run({}, fn);
}

/** Narrows the current scope (opened by runInTenantScope) to one municipality for the rest of it. */
export function enterTenant(municipalityId: string): void {
  const store = storage.getStore();
  if (!store) throw new Error('enterTenant outside a tenant scope');
  store.municipalityId = municipalityId;
}

/** Runs `fn` as one municipality: for jobs that work through municipalities one at a time. */
export function asTenant<T>(municipalityId: string, fn: () => T): T {
  return storage.run({ municipalityId }, fn);
}
