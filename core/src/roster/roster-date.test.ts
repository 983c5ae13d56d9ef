// Roster dates: every accepted spelling, Excel serials incl. the 1900 leap-year bug, and what is refused.
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../spreadsheet/sheet-row.ts';
import { compareDateParts, datePartsMatch, formatDateParts, parseRosterDate } from './roster-date.ts';

const ym = (year: number, month: number) => ({ year, month, day: null });
const ymd = (year: number, month: number, day: number) => ({ year, month, day });

describe('parseRosterDate', () => {
  it.each<[CellValue, ReturnType<typeof parseRosterDate>]>([
    ['1985.03', [ym(1985, 3)]],
    ['1985.3', [ym(1985, 3)]],
    ['1985.1', [ym(1985, 1), ym(1985, 10)]],
    ['1985.10', [ym(1985, 10)]],
    ['1985-03-12', [ymd(1985, 3, 12)]],
    ['1985/3/12', [ymd(1985, 3, 12)]],
    ['1985.03.12', [ymd(1985, 3, 12)]],
    ['1985-03', [ym(1985, 3)]],
    ['1985年3月', [ym(1985, 3)]],
    ['1985年3月12日', [ymd(1985, 3, 12)]],
    ['１９８５年０３月', [ym(1985, 3)]],
    [' 1985 . 03 ', [ym(1985, 3)]],
    ['198503', [ym(1985, 3)]],
    ['19850312', [ymd(1985, 3, 12)]],
    ['1985-03-12T00:00:00.000Z', [ymd(1985, 3, 12)]],
    ['1985-03-01T00:00:00Z', [ymd(1985, 3, 1), ym(1985, 3)]],
    [198503, [ym(1985, 3)]],
    [19850312, [ymd(1985, 3, 12)]],
    [1985.03, [ym(1985, 3)]],
    [1985.3, [ym(1985, 3)]],
    [1985.1, [ym(1985, 10), ym(1985, 1)]],
    [1985.12, [ym(1985, 12)]],
  ])('%j → %j', (input, output) => {
    expect(parseRosterDate(input)).toEqual(output);
  });

  it.each<[number, string]>([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [31118, '1985-03-12'],
    [31118.75, '1985-03-12'],
    [36585, '2000-02-29'],
  ])('Excel serial %d → %s', (serial, iso) => {
    const [first] = parseRosterDate(serial)!;
    expect(formatDateParts(first!)).toBe(iso);
  });

  it('offers the month alone for an Excel date on the 1st (typed as "1985-03")', () => {
    expect(parseRosterDate(31107)).toEqual([ymd(1985, 3, 1), ym(1985, 3)]);
  });

  it.each<CellValue>([
    60, // 1900-02-29, a day Excel invents
    0,
    -5,
    1985, // a bare year
    '1985',
    '1985.13',
    '1985.00',
    '1985.031',
    '1899.12',
    '2101.01',
    '1985-02-30',
    '198513',
    '19850230',
    '85.03',
    '一九八五年三月',
    '',
    null,
    true,
    Number.NaN,
  ])('refuses %j', (input) => {
    expect(parseRosterDate(input)).toBeNull();
  });
});

describe('date comparisons', () => {
  it('matches at the precision given', () => {
    expect(datePartsMatch(ym(1985, 3), '1985-03-12')).toBe(true);
    expect(datePartsMatch(ym(1985, 4), '1985-03-12')).toBe(false);
    expect(datePartsMatch(ymd(1985, 3, 12), '1985-03-12')).toBe(true);
    expect(datePartsMatch(ymd(1985, 3, 11), '1985-03-12')).toBe(false);
  });

  it('compares by month when no day is known', () => {
    expect(compareDateParts(ym(2024, 6), '2024-06-15')).toBe(0);
    expect(compareDateParts(ym(2024, 7), '2024-06-15')).toBe(1);
    expect(compareDateParts(ymd(2024, 6, 16), '2024-06-15')).toBe(1);
    expect(compareDateParts(ymd(2024, 6, 15), '2024-06-15')).toBe(0);
    expect(compareDateParts(ymd(2024, 6, 14), '2024-06-15')).toBe(-1);
  });
});
