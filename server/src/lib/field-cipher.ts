// Encryption at rest for ID numbers and mobiles: AES-256-GCM ciphertext plus an HMAC blind index, so a
// database dump reveals neither while exact lookups (upsert by ID number) still work.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(token: string): string;
  /** Deterministic keyed hash for equality lookups. */
  blindIndex(plain: string): string;
}

export function createFieldCipher(secret: string): FieldCipher {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'duibiao', info, 32));
  const encKey = derive('field-encryption-v1');
  const macKey = derive('blind-index-v1');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    decrypt(token) {
      const raw = Buffer.from(token.slice(3), 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    blindIndex(plain) {
      return createHmac('sha256', macKey).update(plain).digest('hex');
    },
  };
}
