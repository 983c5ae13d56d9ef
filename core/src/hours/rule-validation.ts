// Hand-written validation of hours rules as admins edit them: every problem as a field error with a Chinese message.
import { RANKS, type FieldError } from '@duibiao/contracts';
import type { HoursRule } from './compliance.ts';

const MAX_YEAR = 9999;

/** A plain object (not null, not an array), so its fields can be read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Checks an optional minimum: absent is fine, otherwise a finite number ≥ 0. */
function checkMinimum(value: unknown, field: string, label: string, errors: FieldError[]): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'number' || !Number.isFinite(value)) errors.push({ field, message: `${label}必须是数字` });
  else if (value < 0) errors.push({ field, message: `${label}不能为负数` });
}

function checkWindow(value: unknown, errors: FieldError[]): void {
  if (!isRecord(value)) {
    errors.push({ field: 'window', message: '请设置统计周期' });
    return;
  }
  if (value.kind === 'calendarYear') return;
  if (value.kind !== 'calendarYears') {
    errors.push({ field: 'window.kind', message: '统计周期只能是“每年”或“每若干年”' });
    return;
  }
  if (typeof value.years !== 'number' || !Number.isInteger(value.years)) errors.push({ field: 'window.years', message: '周期年数必须是整数' });
  else if (value.years < 1) errors.push({ field: 'window.years', message: '周期年数至少为1年' });
  if (typeof value.anchorYear !== 'number' || !Number.isInteger(value.anchorYear) || value.anchorYear < 1 || value.anchorYear > MAX_YEAR) {
    errors.push({ field: 'window.anchorYear', message: '起始年份必须是1至9999之间的整数' });
  }
}

function checkRanks(appliesTo: unknown, errors: FieldError[]): void {
  const ranks = isRecord(appliesTo) ? appliesTo.ranks : undefined;
  if (!Array.isArray(ranks) || ranks.length === 0) {
    errors.push({ field: 'appliesTo.ranks', message: '请至少选择一个适用职级' });
    return;
  }
  const seen = new Set<unknown>();
  ranks.forEach((rank: unknown, i) => {
    if (!(RANKS as readonly unknown[]).includes(rank)) errors.push({ field: `appliesTo.ranks[${i}]`, message: `未知职级：${String(rank)}` });
    else if (seen.has(rank)) errors.push({ field: `appliesTo.ranks[${i}]`, message: '职级重复' });
    seen.add(rank);
  });
}

/**
 * Field errors of one rule; empty when the rule is well formed. Fields are dotted paths (`window.years`,
 * `appliesTo.ranks[2]`) so the form can mark each input.
 */
export function validateHoursRule(data: unknown): FieldError[] {
  if (!isRecord(data)) return [{ field: '', message: '规则必须是对象' }];
  const errors: FieldError[] = [];
  if (!isNonEmptyString(data.id)) errors.push({ field: 'id', message: '请填写规则编号' });
  const name = isRecord(data.name) ? data.name : {};
  if (!isNonEmptyString(name.zh)) errors.push({ field: 'name.zh', message: '请填写规则中文名称' });
  if (!isNonEmptyString(name.en)) errors.push({ field: 'name.en', message: '请填写规则英文名称' });
  checkRanks(data.appliesTo, errors);
  checkWindow(data.window, errors);
  if (data.category !== 'all' && data.category !== 'online') errors.push({ field: 'category', message: '学时类别只能是“全部”或“网络培训”' });
  checkMinimum(data.minHours, 'minHours', '最低学时', errors);
  checkMinimum(data.minDays, 'minDays', '最低天数', errors);
  const hasMinimum = (v: unknown) => v !== undefined && v !== null;
  if (!hasMinimum(data.minHours) && !hasMinimum(data.minDays)) errors.push({ field: 'minHours', message: '请至少设置最低学时或最低天数之一' });
  return errors;
}

/** Field errors of a rule list: each rule's errors prefixed `[i].`, plus duplicate ids. */
export function validateHoursRules(data: unknown): FieldError[] {
  if (!Array.isArray(data)) return [{ field: '', message: '规则列表必须是数组' }];
  const errors: FieldError[] = [];
  const ids = new Set<string>();
  data.forEach((rule: unknown, i) => {
    for (const e of validateHoursRule(rule)) errors.push({ field: e.field ? `[${i}].${e.field}` : `[${i}]`, message: e.message });
    if (isRecord(rule) && typeof rule.id === 'string') {
      if (ids.has(rule.id)) errors.push({ field: `[${i}].id`, message: `规则编号重复：${rule.id}` });
      ids.add(rule.id);
    }
  });
  return errors;
}

/** Narrows unknown data to a rule list once {@link validateHoursRules} found nothing wrong. */
export function isHoursRuleList(data: unknown): data is HoursRule[] {
  return validateHoursRules(data).length === 0;
}
