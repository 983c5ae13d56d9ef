// Exact references for small instances (brute force), used by the tests and the benchmark to measure the heuristics.
import { fit } from './assign-classes.ts';
import { GroupState } from './form-groups.ts';
import { classSizes, requiredGrassroots } from './plan.ts';
import type { GroupingInstance, Person } from './types.ts';

/**
 * Best total fit over every assignment with the planned class sizes, grassroots minimums and locks, or null when none
 * exists. K^n work: keep n ≤ 10 or so.
 */
export function exactClassFit(instance: GroupingInstance): number | null {
  const { people, classes } = instance;
  const sizes = classSizes(instance);
  const needs = classes.map((c, k) => requiredGrassroots(sizes[k]!, c.minGrassrootsShare));
  const lockedClass = new Map(instance.locked.map((l) => [l.person, classes.findIndex((c) => c.id === l.class)]));
  const count = classes.map(() => 0);
  const grassroots = classes.map(() => 0);
  let best: number | null = null;
  const visit = (i: number, total: number) => {
    if (i === people.length) {
      if (classes.every((_, k) => count[k] === sizes[k] && grassroots[k]! >= needs[k]!)) best = Math.max(best ?? -1, total);
      return;
    }
    const p = people[i]!;
    for (let k = 0; k < classes.length; k++) {
      const only = lockedClass.get(p.id);
      if ((only !== undefined && only !== k) || count[k]! >= sizes[k]!) continue;
      count[k]!++;
      if (p.level === 'grassroots') grassroots[k]!++;
      visit(i + 1, total + fit(p, classes[k]!));
      count[k]!--;
      if (p.level === 'grassroots') grassroots[k]!--;
    }
  };
  visit(0, 0);
  return best;
}

/**
 * Lexicographically best (same-unit pairs, then balance cost) split of `members` into groups of exactly `sizes`, by
 * enumeration with the first free person always opening the lowest empty group among equal sizes. Keep n ≤ 14.
 */
export function exactGroups(members: readonly Person[], sizes: number[]): { sameUnitPairs: number; balanceCost: number } {
  const state = new GroupState(members);
  state.reset(sizes);
  const room = sizes.slice();
  let best = { sameUnitPairs: Infinity, balanceCost: Infinity };
  const visit = (i: number) => {
    if (i === members.length) {
      const pairs = state.sameUnitPairs();
      const balance = state.balanceCost();
      if (pairs < best.sameUnitPairs || (pairs === best.sameUnitPairs && balance < best.balanceCost - 1e-9))
        best = { sameUnitPairs: pairs, balanceCost: balance };
      return;
    }
    for (let s = 0; s < sizes.length; s++) {
      if (room[s]! === 0) continue;
      // Symmetry: an empty group is interchangeable with an earlier empty group of the same size.
      if (room[s] === sizes[s] && sizes.slice(0, s).some((size, t) => size === sizes[s] && room[t] === size)) continue;
      state.place(i, s);
      room[s]!--;
      visit(i + 1);
      room[s]!++;
      state.remove(i);
    }
  };
  visit(0);
  return best;
}
