// Evaluating many cadres at once: per-window sums from SQL become core/src/hours entries, one rule at a time.
import { evaluateCompliance, windowFor, type HoursEntry, type HoursRule, type RuleResult } from '@duibiao/core/hours/index';
import type { Rank } from '@duibiao/contracts';

export interface DateWindow {
  from: string;
  to: string;
}

/** One cadre's sums per window i: h{i} all hours, o{i} online hours, d{i} all days, od{i} online days. */
export type WindowSums = { cadre_id: number } & Record<string, number | string | null>;

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** Distinct windows the rules need for `year`; the calendar year itself is always window 0 (the yearly totals). */
export function windowsFor(rules: Iterable<HoursRule>, year: number): DateWindow[] {
  const windows: DateWindow[] = [windowFor({ kind: 'calendarYear' }, year)];
  for (const rule of rules) {
    const w = windowFor(rule.window, year);
    if (!windows.some((x) => x.from === w.from && x.to === w.to)) windows.push(w);
  }
  return windows;
}

export interface WindowTotals {
  hours: number;
  onlineHours: number;
  days: number;
  onlineDays: number;
}

export const NO_HOURS: WindowTotals = { hours: 0, onlineHours: 0, days: 0, onlineDays: 0 };

/** A SQL row's sums for window i (PostgreSQL returns bigint sums as strings). */
export function totalsOf(row: WindowSums | undefined, i: number): WindowTotals {
  if (!row) return NO_HOURS;
  return {
    hours: round3(Number(row[`h${i}`] ?? 0)),
    onlineHours: round3(Number(row[`o${i}`] ?? 0)),
    days: Number(row[`d${i}`] ?? 0),
    onlineDays: Number(row[`od${i}`] ?? 0),
  };
}

/** A rule with the index of its window in `windows`, worked out once per set of rules rather than per cadre. */
export type RulePlan = { rule: HoursRule; window: DateWindow; index: number }[];

export function planRules(rules: readonly HoursRule[], year: number, windows: readonly DateWindow[]): RulePlan {
  return rules.map((rule) => {
    const window = windowFor(rule.window, year);
    return { rule, window, index: windows.findIndex((x) => x.from === window.from && x.to === window.to) };
  });
}

/**
 * Evaluates the rules for one cadre from per-window totals. Each window's totals become two entries dated on the
 * window's first day (offline and online part), and each rule sees only its own window's entries, so a five-year
 * block and a calendar year never count each other's hours.
 */
export function evaluateFromTotals(rank: Rank | null, plan: RulePlan, year: number, totals: (i: number) => WindowTotals): RuleResult[] {
  const results: RuleResult[] = [];
  for (const { rule, window, index } of plan) {
    const t = index < 0 ? NO_HOURS : totals(index);
    const entries: HoursEntry[] = [
      { date: window.from, category: 'offline', hours: round3(t.hours - t.onlineHours), days: t.days - t.onlineDays },
      { date: window.from, category: 'online', hours: t.onlineHours, days: t.onlineDays },
    ];
    results.push(...evaluateCompliance({ rank, entries, year, rules: [rule] }));
  }
  return results;
}
