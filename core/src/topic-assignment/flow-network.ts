// A residual flow network with two solvers: Dinic max flow (feasibility) and primal–dual min-cost flow whose arc
// costs are vectors compared lexicographically, so "first maximise A, then B, then C…" is exact with no big weights.

/**
 * Arc cost codes: 0 = free; c > 0 = −1 in component c − 1 (a reward); c < 0 = +1 in component −c − 1 (its residual
 * twin). Costs are vectors of `dims` components compared lexicographically.
 */
export class FlowNetwork {
  readonly to: number[] = [];
  readonly cap: number[] = [];
  readonly code: number[] = [];
  readonly next: number[] = [];
  readonly head: number[];

  constructor(readonly nodeCount: number) {
    this.head = new Array<number>(nodeCount).fill(-1);
  }

  /** Adds an arc and its residual twin; returns the arc index (flow on it: `flowOn`). */
  addArc(from: number, to: number, capacity: number, code = 0): number {
    const index = this.to.length;
    this.push(from, to, capacity, code);
    this.push(to, from, 0, -code);
    return index;
  }

  flowOn(arc: number): number {
    return this.cap[arc ^ 1]!;
  }

  tail(arc: number): number {
    return this.to[arc ^ 1]!;
  }

  /** Dinic: augments from the current flow to a maximum flow; returns the flow added. */
  maxFlow(source: number, sink: number): number {
    const level = new Int32Array(this.nodeCount);
    const current = new Int32Array(this.nodeCount);
    const queue = new Int32Array(this.nodeCount);
    const pathArcs: number[] = [];
    let added = 0;
    for (;;) {
      level.fill(-1);
      level[source] = 0;
      let qHead = 0;
      let qTail = 0;
      queue[qTail++] = source;
      while (qHead < qTail) {
        const u = queue[qHead++]!;
        for (let e = this.head[u]!; e !== -1; e = this.next[e]!) {
          const v = this.to[e]!;
          if (this.cap[e]! > 0 && level[v] === -1) {
            level[v] = level[u]! + 1;
            queue[qTail++] = v;
          }
        }
      }
      if (level[sink] === -1) return added;
      for (let u = 0; u < this.nodeCount; u++) current[u] = this.head[u]!;
      // Iterative DFS on the level graph; a node that cannot reach the sink is cut off by setting its level to −1.
      pathArcs.length = 0;
      let u = source;
      for (;;) {
        if (u === sink) {
          let push = Infinity;
          for (const e of pathArcs) push = Math.min(push, this.cap[e]!);
          for (const e of pathArcs) {
            this.cap[e]! -= push;
            this.cap[e ^ 1]! += push;
          }
          added += push;
          pathArcs.length = 0;
          u = source;
          continue;
        }
        let e = current[u]!;
        while (e !== -1 && !(this.cap[e]! > 0 && level[this.to[e]!] === level[u]! + 1)) e = this.next[e]!;
        current[u] = e;
        if (e !== -1) {
          pathArcs.push(e);
          u = this.to[e]!;
          continue;
        }
        if (u === source) break;
        level[u] = -1;
        const back = pathArcs.pop()!;
        u = this.tail(back);
        current[u] = this.next[current[u]!]!;
      }
    }
  }

  /** Nodes reachable from `from` through arcs with residual capacity (forward) or that reach it (reverse). */
  residualReach(from: number, direction: 'forward' | 'reverse'): Uint8Array {
    const seen = new Uint8Array(this.nodeCount);
    const stack = [from];
    seen[from] = 1;
    while (stack.length > 0) {
      const u = stack.pop()!;
      for (let e = this.head[u]!; e !== -1; e = this.next[e]!) {
        const v = this.to[e]!;
        // Reverse: v reaches u when the twin arc v→u (index e ^ 1) has residual capacity.
        const open = direction === 'forward' ? this.cap[e]! > 0 : this.cap[e ^ 1]! > 0;
        if (open && !seen[v]) {
          seen[v] = 1;
          stack.push(v);
        }
      }
    }
    return seen;
  }

  /**
   * Primal–dual min-cost max flow with lexicographic vector costs (`dims` components). Requires an acyclic network
   * with zero initial flow; `topologicalOrder` lists every node so that arcs go forward. Returns the flow sent.
   */
  minCostMaxFlow(source: number, sink: number, dims: number, topologicalOrder: readonly number[]): number {
    const n = this.nodeCount;
    const potential = this.initialPotentials(dims, topologicalOrder);
    const dist = new Float64Array(n * dims);
    const reached = new Uint8Array(n);
    const done = new Uint8Array(n);
    const heap = new VectorHeap(n, dist, dims);
    const candidate = new Float64Array(dims);
    let flow = 0;
    for (;;) {
      // Dijkstra on reduced costs (non-negative thanks to the potentials); stops once the sink is settled.
      reached.fill(0);
      done.fill(0);
      dist.fill(0, source * dims, source * dims + dims);
      reached[source] = 1;
      heap.push(source);
      while (heap.size > 0) {
        const u = heap.pop();
        done[u] = 1;
        if (u === sink) break;
        for (let e = this.head[u]!; e !== -1; e = this.next[e]!) {
          const v = this.to[e]!;
          if (this.cap[e]! <= 0 || done[v]) continue;
          for (let k = 0; k < dims; k++) candidate[k] = dist[u * dims + k]! + potential[u * dims + k]! - potential[v * dims + k]!;
          addCode(candidate, this.code[e]!);
          if (reached[v] && !lexLess(candidate, 0, dist, v * dims, dims)) continue;
          dist.set(candidate, v * dims);
          if (reached[v]) heap.decrease(v);
          else {
            reached[v] = 1;
            heap.push(v);
          }
        }
      }
      heap.clear();
      if (!done[sink]) return flow;
      for (let v = 0; v < n; v++) {
        const useOwn = done[v] === 1;
        const from = (useOwn ? v : sink) * dims;
        for (let k = 0; k < dims; k++) potential[v * dims + k]! += dist[from + k]!;
      }
      flow += this.augmentAdmissible(source, sink, dims, potential);
    }
  }

  /** Blocking flow on arcs of zero reduced cost (all shortest paths); DFS with dead-end pruning. */
  private augmentAdmissible(source: number, sink: number, dims: number, potential: Float64Array): number {
    const dead = new Uint8Array(this.nodeCount);
    const onPath = new Uint8Array(this.nodeCount);
    const current = Int32Array.from(this.head);
    const pathArcs: number[] = [];
    const admissible = (e: number, u: number, v: number): boolean => {
      if (this.cap[e]! <= 0 || dead[v] || onPath[v]) return false;
      const code = this.code[e]!;
      for (let k = 0; k < dims; k++) {
        let reduced = potential[u * dims + k]! - potential[v * dims + k]!;
        if (code > 0 && k === code - 1) reduced -= 1;
        else if (code < 0 && k === -code - 1) reduced += 1;
        if (reduced !== 0) return false;
      }
      return true;
    };
    let added = 0;
    let u = source;
    onPath[source] = 1;
    for (;;) {
      if (u === sink) {
        let push = Infinity;
        for (const e of pathArcs) push = Math.min(push, this.cap[e]!);
        for (const e of pathArcs) {
          this.cap[e]! -= push;
          this.cap[e ^ 1]! += push;
          onPath[this.to[e]!] = 0;
        }
        added += push;
        pathArcs.length = 0;
        u = source;
        continue;
      }
      let e = current[u]!;
      while (e !== -1 && !admissible(e, u, this.to[e]!)) e = this.next[e]!;
      current[u] = e;
      if (e !== -1) {
        pathArcs.push(e);
        u = this.to[e]!;
        onPath[u] = 1;
        continue;
      }
      if (u === source) return added;
      dead[u] = 1;
      onPath[u] = 0;
      const back = pathArcs.pop()!;
      u = this.tail(back);
      current[u] = this.next[current[u]!]!;
    }
  }

  /** Shortest distances from nowhere-in-particular along the DAG (each node the minimum over its in-arcs, else 0). */
  private initialPotentials(dims: number, topologicalOrder: readonly number[]): Float64Array {
    const potential = new Float64Array(this.nodeCount * dims);
    const assigned = new Uint8Array(this.nodeCount);
    const candidate = new Float64Array(dims);
    for (const u of topologicalOrder) {
      assigned[u] = 1;
      for (let e = this.head[u]!; e !== -1; e = this.next[e]!) {
        if (this.cap[e]! <= 0) continue;
        const v = this.to[e]!;
        for (let k = 0; k < dims; k++) candidate[k] = potential[u * dims + k]!;
        addCode(candidate, this.code[e]!);
        // A node starts at 0, as if a free arc from a virtual root reached every node.
        if (lexLess(candidate, 0, potential, v * dims, dims)) potential.set(candidate, v * dims);
      }
    }
    return potential;
  }

  private push(from: number, to: number, capacity: number, code: number): void {
    this.to.push(to);
    this.cap.push(capacity);
    this.code.push(code);
    this.next.push(this.head[from]!);
    this.head[from] = this.to.length - 1;
  }
}

function addCode(vector: Float64Array, code: number): void {
  if (code > 0) vector[code - 1]! -= 1;
  else if (code < 0) vector[-code - 1]! += 1;
}

function lexLess(a: Float64Array, aAt: number, b: Float64Array, bAt: number, dims: number): boolean {
  for (let k = 0; k < dims; k++) {
    const x = a[aAt + k]!;
    const y = b[bAt + k]!;
    if (x !== y) return x < y;
  }
  return false;
}

/** Binary min-heap of node ids keyed by their distance vectors, with decrease-key. */
class VectorHeap {
  private readonly items: Int32Array;
  private readonly position: Int32Array;
  size = 0;

  constructor(
    nodeCount: number,
    private readonly key: Float64Array,
    private readonly dims: number,
  ) {
    this.items = new Int32Array(nodeCount);
    this.position = new Int32Array(nodeCount).fill(-1);
  }

  push(node: number): void {
    this.items[this.size] = node;
    this.position[node] = this.size;
    this.size++;
    this.up(this.size - 1);
  }

  decrease(node: number): void {
    this.up(this.position[node]!);
  }

  pop(): number {
    const top = this.items[0]!;
    this.position[top] = -1;
    this.size--;
    if (this.size > 0) {
      this.items[0] = this.items[this.size]!;
      this.position[this.items[0]] = 0;
      this.down(0);
    }
    return top;
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.position[this.items[i]!] = -1;
    this.size = 0;
  }

  private less(i: number, j: number): boolean {
    return lexLess(this.key, this.items[i]! * this.dims, this.key, this.items[j]! * this.dims, this.dims);
  }

  private swap(i: number, j: number): void {
    const a = this.items[i]!;
    const b = this.items[j]!;
    this.items[i] = b;
    this.items[j] = a;
    this.position[b] = i;
    this.position[a] = j;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let best = i;
      if (left < this.size && this.less(left, best)) best = left;
      if (right < this.size && this.less(right, best)) best = right;
      if (best === i) return;
      this.swap(i, best);
      i = best;
    }
  }
}
