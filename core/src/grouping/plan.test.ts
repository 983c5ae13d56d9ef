// Class sizes, group sizes and the plain-language feasibility report.
import { describe, expect, it } from 'vitest';
import { canSplit, classSizes, feasibilityReport, planGroupSizes, requiredGrassroots } from './plan.ts';
import type { GroupingInstance, Person } from './types.ts';

const people = (grassroots: number, other: number): Person[] =>
  Array.from({ length: grassroots + other }, (_, i) => ({
    id: `p${i}`,
    unit: `u${i}`,
    level: i < grassroots ? 'grassroots' : 'other',
    specialties: [],
    attributes: {},
  }));
const instance = (ps: Person[], capacities: number[], share = 0.5, extra: Partial<GroupingInstance> = {}): GroupingInstance => ({
  people: ps,
  classes: capacities.map((capacity, k) => ({ id: `C${k + 1}`, capacity, themeTags: [], minGrassrootsShare: share })),
  groupSize: { min: 6, max: 10 },
  seed: 1,
  locked: [],
  ...extra,
});

describe('classSizes', () => {
  it('fills classes evenly within capacity', () => {
    expect(classSizes(instance(people(10, 10), [50, 50, 50]))).toEqual([7, 7, 6]);
    expect(classSizes(instance(people(10, 10), [3, 50, 50]))).toEqual([3, 9, 8]);
  });

  it('never plans a class smaller than its locked members', () => {
    const ps = people(4, 0);
    expect(classSizes(instance(ps, [4, 4], 0, { locked: ps.slice(0, 3).map((p) => ({ person: p.id, class: 'C1' })) }))).toEqual([3, 1]);
  });
});

describe('requiredGrassroots and group sizes', () => {
  it('rounds the grassroots minimum up, and 50 % of 50 is exactly 25', () => {
    expect(requiredGrassroots(50, 0.5)).toBe(25);
    expect(requiredGrassroots(51, 0.5)).toBe(26);
    expect(requiredGrassroots(10, 0.3)).toBe(3);
  });

  it('knows which class sizes split into groups of 6–10', () => {
    expect(canSplit(11, { min: 6, max: 10 })).toBe(false);
    expect(canSplit(12, { min: 6, max: 10 })).toBe(true);
    expect(canSplit(5, { min: 6, max: 10 })).toBe(false);
    expect(canSplit(0, { min: 6, max: 10 })).toBe(true);
  });

  it('plans the fewest even groups, more when a big unit needs them, larger first', () => {
    expect(planGroupSizes(50, { min: 6, max: 10 })).toEqual([10, 10, 10, 10, 10]);
    expect(planGroupSizes(50, { min: 6, max: 10 }, 7)).toEqual([8, 7, 7, 7, 7, 7, 7]);
    expect(planGroupSizes(50, { min: 6, max: 10 }, 12)).toEqual([7, 7, 6, 6, 6, 6, 6, 6]);
    expect(planGroupSizes(11, { min: 6, max: 10 })).toBeNull();
  });

  it('gives a locked group a slot at least as big as its members, or says no split exists', () => {
    expect(planGroupSizes(20, { min: 6, max: 10 }, 1, [9])).toEqual([10, 10]);
    expect(planGroupSizes(12, { min: 6, max: 10 }, 1, [7])).toBeNull();
    expect(planGroupSizes(12, { min: 6, max: 10 }, 1, [6, 6])).toEqual([6, 6]);
  });
});

describe('feasibilityReport', () => {
  it('is empty when every rule can be met', () => {
    expect(feasibilityReport(instance(people(100, 100), [50, 50, 50, 50]))).toEqual([]);
  });

  it('says plainly how many grassroots cadres are missing', () => {
    const issues = feasibilityReport(instance(people(87, 113), [50, 50, 50, 50]));
    expect(issues.map((i) => i.message)).toEqual(['需要 100 名基层干部（4 个班 × 50 人 × 50%），实际提名 87 人']);
    expect(issues[0]).toMatchObject({ code: 'GRASSROOTS_SHORT', needed: 100, available: 87 });
  });

  it('lists per-class needs when classes differ', () => {
    const issues = feasibilityReport(instance(people(5, 15), [12, 8], 0.5));
    expect(issues[0]!.message).toBe('需要 10 名基层干部（C1 班 12 人 × 50%，C2 班 8 人 × 50%），实际提名 5 人');
  });

  it('reports a class size that cannot be split into groups', () => {
    const issues = feasibilityReport(instance(people(11, 11), [11, 11], 0));
    expect(issues.map((i) => i.message)).toEqual(['C1 班 11 人无法分成每组 6–10 人的小组', 'C2 班 11 人无法分成每组 6–10 人的小组']);
  });

  it('reports locks over capacity and locked non-grassroots people crowding out the minimum', () => {
    const ps = people(4, 8);
    const locked = ps.slice(4, 11).map((p) => ({ person: p.id, class: 'C1' }));
    const codes = feasibilityReport({ ...instance(ps, [6, 6], 0.5), groupSize: { min: 1, max: 10 }, locked }).map((i) => i.code);
    expect(codes).toEqual(['LOCKED_OVER_CAPACITY', 'GRASSROOTS_SHORT', 'GRASSROOTS_LOCKED_OUT']);
  });

  it('reports locked groups that leave no valid split', () => {
    const ps = people(12, 0);
    const locked = ps.slice(0, 7).map((p) => ({ person: p.id, class: 'C1', group: 'g1' }));
    expect(feasibilityReport(instance(ps, [12], 0, { locked })).map((i) => i.message)).toEqual([
      'C1 班 12 人按已锁定的 1 个小组（7 人）无法分成每组 6–10 人的小组',
    ]);
  });
});
