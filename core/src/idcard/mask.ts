// Masking of personal identifiers for lists, logs and exports.

/** `370202198503121234` → `3702**********1234`: keeps the first 4 and last 4 chars. */
export function maskIdNumber(value: string): string {
  return maskMiddle(value, 4, 4);
}

/** `13812341234` → `138****1234`: keeps the first 3 and last 4 chars. */
export function maskMobile(value: string): string {
  return maskMiddle(value, 3, 4);
}

function maskMiddle(value: string, head: number, tail: number): string {
  const chars = [...value];
  // Too short to keep both ends without revealing nearly everything: hide it all.
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(-tail).join('');
}
