// Many-to-one deferred acceptance (cadre- and host-proposing) and the exact blocking-pair count.
import { pairIndex, type CompiledInstance } from './instance.ts';

/** match[c] = host index, or -1 when cadre c is unplaced. */
export type Match = Int32Array;

/**
 * Cadre-proposing deferred acceptance: the cadre-optimal stable matching. Each host
 * keeps its current holds in a max-heap keyed by its own rank of the cadre, so a proposal costs O(log capacity).
 * Total O(Σ list lengths · log max capacity).
 */
export function cadreProposing(inst: CompiledInstance): Match {
  const n = inst.cadreIds.length;
  const m = inst.hostIds.length;
  const match = new Int32Array(n).fill(-1);
  const next = Int32Array.from(inst.cStart.subarray(0, n)); // next position in the cadre's acceptable list
  // Heaps of host ranks, stored in one array: host h owns slots [heapStart[h], heapStart[h] + capacity[h]).
  const heapStart = new Int32Array(m + 1);
  for (let h = 0; h < m; h++) heapStart[h + 1] = heapStart[h]! + inst.capacity[h]!;
  const heap = new Int32Array(heapStart[m]!);
  const size = new Int32Array(m);
  // Each free cadre proposes until held or out of choices; a rejected cadre takes over at once.
  for (let start = 0; start < n; start++) {
    let c = start;
    while (c >= 0 && next[c]! < inst.cStart[c + 1]!) {
      const p = next[c]!++;
      const h = inst.cHost[p]!;
      const rank = inst.cHostRank[p]!;
      const base = heapStart[h]!;
      const cap = inst.capacity[h]!;
      if (size[h]! < cap) {
        heapPush(heap, base, size[h]!, rank);
        size[h]!++;
        match[c] = h;
        c = -1;
      } else if (cap > 0 && heap[base]! > rank) {
        const worst = heap[base]!;
        heap[base] = rank;
        siftDown(heap, base, cap, 0);
        match[c] = h;
        const rejected = inst.hListCadre[inst.hListStart[h]! + worst]!;
        match[rejected] = -1;
        c = rejected; // the rejected cadre proposes on at once
      }
    }
  }
  return match;
}

/**
 * Host-proposing deferred acceptance: the host-optimal stable matching. Hosts with empty seats propose down their
 * lists; each cadre holds its best offer so far. O(Σ list lengths).
 */
export function hostProposing(inst: CompiledInstance): Match {
  const n = inst.cadreIds.length;
  const m = inst.hostIds.length;
  const match = new Int32Array(n).fill(-1);
  const heldRank = new Int32Array(n).fill(0x7fffffff); // the cadre's rank of the host it holds
  const held = new Int32Array(m);
  const next = Int32Array.from(inst.hStart.subarray(0, m));
  const queue: number[] = [];
  for (let h = 0; h < m; h++) if (inst.capacity[h]! > 0) queue.push(h);
  while (queue.length > 0) {
    const h = queue.pop()!;
    while (held[h]! < inst.capacity[h]! && next[h]! < inst.hStart[h + 1]!) {
      const p = next[h]!++;
      const c = inst.hCadre[p]!;
      const rank = inst.hCadreRank[p]!;
      if (rank >= heldRank[c]!) continue;
      const previous = match[c]!;
      match[c] = h;
      heldRank[c] = rank;
      held[h]!++;
      if (previous >= 0) {
        held[previous]!--;
        queue.push(previous);
      }
    }
  }
  return match;
}

/**
 * Blocking pairs of `match`: a mutually acceptable, unbanned pair (c, h) where c prefers h to its match (or is
 * unplaced) and h has an empty seat or holds someone it ranks below c. Scans each cadre's list above its match
 * and compares with the host's worst held rank: O(Σ list lengths).
 */
export function blockingPairs(inst: CompiledInstance, match: Match): [number, number][] {
  const m = inst.hostIds.length;
  const fill = new Int32Array(m);
  const worst = new Int32Array(m).fill(-1);
  for (let c = 0; c < match.length; c++) {
    const h = match[c]!;
    if (h < 0) continue;
    fill[h]!++;
    const p = pairIndex(inst, c, h);
    const r = p >= 0 ? inst.cHostRank[p]! : 0x7fffffff;
    if (r > worst[h]!) worst[h] = r;
  }
  const pairs: [number, number][] = [];
  for (let c = 0; c < match.length; c++) {
    for (let p = inst.cStart[c]!; p < inst.cStart[c + 1]!; p++) {
      const h = inst.cHost[p]!;
      if (h === match[c]) break;
      if (fill[h]! < inst.capacity[h]! || inst.cHostRank[p]! < worst[h]!) pairs.push([c, h]);
    }
  }
  return pairs;
}

function heapPush(heap: Int32Array, base: number, size: number, value: number): void {
  let i = size;
  heap[base + i] = value;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[base + parent]! >= value) break;
    heap[base + i] = heap[base + parent]!;
    i = parent;
  }
  heap[base + i] = value;
}

function siftDown(heap: Int32Array, base: number, size: number, start: number): void {
  let i = start;
  const value = heap[base + i]!;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    if (child + 1 < size && heap[base + child + 1]! > heap[base + child]!) child++;
    if (heap[base + child]! <= value) break;
    heap[base + i] = heap[base + child]!;
    i = child;
  }
  heap[base + i] = value;
}
