// Host placement (S3, S4): stable and rank-optimal solvers, blocking-pair audit, per-cadre explanations.
export {
  compileInstance,
  lotteryOrder,
  seededRandom,
  validateInstance,
  PlacementInputError,
  type CadreInput,
  type HostInput,
  type InputProblem,
  type PlacementInstance,
} from './instance.ts';
export { countBlockingPairs, explainPlacement, solvePlacement, solveRankOptimal, solveStable, type Assignment } from './solve.ts';
export type { Explanation, PlacementMode, PlacementResult, PlacementStats, RejectionReason } from './report.ts';
export { unplacedPenalty } from './optimal.ts';
export { generateInstance, type GenerateOptions } from './generate.ts';
export { runPlacementCli, PLACEMENT_USAGE, type CliOutcome } from './cli-run.ts';
