// What an audit entry may reveal: sensitive fields are masked before they are stored.
import { maskIdNumber, maskMobile } from '@duibiao/core/idcard/index';

const MASKERS: Record<string, (v: string) => string> = {
  idNumber: maskIdNumber,
  mobile: maskMobile,
};
const DROPPED = new Set(['password', 'passwordHash', 'password_hash', 'currentPassword', 'newPassword']);

/** Copies a record for the audit log with ID numbers/mobiles masked and secrets removed. */
export function maskForAudit(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskForAudit);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (DROPPED.has(key)) out[key] = '******';
    else if (key in MASKERS && typeof v === 'string') out[key] = MASKERS[key]!(v);
    else out[key] = maskForAudit(v);
  }
  return out;
}
