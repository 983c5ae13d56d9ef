// Properties of solveGrouping on random instances: everyone placed once, locks kept, every hard rule met when the
// feasibility report is empty, never fewer same-unit pairs than the bound, and the same result for the same seed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveGrouping } from './solve.ts';
import type { GroupingInstance } from './types.ts';

const TAGS = ['a', 'b', 'c', 'd', 'e'];
const instances = fc
  .record({
    people: fc.array(
      fc.record({
        unit: fc.nat(7),
        grassroots: fc.boolean(),
        specialties: fc.subarray(TAGS),
        gender: fc.constantFrom('男', '女'),
        rank: fc.constantFrom('科员', '副科', '正科'),
        age: fc.integer({ min: 25, max: 40 }),
        lock: fc.option(fc.record({ cls: fc.nat(3), group: fc.option(fc.constantFrom('L1', 'L2'), { freq: 2 }) }), { freq: 6 }),
      }),
      { minLength: 1, maxLength: 40 },
    ),
    classes: fc.array(fc.record({ themeTags: fc.subarray(TAGS), share: fc.constantFrom(0, 0.25, 0.5), spare: fc.nat(3) }), { minLength: 1, maxLength: 4 }),
    min: fc.integer({ min: 1, max: 4 }),
    spread: fc.nat(4),
    seed: fc.integer({ min: 0, max: 1000 }),
  })
  .map(({ people, classes, min, spread, seed }): GroupingInstance => {
    const base = Math.ceil(people.length / classes.length);
    return {
      people: people.map((p, i) => ({
        id: `p${i}`,
        unit: `u${p.unit}`,
        level: p.grassroots ? 'grassroots' : 'other',
        specialties: p.specialties,
        attributes: { gender: p.gender, rank: p.rank, age: p.age },
      })),
      classes: classes.map((c, k) => ({ id: `C${k}`, capacity: base + c.spare, themeTags: c.themeTags, minGrassrootsShare: c.share })),
      groupSize: { min, max: min + spread },
      seed,
      locked: people.flatMap((p, i) =>
        p.lock === null || p.lock.cls >= classes.length ? [] : [{ person: `p${i}`, class: `C${p.lock.cls}`, ...(p.lock.group ? { group: p.lock.group } : {}) }],
      ),
    };
  });

const NEVER = ['UNKNOWN_CLASS', 'UNKNOWN_PERSON', 'DUPLICATE_PERSON', 'UNASSIGNED_PERSON', 'GROUP_MEMBER_NOT_IN_CLASS', 'NOT_IN_GROUP', 'LOCK_BROKEN'];

describe('solveGrouping on random instances', () => {
  it('places everyone exactly once and keeps every lock', () => {
    fc.assert(
      fc.property(instances, (instance) => {
        const result = solveGrouping(instance);
        expect(result.violations.filter((v) => NEVER.includes(v.code))).toEqual([]);
        expect(result.classes.flatMap((c) => c.members).sort()).toEqual(instance.people.map((p) => p.id).sort());
      }),
      { numRuns: 300 },
    );
  });

  it('meets capacities, grassroots shares and group sizes whenever the report finds no obstacle', () => {
    let feasible = 0;
    fc.assert(
      fc.property(instances, (instance) => {
        const result = solveGrouping(instance);
        if (result.feasibility.length > 0) return;
        feasible++;
        expect(result.violations.filter((v) => v.severity === 'error')).toEqual([]);
        const sizes = result.classes.map((c) => c.members.length);
        // Balanced: without locks, classes below capacity differ by at most one person.
        const open = sizes.filter((s, k) => s < instance.classes[k]!.capacity);
        if (open.length > 0 && instance.locked.length === 0) expect(Math.max(...sizes) - Math.min(...open)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
    expect(feasible).toBeGreaterThan(30); // guard against a vacuous pass
  });

  it('never reports fewer same-unit pairs than the bound, and no capacity excess without an over-full lock', () => {
    fc.assert(
      fc.property(instances, (instance) => {
        const result = solveGrouping(instance);
        expect(result.stats.sameUnitPairs).toBeGreaterThanOrEqual(result.stats.sameUnitPairsLowerBound);
        if (!result.feasibility.some((i) => i.code === 'LOCKED_OVER_CAPACITY')) expect(result.violations.filter((v) => v.code === 'OVER_CAPACITY')).toEqual([]);
        if (instance.locked.every((l) => l.group === undefined) && !result.feasibility.some((i) => i.code === 'GROUP_SIZE_IMPOSSIBLE')) {
          expect(result.stats.sameUnitPairs).toBe(result.stats.sameUnitPairsLowerBound);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same result for the same seed', () => {
    fc.assert(
      fc.property(instances, (instance) => {
        const { stats: a, ...first } = solveGrouping(instance);
        const { stats: b, ...second } = solveGrouping(instance);
        expect(second).toEqual(first);
        expect({ ...b, ms: 0 }).toEqual({ ...a, ms: 0 });
      }),
      { numRuns: 100 },
    );
  });
});
