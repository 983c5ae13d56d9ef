// Time and memory of both placement solvers on one generated instance, meant to run in a fresh process per
// (size, mode) so the memory figures belong to that solve alone:
//   tsx --expose-gc core/src/placement/bench.ts <cadres> <hosts> <stable|optimal> [runs] [seed] [instance.json]
// prints one JSON line (PlacementSolveMeasurement); with instance.json it solves that file (the exact instance the
// benchmark also hands to the SciPy reference) instead of generating one. bench/placement-bench.ts spawns it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { generateInstance } from './generate.ts';
import type { PlacementInstance } from './instance.ts';
import type { PlacementMode, PlacementResult } from './report.ts';
import { solveRankOptimal, solveStable } from './solve.ts';

export interface PlacementSolveMeasurement {
  cadres: number;
  hosts: number;
  mode: PlacementMode;
  seed: number;
  runs: number;
  /** The solver alone (stats.ms): first run in the process, and the median over all runs. */
  solveMs: { first: number; median: number };
  /** The whole call: validation, compilation, solver, statistics incl. blocking pairs (and the host-proposing audit in stable mode). */
  totalMs: { first: number; median: number; min: number };
  /** CPU time (user + system, all threads) of the whole call, median: unlike wall time, unaffected by other processes on a busy machine. */
  totalCpuMs: { median: number };
  /**
   * Memory of the first call, MB: peak RSS growth over the RSS just before it (sampled every millisecond by a worker
   * thread while the call runs; the process-wide maxRSS is history and would include start-up peaks), and heapUsed
   * growth with the result still referenced.
   */
  memory: { peakRssDeltaMb: number; heapUsedDeltaMb: number; peakRssMb: number };
  stats: Pick<PlacementResult['stats'], 'placed' | 'unplaced' | 'blockingPairs' | 'totalRank' | 'seats'> & { hostProposingDiffers?: number };
}

const MB = 2 ** 20;
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round2 = (x: number) => Math.round(x * 100) / 100;
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/** Solves `instance` `runs` times in `mode`; the first run also gives the memory figures. */
export function measurePlacementSolve(
  instance: PlacementInstance,
  mode: PlacementMode,
  runs: number,
  sampler?: RssSampler,
): Omit<PlacementSolveMeasurement, 'cadres' | 'hosts' | 'seed'> {
  const solve = mode === 'stable' ? solveStable : solveRankOptimal;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  sampler?.reset();
  let started = performance.now();
  let cpu = process.cpuUsage();
  const first = solve(instance);
  const firstTotal = performance.now() - started;
  const cpuTimes = [cpuMs(process.cpuUsage(cpu))];
  const peak = Math.max(sampler?.peak() ?? 0, process.memoryUsage().rss);
  sampler?.halt();
  const memory = {
    peakRssDeltaMb: Math.max(0, Math.round((peak - rssBefore) / MB)),
    heapUsedDeltaMb: Math.round((process.memoryUsage().heapUsed - heapBefore) / MB),
    peakRssMb: Math.round(peak / MB),
  };
  const solveTimes = [first.stats.ms];
  const totalTimes = [firstTotal];
  for (let run = 1; run < runs; run++) {
    started = performance.now();
    cpu = process.cpuUsage();
    const again = solve(instance);
    totalTimes.push(performance.now() - started);
    cpuTimes.push(cpuMs(process.cpuUsage(cpu)));
    solveTimes.push(again.stats.ms);
  }
  const { placed, unplaced, blockingPairs, totalRank, seats } = first.stats;
  return {
    mode,
    runs,
    solveMs: { first: round2(first.stats.ms), median: round2(median(solveTimes)) },
    totalMs: { first: round2(firstTotal), median: round2(median(totalTimes)), min: round2(Math.min(...totalTimes)) },
    totalCpuMs: { median: round2(median(cpuTimes)) },
    memory,
    stats: { placed, unplaced, blockingPairs, totalRank, seats, ...(first.audit ? { hostProposingDiffers: first.audit.hostProposingDiffers } : {}) },
  };
}

export interface RssSampler {
  reset(): void;
  /** Highest RSS seen since the last reset, in bytes. */
  peak(): number;
  /** Stops sampling (the worker idles), so later timed runs do not share the CPU with it. */
  halt(): void;
  stop(): Promise<number>;
}

/** A worker thread that samples the process RSS every millisecond into shared memory, also while the main thread is busy. */
export async function startRssSampler(): Promise<RssSampler> {
  const shared = new Float64Array(new SharedArrayBuffer(16)); // [peak RSS, halt flag]
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const peak = new Float64Array(workerData);
     const sample = () => {
       if (peak[1] === 1) return clearInterval(timer);
       const rss = process.memoryUsage.rss();
       if (rss > peak[0]) peak[0] = rss;
     };
     const timer = setInterval(sample, 1);
     sample();
     parentPort.postMessage('ready');`,
    { eval: true, workerData: shared.buffer },
  );
  await new Promise((resolveReady) => worker.once('message', resolveReady));
  return {
    reset: () => (shared[0] = 0),
    peak: () => shared[0]!,
    halt: () => (shared[1] = 1),
    stop: () => worker.terminate(),
  };
}

async function main(args: string[]): Promise<void> {
  const [cadres, hosts, mode, runs = '3', seed = '42', file] = args;
  if (!cadres || !hosts || (mode !== 'stable' && mode !== 'optimal')) {
    console.error('usage: tsx --expose-gc core/src/placement/bench.ts <cadres> <hosts> <stable|optimal> [runs] [seed] [instance.json]');
    process.exitCode = 2;
    return;
  }
  const instance =
    file === undefined
      ? generateInstance({ cadres: Number(cadres), hosts: Number(hosts), seed: Number(seed) })
      : (JSON.parse(readFileSync(file, 'utf8')) as PlacementInstance);
  const sampler = await startRssSampler();
  const measured = measurePlacementSolve(instance, mode, Math.max(1, Number(runs)), sampler);
  await sampler.stop();
  const out: PlacementSolveMeasurement = { cadres: instance.cadres.length, hosts: instance.hosts.length, seed: instance.seed ?? Number(seed), ...measured };
  console.log(JSON.stringify(out));
}

if (process.argv[1] !== undefined && import.meta.filename === resolve(process.argv[1])) await main(process.argv.slice(2));
