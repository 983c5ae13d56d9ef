// Each test states one rule of selection; boundaries are tested on both sides.
import { describe, expect, it } from 'vitest';
import { checkEligibility, completedYears, parseStoredRules, quotaUsage, selectionShares, validateSelectionRules, type ShareMember } from './index.ts';
import type { EligibilityCadre, EligibilityContext, SelectionRules } from './types.ts';

const program = { id: 1, name: '年轻干部班', startDate: '2026-05-10', endDate: '2026-05-16' };
const ctx = (enrolled: EligibilityContext['enrolledPrograms'] = []): EligibilityContext => ({ program, enrolledPrograms: enrolled });
const cadre = (over: Partial<EligibilityCadre> = {}): EligibilityCadre => ({
  birthDate: '1990-01-01',
  workStartDate: '2012-07-01',
  rank: 'township',
  specialties: ['乡村振兴'],
  ...over,
});
const rulesOf = (eligibility: SelectionRules['eligibility']): SelectionRules => ({ eligibility });

describe('completedYears', () => {
  it('counts a year only once the anniversary is reached', () => {
    expect(completedYears('1986-05-10', '2026-05-09')).toBe(39);
    expect(completedYears('1986-05-10', '2026-05-10')).toBe(40);
    expect(completedYears('1986-05-10', '2026-05-11')).toBe(40);
  });
  it('reaches a 29 February anniversary on 1 March in a common year', () => {
    expect(completedYears('2000-02-29', '2026-02-28')).toBe(25);
    expect(completedYears('2000-02-29', '2026-03-01')).toBe(26);
  });
});

describe('maxAge', () => {
  const rules = rulesOf({ maxAge: 40 });
  it('passes a cadre who turns 40 on the reference day (the program start)', () => {
    expect(checkEligibility(cadre({ birthDate: '1986-05-10' }), rules, ctx())).toEqual([]);
  });
  it('fails a cadre who turned 41 on the reference day, naming the age', () => {
    expect(checkEligibility(cadre({ birthDate: '1985-05-10' }), rules, ctx())).toEqual([{ rule: 'maxAge', zh: '年龄 41 岁，超过 40 岁上限' }]);
  });
  it('passes a cadre one day short of 41', () => {
    expect(checkEligibility(cadre({ birthDate: '1985-05-11' }), rules, ctx())).toEqual([]);
  });
  it('uses ageAsOf when given instead of the program start', () => {
    const asOf = rulesOf({ maxAge: 40, ageAsOf: '2026-05-09' });
    expect(checkEligibility(cadre({ birthDate: '1985-05-10' }), asOf, ctx())).toEqual([]);
  });
  it('fails a cadre without a birth date', () => {
    expect(checkEligibility(cadre({ birthDate: null }), rules, ctx()).map((f) => f.rule)).toEqual(['maxAge']);
  });
});

describe('ranks', () => {
  it('passes a listed rank and fails another, naming both', () => {
    const rules = rulesOf({ ranks: ['township', 'staff'] });
    expect(checkEligibility(cadre({ rank: 'staff' }), rules, ctx())).toEqual([]);
    expect(checkEligibility(cadre({ rank: 'county' }), rules, ctx())).toEqual([{ rule: 'ranks', zh: '职级为县处级，不在乡科级、一级主任科员及以下范围内' }]);
  });
  it('fails a cadre without a rank', () => {
    expect(checkEligibility(cadre({ rank: null }), rulesOf({ ranks: ['staff'] }), ctx())[0]!.rule).toBe('ranks');
  });
  it('an empty rank list allows every rank', () => {
    expect(checkEligibility(cadre({ rank: 'bureau' }), rulesOf({ ranks: [] }), ctx())).toEqual([]);
  });
});

describe('minServiceYears', () => {
  const rules = rulesOf({ minServiceYears: 3 });
  it('passes exactly 3 years on the reference day and fails one day short', () => {
    expect(checkEligibility(cadre({ workStartDate: '2023-05-10' }), rules, ctx())).toEqual([]);
    expect(checkEligibility(cadre({ workStartDate: '2023-05-11' }), rules, ctx())).toEqual([{ rule: 'minServiceYears', zh: '工作 2 年，不满 3 年' }]);
  });
  it('fails a cadre without a work start date', () => {
    expect(checkEligibility(cadre({ workStartDate: null }), rules, ctx())[0]!.rule).toBe('minServiceYears');
  });
});

describe('specialtiesAny', () => {
  const rules = rulesOf({ specialtiesAny: ['金融', '乡村振兴'] });
  it('passes with one matching specialty and fails with none', () => {
    expect(checkEligibility(cadre({ specialties: ['党建', '乡村振兴'] }), rules, ctx())).toEqual([]);
    expect(checkEligibility(cadre({ specialties: ['党建'] }), rules, ctx())).toEqual([{ rule: 'specialtiesAny', zh: '专长不含金融、乡村振兴中的任何一项' }]);
  });
});

describe('excludeOverlapping', () => {
  const rules = rulesOf({ excludeOverlapping: true });
  it('fails when another enrolled program shares the first or last day', () => {
    const endsOnStart = { id: 2, name: '党校班', startDate: '2026-05-01', endDate: '2026-05-10' };
    const startsOnEnd = { id: 3, name: '调研班', startDate: '2026-05-16', endDate: '2026-05-20' };
    expect(checkEligibility(cadre(), rules, ctx([endsOnStart]))).toEqual([
      { rule: 'excludeOverlapping', zh: '已参加同期项目「党校班」（2026-05-01 至 2026-05-10）' },
    ]);
    expect(checkEligibility(cadre(), rules, ctx([startsOnEnd]))[0]!.rule).toBe('excludeOverlapping');
  });
  it('passes when the other program ends the day before or starts the day after', () => {
    const before = { id: 2, name: '甲', startDate: '2026-05-01', endDate: '2026-05-09' };
    const after = { id: 3, name: '乙', startDate: '2026-05-17', endDate: '2026-05-20' };
    expect(checkEligibility(cadre(), rules, ctx([before, after]))).toEqual([]);
  });
  it('ignores the program itself and is off unless asked for', () => {
    expect(checkEligibility(cadre(), rules, ctx([program]))).toEqual([]);
    expect(checkEligibility(cadre(), {}, ctx([{ id: 9, name: '丙', startDate: '2026-05-12', endDate: '2026-05-13' }]))).toEqual([]);
  });
});

it('lists every failed rule, not only the first', () => {
  const rules = rulesOf({ maxAge: 35, ranks: ['staff'], specialtiesAny: ['金融'] });
  expect(checkEligibility(cadre(), rules, ctx()).map((f) => f.rule)).toEqual(['maxAge', 'ranks', 'specialtiesAny']);
});

describe('validateSelectionRules', () => {
  it('accepts a full rule set and drops unknown keys', () => {
    const input = {
      eligibility: { maxAge: 40, ageAsOf: '2026-05-10', ranks: ['staff'], minServiceYears: 2, specialtiesAny: ['金融'], excludeOverlapping: true },
      capacity: 50,
      grassrootsShareMin: 0.5,
      extra: 1,
    };
    const { extra: _extra, ...expected } = input;
    expect(validateSelectionRules(input)).toEqual({ rules: expected, problems: [] });
  });
  it('reports every bad field with its path', () => {
    const { rules, problems } = validateSelectionRules({
      eligibility: { maxAge: 17, ageAsOf: '2026-02-30', ranks: ['staff', 'boss', 'staff'], minServiceYears: -1, specialtiesAny: [''] },
      capacity: 0,
      grassrootsShareMin: 1.01,
    });
    expect(rules).toBeNull();
    expect(problems.map((p) => p.path)).toEqual([
      'eligibility.maxAge',
      'eligibility.ageAsOf',
      'eligibility.ranks.1',
      'eligibility.ranks.2',
      'eligibility.minServiceYears',
      'eligibility.specialtiesAny.0',
      'capacity',
      'grassrootsShareMin',
    ]);
  });
  it('accepts the boundaries 18/70 years, share 0 and 1, capacity 1', () => {
    for (const maxAge of [18, 70]) expect(validateSelectionRules({ eligibility: { maxAge } }).problems).toEqual([]);
    for (const grassrootsShareMin of [0, 1]) expect(validateSelectionRules({ grassrootsShareMin, capacity: 1 }).problems).toEqual([]);
    expect(validateSelectionRules({ eligibility: { maxAge: 71 } }).problems[0]!.path).toBe('eligibility.maxAge');
  });
  it('rejects a non-object', () => {
    expect(validateSelectionRules([]).problems).toEqual([{ path: '', message: '规则应为对象' }]);
  });
  it('reads a corrupt stored column as no rules', () => {
    expect(parseStoredRules('not json')).toEqual({});
    expect(parseStoredRules('{"capacity":3}')).toEqual({ capacity: 3 });
  });
});

describe('quotaUsage', () => {
  it('counts pending, approved and waitlisted nominations, not rejected or withdrawn ones', () => {
    const nominations = ['submitted', 'unit_approved', 'approved', 'waitlisted', 'rejected', 'withdrawn'].map((status) => ({ quotaId: 1, status }));
    expect(quotaUsage([{ id: 1, quota: 5 }], nominations)).toEqual([{ quotaId: 1, quota: 5, used: 4, remaining: 1 }]);
  });
  it('never reports negative remaining places', () => {
    const nominations = [1, 2, 3].map(() => ({ quotaId: 2, status: 'approved' }));
    expect(quotaUsage([{ id: 2, quota: 2 }], nominations)[0]).toMatchObject({ used: 3, remaining: 0 });
  });
});

describe('selectionShares', () => {
  const member = (status: string, grassroots: boolean, over: Partial<ShareMember> = {}): ShareMember => ({
    status,
    grassroots,
    gender: 'male',
    age: 30,
    unit: '甲',
    ...over,
  });
  it('meets a 50% target with exactly half grassroots among the approved', () => {
    const r = selectionShares([member('approved', true), member('approved', false)], 0.5);
    expect(r).toMatchObject({ total: 2, grassroots: 1, share: 0.5, meetsTarget: true, line: '基层干部 50% ≥ 目标 50% ✓' });
  });
  it('misses the target one short of it', () => {
    const r = selectionShares([member('approved', true), member('approved', false), member('approved', false)], 0.5);
    expect(r).toMatchObject({ meetsTarget: false, line: '基层干部 33.3% < 目标 50% ✗' });
  });
  it('counts only the approved, with pending ones in the preview', () => {
    const r = selectionShares([member('approved', false), member('submitted', true), member('waitlisted', true), member('rejected', true)], 0.5);
    expect(r.total).toBe(1);
    expect(r.withPending).toEqual({ total: 2, grassroots: 1, share: 0.5 });
  });
  it('gives gender, average age and per-unit counts of the approved', () => {
    const r = selectionShares(
      [
        member('approved', true, { gender: 'female', age: 29, unit: '乙' }),
        member('approved', false, { age: 34 }),
        member('approved', false, { age: null, unit: '乙' }),
      ],
      null,
    );
    expect(r).toMatchObject({
      male: 2,
      female: 1,
      averageAge: 31.5,
      meetsTarget: null,
      perUnit: [
        { unit: '乙', count: 2 },
        { unit: '甲', count: 1 },
      ],
    });
  });
  it('says so when nobody is approved yet', () => {
    expect(selectionShares([], 0.5)).toMatchObject({ share: null, meetsTarget: null, line: '尚无批准人选（基层干部目标 ≥ 50%）' });
  });
});
