// Rank-optimal placement as an exact min-cost flow: primal-dual successive shortest paths. A greedy first-choice
// assignment with matching potentials is the warm start; then each phase runs one multi-source Dijkstra (node
// potentials, indexed binary heap over typed arrays, stopping at the sink) and augments along every
// zero-reduced-cost path a depth-first search finds from the free cadres.
import type { CompiledInstance } from './instance.ts';
import type { Match } from './stable.ts';

const DUMMY = -1;
const FREE = -2;

/**
 * The cost of leaving a cadre unplaced: larger than any possible difference in total rank (n · longest list), so a
 * solution placing one more cadre always wins; among those placing the most, the total rank is minimal.
 */
export function unplacedPenalty(inst: CompiledInstance): number {
  let longest = 1;
  for (const list of inst.cadrePrefs) longest = Math.max(longest, list.length);
  return inst.cadreIds.length * longest + 1;
}

/**
 * Minimises Σ rank (rank 1 = first choice) + penalty · unplaced subject to capacities and bans. Each cadre has a
 * private "unplaced" seat of cost `unplacedPenalty`, so the problem is an assignment in which every cadre is
 * assigned and successive shortest paths from the source are exact. Every residual edge keeps a non-negative
 * reduced cost (the warm start gives each cadre the potential −(cost of its best edge) and places it there when a
 * seat is left, a zero-reduced-cost edge), so the final flow has no negative cycle. Worst case O(n · E log V) (one
 * path per phase); in practice a phase places many cadres, and the number of phases is about the number of
 * distinct path costs.
 *
 * Node ids: cadres 0..n-1, hosts n..n+m-1, the sink T = n+m; the source is implicit (potential piS). Residual
 * edges out of a cadre c: k < list length → its k-th acceptable host (unless it holds it), k = list length → T
 * (its unplaced seat, unless it holds it). Out of a host h: k = 0 → T (when a seat is free), k ≥ 1 → back to the
 * (k−1)-th cadre it holds.
 */
export function rankOptimal(inst: CompiledInstance): Match {
  const n = inst.cadreIds.length;
  const m = inst.hostIds.length;
  const T = n + m;
  const { cStart, cHost, cRank, capacity } = inst;
  const penalty = unplacedPenalty(inst);
  const pi = new Float64Array(T + 1);
  let piS = 0;
  const dist = new Float64Array(T + 1);
  const seen = new Int32Array(T + 1).fill(-1); // phase in which dist[v] was set
  const done = new Int32Array(T + 1).fill(-1); // phase in which v was settled
  const dead = new Int32Array(T + 1).fill(-1); // phase in which the admissible search gave v up
  const onPath = new Uint8Array(T + 1);
  const iter = new Int32Array(T + 1);
  const state = new Int32Array(n).fill(FREE); // host index, DUMMY (unplaced seat) or FREE
  const cost = new Int32Array(n); // cost of the cadre's current host
  const slotStart = new Int32Array(m + 1);
  for (let h = 0; h < m; h++) slotStart[h + 1] = slotStart[h]! + capacity[h]!;
  const members = new Int32Array(slotStart[m]!);
  const fill = new Int32Array(m);
  const slotOf = new Int32Array(n);
  const settled = new Int32Array(T + 1);
  const stack = new Int32Array(T + 2);
  const heap = new IndexedHeap(T + 1, dist);

  // Warm start: every cadre at its best edge (first acceptable host, or the unplaced seat) when there is room.
  let free = new Int32Array(n);
  let freeCount = 0;
  for (let c = 0; c < n; c++) {
    const p = cStart[c]!;
    if (p === cStart[c + 1]!) {
      pi[c] = -penalty;
      state[c] = DUMMY;
      continue;
    }
    const best = cRank[p]! + 1;
    pi[c] = -best;
    const h = cHost[p]!;
    if (fill[h]! < capacity[h]!) {
      const slot = slotStart[h]! + fill[h]!++;
      members[slot] = c;
      slotOf[c] = slot;
      state[c] = h;
      cost[c] = best;
    } else free[freeCount++] = c;
  }

  for (let phase = 0; freeCount > 0; phase++) {
    // 1. Dijkstra from the source over reduced costs, stopping when the sink is settled.
    heap.clear();
    let settledCount = 0;
    for (let i = 0; i < freeCount; i++) {
      const c = free[i]!;
      const d = piS - pi[c]!;
      if (seen[c] === phase && dist[c]! <= d) continue;
      seen[c] = phase;
      dist[c] = d;
      heap.update(c);
    }
    while (heap.size > 0) {
      const v = heap.pop();
      const d = dist[v]!;
      done[v] = phase;
      settled[settledCount++] = v;
      if (v === T) break;
      const piV = pi[v]!;
      if (v < n) {
        const held = state[v]!;
        const end = cStart[v + 1]!;
        for (let p = cStart[v]!; p < end; p++) {
          const h = cHost[p]!;
          if (h === held) continue;
          const u = n + h;
          if (done[u] === phase) continue;
          const nd = d + cRank[p]! + 1 + piV - pi[u]!;
          if (seen[u] !== phase || nd < dist[u]!) {
            seen[u] = phase;
            dist[u] = nd;
            heap.update(u);
          }
        }
        if (held !== DUMMY && done[T] !== phase) {
          const nd = d + penalty + piV - pi[T]!;
          if (seen[T] !== phase || nd < dist[T]!) {
            seen[T] = phase;
            dist[T] = nd;
            heap.update(T);
          }
        }
      } else {
        const h = v - n;
        if (fill[h]! < capacity[h]!) {
          const nd = d + piV - pi[T]!;
          if (seen[T] !== phase || nd < dist[T]!) {
            seen[T] = phase;
            dist[T] = nd;
            heap.update(T);
          }
        }
        const end = slotStart[h]! + fill[h]!;
        for (let s = slotStart[h]!; s < end; s++) {
          const c = members[s]!;
          if (done[c] === phase) continue;
          const nd = d - cost[c]! + piV - pi[c]!;
          if (seen[c] !== phase || nd < dist[c]!) {
            seen[c] = phase;
            dist[c] = nd;
            heap.update(c);
          }
        }
      }
    }
    const D = dist[T]!;
    for (let i = 0; i < settledCount; i++) {
      const v = settled[i]!;
      pi[v] = pi[v]! + dist[v]! - D;
    }
    piS -= D;

    // 2. Augment along as many zero-reduced-cost paths as a depth-first search finds.
    let stillFree = 0;
    for (let i = 0; i < freeCount; i++) {
      const s = free[i]!;
      if (piS - pi[s]! !== 0 || !augmentFrom(s, phase)) free[stillFree++] = s;
    }
    freeCount = stillFree;
    if (freeCount < free.length >> 2) free = free.slice(0, freeCount);
  }
  return Int32Array.from(state, (h) => (h >= 0 ? h : -1));

  /** The head of the k-th residual edge out of v when its reduced cost is 0; -1 past the last edge, -2 otherwise. */
  function admissible(v: number, k: number): number {
    if (v < n) {
      const p = cStart[v]! + k;
      const end = cStart[v + 1]!;
      if (p < end) {
        const h = cHost[p]!;
        if (h === state[v]) return -2;
        return cRank[p]! + 1 + pi[v]! - pi[n + h]! === 0 ? n + h : -2;
      }
      if (p > end) return -1;
      if (state[v] === DUMMY) return -1;
      return penalty + pi[v]! - pi[T]! === 0 ? T : -2;
    }
    const h = v - n;
    if (k === 0) return fill[h]! < capacity[h]! && pi[v]! - pi[T]! === 0 ? T : -2;
    if (k > fill[h]!) return -1;
    const c = members[slotStart[h]! + k - 1]!;
    return -cost[c]! + pi[v]! - pi[c]! === 0 ? c : -2;
  }

  function augmentFrom(s: number, phase: number): boolean {
    let top = 0;
    stack[top++] = s;
    iter[s] = 0;
    onPath[s] = 1;
    while (top > 0) {
      const v = stack[top - 1]!;
      if (v === T) break;
      let next = -1;
      for (;;) {
        const u = admissible(v, iter[v]!++);
        if (u === -1) break;
        if (u < 0 || onPath[u] === 1 || dead[u] === phase) continue;
        next = u;
        break;
      }
      if (next >= 0) {
        stack[top++] = next;
        onPath[next] = 1;
        iter[next] = 0;
      } else {
        top--;
        onPath[v] = 0;
        dead[v] = phase;
      }
    }
    for (let i = 0; i < top; i++) onPath[stack[i]!] = 0;
    if (top === 0) return false;
    // Each cadre on the path moves to the node after it (a host, or the sink = unplaced): first leave, then join.
    for (let i = 0; i + 1 < top; i++) {
      const c = stack[i]!;
      if (c >= n) continue;
      const h = state[c]!;
      if (h < 0) continue;
      const last = slotStart[h]! + --fill[h]!;
      const moved = members[last]!;
      members[slotOf[c]!] = moved;
      slotOf[moved] = slotOf[c]!;
    }
    for (let i = 0; i + 1 < top; i++) {
      const c = stack[i]!;
      if (c >= n) continue;
      const to = stack[i + 1]!;
      if (to === T) {
        state[c] = DUMMY;
        continue;
      }
      const h = to - n;
      state[c] = h;
      const slot = slotStart[h]! + fill[h]!++;
      members[slot] = c;
      slotOf[c] = slot;
      cost[c] = cRank[cStart[c]! + iter[c]! - 1]! + 1; // iter[c] - 1 is the edge the path took
    }
    return true;
  }
}

/** Binary min-heap of node ids keyed by `key[node]`, with decrease-key through a position index. */
class IndexedHeap {
  private readonly nodes: Int32Array;
  private readonly pos: Int32Array;
  size = 0;

  constructor(
    capacity: number,
    private readonly key: Float64Array,
  ) {
    this.nodes = new Int32Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.nodes[i]!] = -1;
    this.size = 0;
  }

  /** Inserts `node`, or moves it up after its key decreased. */
  update(node: number): void {
    let i = this.pos[node]!;
    if (i < 0) i = this.size++;
    const k = this.key[node]!;
    const { nodes, pos, key } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = nodes[parent]!;
      if (key[above]! <= k) break;
      nodes[i] = above;
      pos[above] = i;
      i = parent;
    }
    nodes[i] = node;
    pos[node] = i;
  }

  pop(): number {
    const { nodes, pos, key } = this;
    const top = nodes[0]!;
    pos[top] = -1;
    const last = nodes[--this.size]!;
    if (this.size === 0) return top;
    const k = key[last]!;
    const size = this.size;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && key[nodes[child + 1]!]! < key[nodes[child]!]!) child++;
      const below = nodes[child]!;
      if (key[below]! >= k) break;
      nodes[i] = below;
      pos[below] = i;
      i = child;
    }
    nodes[i] = last;
    pos[last] = i;
    return top;
  }
}
