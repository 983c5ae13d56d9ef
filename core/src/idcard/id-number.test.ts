// Rules of GB 11643 ID validation, each on both sides of its boundary.
import { describe, expect, it } from 'vitest';
import { idCheckChar, makeIdNumber, validateIdNumber } from './id-number.ts';

const today = '2024-06-15';
const check = (raw: string) => validateIdNumber(raw, { today });

describe('validateIdNumber', () => {
  it('accepts the example from the standard and reads birth date and gender', () => {
    expect(check('11010519491231002X')).toEqual({ ok: true, value: '11010519491231002X', birthDate: '1949-12-31', gender: 'female' });
  });

  it('accepts a lowercase x and trims, normalising to uppercase', () => {
    expect(check(' 11010519491231002x ')).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('requires exactly 18 chars', () => {
    const id = makeIdNumber('370202', '1985-03-12', 123);
    expect(check(id.slice(0, 17))).toEqual({ ok: false, reason: '身份证号应为18位' });
    expect(check(id + '1')).toEqual({ ok: false, reason: '身份证号应为18位' });
    expect(check('')).toEqual({ ok: false, reason: '身份证号应为18位' });
  });

  it('requires 17 digits and a digit or X at the end', () => {
    expect(check('37020219850312123A')).toMatchObject({ ok: false, reason: expect.stringContaining('格式不正确') });
    expect(check('3702021985031212X4')).toMatchObject({ ok: false, reason: expect.stringContaining('格式不正确') });
  });

  it('rejects a wrong check char', () => {
    const id = makeIdNumber('370202', '1985-03-12', 123);
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    expect(check(wrong)).toEqual({ ok: false, reason: '身份证号校验位错误' });
  });

  it('takes gender from the 17th digit: odd male, even female', () => {
    expect(check(makeIdNumber('370202', '1985-03-12', 1))).toMatchObject({ gender: 'male' });
    expect(check(makeIdNumber('370202', '1985-03-12', 2))).toMatchObject({ gender: 'female' });
    expect(check(makeIdNumber('370202', '1985-03-12', 0))).toMatchObject({ gender: 'female' });
    expect(check(makeIdNumber('370202', '1985-03-12', 999))).toMatchObject({ gender: 'male' });
  });

  it('needs a birth year of at least 1900', () => {
    expect(check(makeIdNumber('370202', '1900-01-01', 1))).toMatchObject({ ok: true, birthDate: '1900-01-01' });
    expect(check(makeIdNumber('370202', '1899-12-31', 1))).toEqual({ ok: false, reason: '身份证号中的出生日期无效' });
    // The standard's own example is from 1880.
    expect(check('440524188001010014')).toEqual({ ok: false, reason: '身份证号中的出生日期无效' });
  });

  it('rejects a birth date after today but accepts today', () => {
    expect(check(makeIdNumber('370202', '2024-06-15', 1))).toMatchObject({ ok: true });
    expect(check(makeIdNumber('370202', '2024-06-16', 1))).toEqual({ ok: false, reason: '身份证号中的出生日期无效' });
  });

  it('needs a real calendar date, leap years included', () => {
    expect(check(makeIdNumber('370202', '2000-02-29', 1))).toMatchObject({ ok: true });
    const body = (ymd: string) => `370202${ymd}001`;
    for (const ymd of ['19990229', '19001301', '19850001', '19850132', '19850431', '19850300']) {
      expect(check(body(ymd) + idCheckChar(body(ymd)))).toEqual({ ok: false, reason: '身份证号中的出生日期无效' });
    }
    expect(check(body('19850430') + idCheckChar(body('19850430')))).toMatchObject({ ok: true });
    expect(check(body('19000228') + idCheckChar(body('19000228')))).toMatchObject({ ok: true });
    // 1900 is not a leap year (divisible by 100, not by 400).
    expect(check(body('19000229') + idCheckChar(body('19000229')))).toMatchObject({ ok: false });
  });

  it('uses the local date when no today is given', () => {
    expect(validateIdNumber('11010519491231002X').ok).toBe(true);
    expect(validateIdNumber(makeIdNumber('370202', '2999-01-01', 1)).ok).toBe(false);
  });
});

describe('makeIdNumber', () => {
  it('builds a number that validates, with check char X when due', () => {
    expect(makeIdNumber('110105', '1949-12-31', 2)).toBe('11010519491231002X');
    const id = makeIdNumber('370202', '1985-03-12', 7);
    expect(id).toMatch(/^37020219850312007[\dX]$/);
    expect(check(id)).toMatchObject({ ok: true, birthDate: '1985-03-12', gender: 'male' });
  });

  it('accepts sequences 0 and 999 and rejects -1, 1000 and fractions', () => {
    expect(makeIdNumber('370202', '1985-03-12', 0).slice(14, 17)).toBe('000');
    expect(makeIdNumber('370202', '1985-03-12', 999).slice(14, 17)).toBe('999');
    expect(() => makeIdNumber('370202', '1985-03-12', -1)).toThrow(RangeError);
    expect(() => makeIdNumber('370202', '1985-03-12', 1000)).toThrow(RangeError);
    expect(() => makeIdNumber('370202', '1985-03-12', 1.5)).toThrow(RangeError);
  });

  it('rejects bad region codes and dates', () => {
    expect(() => makeIdNumber('37020', '1985-03-12', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('3702021', '1985-03-12', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('370202', '1985-02-30', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('370202', '1985-3-12', 1)).toThrow(RangeError);
  });
});
