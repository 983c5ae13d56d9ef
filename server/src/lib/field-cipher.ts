// Encryption at rest for ID numbers and mobiles: AES-256-GCM ciphertext plus an HMAC blind index, so a
// database dump reveals neither while exact lookups (upsert by ID number) still work.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomFillSync } from 'node:crypto';

export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(token: string): string;
  /** Deterministic keyed hash for equality lookups. */
  blindIndex(plain: string): string;
}

const IV_BYTES = 12;
const IV_POOL = IV_BYTES * 4096;

/**
 * Random GCM nonces drawn from a pooled buffer: one randomFillSync per 4,096 encryptions instead of one each
 * (a bulk import encrypts two fields per row, and per-call randomBytes was ~10 % of its time).
 */
function ivSource(): () => Buffer {
  const pool = Buffer.alloc(IV_POOL);
  let offset = IV_POOL;
  return () => {
    if (offset === IV_POOL) {
      randomFillSync(pool);
      offset = 0;
    }
    const iv = Buffer.from(pool.subarray(offset, offset + IV_BYTES)); // copy: the pool is refilled later
    offset += IV_BYTES;
    return iv;
  };
}

export function createFieldCipher(secret: string): FieldCipher {
  const nextIv = ivSource();
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'duibiao', info, 32));
  const encKey = derive('field-encryption-v1');
  const macKey = derive('blind-index-v1');
  return {
    encrypt(plain) {
      const iv = nextIv();
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
