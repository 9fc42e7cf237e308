import type { AppConfig } from '../config/app-config';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  /** True when the embedded database was created by this start. */
  created: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under DATA_DIR. */
export async function resolveDatabase(
  config: AppConfig,
  log: (m: string) => void,
): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL) {
    return { url: config.DATABASE_URL, embedded: false, created: false, stop: async () => undefined };
  }
  const db = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, database: 'mentorsystemet', log });
  return { ...db, embedded: true };
}
