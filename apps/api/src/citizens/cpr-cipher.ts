import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Encrypts CPR numbers (AES-256-GCM) and makes a keyed hash (HMAC-SHA256) for exact lookup, so
 * neither a database dump nor a guess-and-hash attack reveals them without the keys.
 */
export class CprCipher {
  private readonly encryptionKey: Buffer;
  private readonly hashKey: Buffer;

  constructor(encryptionKey: Buffer, hashKey: Buffer) {
    if (encryptionKey.length !== 32 || hashKey.length < 32) throw new Error('CPR keys must be 32 bytes');
    this.encryptionKey = encryptionKey;
    this.hashKey = hashKey;
  }

  encrypt(digits: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const ciphertext = Buffer.concat([cipher.update(digits, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
  }

  decrypt(payload: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, payload.subarray(0, 12));
    decipher.setAuthTag(payload.subarray(12, 28));
    return Buffer.concat([decipher.update(payload.subarray(28)), decipher.final()]).toString('utf8');
  }

  hash(digits: string): string {
    return createHmac('sha256', this.hashKey).update(digits).digest('hex');
  }
}
