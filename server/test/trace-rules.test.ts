// Pure rules of the results funnel: the dashboard window, overdue, snapshot counts and the funnel arithmetic.
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  beijingMonthOf,
  beijingMonthStart,
  funnelOf,
  isOverdue,
  monthWindow,
  monthsBetween,
  snapshotItemIds,
  snapshotStage,
  sumFunnels,
} from '../src/modules/trace/trace.rules.ts';

describe('monthWindow', () => {
  it('defaults to the twelve months ending this month', () => {
    expect(monthWindow(undefined, undefined, '2026-11')).toEqual({ ok: true, from: '2025-12', to: '2026-11' });
  });
  it('runs twelve months from a given start, not past this month', () => {
    expect(monthWindow('2026-01', undefined, '2026-11')).toEqual({ ok: true, from: '2026-01', to: '2026-11' });
    expect(monthWindow('2025-01', undefined, '2026-11')).toEqual({ ok: true, from: '2025-01', to: '2025-12' });
    expect(monthWindow('2027-03', undefined, '2026-11')).toEqual({ ok: true, from: '2027-03', to: '2027-03' });
  });
  it('accepts exactly 60 months and refuses 61', () => {
    expect(monthWindow('2021-01', '2025-12', '2026-11').ok).toBe(true);
    expect(monthWindow('2021-01', '2026-01', '2026-11')).toEqual({ ok: false, errors: [{ field: 'to', message: '时间跨度不能超过60个月' }] });
  });
  it('accepts from = to and refuses from after to', () => {
    expect(monthWindow('2026-05', '2026-05', '2026-11').ok).toBe(true);
    expect(monthWindow('2026-06', '2026-05', '2026-11')).toMatchObject({ ok: false, errors: [{ field: 'from' }] });
  });
  it('names every malformed end', () => {
    expect(monthWindow('2026-00', '26-05', '2026-11')).toMatchObject({ ok: false, errors: [{ field: 'from' }, { field: 'to' }] });
    expect(monthWindow('2026-12', undefined, '2026-11').ok).toBe(true);
  });
});

describe('months', () => {
  it('steps across years both ways', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('Beijing months', () => {
  it('starts a month at 16:00 UTC the day before', () => {
    expect(beijingMonthStart('2026-03')).toBe('2026-02-28T16:00:00.000Z');
    expect(beijingMonthStart('2027-01')).toBe('2026-12-31T16:00:00.000Z');
  });
  it('buckets a stored hour by Beijing time and takes date-only values as they are', () => {
    expect(beijingMonthOf('2026-03-31T15')).toBe('2026-03');
    expect(beijingMonthOf('2026-03-31T16')).toBe('2026-04');
    expect(beijingMonthOf('2026-12-31T16')).toBe('2027-01');
    expect(beijingMonthOf('2026-03-31')).toBe('2026-03');
  });
});

describe('isOverdue', () => {
  it('needs a deadline before today and an open status', () => {
    expect(isOverdue('2026-11-29', 'in_progress', '2026-11-30')).toBe(true);
    expect(isOverdue('2026-11-30', 'in_progress', '2026-11-30')).toBe(false);
    expect(isOverdue('2026-11-29', 'landed', '2026-11-30')).toBe(false);
    expect(isOverdue('2026-11-29', 'rejected', '2026-11-30')).toBe(false);
    expect(isOverdue(null, 'proposed', '2026-11-30')).toBe(false);
  });
});

describe('snapshots', () => {
  it('counts items and kinds, and treats a corrupt snapshot as empty', () => {
    const snap = JSON.stringify({
      items: [
        { id: 1, kind: 'fixed' },
        { id: 2, kind: 'open' },
        { id: 3, kind: null },
      ],
    });
    expect(snapshotStage(snap, '2.0')).toEqual({ total: 3, fixed: 1, open: 1, version: '2.0' });
    expect(snapshotItemIds(snap)).toEqual([1, 2, 3]);
    expect(snapshotStage('not json', '1.0')).toEqual({ total: 0, fixed: 0, open: 0, version: '1.0' });
    expect(snapshotItemIds('{"items":3}')).toEqual([]);
  });
});

describe('funnelOf / sumFunnels', () => {
  const stage = { total: 2, fixed: 1, open: 1, version: '1.0' };
  it('derives totals, in-progress and the landing rate from status counts', () => {
    const f = funnelOf({
      questions: 5,
      keyProblems: stage,
      topics: 2,
      reports: 1,
      byStatus: { landed: 1, accepted: 1, in_progress: 1, rejected: 1 },
      overdue: 1,
    });
    expect(f).toMatchObject({ recommendations: 4, landed: 1, inProgress: 2, rejected: 1, landingRate: 0.25, listVersion: '1.0' });
    expect(funnelOf({ questions: 0, keyProblems: stage, topics: 0, reports: 0, byStatus: {}, overdue: 0 }).landingRate).toBeNull();
  });
  it('sums programs and recomputes the rate from the sums', () => {
    const a = funnelOf({ questions: 1, keyProblems: stage, topics: 1, reports: 1, byStatus: { landed: 1 }, overdue: 0 });
    const b = funnelOf({ questions: 2, keyProblems: stage, topics: 0, reports: 0, byStatus: { proposed: 3 }, overdue: 2 });
    expect(sumFunnels([a, b])).toMatchObject({ questions: 3, keyProblems: 4, recommendations: 4, landed: 1, overdue: 2, landingRate: 0.25, listVersion: null });
    expect(sumFunnels([]).landingRate).toBeNull();
  });
});
