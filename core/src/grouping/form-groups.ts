// Study groups inside one class: fewest same-unit pairs first, then balanced gender, rank and age (seeded local search).
import { groupSizes, planGroupSizes } from './plan.ts';
import { mulberry32, shuffled } from './prng.ts';
import type { GroupSize, Person } from './types.ts';

export interface GroupsInput {
  classId: string;
  members: readonly Person[];
  groupSize: GroupSize;
  seed: number;
  /** Person id → group label for members locked into a group. */
  lockedGroup?: ReadonlyMap<string, string>;
  /** Independent deal + local-search runs; the best is kept (default: 32 for small classes, fewer for big ones). */
  restarts?: number;
}

/** Restarts for a class of n: 32 for small classes, fewer as a pass of swaps grows with n² (1 from about 320 people). */
const defaultRestarts = (n: number) => Math.max(1, Math.min(32, Math.floor(100_000 / Math.max(1, n * n))));

export interface FormedGroups {
  groups: { id: string; members: string[] }[];
  sameUnitPairs: number;
  /** No grouping of these sizes can have fewer same-unit pairs (each unit spread as evenly as possible). */
  sameUnitPairsLowerBound: number;
  /** Squared deviation of gender/rank counts and of age sums from each group's fair share (lower is better). */
  balanceCost: number;
  /** Balance cost no grouping of these sizes can beat (integer rounding of gender and rank shares). */
  balanceLowerBound: number;
  swaps: number;
}

const pairs = (m: number) => (m * (m - 1)) / 2;

/** Pairs left when `m` members of one unit are spread as evenly as possible over `g` groups. */
export function spreadPairs(m: number, g: number): number {
  const q = Math.floor(m / g);
  const r = m % g;
  return r * pairs(q + 1) + (g - r) * pairs(q);
}

/** Encodes the members' attributes as small integers and age deviations for fast swap deltas. */
export class GroupState {
  readonly unit: Int32Array;
  readonly gender: Int32Array;
  readonly rank: Int32Array;
  readonly ageDev: Float64Array;
  readonly unitCount: number;
  readonly genderShare: number[];
  readonly rankShare: number[];
  readonly ageScale: number;
  readonly slotOf: Int32Array;
  slotSize: number[] = [];
  private unitIn: Int32Array = new Int32Array(0);
  private genderIn: Int32Array = new Int32Array(0);
  private rankIn: Int32Array = new Int32Array(0);
  private ageSum: Float64Array = new Float64Array(0);

  constructor(readonly members: readonly Person[]) {
    const code = (values: string[]) => {
      const ids = new Map<string, number>();
      return { codes: Int32Array.from(values, (v) => ids.get(v) ?? (ids.set(v, ids.size), ids.size - 1)), count: () => ids.size };
    };
    const units = code(members.map((p) => p.unit));
    const genders = code(members.map((p) => p.attributes.gender ?? ''));
    const ranks = code(members.map((p) => p.attributes.rank ?? ''));
    this.unit = units.codes;
    this.gender = genders.codes;
    this.rank = ranks.codes;
    this.unitCount = units.count();
    const n = Math.max(1, members.length);
    const share = (codes: Int32Array, count: number) => {
      const tally = new Array<number>(count).fill(0);
      for (const c of codes) tally[c]!++;
      return tally.map((t) => t / n);
    };
    this.genderShare = share(this.gender, genders.count());
    this.rankShare = share(this.rank, ranks.count());
    const ages = members.map((p) => p.attributes.age).filter((a): a is number => a !== undefined);
    const mean = ages.length > 0 ? ages.reduce((a, b) => a + b, 0) / ages.length : 0;
    const variance = ages.length > 0 ? ages.reduce((a, b) => a + (b - mean) ** 2, 0) / ages.length : 0;
    this.ageDev = Float64Array.from(members, (p) => (p.attributes.age === undefined ? 0 : p.attributes.age - mean));
    this.ageScale = variance > 0 ? 1 / variance : 0;
    this.slotOf = new Int32Array(members.length).fill(-1);
  }

  reset(sizes: number[]): void {
    const g = sizes.length;
    this.slotSize = sizes;
    this.unitIn = new Int32Array(g * this.unitCount);
    this.genderIn = new Int32Array(g * this.genderShare.length);
    this.rankIn = new Int32Array(g * this.rankShare.length);
    this.ageSum = new Float64Array(g);
    this.slotOf.fill(-1);
  }

  sameUnitIn(slot: number, person: number): number {
    return this.unitIn[slot * this.unitCount + this.unit[person]!]!;
  }

  place(person: number, slot: number): void {
    this.slotOf[person] = slot;
    this.unitIn[slot * this.unitCount + this.unit[person]!]!++;
    this.genderIn[slot * this.genderShare.length + this.gender[person]!]!++;
    this.rankIn[slot * this.rankShare.length + this.rank[person]!]!++;
    this.ageSum[slot]! += this.ageDev[person]!;
  }

  remove(person: number): void {
    const slot = this.slotOf[person]!;
    this.unitIn[slot * this.unitCount + this.unit[person]!]!--;
    this.genderIn[slot * this.genderShare.length + this.gender[person]!]!--;
    this.rankIn[slot * this.rankShare.length + this.rank[person]!]!--;
    this.ageSum[slot]! -= this.ageDev[person]!;
    this.slotOf[person] = -1;
  }

  /** Change in same-unit pairs if a and b (in different groups) swap. */
  pairDelta(a: number, b: number): number {
    const u = this.unit[a]!;
    const v = this.unit[b]!;
    if (u === v) return 0;
    const i = this.slotOf[a]!;
    const j = this.slotOf[b]!;
    const U = this.unitCount;
    return -(this.unitIn[i * U + u]! - 1) + this.unitIn[j * U + u]! - (this.unitIn[j * U + v]! - 1) + this.unitIn[i * U + v]!;
  }

  /** Change in balance cost if a and b (in different groups) swap. */
  balanceDelta(a: number, b: number): number {
    const i = this.slotOf[a]!;
    const j = this.slotOf[b]!;
    let delta = this.categoricalDelta(this.gender, this.genderIn, this.genderShare, a, b, i, j);
    delta += this.categoricalDelta(this.rank, this.rankIn, this.rankShare, a, b, i, j);
    const d = this.ageDev[b]! - this.ageDev[a]!;
    delta += (2 * d * (this.ageSum[i]! - this.ageSum[j]!) + 2 * d * d) * this.ageScale;
    return delta;
  }

  private categoricalDelta(codes: Int32Array, counts: Int32Array, share: number[], a: number, b: number, i: number, j: number): number {
    const x = codes[a]!;
    const y = codes[b]!;
    if (x === y) return 0;
    const V = share.length;
    const dev = (slot: number, v: number) => counts[slot * V + v]! - this.slotSize[slot]! * share[v]!;
    return 4 - 2 * dev(i, x) + 2 * dev(i, y) + 2 * dev(j, x) - 2 * dev(j, y);
  }

  /**
   * No grouping with these sizes can balance better. Per gender or rank value, the groups' counts are integers summing
   * to the class total, so the best each value can do alone is floor of its fair share everywhere plus one more in the
   * groups with the largest remainders; age is bounded by 0.
   */
  balanceLowerBound(): number {
    let bound = 0;
    const n = this.members.length;
    for (const share of [...this.genderShare, ...this.rankShare]) {
      const expected = this.slotSize.map((size) => size * share);
      const counts = expected.map((e) => Math.floor(e + 1e-9));
      let left = Math.round(share * n) - counts.reduce((a, b) => a + b, 0);
      const byRemainder = expected.map((e, s) => ({ s, r: e - counts[s]! })).sort((a, b) => b.r - a.r);
      for (const { s } of byRemainder) if (left-- > 0) counts[s]!++;
      bound += expected.reduce((sum, e, s) => sum + (counts[s]! - e) ** 2, 0);
    }
    return bound;
  }

  sameUnitPairs(): number {
    let total = 0;
    for (const c of this.unitIn) total += pairs(c);
    return total;
  }

  balanceCost(): number {
    let cost = 0;
    const g = this.slotSize.length;
    for (let s = 0; s < g; s++) {
      for (let v = 0; v < this.genderShare.length; v++)
        cost += (this.genderIn[s * this.genderShare.length + v]! - this.slotSize[s]! * this.genderShare[v]!) ** 2;
      for (let v = 0; v < this.rankShare.length; v++) cost += (this.rankIn[s * this.rankShare.length + v]! - this.slotSize[s]! * this.rankShare[v]!) ** 2;
      cost += this.ageSum[s]! ** 2 * this.ageScale;
    }
    return cost;
  }
}

/**
 * Plans group sizes, seats locked members, deals the rest unit by unit round-robin (largest unit first, seeded order),
 * then improves by pairwise swaps: a swap is taken when it removes a same-unit pair, or keeps the pairs and improves the
 * balance. Stops at a local optimum. Deterministic for a seed.
 */
export function formGroups(input: GroupsInput): FormedGroups {
  const { classId, members, groupSize } = input;
  const n = members.length;
  if (n === 0) return { groups: [], sameUnitPairs: 0, sameUnitPairsLowerBound: 0, balanceCost: 0, balanceLowerBound: 0, swaps: 0 };
  const random = mulberry32(input.seed);
  const state = new GroupState(members);

  const lockedLabel = members.map((p) => input.lockedGroup?.get(p.id));
  const labelCounts = new Map<string, number>();
  for (const l of lockedLabel) if (l !== undefined) labelCounts.set(l, (labelCounts.get(l) ?? 0) + 1);
  const labels = [...labelCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([l]) => l);

  const unitSize = new Map<number, number>();
  for (const u of state.unit) unitSize.set(u, (unitSize.get(u) ?? 0) + 1);
  const largest = Math.max(...unitSize.values());
  const sizes =
    planGroupSizes(
      n,
      groupSize,
      largest,
      labels.map((l) => labelCounts.get(l)!),
    ) ??
    // No split fits the rules: still form groups (as even as possible) so evaluate() can show what is wrong.
    groupSizes(n, Math.min(n, Math.max(Math.round(n / groupSize.max), labels.length, 1)));
  state.reset(sizes);
  const slotOfLabel = new Map(labels.map((l, s) => [l, s]));

  const free = members.map((_, i) => i).filter((i) => lockedLabel[i] === undefined);
  const unitKey = new Map<number, number>();
  let best: { slotOf: Int32Array; pairs: number; balance: number } | undefined;
  let swaps = 0;
  // Independent seeded restarts of deal + local search; the lexicographically best (pairs, balance) wins.
  for (let restart = 0; restart < (input.restarts ?? defaultRestarts(n)); restart++) {
    state.reset(sizes);
    const room = sizes.slice();
    members.forEach((_, i) => {
      const label = lockedLabel[i];
      if (label === undefined) return;
      const s = slotOfLabel.get(label)!;
      state.place(i, s);
      room[s]!--;
    });
    deal(state, free, room, unitSize, unitKey, random);
    swaps += improveBySwaps(state, shuffled(free, random));
    const pairs = state.sameUnitPairs();
    const balance = state.balanceCost();
    if (!best || pairs < best.pairs || (pairs === best.pairs && balance < best.balance - 1e-9)) best = { slotOf: state.slotOf.slice(), pairs, balance };
  }
  state.reset(sizes);
  best!.slotOf.forEach((s, i) => state.place(i, s));
  const g = sizes.length;

  let lowerBound = 0;
  for (const m of unitSize.values()) lowerBound += spreadPairs(m, g);
  const used = new Set(labels);
  let next = 1;
  const ids = sizes.map((_, s) => {
    if (s < labels.length) return labels[s]!;
    while (used.has(`${classId}-g${next}`)) next++;
    used.add(`${classId}-g${next}`);
    return `${classId}-g${next}`;
  });
  const groups = ids.map((id, s) => ({ id, members: members.filter((_, i) => state.slotOf[i] === s).map((p) => p.id) }));
  return {
    groups,
    sameUnitPairs: state.sameUnitPairs(),
    sameUnitPairsLowerBound: lowerBound,
    balanceCost: state.balanceCost(),
    balanceLowerBound: state.balanceLowerBound(),
    swaps,
  };
}

/** Units with most members first (ties in seeded order), members of a unit in seeded order, dealt round-robin. */
function deal(state: GroupState, free: number[], room: number[], unitSize: Map<number, number>, unitKey: Map<number, number>, random: () => number): void {
  for (const u of unitSize.keys()) unitKey.set(u, random());
  const order = shuffled(free, random).sort(
    (a, b) => unitSize.get(state.unit[b]!)! - unitSize.get(state.unit[a]!)! || unitKey.get(state.unit[a]!)! - unitKey.get(state.unit[b]!)!,
  );
  const g = room.length;
  let pointer = 0;
  for (const person of order) {
    let best = -1;
    for (let step = 0; step < g; step++) {
      const s = (pointer + step) % g;
      if (room[s]! <= 0) continue;
      if (best === -1 || state.sameUnitIn(s, person) < state.sameUnitIn(best, person)) best = s;
    }
    if (best === -1) best = room.indexOf(Math.max(...room)); // only when locked groups overflow; evaluate() reports it
    state.place(person, best);
    room[best]!--;
    pointer = (best + 1) % g;
  }
}

/** First-improvement pairwise swaps until none helps: fewer same-unit pairs, or as many and better balance. */
function improveBySwaps(state: GroupState, movable: number[]): number {
  let swaps = 0;
  for (let pass = 0; pass < 100; pass++) {
    let improved = false;
    for (let x = 0; x < movable.length; x++) {
      for (let y = x + 1; y < movable.length; y++) {
        const a = movable[x]!;
        const b = movable[y]!;
        const i = state.slotOf[a]!;
        const j = state.slotOf[b]!;
        if (i === j) continue;
        const dp = state.pairDelta(a, b);
        if (dp > 0) continue;
        if (dp === 0 && state.balanceDelta(a, b) > -1e-9) continue;
        state.remove(a);
        state.remove(b);
        state.place(a, j);
        state.place(b, i);
        swaps++;
        improved = true;
      }
    }
    if (!improved) return swaps;
  }
  return swaps;
}
