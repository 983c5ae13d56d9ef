// Yearly and five-yearly minimums: either threshold suffices, windows include both ends, rules apply by rank.
import { describe, expect, it } from 'vitest';
import type { Rank } from '@duibiao/contracts';
import {
  DEFAULT_RULES_2023,
  evaluateCompliance,
  ruleApplies,
  summariseUnit,
  windowFor,
  type HoursEntry,
  type HoursRule,
  type RuleResult,
} from './compliance.ts';

const offline = (date: string, hours: number, days = 0): HoursEntry => ({ date, hours, days, category: 'offline' });
const online = (date: string, hours: number): HoursEntry => ({ date, hours, days: 0, category: 'online' });
const evaluate = (rank: Rank | null, entries: HoursEntry[], year = 2024) => evaluateCompliance({ rank, entries, year, rules: DEFAULT_RULES_2023 });
const rule = (results: RuleResult[], id: string) => results.find((r) => r.ruleId === id);

describe('annual rule for township and staff ranks: 12 days or 90 hours', () => {
  it('is not met at 89.5 hours and 11 days, and reports what is missing', () => {
    expect(rule(evaluate('township', [offline('2024-05-01', 89.5, 11)]), 'annual-township-staff')).toEqual({
      ruleId: 'annual-township-staff',
      window: { from: '2024-01-01', to: '2024-12-31' },
      requiredHours: 90,
      requiredDays: 12,
      achievedHours: 89.5,
      achievedDays: 11,
      compliant: false,
      shortfallHours: 0.5,
      shortfallDays: 1,
    });
  });

  it('is met at 90 hours even with fewer than 12 days', () => {
    expect(rule(evaluate('staff', [offline('2024-05-01', 89.5, 3), offline('2024-06-01', 0.5)]), 'annual-township-staff')).toMatchObject({
      compliant: true,
      shortfallHours: 0,
      shortfallDays: 0,
    });
  });

  it('is met at 12 days even with fewer than 90 hours', () => {
    expect(rule(evaluate('township', [offline('2024-05-01', 40, 12)]), 'annual-township-staff')).toMatchObject({ compliant: true });
    expect(rule(evaluate('township', [offline('2024-05-01', 40, 11.5)]), 'annual-township-staff')).toMatchObject({ compliant: false });
  });

  it('counts offline and online hours together', () => {
    expect(rule(evaluate('township', [offline('2024-05-01', 60), online('2024-07-01', 30)]), 'annual-township-staff')).toMatchObject({
      achievedHours: 90,
      compliant: true,
    });
  });

  it('counts only the calendar year asked for', () => {
    const entries = [offline('2023-12-31', 50), offline('2024-01-01', 45), offline('2024-12-31', 45), offline('2025-01-01', 50)];
    expect(rule(evaluate('township', entries), 'annual-township-staff')).toMatchObject({ achievedHours: 90, compliant: true });
  });
});

describe('annual online rule: 50 online hours for everyone', () => {
  it('is not met at 49.5 online hours and met at 50', () => {
    expect(rule(evaluate('county', [online('2024-03-01', 49.5)]), 'annual-online')).toMatchObject({
      compliant: false,
      shortfallHours: 0.5,
      shortfallDays: null,
    });
    expect(rule(evaluate('county', [online('2024-03-01', 49.5), online('2024-04-01', 0.5)]), 'annual-online')).toMatchObject({ compliant: true });
  });

  it('ignores offline hours', () => {
    expect(rule(evaluate('staff', [offline('2024-03-01', 200, 30)]), 'annual-online')).toMatchObject({ achievedHours: 0, compliant: false });
  });
});

describe('five-year rule for county rank and above: 3 months (90 days) or 550 hours in 2023–2027', () => {
  const fiveYear = (entries: HoursEntry[], year = 2025) => rule(evaluate('county', entries, year), 'five-year-county-above');

  it('counts 2023-01-01 and 2027-12-31 but not 2022-12-31 or 2028-01-01', () => {
    const result = fiveYear([offline('2022-12-31', 1000), offline('2023-01-01', 1), offline('2027-12-31', 2), offline('2028-01-01', 1000)]);
    expect(result).toMatchObject({ window: { from: '2023-01-01', to: '2027-12-31' }, achievedHours: 3 });
  });

  it('is not met at 549.5 hours and met at 550', () => {
    expect(fiveYear([offline('2023-06-01', 300), offline('2026-06-01', 249.5)])).toMatchObject({ compliant: false, shortfallHours: 0.5 });
    expect(fiveYear([offline('2023-06-01', 300), offline('2026-06-01', 250)])).toMatchObject({ compliant: true });
  });

  it('is met at 90 days and not at 89', () => {
    expect(fiveYear([offline('2024-06-01', 100, 90)])).toMatchObject({ compliant: true });
    expect(fiveYear([offline('2024-06-01', 100, 89)])).toMatchObject({ compliant: false, shortfallDays: 1 });
  });

  it('uses the same window for every year from 2023 to 2027', () => {
    for (const year of [2023, 2027]) expect(fiveYear([], year)?.window).toEqual({ from: '2023-01-01', to: '2027-12-31' });
  });
});

describe('windowFor', () => {
  const block = { kind: 'calendarYears', years: 5, anchorYear: 2023 } as const;

  it('finds the five-year block containing the year, before and after the anchor', () => {
    expect(windowFor(block, 2028)).toEqual({ from: '2028-01-01', to: '2032-12-31' });
    expect(windowFor(block, 2022)).toEqual({ from: '2018-01-01', to: '2022-12-31' });
    expect(windowFor(block, 2018)).toEqual({ from: '2018-01-01', to: '2022-12-31' });
  });

  it('is the year itself for calendarYear and for one-year blocks', () => {
    expect(windowFor({ kind: 'calendarYear' }, 2024)).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(windowFor({ kind: 'calendarYears', years: 1, anchorYear: 2000 }, 2024)).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });
});

describe('rank applicability', () => {
  const ids = (rank: Rank | null) => evaluate(rank, []).map((r) => r.ruleId);

  it('gives township and staff ranks the annual rule and the online rule', () => {
    expect(ids('township')).toEqual(['annual-township-staff', 'annual-online']);
    expect(ids('staff')).toEqual(['annual-township-staff', 'annual-online']);
  });

  it('gives county, bureau and provincial ranks the five-year rule and the online rule', () => {
    for (const rank of ['county', 'bureau', 'provincial'] as const) expect(ids(rank)).toEqual(['five-year-county-above', 'annual-online']);
  });

  it('gives a cadre without a rank only rules that name every rank', () => {
    expect(ids(null)).toEqual(['annual-online']);
    const allButStaff: HoursRule = { ...DEFAULT_RULES_2023[2]!, appliesTo: { ranks: ['provincial', 'bureau', 'county', 'township'] } };
    expect(ruleApplies(allButStaff, null)).toBe(false);
    expect(ruleApplies(allButStaff, 'township')).toBe(true);
  });

  it('reports no hours shortfall for a rule that sets only days', () => {
    const daysOnly: HoursRule = { ...DEFAULT_RULES_2023[0]!, minHours: undefined };
    expect(evaluateCompliance({ rank: 'staff', entries: [], year: 2024, rules: [daysOnly] })[0]).toMatchObject({
      requiredHours: null,
      shortfallHours: null,
      shortfallDays: 12,
    });
  });
});

describe('summariseUnit', () => {
  it('counts compliant and non-compliant cadres per rule and overall', () => {
    const met = evaluate('township', [offline('2024-03-01', 90), online('2024-03-01', 50)]);
    const onlyAnnual = evaluate('staff', [offline('2024-03-01', 90)]);
    const noRank = evaluate(null, [online('2024-03-01', 50)]);
    expect(summariseUnit([met, onlyAnnual, noRank])).toEqual({
      rules: [
        { ruleId: 'annual-township-staff', evaluated: 2, compliant: 2, nonCompliant: 0, rate: 1 },
        { ruleId: 'annual-online', evaluated: 3, compliant: 2, nonCompliant: 1, rate: 0.6667 },
      ],
      cadres: { total: 3, compliant: 2, nonCompliant: 1, rate: 0.6667 },
    });
  });

  it('has no rate for an empty unit and counts a cadre with no rules as compliant', () => {
    expect(summariseUnit([])).toEqual({ rules: [], cadres: { total: 0, compliant: 0, nonCompliant: 0, rate: null } });
    expect(summariseUnit([[]]).cadres).toEqual({ total: 1, compliant: 1, nonCompliant: 0, rate: 1 });
  });
});
