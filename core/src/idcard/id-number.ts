// GB 11643-1999 citizen ID numbers (公民身份号码): validation, construction and the ISO 7064 MOD 11-2 check char.

/** Result of {@link validateIdNumber}: the normalised number and what it encodes, or a Chinese reason. */
export type IdNumberCheck = { ok: true; value: string; birthDate: string; gender: 'male' | 'female' } | { ok: false; reason: string };

/** Weights of the 17 body digits: 2^(17-i) mod 11, as GB 11643 specifies. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check char indexed by (weighted sum mod 11). */
const CHECK_CHARS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;
const MIN_BIRTH_YEAR = 1900;

/** ISO 7064 MOD 11-2 check char of the first 17 digits. */
export function idCheckChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Today's local date as YYYY-MM-DD. */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

/** True when year-month-day exists in the Gregorian calendar. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids DST surprises.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Validates an 18-char citizen ID number. Surrounding whitespace is ignored and a lowercase `x` is accepted;
 * `value` is the normalised (uppercase) form. `today` (YYYY-MM-DD, default: local today) bounds the birth date.
 */
export function validateIdNumber(raw: string, options: { today?: string } = {}): IdNumberCheck {
  const value = raw.trim().toUpperCase();
  if (value.length !== 18) return { ok: false, reason: '身份证号应为18位' };
  if (!SHAPE.test(value)) return { ok: false, reason: '身份证号格式不正确：前17位应为数字，末位应为数字或X' };

  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const today = options.today ?? localToday();
  // ISO date strings compare correctly as plain strings.
  if (year < MIN_BIRTH_YEAR || !isCalendarDate(year, month, day) || birthDate > today) {
    return { ok: false, reason: '身份证号中的出生日期无效' };
  }
  if (idCheckChar(value) !== value[17]) return { ok: false, reason: '身份证号校验位错误' };

  const genderDigit = value.charCodeAt(16) - 48;
  return { ok: true, value, birthDate, gender: genderDigit % 2 === 1 ? 'male' : 'female' };
}

/**
 * Builds a valid ID number from a 6-digit region code, a YYYY-MM-DD birth date and a sequence 0–999
 * (odd = male). Throws RangeError on bad input; meant for demo data and tests.
 */
export function makeIdNumber(regionCode6: string, birthDate: string, seq3: number): string {
  if (!/^\d{6}$/.test(regionCode6)) throw new RangeError(`region code must be 6 digits: ${regionCode6}`);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new RangeError(`birth date must be a real YYYY-MM-DD date: ${birthDate}`);
  }
  if (!Number.isInteger(seq3) || seq3 < 0 || seq3 > 999) throw new RangeError(`sequence must be 0–999: ${seq3}`);
  const body = `${regionCode6}${m[1]}${m[2]}${m[3]}${String(seq3).padStart(3, '0')}`;
  return body + idCheckChar(body);
}
