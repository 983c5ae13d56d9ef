// Properties on random instances: stability, feasibility, optimality against brute force, determinism.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateInstance } from './generate.ts';
import { solveRankOptimal, solveStable, unplacedPenalty, compileInstance, type PlacementInstance } from './index.ts';
import { bruteBlockingPairs, bruteOptimum, isFeasible, withoutTime } from './test-support.ts';

/** Random instances with up to `maxCadres` × `maxHosts`, arbitrary (possibly empty) lists, capacities 0–3, bans. */
const instances = (maxCadres: number, maxHosts: number): fc.Arbitrary<PlacementInstance> =>
  fc.record({ n: fc.integer({ min: 1, max: maxCadres }), m: fc.integer({ min: 1, max: maxHosts }) }).chain(({ n, m }) => {
    const cadreIds = Array.from({ length: n }, (_, i) => `c${i}`);
    const hostIds = Array.from({ length: m }, (_, i) => `h${i}`);
    const pairs = cadreIds.flatMap((c) => hostIds.map((h) => [c, h] as [string, string]));
    return fc.record({
      cadres: fc.tuple(...cadreIds.map((id) => fc.shuffledSubarray(hostIds).map((prefs) => ({ id, prefs })))),
      hosts: fc.tuple(
        ...hostIds.map((id) =>
          fc.record({ id: fc.constant(id), capacity: fc.integer({ min: 0, max: 3 }), prefs: fc.shuffledSubarray(cadreIds, { minLength: Math.min(n, 1) }) }),
        ),
      ),
      bans: fc.subarray(pairs, { maxLength: Math.max(1, Math.floor(pairs.length / 10)) }),
      seed: fc.integer({ min: 0, max: 1000 }),
    });
  });

const cost = (inst: PlacementInstance, r: { stats: { totalRank: number; unplaced: number } }) =>
  r.stats.totalRank + unplacedPenalty(compileInstance(inst)) * r.stats.unplaced;

describe('placement properties', () => {
  it('stable: no blocking pair (checked by definition), every ban and capacity respected', () => {
    fc.assert(
      fc.property(instances(8, 5), (inst) => {
        const result = solveStable(inst);
        expect(isFeasible(inst, result.assignments)).toBe(true);
        expect(bruteBlockingPairs(inst, result.assignments)).toBe(0);
        expect(result.stats.blockingPairs).toBe(0);
        expect(result.stats.placed + result.stats.unplaced).toBe(inst.cadres.length);
      }),
      { numRuns: 300 },
    );
  });

  it('optimal: feasible, never costlier than stable, places at least as many, and equals the brute-force optimum', () => {
    fc.assert(
      fc.property(instances(6, 4), (inst) => {
        const stable = solveStable(inst);
        const optimal = solveRankOptimal(inst);
        expect(isFeasible(inst, optimal.assignments)).toBe(true);
        expect(optimal.stats.placed).toBeGreaterThanOrEqual(stable.stats.placed);
        expect(cost(inst, optimal)).toBeLessThanOrEqual(cost(inst, stable));
        expect({ placed: optimal.stats.placed, totalRank: optimal.stats.totalRank }).toEqual(bruteOptimum(inst));
        expect(optimal.stats.blockingPairs).toBe(bruteBlockingPairs(inst, optimal.assignments));
      }),
      { numRuns: 300 },
    );
  });

  it('gives identical results for the same instance and seed', () => {
    fc.assert(
      fc.property(instances(8, 5), (inst) => {
        const copy = structuredClone(inst);
        expect(withoutTime(solveStable(copy))).toEqual(withoutTime(solveStable(inst)));
        expect(withoutTime(solveRankOptimal(copy))).toEqual(withoutTime(solveRankOptimal(inst)));
      }),
      { numRuns: 100 },
    );
  });

  it('holds on generated realistic instances (correlated popularity, lists of 10–20, bans)', () => {
    for (const seed of [1, 2, 3]) {
      const inst = generateInstance({ cadres: 300, hosts: 40, seed, seatRatio: 0.9 });
      const stable = solveStable(inst);
      const optimal = solveRankOptimal(inst);
      expect(bruteBlockingPairs(inst, stable.assignments)).toBe(0);
      expect(isFeasible(inst, optimal.assignments)).toBe(true);
      expect(optimal.stats.placed).toBeGreaterThanOrEqual(stable.stats.placed);
      expect(cost(inst, optimal)).toBeLessThanOrEqual(cost(inst, stable));
      expect(generateInstance({ cadres: 300, hosts: 40, seed, seatRatio: 0.9 })).toEqual(inst);
    }
  });
});
