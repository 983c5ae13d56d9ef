// The min-cost-flow class assignment is exact: it matches brute force on every small random instance.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignClasses, fit } from './assign-classes.ts';
import { exactClassFit } from './exact.ts';
import type { GroupingInstance } from './types.ts';

const TAGS = ['a', 'b', 'c', 'd'];
const smallInstance = fc
  .record({
    people: fc.array(fc.record({ grassroots: fc.boolean(), specialties: fc.subarray(TAGS), lock: fc.option(fc.nat(2), { freq: 4 }) }), {
      minLength: 1,
      maxLength: 8,
    }),
    classes: fc.array(fc.record({ themeTags: fc.subarray(TAGS), share: fc.constantFrom(0, 0.3, 0.5, 0.7), spare: fc.nat(2) }), { minLength: 1, maxLength: 3 }),
  })
  .map(({ people, classes }): GroupingInstance => {
    const base = Math.ceil(people.length / classes.length);
    return {
      people: people.map((p, i) => ({ id: `p${i}`, unit: 'u', level: p.grassroots ? 'grassroots' : 'other', specialties: p.specialties, attributes: {} })),
      classes: classes.map((c, k) => ({ id: `C${k}`, capacity: base + c.spare, themeTags: c.themeTags, minGrassrootsShare: c.share })),
      groupSize: { min: 1, max: 10 },
      seed: 1,
      locked: people.flatMap((p, i) => (p.lock === null || p.lock >= classes.length ? [] : [{ person: `p${i}`, class: `C${p.lock}` }])),
    };
  });

describe('assignClasses', () => {
  it('reaches the brute-force optimum whenever the grassroots minimums can be met', () => {
    fc.assert(
      fc.property(smallInstance, (instance) => {
        const exact = exactClassFit(instance);
        const result = assignClasses(instance);
        if (exact === null) return;
        expect(result.grassrootsShortfall).toBe(0);
        expect(result.totalFit).toBe(exact);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps locked people in their class and fills every planned size', () => {
    fc.assert(
      fc.property(smallInstance, (instance) => {
        const result = assignClasses(instance);
        result.members.forEach((list, k) => expect(list.length).toBe(result.sizes[k]));
        for (const lock of instance.locked) {
          const k = instance.classes.findIndex((c) => c.id === lock.class);
          expect(result.members[k]!.map((i) => instance.people[i]!.id)).toContain(lock.person);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('trades fit for the grassroots minimum', () => {
    const instance: GroupingInstance = {
      people: [
        { id: 'g1', unit: 'u', level: 'grassroots', specialties: ['a'], attributes: {} },
        { id: 'g2', unit: 'u', level: 'grassroots', specialties: ['a'], attributes: {} },
        { id: 'o1', unit: 'u', level: 'other', specialties: ['b'], attributes: {} },
        { id: 'o2', unit: 'u', level: 'other', specialties: ['b'], attributes: {} },
      ],
      classes: [
        { id: 'A', capacity: 2, themeTags: ['a'], minGrassrootsShare: 0.5 },
        { id: 'B', capacity: 2, themeTags: ['b'], minGrassrootsShare: 0.5 },
      ],
      groupSize: { min: 1, max: 2 },
      seed: 1,
      locked: [],
    };
    const result = assignClasses(instance);
    expect(result.totalFit).toBe(2);
    expect(result.members.map((list) => list.map((i) => instance.people[i]!.level).sort())).toEqual([
      ['grassroots', 'other'],
      ['grassroots', 'other'],
    ]);
    expect(fit(instance.people[0]!, instance.classes[0]!)).toBe(1);
  });
});
