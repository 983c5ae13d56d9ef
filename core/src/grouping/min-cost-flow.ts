// Successive-shortest-path min-cost flow (Bellman–Ford queue on residual costs); small graphs, integer costs.

export class MinCostFlow {
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly cost: number[] = [];
  private readonly next: number[] = [];
  private readonly head: number[];

  constructor(readonly nodeCount: number) {
    this.head = new Array<number>(nodeCount).fill(-1);
  }

  /** Adds an arc and its residual twin; returns the arc index (read its flow with `flowOn`). */
  addEdge(from: number, to: number, capacity: number, cost: number): number {
    const index = this.to.length;
    this.push(from, to, capacity, cost);
    this.push(to, from, 0, -cost);
    return index;
  }

  flowOn(edge: number): number {
    return this.cap[edge ^ 1]!;
  }

  /** Sends as much flow as possible from `source` to `sink` at minimum cost. */
  run(source: number, sink: number): { flow: number; cost: number } {
    let flow = 0;
    let total = 0;
    const n = this.nodeCount;
    const dist = new Float64Array(n);
    const inQueue = new Uint8Array(n);
    const prevEdge = new Int32Array(n);
    for (;;) {
      dist.fill(Infinity);
      prevEdge.fill(-1);
      dist[source] = 0;
      const queue = [source];
      inQueue[source] = 1;
      for (let q = 0; q < queue.length; q++) {
        const u = queue[q]!;
        inQueue[u] = 0;
        for (let e = this.head[u]!; e !== -1; e = this.next[e]!) {
          if (this.cap[e]! <= 0) continue;
          const v = this.to[e]!;
          const d = dist[u]! + this.cost[e]!;
          if (d < dist[v]!) {
            dist[v] = d;
            prevEdge[v] = e;
            if (!inQueue[v]) {
              inQueue[v] = 1;
              queue.push(v);
            }
          }
        }
      }
      if (dist[sink] === Infinity) return { flow, cost: total };
      let push = Infinity;
      for (let v = sink; v !== source; v = this.to[prevEdge[v]! ^ 1]!) push = Math.min(push, this.cap[prevEdge[v]!]!);
      for (let v = sink; v !== source; v = this.to[prevEdge[v]! ^ 1]!) {
        this.cap[prevEdge[v]!]! -= push;
        this.cap[prevEdge[v]! ^ 1]! += push;
      }
      flow += push;
      total += push * dist[sink]!;
    }
  }

  private push(from: number, to: number, capacity: number, cost: number): void {
    this.to.push(to);
    this.cap.push(capacity);
    this.cost.push(cost);
    this.next.push(this.head[from]!);
    this.head[from] = this.to.length - 1;
  }
}
