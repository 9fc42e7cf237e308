import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { CprCipher } from './cpr-cipher';

interface KeyFile {
  encryptionKey: string;
  hashKey: string;
}

/**
 * The CPR keys from the environment. Production must set them; elsewhere a key file in DATA_DIR
 * is made once, so a local or demo database stays readable across restarts.
 */
export function createCprCipher(config: AppConfig): CprCipher {
  if (config.CPR_ENCRYPTION_KEY && config.CPR_HASH_KEY) {
    return new CprCipher(
      Buffer.from(config.CPR_ENCRYPTION_KEY, 'base64'),
      Buffer.from(config.CPR_HASH_KEY, 'base64'),
    );
  }
  if (config.NODE_ENV === 'production') {
    throw new Error('CPR_ENCRYPTION_KEY and CPR_HASH_KEY must be set in production.');
  }
  const file = join(config.DATA_DIR, 'cpr-keys.json');
  if (!existsSync(file)) {
    mkdirSync(config.DATA_DIR, { recursive: true });
    const keys: KeyFile = {
      encryptionKey: randomBytes(32).toString('base64'),
      hashKey: randomBytes(32).toString('base64'),
    };
    writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  }
  const keys = JSON.parse(readFileSync(file, 'utf8')) as KeyFile;
  return new CprCipher(Buffer.from(keys.encryptionKey, 'base64'), Buffer.from(keys.hashKey, 'base64'));
}
