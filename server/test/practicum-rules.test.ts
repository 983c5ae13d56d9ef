// The calendar rules of long placements: allowed log weeks, missing weeks and the flag, days and 学时 credited.
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  begunWeeks,
  missingWeeks,
  noRecentLog,
  placementCredit,
  placementDays,
  weekStartProblem,
  workingDays,
} from '../src/modules/practicum/practicum.rules.ts';

const period = { startDate: '2026-03-04', endDate: '2026-04-30' }; // a Wednesday to a Thursday

describe('log weeks', () => {
  it('takes a Monday of a week that overlaps the period and has begun', () => {
    expect(weekStartProblem('2026-03-02', period, '2026-03-20')).toBeNull(); // the start's week, though it began on Monday
    expect(weekStartProblem('2026-03-16', period, '2026-03-16')).toBeNull(); // today is that Monday
    expect(weekStartProblem('2026-03-03', period, '2026-03-20')).toMatch(/星期一/);
    expect(weekStartProblem('2026-03-23', period, '2026-03-20')).toMatch(/未来/);
    expect(weekStartProblem('2026-02-23', period, '2026-03-20')).toMatch(/开始之前/);
    expect(weekStartProblem('2026-05-04', period, '2026-06-01')).toMatch(/结束之后/);
    expect(weekStartProblem('2026-02-30', period, '2026-03-20')).toMatch(/有效/);
  });

  it('lists begun weeks and misses only finished ones', () => {
    expect(begunWeeks(period, '2026-03-01')).toEqual([]);
    expect(begunWeeks(period, '2026-03-18')).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(missingWeeks(period, '2026-03-18', new Set(['2026-03-02']))).toEqual(['2026-03-09']);
    expect(begunWeeks(period, '2026-09-01')).toHaveLength(9); // capped at the end's week
    expect(missingWeeks(period, '2026-09-01', new Set())).toHaveLength(9); // ended: the last week counts too
  });

  it('flags two finished weeks in a row without a log', () => {
    expect(noRecentLog(period, '2026-03-18', new Set(['2026-03-02']))).toBe(false);
    expect(noRecentLog(period, '2026-03-18', new Set())).toBe(true);
    expect(noRecentLog(period, '2026-03-25', new Set(['2026-03-02', '2026-03-09']))).toBe(false);
    expect(noRecentLog(period, '2026-03-10', new Set())).toBe(false); // only one week finished
  });
});

describe('credit', () => {
  it('counts calendar days (≤ 366) and 8 学时 per working day; a fail credits nothing', () => {
    expect(placementDays('2026-01-05', '2026-04-14')).toBe(100);
    expect(workingDays('2026-01-05', '2026-04-14')).toBe(72);
    expect(placementCredit('pass', '2026-01-05', '2026-04-14')).toEqual({ days: 100, hours: 576 });
    expect(placementCredit('fail', '2026-01-05', '2026-04-14')).toEqual({ days: 0, hours: 0 });
    // S4: six months from 2022-09-19 (a Monday).
    expect(placementCredit('excellent', '2022-09-19', '2023-03-18')).toEqual({ days: 181, hours: 130 * 8 });
    expect(placementDays('2025-01-01', '2026-12-31')).toBe(366);
    expect(workingDays('2025-01-01', '2026-12-31')).toBe(workingDays('2025-01-01', '2026-01-01'));
    expect(placementDays('2026-02-01', '2026-01-01')).toBe(0);
  });

  it('computes completed years of age', () => {
    expect(ageOn('1990-09-01', '2026-08-31')).toBe(35);
    expect(ageOn('1990-09-01', '2026-09-01')).toBe(36);
    expect(ageOn(null, '2026-09-01')).toBeNull();
  });
});
