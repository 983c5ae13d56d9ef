// The MILP models solved with HiGHS must reproduce the brute-force optima of exact.ts on small random instances:
// that is what lets the benchmark call their optimum "exact" at S2 size.
import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exactClassFit, exactGroups } from './exact.ts';
import { classAssignmentModel, groupFormationModel } from './exact-milp.ts';
import { GroupState } from './form-groups.ts';
import { mulberry32 } from './prng.ts';
import type { GroupingInstance, Person } from './types.ts';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

function solve(lp: string): { objective: number; values: Map<string, number> } {
  const model = highs.createModel({ format: 'lp', data: lp });
  try {
    model.options.set({ output_flag: false, time_limit: 30, mip_rel_gap: 0 });
    model.run();
    expect(model.getModelStatus()).toBe(highs.constants.modelStatus.optimal);
    const colValue = model.getSolution().colValue;
    const values = new Map<string, number>();
    colValue.forEach((v, j) => values.set(model.getColName(j), v));
    return { objective: model.getObjectiveValue(), values };
  } finally {
    model.dispose();
  }
}

function randomPeople(seed: number, n: number): Person[] {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    unit: `u${Math.floor(random() * 4)}`,
    level: random() < 0.5 ? 'grassroots' : 'other',
    specialties: [pick(['a', 'b', 'c', 'd']), pick(['a', 'b', 'c', 'd'])],
    attributes: { gender: pick(['男', '女']), rank: pick(['科员', '副科', '正科']), age: 26 + Math.floor(random() * 14) },
  }));
}

describe('classAssignmentModel', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`has the brute-force best fit (seed ${seed})`, () => {
      const people = randomPeople(seed, 9);
      const instance: GroupingInstance = {
        people,
        classes: [
          { id: 'A', capacity: 3, themeTags: ['a', 'b'], minGrassrootsShare: 0.5 },
          { id: 'B', capacity: 4, themeTags: ['c'], minGrassrootsShare: 0.3 },
          { id: 'C', capacity: 3, themeTags: ['d', 'a'], minGrassrootsShare: 0 },
        ],
        groupSize: { min: 1, max: 3 },
        seed,
        locked: [],
      };
      const brute = exactClassFit(instance);
      const model = classAssignmentModel(people, instance.classes);
      if (brute === null) {
        const m = highs.createModel({ format: 'lp', data: model.lp });
        m.options.set({ output_flag: false });
        m.run();
        expect(m.getModelStatus()).toBe(highs.constants.modelStatus.infeasible);
        m.dispose();
        return;
      }
      const { objective, values } = solve(model.lp);
      expect(objective).toBeCloseTo(brute, 9);
      // Every person in exactly one class, as decoded by the bench.
      for (let i = 0; i < people.length; i++) expect([0, 1, 2].reduce((s, k) => s + (values.get(model.variable(i, k)) ?? 0), 0)).toBeCloseTo(1, 6);
    });
  }
});

describe('groupFormationModel', () => {
  for (const [seed, sizes] of [
    [11, [4, 4, 3]],
    [12, [4, 4, 4]],
    [13, [5, 5]],
    [14, [3, 3, 3, 2]],
    [15, [4, 3, 3]],
  ] as const) {
    it(`has the brute-force lexicographic optimum and scores it like GroupState (seed ${seed}, sizes ${sizes.join('/')})`, () => {
      const members = randomPeople(
        seed,
        sizes.reduce((a, b) => a + b, 0),
      );
      const brute = exactGroups(members, [...sizes]);
      const pairs = solve(groupFormationModel(members, sizes, 'pairs').lp);
      expect(pairs.objective).toBeCloseTo(brute.sameUnitPairs, 6);
      const model = groupFormationModel(members, sizes, 'balance', Math.round(pairs.objective));
      const balance = solve(model.lp);
      expect(balance.objective).toBeCloseTo(brute.balanceCost, 6);
      // The model's objective is the solver's own cost function evaluated at the model's solution.
      const state = new GroupState(members);
      state.reset([...sizes]);
      members.forEach((_, i) =>
        state.place(
          i,
          sizes.findIndex((_, g) => (balance.values.get(model.variable(i, g)) ?? 0) > 0.5),
        ),
      );
      expect(state.sameUnitPairs()).toBe(brute.sameUnitPairs);
      expect(state.balanceCost()).toBeCloseTo(balance.objective, 6);
    });
  }

  it('rejects members without an integer age instead of approximating', () => {
    const members = randomPeople(3, 6);
    members[2]!.attributes.age = 30.5;
    expect(() => groupFormationModel(members, [3, 3], 'balance')).toThrow(/integer age/);
  });
});
