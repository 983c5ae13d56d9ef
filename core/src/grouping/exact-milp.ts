// Exact MILP models (CPLEX LP text) of the two grouping objectives, for an external MILP solver such as HiGHS.
// Used by the benchmark (bench/grouping-bench.ts) to measure how far the heuristics are from the optimum at S2 size,
// where the brute force in exact.ts is hopeless. Pure text building; no solver is imported here.
import { fit } from './assign-classes.ts';
import type { ClassSpec, Person } from './types.ts';

/** Writes a CPLEX LP file: objective, constraints, bounds, binaries; long sums wrapped over several lines. */
class LpWriter {
  private rows: string[] = [];
  private binaries: string[] = [];
  private bounds: string[] = [];
  private count = 0;

  binary(name: string): string {
    this.binaries.push(name);
    return name;
  }

  /** A continuous variable in [lo, hi] (hi = Infinity for none). */
  continuous(name: string, lo = 0, hi = Infinity): string {
    this.bounds.push(Number.isFinite(hi) ? ` ${num(lo)} <= ${name} <= ${num(hi)}` : ` ${name} >= ${num(lo)}`);
    return name;
  }

  row(terms: [number, string][], sense: '<=' | '>=' | '=', rhs: number): void {
    this.rows.push(` r${this.count++}: ${sum(terms)} ${sense} ${num(rhs)}`);
  }

  text(sense: 'Minimize' | 'Maximize', objective: [number, string][]): string {
    return [sense, ` obj: ${sum(objective)}`, 'Subject To', ...this.rows, 'Bounds', ...this.bounds, 'Binary', wrap(this.binaries), 'End', ''].join('\n');
  }
}

const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toPrecision(15));
const sum = (terms: [number, string][]) =>
  terms.length === 0 ? '0 zero' : wrap(terms.map(([c, v], i) => `${c < 0 ? '-' : i === 0 ? '' : '+'} ${num(Math.abs(c))} ${v}`.trim()));
const wrap = (words: string[]) => {
  const lines: string[] = [];
  for (let i = 0; i < words.length; i += 12) lines.push(words.slice(i, i + 12).join(' '));
  return lines.join('\n  ');
};

export interface ClassAssignmentModel {
  lp: string;
  /** Column name of "person i is in class k". */
  variable: (i: number, k: number) => string;
}

/**
 * (a) Class assignment, stated independently of the flow model in assign-classes.ts: maximise Σ fit over
 * x[i,k] ∈ {0,1} with every person in one class, sizes balanced (each between ⌊n/K⌋ and ⌈n/K⌉, and at most the
 * capacity) and grassroots members ≥ share × size (integral, hence ≥ ⌈share × size⌉). Locks fix x.
 */
export function classAssignmentModel(
  people: readonly Person[],
  classes: readonly ClassSpec[],
  locked: ReadonlyMap<string, string> = new Map(),
): ClassAssignmentModel {
  const lp = new LpWriter();
  const n = people.length;
  const K = classes.length;
  const variable = (i: number, k: number) => `x_${i}_${k}`;
  const objective: [number, string][] = [];
  people.forEach((p, i) => {
    const only = locked.get(p.id);
    const row: [number, string][] = [];
    classes.forEach((c, k) => {
      if (only !== undefined && only !== c.id) return;
      row.push([1, lp.binary(variable(i, k))]);
      const f = fit(p, c);
      if (f !== 0) objective.push([f, variable(i, k)]);
    });
    lp.row(row, '=', 1);
  });
  classes.forEach((c, k) => {
    const members = people.flatMap((p, i) => (locked.get(p.id) === undefined || locked.get(p.id) === c.id ? [i] : []));
    const size: [number, string][] = members.map((i) => [1, variable(i, k)]);
    lp.row(size, '>=', Math.floor(n / K));
    lp.row(size, '<=', Math.min(c.capacity, Math.ceil(n / K)));
    // grassroots − share × size ≥ 0
    const floor: [number, string][] = members.map((i) => [(people[i]!.level === 'grassroots' ? 1 : 0) - c.minGrassrootsShare, variable(i, k)]);
    lp.row(
      floor.filter(([coefficient]) => coefficient !== 0),
      '>=',
      0,
    );
  });
  return { lp: lp.text('Maximize', objective), variable };
}

export interface GroupFormationModel {
  lp: string;
  /** Column name of "member i is in group slot g". */
  variable: (i: number, g: number) => string;
}

/**
 * (b) Groups of one class with the given slot sizes, exactly as form-groups.ts scores them:
 *   same-unit pairs  Σ_g Σ_unit C(n_ug, 2)
 *   balance cost     Σ_g Σ_{gender, rank value v} (count_gv − size_g × share_v)² + Σ_g (Σ_{i∈g} (age_i − mean))² / variance
 * Each convex term of an integer quantity is modelled by its secants between consecutive integers, which is exact at
 * every integer point (no approximation): counts are integers, and with integer ages so is each group's age sum.
 * `objective` 'pairs' minimises same-unit pairs; 'balance' minimises the balance cost subject to pairs ≤ maxPairs
 * (the lexicographic second stage). Throws when an age is missing or not an integer.
 */
export function groupFormationModel(
  members: readonly Person[],
  sizes: readonly number[],
  objective: 'pairs' | 'balance',
  maxPairs = Infinity,
): GroupFormationModel {
  const lp = new LpWriter();
  const n = members.length;
  const variable = (i: number, g: number) => `x_${i}_${g}`;
  for (let i = 0; i < n; i++) {
    lp.row(
      sizes.map((_, g) => [1, lp.binary(variable(i, g))]),
      '=',
      1,
    );
  }
  sizes.forEach((size, g) =>
    lp.row(
      members.map((_, i) => [1, variable(i, g)]),
      '=',
      size,
    ),
  );

  // Convex f over integers lo..hi of the linear count Σ x: y ≥ f(t) + (f(t+1) − f(t)) (count − t) for t = lo..hi−1.
  const secants = (y: string, count: [number, string][], f: (t: number) => number, lo: number, hi: number) => {
    for (let t = lo; t < hi; t++) {
      const slope = f(t + 1) - f(t);
      lp.row([[1, y], ...count.map(([c, v]): [number, string] => [-slope * c, v])], '>=', f(t) - slope * t);
    }
  };

  const pairTerms: [number, string][] = [];
  const byUnit = groupBy(members, (p) => p.unit);
  [...byUnit.values()].forEach((list, u) => {
    if (list.length < 2) return;
    sizes.forEach((size, g) => {
      const y = lp.continuous(`p_${u}_${g}`);
      pairTerms.push([1, y]);
      secants(
        y,
        list.map((i) => [1, variable(i, g)]),
        (t) => (t * (t - 1)) / 2,
        1,
        Math.min(list.length, size),
      );
    });
  });
  if (Number.isFinite(maxPairs)) lp.row(pairTerms, '<=', maxPairs);

  const balanceTerms: [number, string][] = [];
  for (const [name, key] of [
    ['gender', (p: Person) => p.attributes.gender ?? ''],
    ['rank', (p: Person) => p.attributes.rank ?? ''],
  ] as const) {
    [...groupBy(members, key).values()].forEach((list, v) => {
      const share = list.length / n;
      sizes.forEach((size, g) => {
        const y = lp.continuous(`${name}_${v}_${g}`);
        balanceTerms.push([1, y]);
        const expected = size * share;
        secants(
          y,
          list.map((i) => [1, variable(i, g)]),
          (t) => (t - expected) ** 2,
          0,
          Math.min(size, list.length),
        );
      });
    });
  }
  const ages = members.map((p, i) => {
    const age = p.attributes.age;
    if (age === undefined || !Number.isInteger(age)) throw new RangeError(`member ${i} (${p.id}): the exact model needs an integer age`);
    return age;
  });
  const mean = ages.reduce((a, b) => a + b, 0) / n;
  const variance = ages.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
  if (variance > 0) {
    const sorted = [...ages].sort((a, b) => a - b);
    sizes.forEach((size, g) => {
      const y = lp.continuous(`age_${g}`);
      balanceTerms.push([1, y]);
      const lo = sorted.slice(0, size).reduce((a, b) => a + b, 0);
      const hi = sorted.slice(n - size).reduce((a, b) => a + b, 0);
      secants(
        y,
        ages.map((age, i) => [age, variable(i, g)]),
        (t) => (t - size * mean) ** 2 / variance,
        lo,
        hi,
      );
    });
  }
  return { lp: lp.text('Minimize', objective === 'pairs' ? pairTerms : balanceTerms), variable };
}

function groupBy(members: readonly Person[], key: (p: Person) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  members.forEach((p, i) => {
    const k = key(p);
    const list = groups.get(k);
    if (list) list.push(i);
    else groups.set(k, [i]);
  });
  return groups;
}
