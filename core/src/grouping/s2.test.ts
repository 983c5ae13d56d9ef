// S2 acceptance on generated cohorts: 200 young cadres → 4 themed classes (≥ 50 % grassroots) → groups of 6–10 with no
// avoidable same-unit pair. Timing is printed, not asserted (the target is ≤ 1 s).
import { describe, expect, it } from 'vitest';
import { solveGrouping } from './solve.ts';
import { s2Instance } from './test-support.ts';

describe('S2: 200 cadres, 4 classes, groups of 6–10', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`forms valid classes and groups (seed ${seed})`, () => {
      const instance = s2Instance(seed);
      solveGrouping(s2Instance(seed + 100)); // warm-up, so the timing measures the algorithm rather than the JIT
      const started = performance.now();
      const result = solveGrouping(instance);
      const ms = performance.now() - started;
      expect(result.feasibility).toEqual([]);
      expect(result.violations.filter((v) => v.severity === 'error')).toEqual([]);
      expect(result.classes.map((c) => c.members.length)).toEqual([50, 50, 50, 50]);
      for (const c of result.classes) {
        const grassroots = c.members.filter((id) => instance.people.find((p) => p.id === id)!.level === 'grassroots').length;
        expect(grassroots / c.members.length).toBeGreaterThanOrEqual(0.5);
        for (const g of c.groups) {
          expect(g.members.length).toBeGreaterThanOrEqual(6);
          expect(g.members.length).toBeLessThanOrEqual(10);
        }
      }
      // Every same-unit pair left is forced: a unit with more members than the class can have groups.
      expect(result.stats.sameUnitPairs).toBe(result.stats.sameUnitPairsLowerBound);
      expect(result.stats.totalFit).toBe(result.stats.fitUpperBound);
      const s = result.stats;
      // The balance bound ignores how gender and rank counts interact inside a group, so the true gap is smaller.
      expect(s.balanceCost).toBeLessThanOrEqual(s.balanceLowerBound * 1.2);
      console.log(
        `S2 seed ${seed}: ${ms.toFixed(1)} ms, fit ${s.totalFit}/${s.fitUpperBound}, same-unit pairs ${s.sameUnitPairs} (bound ${s.sameUnitPairsLowerBound}), ` +
          `balance ${s.balanceCost} (bound ${s.balanceLowerBound}, ≤ ${((s.balanceCost / s.balanceLowerBound - 1) * 100).toFixed(1)} % above), groups ${s.classes.map((c) => c.groups).join('/')}`,
      );
    });
  }

  it('reports a grassroots shortage plainly before solving, and still proposes the closest classes', () => {
    const instance = s2Instance(11);
    const grassroots = instance.people.filter((p) => p.level === 'grassroots');
    for (const p of grassroots.slice(87)) p.level = 'other';
    const result = solveGrouping(instance);
    expect(result.feasibility.map((i) => i.message)).toEqual(['需要 100 名基层干部（4 个班 × 50 人 × 50%），实际提名 87 人']);
    const short = result.violations.filter((v) => v.code === 'GRASSROOTS_SHARE');
    expect(short.length).toBeGreaterThan(0);
    // The 13 missing seats are the whole shortfall: every grassroots cadre is used towards a minimum.
    expect(result.stats.classes.reduce((sum, c) => sum + Math.max(0, c.requiredGrassroots - c.grassroots), 0)).toBe(13);
  });

  it('re-solves around people locked by hand', () => {
    const instance = s2Instance(2);
    const first = solveGrouping(instance);
    const [a, b] = first.classes;
    const moved = a!.groups[0]!.members[0]!;
    const locked = [
      { person: moved, class: b!.id, group: b!.groups[1]!.id },
      { person: b!.groups[1]!.members[0]!, class: b!.id, group: b!.groups[1]!.id },
    ];
    const again = solveGrouping({ ...instance, locked });
    const target = again.classes.find((c) => c.id === b!.id)!.groups.find((g) => g.id === b!.groups[1]!.id)!;
    expect(target.members).toEqual(expect.arrayContaining(locked.map((l) => l.person)));
    expect(again.violations.filter((v) => v.severity === 'error')).toEqual([]);
  });
});
