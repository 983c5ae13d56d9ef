// The nomination deadline (推荐截止日期): a Beijing date, inclusive, never after the program's first day.
import { describe, expect, it } from 'vitest';
import { nominationOpen, parseStoredRules, validateSelectionRules } from './index.ts';

describe('nominationOpen', () => {
  const rules = { nominationDeadline: '2026-12-10' };
  it('is open before and on the deadline day, closed from the next day', () => {
    expect(nominationOpen(rules, '2026-12-09')).toBe(true);
    expect(nominationOpen(rules, '2026-12-10')).toBe(true);
    expect(nominationOpen(rules, '2026-12-11')).toBe(false);
    expect(nominationOpen(rules, '2027-01-01')).toBe(false);
  });
  it('is always open without a deadline', () => {
    expect(nominationOpen({}, '2099-12-31')).toBe(true);
  });
});

describe('validateSelectionRules: nominationDeadline', () => {
  it('keeps a valid deadline up to and including the program start', () => {
    expect(validateSelectionRules({ nominationDeadline: '2026-05-01' }, { startDate: '2026-05-10' }).rules).toEqual({ nominationDeadline: '2026-05-01' });
    expect(validateSelectionRules({ nominationDeadline: '2026-05-10' }, { startDate: '2026-05-10' }).rules).toEqual({ nominationDeadline: '2026-05-10' });
  });
  it('names the field for a deadline after the program start', () => {
    const { rules, problems } = validateSelectionRules({ nominationDeadline: '2026-05-11' }, { startDate: '2026-05-10' });
    expect(rules).toBeNull();
    expect(problems).toEqual([{ path: 'nominationDeadline', message: '推荐截止日期不能晚于项目开始日期 2026-05-10' }]);
  });
  it('names the field for an impossible or malformed date', () => {
    for (const bad of ['2026-02-30', '2026-5-1', 20260501, '']) {
      expect(validateSelectionRules({ nominationDeadline: bad }).problems.map((p) => p.path)).toEqual(['nominationDeadline']);
    }
  });
  it('reads a stored deadline back', () => {
    expect(parseStoredRules('{"nominationDeadline":"2026-12-10","capacity":3}')).toEqual({ nominationDeadline: '2026-12-10', capacity: 3 });
  });
});
