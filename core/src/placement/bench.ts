// Measures both solvers on generated instances (seed 42): `tsx core/src/placement/bench.ts`, one JSON line per size.
// solveMs = the solver alone (first run in the process); totalMs adds validation, compilation and statistics.
import { generateInstance } from './generate.ts';
import { solveRankOptimal, solveStable } from './solve.ts';

const sizes: [number, number][] = [
  [150, 79],
  [2_000, 300],
  [20_000, 2_000],
];
for (const [cadres, hosts] of sizes) {
  const instance = generateInstance({ cadres, hosts, seed: 42 });
  let started = performance.now();
  const stable = solveStable(instance);
  const stableTotalMs = performance.now() - started;
  started = performance.now();
  const optimal = solveRankOptimal(instance);
  const optimalTotalMs = performance.now() - started;
  // Second runs on the same instance: the JIT is warm (the first 150×79 run pays for compilation).
  const warm = { stableMs: solveStable(instance).stats.ms, optimalMs: solveRankOptimal(instance).stats.ms };
  console.log(
    JSON.stringify({
      size: `${cadres}×${hosts}`,
      warm,
      rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
      stable: {
        solveMs: stable.stats.ms,
        totalMs: Math.round(stableTotalMs),
        placed: stable.stats.placed,
        totalRank: stable.stats.totalRank,
        blockingPairs: stable.stats.blockingPairs,
        hostProposingDiffers: stable.audit?.hostProposingDiffers,
      },
      optimal: {
        solveMs: optimal.stats.ms,
        totalMs: Math.round(optimalTotalMs),
        placed: optimal.stats.placed,
        totalRank: optimal.stats.totalRank,
        blockingPairs: optimal.stats.blockingPairs,
      },
    }),
  );
}
