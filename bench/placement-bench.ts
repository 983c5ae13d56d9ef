// Placement solvers (issue 4, item 7): time and memory of stable and rank-optimal at 150×79 (S3), 2,000×300 and
// 20,000×2,000, each (size, mode) in a fresh child process, and the optimal cost checked against an independent
// SciPy solver (bench/reference/lsa.py) on the seat-expanded assignment matrix in the same run.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlacementSolveMeasurement } from '../core/src/placement/bench.ts';
import { generateInstance } from '../core/src/placement/generate.ts';
import type { PlacementInstance } from '../core/src/placement/instance.ts';

const SEED = 42;
/** Dense float64 matrices above this many cells (≈ 8 bytes each) are not built; the sparse method runs instead. */
const DENSE_CELL_LIMIT = 50_000_000;
const SIZES: { cadres: number; hosts: number; runs: number; targetMs?: number }[] = [
  { cadres: 150, hosts: 79, runs: 31, targetMs: 20 },
  { cadres: 2_000, hosts: 300, runs: 7 },
  { cadres: 20_000, hosts: 2_000, runs: 5, targetMs: 3_000 },
];

export interface ReferenceRun {
  method: 'dense' | 'sparse';
  columns: number;
  entries: number;
  placed: number;
  totalRank: number;
  /** Inside Python: matrix construction and the SciPy call (JSON parsing excluded). */
  buildMs: number;
  solveMs: number;
  /** The whole child process as seen from here: interpreter start, imports, JSON parse, build, solve. */
  wallMs: number;
  peakRssMb: number;
}

export interface PlacementSizeResult {
  size: string;
  instance: { cadres: number; hosts: number; seats: number; capacity: [number, number]; listLength: [number, number]; bans: number; seed: number };
  stable: PlacementSolveMeasurement;
  optimal: PlacementSolveMeasurement;
  reference: ReferenceRun[];
  /** Our optimal placed/Σ rank equal to every reference run's. */
  costEqual: boolean;
  /** Our optimal solver median ÷ the fastest reference solve (inside Python), and our whole call ÷ that process's wall time. */
  timeRatio: { solve: number; wall: number };
  targetMs: number | null;
  targetMet: boolean | null;
}

function describe(instance: PlacementInstance): Omit<PlacementSizeResult['instance'], 'seed'> {
  const caps = instance.hosts.map((h) => h.capacity);
  const lengths = instance.cadres.map((c) => c.prefs.length);
  return {
    cadres: instance.cadres.length,
    hosts: instance.hosts.length,
    seats: caps.reduce((a, b) => a + b, 0),
    capacity: [Math.min(...caps), Math.max(...caps)],
    listLength: [Math.min(...lengths), Math.max(...lengths)],
    bans: instance.bans?.length ?? 0,
  };
}

/** Measures `mode` on the instance in `instanceFile` (the one the reference also solves) in a fresh Node process. */
function measureInChild(instanceFile: string, cadres: number, hosts: number, mode: 'stable' | 'optimal', runs: number): PlacementSolveMeasurement {
  const script = join(import.meta.dirname, '..', 'core', 'src', 'placement', 'bench.ts');
  const args = [String(cadres), String(hosts), mode, String(runs), String(SEED), instanceFile];
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', script, ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 2 ** 20,
  });
  if (child.status !== 0) throw new Error(`placement bench child failed (${cadres}×${hosts} ${mode}): ${child.stderr}`);
  return JSON.parse(child.stdout.trim()) as PlacementSolveMeasurement;
}

function runReference(instanceFile: string, method: 'dense' | 'sparse'): ReferenceRun {
  const script = join(import.meta.dirname, 'reference', 'lsa.py');
  const started = performance.now();
  const child = spawnSync('python3', [script, method], { input: readFileSync(instanceFile, 'utf8'), encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
  const wallMs = performance.now() - started;
  if (child.status !== 0) throw new Error(`reference ${method} failed: ${child.stderr}`);
  const out = JSON.parse(child.stdout.trim()) as {
    columns: number;
    entries: number;
    placed: number;
    totalRank: number;
    buildSeconds: number;
    solveSeconds: number;
    peakRssMb: number;
  };
  return {
    method,
    columns: out.columns,
    entries: out.entries,
    placed: out.placed,
    totalRank: out.totalRank,
    buildMs: Math.round(out.buildSeconds * 1000),
    solveMs: Math.round(out.solveSeconds * 10_000) / 10,
    wallMs: Math.round(wallMs),
    peakRssMb: out.peakRssMb,
  };
}

export function runPlacementBench(dir: string, log: (line: string) => void = console.log): PlacementSizeResult[] {
  const results: PlacementSizeResult[] = [];
  for (const { cadres, hosts, runs, targetMs } of SIZES) {
    const size = `${cadres.toLocaleString('en')}×${hosts.toLocaleString('en')}`;
    const instance = generateInstance({ cadres, hosts, seed: SEED });
    const instanceFile = join(dir, `placement-${cadres}x${hosts}.json`);
    writeFileSync(instanceFile, JSON.stringify(instance));
    const stable = measureInChild(instanceFile, cadres, hosts, 'stable', runs);
    const optimal = measureInChild(instanceFile, cadres, hosts, 'optimal', runs);
    const described = describe(instance);
    const methods: ('dense' | 'sparse')[] = cadres * (described.seats + cadres) <= DENSE_CELL_LIMIT ? ['dense', 'sparse'] : ['sparse'];
    const reference = methods.map((method) => runReference(instanceFile, method));
    const costEqual = reference.every((r) => r.placed === optimal.stats.placed && r.totalRank === optimal.stats.totalRank);
    const fastest = reference.reduce((a, b) => (b.solveMs < a.solveMs ? b : a));
    const met = targetMs === undefined ? null : optimal.totalMs.median <= targetMs && stable.totalMs.median <= targetMs;
    results.push({
      size,
      instance: { ...described, seed: SEED },
      stable,
      optimal,
      reference,
      costEqual,
      timeRatio: {
        solve: Math.round((optimal.solveMs.median / Math.max(fastest.solveMs, 0.01)) * 1000) / 1000,
        wall: Math.round((optimal.totalMs.median / Math.max(fastest.wallMs, 1)) * 1000) / 1000,
      },
      targetMs: targetMs ?? null,
      targetMet: met,
    });
    log(
      `placement ${size}: optimal ${optimal.totalMs.median} ms, reference ${reference.map((r) => `${r.method} ${r.solveMs} ms`).join(', ')}, cost equal ${costEqual}`,
    );
  }
  return results;
}

const check = (ok: boolean | null) => (ok === null ? '' : ok ? '✓' : '✗');
const ms = (x: number) => (x >= 100 ? String(Math.round(x)) : String(x));

/** The README table rows for the placement section. */
export function placementTable(results: PlacementSizeResult[]): string {
  const perf = [
    '| placement (seed 42) | seats (per host) | mode | solver ms, median | whole call ms: median / min / first | whole call CPU ms, median | peak RSS Δ / heapUsed Δ MB | placed | Σ rank | blocking pairs | target | met |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.flatMap((r) =>
      [r.stable, r.optimal].map((m) => {
        const time = r.targetMs === null ? null : m.totalMs.median <= r.targetMs;
        const stableOk = m.mode === 'optimal' || m.stats.blockingPairs === 0;
        const target = [...(r.targetMs === null ? [] : [`≤ ${r.targetMs} ms`]), ...(m.mode === 'stable' ? ['0 blocking pairs'] : [])].join(', ');
        return (
          `| ${r.size} | ${r.instance.seats} (${r.instance.capacity[0]}–${r.instance.capacity[1]}) | ${m.mode} | ${ms(m.solveMs.median)} | ` +
          `${ms(m.totalMs.median)} / ${ms(m.totalMs.min)} / ${ms(m.totalMs.first)} | ${ms(m.totalCpuMs.median)} | ${m.memory.peakRssDeltaMb} / ${m.memory.heapUsedDeltaMb} | ` +
          `${m.stats.placed} | ${m.stats.totalRank} | ${m.stats.blockingPairs} | ${target} | ${target === '' ? '' : check((time ?? true) && stableOk)} |`
        );
      }),
    ),
  ];
  const reference = [
    '| rank-optimal vs SciPy (seat-expanded matrix) | ours placed / Σ rank | reference placed / Σ rank | reference solve ms (in Python) | reference process wall ms | ours ÷ reference: solver / whole call vs wall | cost equal |',
    '|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.size} (${r.reference.map((x) => `${x.method} ${r.instance.cadres}×${x.columns}, ${x.entries} entries`).join('; ')}) | ${r.optimal.stats.placed} / ${r.optimal.stats.totalRank} | ` +
        `${r.reference.map((x) => `${x.method} ${x.placed} / ${x.totalRank}`).join('; ')} | ${r.reference.map((x) => `${x.method} ${x.solveMs}`).join('; ')} | ` +
        `${r.reference.map((x) => `${x.method} ${x.wallMs}`).join('; ')} | ${r.timeRatio.solve} / ${r.timeRatio.wall} | ${check(r.costEqual)} |`,
    ),
  ];
  return [...perf, '', ...reference].join('\n');
}
