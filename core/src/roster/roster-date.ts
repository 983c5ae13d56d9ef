// Dates as rosters hold them: Excel serials, 1985.03, 1985年3月, 19850312 and friends.
import { isCalendarDate } from '../idcard/id-number.ts';
import type { CellValue } from '../spreadsheet/sheet-row.ts';
import { compactText } from './text-normalise.ts';

/** A date known to the month, or to the day. */
export type DateParts = { year: number; month: number; day: number | null };

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
const DAY_MS = 86_400_000;
/** Excel's 1900 date system counts a 29 February 1900 that never was; serial 60 is that day. */
const PHANTOM_LEAP_DAY = 60;
const MAX_SERIAL = 2_958_465; // 9999-12-31

/**
 * Every reading of a roster date, the most likely first; null when none is a real date in 1900–2100.
 * Several readings arise where the cell is ambiguous: the number 1985.1 is usually 1985.10 with the zero
 * dropped by Excel (but may be January), and an Excel date on the 1st usually stands for "that month".
 */
export function parseRosterDate(value: CellValue): DateParts[] | null {
  const readings = typeof value === 'number' ? fromNumber(value) : typeof value === 'string' ? fromText(compactText(value)) : [];
  const valid = readings.filter(isValidParts);
  return valid.length > 0 ? valid : null;
}

/** YYYY-MM-DD, or YYYY-MM-01 when only the month is known. */
export function formatDateParts(parts: DateParts): string {
  return `${parts.year}-${pad2(parts.month)}-${pad2(parts.day ?? 1)}`;
}

/** True when `parts` agrees with the full date `iso` (YYYY-MM-DD) to the precision `parts` has. */
export function datePartsMatch(parts: DateParts, iso: string): boolean {
  const [year, month, day] = iso.split('-').map(Number);
  return parts.year === year && parts.month === month && (parts.day === null || parts.day === day);
}

/** Compares at the month when `parts` has no day: negative if before `iso`, 0 if same, positive if after. */
export function compareDateParts(parts: DateParts, iso: string): number {
  const text = formatDateParts(parts);
  const [a, b] = parts.day === null ? [text.slice(0, 7), iso.slice(0, 7)] : [text, iso];
  // ISO dates order correctly as plain strings.
  return a < b ? -1 : a > b ? 1 : 0;
}

function fromNumber(n: number): DateParts[] {
  if (!Number.isFinite(n) || n <= 0) return [];
  if (Number.isInteger(n)) {
    if (n >= 19_000_101 && n <= 21_001_231) return fromText(String(n));
    if (n >= 190_001 && n <= 210_012) return fromText(String(n));
    // A bare year is not a date; read as a serial it would land in 1905, which no roster means.
    if (n >= MIN_YEAR && n <= MAX_YEAR) return [];
    return fromSerial(n);
  }
  const year = Math.floor(n);
  if (year >= MIN_YEAR && year <= MAX_YEAR) {
    // 1985.03 typed into a General cell is the number 1985.03; 1985.10 became 1985.1.
    const fraction = String(n).split('.')[1] ?? '';
    if (fraction.length === 2) return [{ year, month: Number(fraction), day: null }];
    if (fraction === '1')
      return [
        { year, month: 10, day: null },
        { year, month: 1, day: null },
      ];
    if (fraction.length === 1) return [{ year, month: Number(fraction), day: null }];
    return [];
  }
  // A date-time serial: the time of day does not matter.
  return fromSerial(Math.floor(n));
}

function fromSerial(serial: number): DateParts[] {
  if (serial < 1 || serial === PHANTOM_LEAP_DAY || serial > MAX_SERIAL) return [];
  // Serials after the phantom day are one too high, so they count from 1899-12-30 rather than 1899-12-31.
  const epoch = serial > PHANTOM_LEAP_DAY ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  const date = new Date(epoch + serial * DAY_MS);
  return asExcelDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** A date cell on the 1st was most often typed as "1985-03" (Excel fills in the day), so also offer the month. */
function asExcelDate(year: number, month: number, day: number): DateParts[] {
  const full = { year, month, day };
  return day === 1 ? [full, { year, month, day: null }] : [full];
}

const SEPARATED = /^(\d{4})([./-])(\d{1,2})(?:\2(\d{1,2}))?$/;
const CHINESE = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})[日号])?$/;
const DIGITS = /^(\d{4})(\d{2})(\d{2})?$/;
/** What xlsx `t="d"` cells hold. */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?$/;

function fromText(text: string): DateParts[] {
  let m = SEPARATED.exec(text);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[3]);
    if (m[4] !== undefined) return [{ year, month, day: Number(m[4]) }];
    // "1985.1" may be a number whose trailing zero Excel dropped before it became text (e.g. in a csv).
    if (m[2] === '.' && m[3] === '1')
      return [
        { year, month: 1, day: null },
        { year, month: 10, day: null },
      ];
    return [{ year, month, day: null }];
  }
  m = CHINESE.exec(text) ?? DIGITS.exec(text);
  if (m) return [{ year: Number(m[1]), month: Number(m[2]), day: m[3] === undefined ? null : Number(m[3]) }];
  m = ISO_DATE_TIME.exec(text);
  if (m) return asExcelDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return [];
}

function isValidParts(parts: DateParts): boolean {
  if (parts.year < MIN_YEAR || parts.year > MAX_YEAR) return false;
  return isCalendarDate(parts.year, parts.month, parts.day ?? 1);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
