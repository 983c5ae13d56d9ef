// Annual and five-yearly training-hour requirements as data, and their evaluation for one cadre and one unit.
import { RANKS, type Rank } from '@duibiao/contracts';
import { fromMilli, toMilli } from './hours-math.ts';

/** The period a rule counts over: one calendar year, or fixed blocks of `years` starting at `anchorYear`. */
export type RuleWindow = { kind: 'calendarYear' } | { kind: 'calendarYears'; years: number; anchorYear: number };

/** 'all' counts every entry; 'online' only online study (网络培训). */
export type RuleCategory = 'all' | 'online';

/** One requirement. Met when ANY minimum given is met (the regulation says "days OR hours"). */
export type HoursRule = {
  id: string;
  name: { zh: string; en: string };
  appliesTo: { ranks: Rank[] };
  window: RuleWindow;
  category: RuleCategory;
  minHours?: number;
  minDays?: number;
};

/** One ledger entry: hours and days credited on a date (YYYY-MM-DD), e.g. one program's offline or online credit. */
export type HoursEntry = { date: string; hours: number; days: number; category: 'offline' | 'online' };

export type ComplianceInput = { rank: Rank | null; entries: readonly HoursEntry[]; year: number; rules: readonly HoursRule[] };

/** How one cadre stands against one rule. `null` requirements and shortfalls mean the rule sets no such minimum. */
export type RuleResult = {
  ruleId: string;
  window: { from: string; to: string };
  requiredHours: number | null;
  requiredDays: number | null;
  achievedHours: number;
  achievedDays: number;
  compliant: boolean;
  shortfallHours: number | null;
  shortfallDays: number | null;
};

/**
 * The 2023 regulation (《干部教育培训工作条例》) and the 2023–2027 national plan: 乡科级 and 一级主任科员及以下
 * 12 days or 90 学时 a year; 县处级 and above 3 months (counted as 90 days) or 550 学时 per five years;
 * everyone 50 学时 of online study a year.
 */
export const DEFAULT_RULES_2023: readonly HoursRule[] = Object.freeze([
  {
    id: 'annual-township-staff',
    name: { zh: '乡科级及以下干部年度培训（12天或90学时）', en: 'Township level and below: 12 days or 90 hours a year' },
    appliesTo: { ranks: ['township', 'staff'] },
    window: { kind: 'calendarYear' },
    category: 'all',
    minHours: 90,
    minDays: 12,
  },
  {
    id: 'five-year-county-above',
    name: { zh: '县处级以上干部五年培训（3个月或550学时）', en: 'County level and above: 3 months or 550 hours per five years' },
    appliesTo: { ranks: ['county', 'bureau', 'provincial'] },
    window: { kind: 'calendarYears', years: 5, anchorYear: 2023 },
    category: 'all',
    minHours: 550,
    minDays: 90,
  },
  {
    id: 'annual-online',
    name: { zh: '网络培训年度学时（50学时）', en: 'Online study: 50 hours a year' },
    appliesTo: { ranks: [...RANKS] },
    window: { kind: 'calendarYear' },
    category: 'online',
    minHours: 50,
  },
]);

/**
 * Whether a rule applies to a rank. A cadre without a recorded rank gets only rules that name every rank
 * (such as the online rule): a rank-specific minimum cannot be judged without the rank, and guessing one
 * would report a shortfall that may not exist.
 */
export function ruleApplies(rule: HoursRule, rank: Rank | null): boolean {
  if (rank === null) return RANKS.every((r) => rule.appliesTo.ranks.includes(r));
  return rule.appliesTo.ranks.includes(rank);
}

/**
 * The window that contains `year`. Fixed blocks extend both ways from the anchor: with 5 years from 2023,
 * 2027 lies in 2023–2027, 2028 in 2028–2032 and 2022 in 2018–2022.
 */
export function windowFor(window: RuleWindow, year: number): { from: string; to: string } {
  switch (window.kind) {
    case 'calendarYear':
      return { from: `${yyyy(year)}-01-01`, to: `${yyyy(year)}-12-31` };
    case 'calendarYears': {
      const start = window.anchorYear + Math.floor((year - window.anchorYear) / window.years) * window.years;
      return { from: `${yyyy(start)}-01-01`, to: `${yyyy(start + window.years - 1)}-12-31` };
    }
  }
}

function yyyy(year: number): string {
  return String(year).padStart(4, '0');
}

/**
 * Evaluates every rule that applies to the cadre's rank for the window containing `year`. Entries are counted
 * when their date lies in the window (both ends inclusive). Inside a running five-year window the result is
 * the standing so far; the requirement falls due at `window.to`.
 */
export function evaluateCompliance(input: ComplianceInput): RuleResult[] {
  return input.rules.filter((rule) => ruleApplies(rule, input.rank)).map((rule) => evaluateRule(rule, input.entries, input.year));
}

function evaluateRule(rule: HoursRule, entries: readonly HoursEntry[], year: number): RuleResult {
  const window = windowFor(rule.window, year);
  let hoursMilli = 0;
  let daysMilli = 0;
  for (const entry of entries) {
    // YYYY-MM-DD strings order like the dates they name.
    if (entry.date < window.from || entry.date > window.to) continue;
    if (rule.category === 'online' && entry.category !== 'online') continue;
    hoursMilli += toMilli(entry.hours);
    daysMilli += toMilli(entry.days);
  }
  const requiredHours = rule.minHours ?? null;
  const requiredDays = rule.minDays ?? null;
  const meetsHours = requiredHours !== null && hoursMilli >= toMilli(requiredHours);
  const meetsDays = requiredDays !== null && daysMilli >= toMilli(requiredDays);
  const compliant = meetsHours || meetsDays;
  const shortfall = (required: number | null, achievedMilli: number): number | null =>
    required === null ? null : compliant ? 0 : fromMilli(Math.max(0, toMilli(required) - achievedMilli));
  return {
    ruleId: rule.id,
    window,
    requiredHours,
    requiredDays,
    achievedHours: fromMilli(hoursMilli),
    achievedDays: fromMilli(daysMilli),
    compliant,
    shortfallHours: shortfall(requiredHours, hoursMilli),
    shortfallDays: shortfall(requiredDays, daysMilli),
  };
}

/** Per-rule counts for a unit. `rate` is compliant ÷ evaluated, rounded to 4 decimals; null when nobody was evaluated. */
export type RuleSummary = { ruleId: string; evaluated: number; compliant: number; nonCompliant: number; rate: number | null };

/** A unit's standing: per rule, and cadres who meet every rule that applies to them. */
export type UnitSummary = { rules: RuleSummary[]; cadres: { total: number; compliant: number; nonCompliant: number; rate: number | null } };

/**
 * Summarises the results of many cadres (one `evaluateCompliance` result each). Rules appear in the order first met.
 * A cadre to whom no rule applied counts as compliant overall: nothing was required of them.
 */
export function summariseUnit(results: readonly (readonly RuleResult[])[]): UnitSummary {
  const byRule = new Map<string, { evaluated: number; compliant: number }>();
  let compliantCadres = 0;
  for (const cadre of results) {
    if (cadre.every((r) => r.compliant)) compliantCadres++;
    for (const r of cadre) {
      const counts = byRule.get(r.ruleId) ?? { evaluated: 0, compliant: 0 };
      counts.evaluated++;
      if (r.compliant) counts.compliant++;
      byRule.set(r.ruleId, counts);
    }
  }
  const rules = [...byRule].map(([ruleId, c]) => ({
    ruleId,
    evaluated: c.evaluated,
    compliant: c.compliant,
    nonCompliant: c.evaluated - c.compliant,
    rate: rate(c.compliant, c.evaluated),
  }));
  const total = results.length;
  return { rules, cadres: { total, compliant: compliantCadres, nonCompliant: total - compliantCadres, rate: rate(compliantCadres, total) } };
}

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}
