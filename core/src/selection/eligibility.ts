// Eligibility of a cadre for a program under its selection rules: every failed rule with a Chinese reason, so the
// nominating unit sees why a candidate is greyed out and the server can name the rule in a 400.
import { LABELS, RANKS, type Rank } from '@duibiao/contracts';
import { completedYears, isIsoDate, periodsOverlap } from './dates.ts';
import type { EligibilityCadre, EligibilityContext, EligibilityFailure, RuleProblem, SelectionRules } from './types.ts';

const rankName = (r: Rank) => LABELS.rank[r].zh;

/** The reference day of age and service years: the rule's `ageAsOf`, else the program's first day. */
export const referenceDay = (rules: SelectionRules, ctx: EligibilityContext): string => rules.eligibility?.ageAsOf ?? ctx.program.startDate;

/** Every rule the cadre fails (empty = eligible). Missing facts (no birth date, no rank …) fail the rule that needs them. */
export function checkEligibility(cadre: EligibilityCadre, rules: SelectionRules, ctx: EligibilityContext): EligibilityFailure[] {
  const e = rules.eligibility;
  if (!e) return [];
  const asOf = referenceDay(rules, ctx);
  const failures: EligibilityFailure[] = [];
  if (e.maxAge !== undefined) {
    if (!cadre.birthDate) failures.push({ rule: 'maxAge', zh: '未登记出生日期，无法核对年龄' });
    else {
      const age = completedYears(cadre.birthDate, asOf);
      if (age > e.maxAge) failures.push({ rule: 'maxAge', zh: `年龄 ${age} 岁，超过 ${e.maxAge} 岁上限` });
    }
  }
  if (e.ranks && e.ranks.length > 0 && (cadre.rank === null || !e.ranks.includes(cadre.rank))) {
    const allowed = e.ranks.map(rankName).join('、');
    failures.push({ rule: 'ranks', zh: cadre.rank ? `职级为${rankName(cadre.rank)}，不在${allowed}范围内` : `未登记职级，要求${allowed}` });
  }
  if (e.minServiceYears !== undefined && e.minServiceYears > 0) {
    if (!cadre.workStartDate) failures.push({ rule: 'minServiceYears', zh: `未登记参加工作时间，要求工作满 ${e.minServiceYears} 年` });
    else {
      const years = completedYears(cadre.workStartDate, asOf);
      if (years < e.minServiceYears) failures.push({ rule: 'minServiceYears', zh: `工作 ${Math.max(years, 0)} 年，不满 ${e.minServiceYears} 年` });
    }
  }
  if (e.specialtiesAny && e.specialtiesAny.length > 0 && !cadre.specialties.some((s) => e.specialtiesAny!.includes(s))) {
    failures.push({ rule: 'specialtiesAny', zh: `专长不含${e.specialtiesAny.join('、')}中的任何一项` });
  }
  if (e.excludeOverlapping) {
    const clash = ctx.enrolledPrograms.find((p) => p.id !== ctx.program.id && periodsOverlap(p, ctx.program));
    if (clash) failures.push({ rule: 'excludeOverlapping', zh: `已参加同期项目「${clash.name}」（${clash.startDate} 至 ${clash.endDate}）` });
  }
  return failures;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks rules read from a request or the database. Returns the rules (unknown keys dropped) when there is no
 * problem, and every problem with its path otherwise.
 */
export function validateSelectionRules(input: unknown, program: { startDate?: string } = {}): { rules: SelectionRules | null; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (!isObject(input)) return { rules: null, problems: [{ path: '', message: '规则应为对象' }] };
  const rules: SelectionRules = {};
  if (input.eligibility !== undefined) {
    const e = input.eligibility;
    if (!isObject(e)) add('eligibility', '资格条件应为对象');
    else {
      const out: NonNullable<SelectionRules['eligibility']> = {};
      if (e.maxAge !== undefined) {
        if (!isInt(e.maxAge) || e.maxAge < 18 || e.maxAge > 70) add('eligibility.maxAge', '年龄上限应为 18–70 的整数');
        else out.maxAge = e.maxAge;
      }
      if (e.ageAsOf !== undefined) {
        if (!isIsoDate(e.ageAsOf)) add('eligibility.ageAsOf', '计算日期应为有效的 YYYY-MM-DD 日期');
        else out.ageAsOf = e.ageAsOf;
      }
      if (e.ranks !== undefined) {
        if (!Array.isArray(e.ranks)) add('eligibility.ranks', '职级应为列表');
        else {
          e.ranks.forEach((r, i) => {
            if (!RANKS.includes(r as Rank)) add(`eligibility.ranks.${i}`, '未知的职级');
            else if (e.ranks !== undefined && (e.ranks as unknown[]).indexOf(r) !== i) add(`eligibility.ranks.${i}`, '职级重复');
          });
          out.ranks = (e.ranks as unknown[]).filter((r): r is Rank => RANKS.includes(r as Rank));
        }
      }
      if (e.minServiceYears !== undefined) {
        if (!isInt(e.minServiceYears) || e.minServiceYears < 0 || e.minServiceYears > 50) add('eligibility.minServiceYears', '最低工作年限应为 0–50 的整数');
        else out.minServiceYears = e.minServiceYears;
      }
      if (e.specialtiesAny !== undefined) {
        if (!Array.isArray(e.specialtiesAny)) add('eligibility.specialtiesAny', '专长应为列表');
        else {
          e.specialtiesAny.forEach((s, i) => {
            if (typeof s !== 'string' || s.trim() === '' || s.length > 50) add(`eligibility.specialtiesAny.${i}`, '专长应为 1–50 字的文字');
          });
          out.specialtiesAny = (e.specialtiesAny as unknown[]).filter((s): s is string => typeof s === 'string').map((s) => s.trim());
        }
      }
      if (e.excludeOverlapping !== undefined) {
        if (typeof e.excludeOverlapping !== 'boolean') add('eligibility.excludeOverlapping', '应为是或否');
        else out.excludeOverlapping = e.excludeOverlapping;
      }
      rules.eligibility = out;
    }
  }
  if (input.capacity !== undefined) {
    if (!isInt(input.capacity) || input.capacity < 1 || input.capacity > 100_000) add('capacity', '计划人数应为 1–100000 的整数');
    else rules.capacity = input.capacity;
  }
  if (input.grassrootsShareMin !== undefined) {
    const v = input.grassrootsShareMin;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) add('grassrootsShareMin', '基层干部占比目标应在 0–1 之间');
    else rules.grassrootsShareMin = v;
  }
  if (input.nominationDeadline !== undefined) {
    const d = input.nominationDeadline;
    if (!isIsoDate(d)) add('nominationDeadline', '推荐截止日期应为有效的 YYYY-MM-DD 日期');
    // Nominations after the program has begun make no sense; the start day itself is still allowed.
    else if (program.startDate !== undefined && d > program.startDate) add('nominationDeadline', `推荐截止日期不能晚于项目开始日期 ${program.startDate}`);
    else rules.nominationDeadline = d;
  }
  return problems.length ? { rules: null, problems } : { rules, problems };
}

/** Whether units may still nominate on `beijingToday` (YYYY-MM-DD): the deadline day itself is open, the next day closed. */
export const nominationOpen = (rules: Pick<SelectionRules, 'nominationDeadline'>, beijingToday: string): boolean =>
  rules.nominationDeadline === undefined || beijingToday <= rules.nominationDeadline;

/** Rules as stored; a corrupt or hand-edited column reads as "no rules" rather than failing every request. */
export function parseStoredRules(json: string): SelectionRules {
  try {
    return validateSelectionRules(JSON.parse(json)).rules ?? {};
  } catch {
    return {};
  }
}
