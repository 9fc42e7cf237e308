import { existsSync } from 'node:fs';

/** Reads `.env` from the working directory when present; variables already set win. */
export function loadDotEnv(path = '.env') {
  if (existsSync(path)) process.loadEnvFile(path);
}
