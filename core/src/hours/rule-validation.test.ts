// Malformed rule data becomes field errors with Chinese messages; well-formed rules produce none.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES_2023, type HoursRule } from './compliance.ts';
import { isHoursRuleList, validateHoursRule, validateHoursRules } from './rule-validation.ts';

const base: HoursRule = DEFAULT_RULES_2023[0]!;
const fields = (data: unknown) => validateHoursRule(data).map((e) => e.field);

describe('validateHoursRule', () => {
  it('accepts the default rules', () => {
    for (const r of DEFAULT_RULES_2023) expect(validateHoursRule(r)).toEqual([]);
    expect(isHoursRuleList(DEFAULT_RULES_2023)).toBe(true);
  });

  it('needs at least one minimum, and one alone is enough', () => {
    expect(validateHoursRule({ ...base, minHours: undefined, minDays: undefined })).toEqual([
      { field: 'minHours', message: '请至少设置最低学时或最低天数之一' },
    ]);
    expect(validateHoursRule({ ...base, minHours: undefined })).toEqual([]);
    expect(validateHoursRule({ ...base, minDays: undefined })).toEqual([]);
  });

  it('rejects negative minimums but accepts 0', () => {
    expect(validateHoursRule({ ...base, minHours: -1 })).toEqual([{ field: 'minHours', message: '最低学时不能为负数' }]);
    expect(validateHoursRule({ ...base, minDays: -0.5 })).toEqual([{ field: 'minDays', message: '最低天数不能为负数' }]);
    expect(validateHoursRule({ ...base, minHours: 0 })).toEqual([]);
    expect(fields({ ...base, minHours: '90' })).toEqual(['minHours']);
  });

  it('rejects an unknown or repeated rank and an empty rank list', () => {
    expect(validateHoursRule({ ...base, appliesTo: { ranks: ['township', 'mayor'] } })).toEqual([{ field: 'appliesTo.ranks[1]', message: '未知职级：mayor' }]);
    expect(fields({ ...base, appliesTo: { ranks: ['staff', 'staff'] } })).toEqual(['appliesTo.ranks[1]']);
    expect(fields({ ...base, appliesTo: { ranks: [] } })).toEqual(['appliesTo.ranks']);
    expect(fields({ ...base, appliesTo: undefined })).toEqual(['appliesTo.ranks']);
  });

  it('needs a window of at least 1 whole year and an anchor year', () => {
    const years = (n: unknown) => ({ ...base, window: { kind: 'calendarYears', years: n, anchorYear: 2023 } });
    expect(validateHoursRule(years(0))).toEqual([{ field: 'window.years', message: '周期年数至少为1年' }]);
    expect(validateHoursRule(years(1))).toEqual([]);
    expect(fields(years(2.5))).toEqual(['window.years']);
    expect(fields({ ...base, window: { kind: 'calendarYears', years: 5 } })).toEqual(['window.anchorYear']);
    expect(fields({ ...base, window: { kind: 'monthly' } })).toEqual(['window.kind']);
    expect(fields({ ...base, window: null })).toEqual(['window']);
  });

  it('needs an id, both names and a known category', () => {
    expect(fields({ ...base, id: ' ', name: { zh: '', en: 'x' }, category: 'offline' })).toEqual(['id', 'name.zh', 'category']);
    expect(fields({ ...base, name: undefined })).toEqual(['name.zh', 'name.en']);
  });

  it('rejects data that is not an object', () => {
    expect(validateHoursRule(null)).toEqual([{ field: '', message: '规则必须是对象' }]);
    expect(validateHoursRule([base])).toEqual([{ field: '', message: '规则必须是对象' }]);
  });
});

describe('validateHoursRules', () => {
  it('prefixes each error with the rule index and flags repeated ids', () => {
    expect(validateHoursRules([base, { ...base, minHours: -1 }])).toEqual([
      { field: '[1].minHours', message: '最低学时不能为负数' },
      { field: '[1].id', message: '规则编号重复：annual-township-staff' },
    ]);
    expect(validateHoursRules([7])).toEqual([{ field: '[0]', message: '规则必须是对象' }]);
  });

  it('needs an array', () => {
    expect(validateHoursRules({})).toEqual([{ field: '', message: '规则列表必须是数组' }]);
    expect(isHoursRuleList({})).toBe(false);
  });
});
