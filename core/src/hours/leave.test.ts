// The withdrawal rule: leave strictly above 1/7 of a program's hours, compared exactly.
import { describe, expect, it } from 'vitest';
import { leaveHoursFrom, leaveShare, mustWithdraw, programHoursFrom } from './leave.ts';

describe('mustWithdraw', () => {
  it('allows leave of exactly 1/7 and withdraws just above it', () => {
    expect(mustWithdraw(70, 10)).toBe(false);
    expect(mustWithdraw(70, 10.001)).toBe(true);
    expect(mustWithdraw(7, 1)).toBe(false);
    expect(mustWithdraw(7, 1.5)).toBe(true);
  });

  it('is exact where floating point is not: 0.1 × 7 is not above 0.7', () => {
    expect(0.1 * 7 > 0.7).toBe(true); // the trap
    expect(mustWithdraw(0.7, 0.1)).toBe(false);
    expect(mustWithdraw(2.1, 0.3)).toBe(false);
  });

  it('never withdraws a trainee without leave', () => {
    expect(mustWithdraw(40, 0)).toBe(false);
    expect(mustWithdraw(0, 0)).toBe(false);
  });

  it('takes another threshold as a fraction', () => {
    expect(mustWithdraw(50, 10, { numerator: 1, denominator: 5 })).toBe(false);
    expect(mustWithdraw(50, 10.5, { numerator: 1, denominator: 5 })).toBe(true);
  });

  it('rejects a threshold that is not a fraction of integers', () => {
    expect(() => mustWithdraw(7, 1, { numerator: 1, denominator: 0 })).toThrow(RangeError);
    expect(() => mustWithdraw(7, 1, { numerator: 0.5, denominator: 7 })).toThrow(RangeError);
  });
});

describe('leaveShare', () => {
  it('is leave divided by program hours, and 0 for a program without hours', () => {
    expect(leaveShare(14, 2)).toBeCloseTo(1 / 7, 12);
    expect(leaveShare(40, 0)).toBe(0);
    expect(leaveShare(0, 3)).toBe(0);
  });
});

describe('leaveHoursFrom and programHoursFrom', () => {
  const sessions = [
    { id: 'a', creditedHours: 3 },
    { id: 'b', creditedHours: 3 },
    { id: 'c', creditedHours: 1.5 },
  ];

  it('sums the scheduled hours of sessions on approved leave, each once, ignoring unknown ids', () => {
    expect(leaveHoursFrom(sessions, ['a', 'c', 'c', 'zzz'])).toBe(4.5);
    expect(leaveHoursFrom(sessions, new Set<string>())).toBe(0);
  });

  it('sums all scheduled hours for the program total', () => {
    expect(programHoursFrom(sessions)).toBe(7.5);
  });

  it('feeds the rule: 1.5 of 10.5 hours is exactly 1/7', () => {
    const week = [...sessions, { id: 'd', creditedHours: 3 }];
    expect(mustWithdraw(programHoursFrom(week), leaveHoursFrom(week, ['c']))).toBe(false);
    expect(mustWithdraw(programHoursFrom(week), leaveHoursFrom(week, ['a']))).toBe(true);
  });
});
