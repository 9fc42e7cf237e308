import { randomBytes } from 'node:crypto';
import { CprCipher } from './cpr-cipher';

describe('CprCipher', () => {
  const cipher = new CprCipher(randomBytes(32), randomBytes(32));

  it('round-trips and never stores the digits in clear', () => {
    const sealed = cipher.encrypt('0101901234');
    expect(sealed.toString('utf8')).not.toContain('0101901234');
    expect(sealed.toString('hex')).not.toContain(Buffer.from('0101901234').toString('hex'));
    expect(cipher.decrypt(sealed)).toBe('0101901234');
  });

  it('encrypts the same number differently each time but hashes it the same', () => {
    expect(cipher.encrypt('0101901234').equals(cipher.encrypt('0101901234'))).toBe(false);
    expect(cipher.hash('0101901234')).toBe(cipher.hash('0101901234'));
    expect(cipher.hash('0101901234')).not.toBe(
      new CprCipher(randomBytes(32), randomBytes(32)).hash('0101901234'),
    );
  });

  it('refuses tampered ciphertext', () => {
    const sealed = cipher.encrypt('0101901234');
    sealed[sealed.length - 1] ^= 1;
    expect(() => cipher.decrypt(sealed)).toThrow();
  });
});
