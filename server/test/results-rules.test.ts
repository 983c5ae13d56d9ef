// Pure rules of landing: the status chain, overdue and reminder windows, the landing rate, the evidence summary and
// the recommendation extractor — each test one rule, both sides of each boundary.
import { describe, expect, it } from 'vitest';
import { canMove, evidenceSummary, extractCandidates, isOverdue, landingStats, needsReminder } from '../src/modules/results/results.rules.ts';

describe('status chain', () => {
  it('moves one step forward or to rejected, never out of landed or rejected', () => {
    expect(canMove('proposed', 'accepted')).toBe(true);
    expect(canMove('proposed', 'in_progress')).toBe(false);
    expect(canMove('accepted', 'in_progress')).toBe(true);
    expect(canMove('in_progress', 'landed')).toBe(true);
    expect(canMove('accepted', 'landed')).toBe(false);
    expect(canMove('in_progress', 'rejected')).toBe(true);
    expect(canMove('landed', 'rejected')).toBe(false);
    expect(canMove('rejected', 'proposed')).toBe(false);
  });
});

describe('overdue and reminders', () => {
  const today = '2026-11-30';
  it('is overdue from the day after the deadline while still open', () => {
    expect(isOverdue({ status: 'accepted', deadline: '2026-11-29' }, today)).toBe(true);
    expect(isOverdue({ status: 'accepted', deadline: '2026-11-30' }, today)).toBe(false);
    expect(isOverdue({ status: 'landed', deadline: '2026-11-01' }, today)).toBe(false);
    expect(isOverdue({ status: 'proposed', deadline: null }, today)).toBe(false);
  });
  it('reminds within 7 days or past, once per deadline', () => {
    const open = { status: 'in_progress', reminded_for: null };
    expect(needsReminder({ ...open, deadline: '2026-12-07' }, today, 7)).toBe(true);
    expect(needsReminder({ ...open, deadline: '2026-12-08' }, today, 7)).toBe(false);
    expect(needsReminder({ ...open, deadline: '2026-10-01' }, today, 7)).toBe(true);
    expect(needsReminder({ ...open, deadline: '2026-12-01', reminded_for: '2026-12-01' }, today, 7)).toBe(false);
    expect(needsReminder({ ...open, deadline: '2026-12-01', reminded_for: '2026-11-15' }, today, 7)).toBe(true);
    expect(needsReminder({ status: 'rejected', deadline: '2026-12-01', reminded_for: null }, today, 7)).toBe(false);
  });
});

describe('landing rate', () => {
  it('divides landed by everything not rejected, and is null when nothing is left', () => {
    const rows = ['landed', 'rejected', 'proposed', 'accepted'].map((status) => ({ status, deadline: null }));
    expect(landingStats(rows, '2026-11-30')).toMatchObject({ total: 4, landed: 1, landingRate: 0.3333, overdue: 0 });
    expect(landingStats([{ status: 'rejected', deadline: null }], '2026-11-30').landingRate).toBeNull();
    expect(landingStats([], '2026-11-30')).toMatchObject({ total: 0, landingRate: null });
  });
});

describe('evidence summary and extractor', () => {
  it('lists figures with units, then counts documents', () => {
    const doc = { kind: 'document', label: '批复', value: null, unit: null };
    expect(
      evidenceSummary([
        { kind: 'figure', label: '签约项目', value: 20, unit: '个' },
        doc,
        { kind: 'figure', label: '到位资金', value: 3.2, unit: '亿元' },
        doc,
      ]),
    ).toBe('签约项目 20 个；到位资金 3.2 亿元；文件 2 份');
    expect(evidenceSummary([])).toBe('');
  });
  it('takes marked paragraphs (建议/一是/（一）/1./第一) and skips section headings and short lines', () => {
    const body = [
      '一、主要做法',
      '建议：设立市级产业引导基金。由财政出资',
      '二是推行链长制',
      '（1）建立台账',
      '2、优化政务服务',
      '第三，强化考核',
      '三、对策建议',
      '1. 短',
    ].join('\n');
    expect(extractCandidates(body).map((c) => c.title)).toEqual(['设立市级产业引导基金', '推行链长制', '建立台账', '优化政务服务', '强化考核']);
    expect(extractCandidates('建议：设立基金。由财政出资')[0]!.content).toBe('设立基金。由财政出资');
    expect(extractCandidates(null)).toEqual([]);
  });
});
