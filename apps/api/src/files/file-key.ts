import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';

/**
 * The key that encrypts stored files, from FILE_ENCRYPTION_KEY. Production must set it; elsewhere
 * a key file in DATA_DIR is made once, so a local or demo installation can read its files after a
 * restart (as with the CPR keys).
 */
export function fileEncryptionKey(config: AppConfig): Buffer {
  let encoded = config.FILE_ENCRYPTION_KEY;
  if (!encoded) {
    if (config.NODE_ENV === 'production') throw new Error('FILE_ENCRYPTION_KEY must be set in production.');
    const file = join(config.DATA_DIR, 'file-key.json');
    if (!existsSync(file)) {
      mkdirSync(config.DATA_DIR, { recursive: true });
      writeFileSync(file, JSON.stringify({ encryptionKey: randomBytes(32).toString('base64') }), {
        mode: 0o600,
      });
    }
    encoded = (JSON.parse(readFileSync(file, 'utf8')) as { encryptionKey: string }).encryptionKey;
  }
  const key = Buffer.from(encoded, 'base64');
  if (key.length !== 32) throw new Error('FILE_ENCRYPTION_KEY must be 32 bytes, base64.');
  return key;
}
