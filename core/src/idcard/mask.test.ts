// Masking keeps only the ends of an identifier.
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskMobile } from './mask.ts';

describe('maskIdNumber', () => {
  it('keeps the first 4 and last 4 of an 18-char number', () => {
    expect(maskIdNumber('37020219850312123X')).toBe('3702**********123X');
  });
  it('masks everything when 8 chars or fewer, and keeps the ends from 9 chars on', () => {
    expect(maskIdNumber('12345678')).toBe('********');
    expect(maskIdNumber('123456789')).toBe('1234*6789');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('maskMobile', () => {
  it('keeps the first 3 and last 4 digits', () => {
    expect(maskMobile('13812341234')).toBe('138****1234');
  });
  it('masks everything when 7 chars or fewer, and keeps the ends from 8 chars on', () => {
    expect(maskMobile('1234567')).toBe('*******');
    expect(maskMobile('12345678')).toBe('123*5678');
  });
});
