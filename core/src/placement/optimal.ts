// Rank-optimal placement as an exact min-cost flow: primal-dual successive shortest paths. Each phase runs one
// Dijkstra (node potentials, stopping at the sink) and then augments along every zero-reduced-cost path it can find.
import type { CompiledInstance } from './instance.ts';
import type { Match } from './stable.ts';

const UNPROCESSED = -2;
const DUMMY = -1;

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
 * assigned and successive shortest paths from the source are exact. Each augmentation keeps every reduced cost
 * non-negative, so the final flow has no negative cycle. Worst case O(n · E log V) (one path per phase); in practice
 * a phase places many cadres, and the number of phases is about the number of distinct path costs.
 */
export function rankOptimal(inst: CompiledInstance): Match {
  const n = inst.cadreIds.length;
  const m = inst.hostIds.length;
  const T = n + m; // sink; node ids: cadres 0..n-1, hosts n..n+m-1; the source S is implicit (potential piS)
  const penalty = unplacedPenalty(inst);
  const pi = new Float64Array(T + 1);
  let piS = 0;
  const dist = new Float64Array(T + 1);
  const seen = new Int32Array(T + 1).fill(-1); // phase in which dist[v] was set
  const done = new Int32Array(T + 1).fill(-1); // phase in which v was settled
  const dead = new Int32Array(T + 1).fill(-1); // phase in which the admissible search gave v up
  const onPath = new Uint8Array(T + 1);
  const iter = new Int32Array(T + 1);
  const state = new Int32Array(n).fill(UNPROCESSED);
  const cost = new Int32Array(n); // rank cost of the current host
  const slotStart = new Int32Array(m + 1);
  for (let h = 0; h < m; h++) slotStart[h + 1] = slotStart[h]! + inst.capacity[h]!;
  const members = new Int32Array(slotStart[m]!);
  const fill = new Int32Array(m);
  const slotOf = new Int32Array(n);
  const heap = new MinHeap();
  const settled: number[] = [];
  let free = Array.from({ length: n }, (_, c) => c);

  // Reduced cost of the k-th residual edge out of v, and its head (-1 when there is no k-th edge).
  let head = -1;
  const edge = (v: number, k: number): number => {
    if (v < n) {
      const p = inst.cStart[v]! + k;
      if (p < inst.cStart[v + 1]!) {
        const h = inst.cHost[p]!;
        if (h === state[v]) return ((head = -2), 0);
        head = n + h;
        return inst.cRank[p]! + 1 + pi[v]! - pi[n + h]!;
      }
      if (p > inst.cStart[v + 1]! || state[v] === DUMMY) return ((head = -1), 0);
      head = T;
      return penalty + pi[v]! - pi[T]!;
    }
    const h = v - n;
    if (k === 0) {
      if (fill[h]! >= inst.capacity[h]!) return ((head = -2), 0);
      head = T;
      return pi[v]! - pi[T]!;
    }
    if (k > fill[h]!) return ((head = -1), 0);
    const c = members[slotStart[h]! + k - 1]!;
    head = c;
    return -cost[c]! + pi[v]! - pi[c]!;
  };

  for (let phase = 0; free.length > 0; phase++) {
    // 1. Dijkstra from the source over reduced costs, stopping when the sink is settled.
    heap.clear();
    settled.length = 0;
    const relax = (v: number, d: number) => {
      if (done[v] === phase || (seen[v] === phase && dist[v]! <= d)) return;
      seen[v] = phase;
      dist[v] = d;
      heap.push(d, v);
    };
    for (const c of free) relax(c, piS - pi[c]!);
    while (heap.size > 0) {
      const d = heap.topKey();
      const v = heap.pop();
      if (done[v] === phase || d > dist[v]!) continue;
      done[v] = phase;
      settled.push(v);
      if (v === T) break;
      for (let k = 0; ; k++) {
        const rc = edge(v, k);
        if (head === -1) break;
        if (head >= 0) relax(head, d + rc);
      }
    }
    const D = dist[T]!;
    for (const v of settled) pi[v] = pi[v]! + dist[v]! - D;
    piS -= D;

    // 2. Augment along as many zero-reduced-cost paths as a depth-first search finds.
    const stillFree: number[] = [];
    for (const s of free) {
      if (piS - pi[s]! !== 0 || !augmentFrom(s, phase)) stillFree.push(s);
    }
    free = stillFree;
  }
  return Int32Array.from(state, (h) => (h >= 0 ? h : -1));

  function augmentFrom(s: number, phase: number): boolean {
    const stack = [s];
    iter[s] = 0;
    onPath[s] = 1;
    while (stack.length > 0) {
      const v = stack[stack.length - 1]!;
      if (v === T) break;
      let advanced = false;
      while (!advanced) {
        const rc = edge(v, iter[v]!++);
        if (head === -1) break;
        if (head < 0 || rc !== 0 || onPath[head] === 1 || dead[head] === phase) continue;
        stack.push(head);
        onPath[head] = 1;
        iter[head] = 0;
        advanced = true;
      }
      if (!advanced) {
        stack.pop();
        onPath[v] = 0;
        dead[v] = phase;
      }
    }
    for (const v of stack) onPath[v] = 0;
    if (stack.length === 0) return false;
    // Each cadre on the path moves to the node after it (a host, or the sink = unplaced).
    const moves: [number, number][] = [];
    for (let i = 0; i + 1 < stack.length; i++) {
      const v = stack[i]!;
      if (v < n) moves.push([v, stack[i + 1] === T ? DUMMY : stack[i + 1]! - n]);
    }
    for (const [c] of moves) {
      const h = state[c]!;
      if (h < 0) continue;
      const last = slotStart[h]! + --fill[h]!;
      const moved = members[last]!;
      members[slotOf[c]!] = moved;
      slotOf[moved] = slotOf[c]!;
    }
    for (const [c, h] of moves) {
      state[c] = h;
      if (h < 0) continue;
      const slot = slotStart[h]! + fill[h]!++;
      members[slot] = c;
      slotOf[c] = slot;
      cost[c] = rankCost(inst, c, h);
    }
    return true;
  }
}

function rankCost(inst: CompiledInstance, c: number, h: number): number {
  for (let p = inst.cStart[c]!; p < inst.cStart[c + 1]!; p++) if (inst.cHost[p] === h) return inst.cRank[p]! + 1;
  throw new Error(`cadre ${c} cannot be placed at host ${h}`);
}

/** Binary min-heap of (key, node) with lazy deletion by the caller. */
class MinHeap {
  private keys: number[] = [];
  private nodes: number[] = [];
  size = 0;

  clear(): void {
    this.size = 0;
  }

  topKey(): number {
    return this.keys[0]!;
  }

  push(key: number, node: number): void {
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.keys[i] = this.keys[parent]!;
      this.nodes[i] = this.nodes[parent]!;
      i = parent;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  pop(): number {
    const top = this.nodes[0]!;
    const key = this.keys[--this.size]!;
    const node = this.nodes[this.size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1]! < this.keys[child]!) child++;
      if (this.keys[child]! >= key) break;
      this.keys[i] = this.keys[child]!;
      this.nodes[i] = this.nodes[child]!;
      i = child;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
    return top;
  }
}
