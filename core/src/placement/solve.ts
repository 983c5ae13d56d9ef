// Public use-cases: solve (stable or rank-optimal), count blocking pairs of any assignment, explain one cadre.
import { compileInstance, pairIndex, PlacementInputError, type CompiledInstance, type InputProblem, type PlacementInstance } from './instance.ts';
import { rankOptimal } from './optimal.ts';
import { buildResult, explainCadre, worstHeld, type Explanation, type PlacementMode, type PlacementResult } from './report.ts';
import { blockingPairs, cadreProposing, hostProposing, type Match } from './stable.ts';

export type Assignment = PlacementResult['assignments'];

/**
 * Stable placement: cadre-proposing deferred acceptance (cadre-optimal, zero blocking pairs), audited against the
 * host-proposing result. Throws PlacementInputError on a bad instance.
 */
export function solveStable(instance: PlacementInstance): PlacementResult {
  return stableOf(compileInstance(instance));
}

function stableOf(inst: CompiledInstance): PlacementResult {
  const started = performance.now();
  const match = cadreProposing(inst);
  const ms = performance.now() - started;
  const other = hostProposing(inst);
  let differs = 0;
  for (let c = 0; c < match.length; c++) if (match[c] !== other[c]) differs++;
  return { ...buildResult(inst, match, 'stable', round(ms)), audit: { hostProposingDiffers: differs } };
}

/**
 * Rank-optimal placement by min-cost flow: first the most cadres placed, then the least total rank (rank 1 = first
 * choice). Exact. Throws PlacementInputError on a bad instance.
 */
export function solveRankOptimal(instance: PlacementInstance): PlacementResult {
  return optimalOf(compileInstance(instance));
}

function optimalOf(inst: CompiledInstance): PlacementResult {
  const started = performance.now();
  const match = rankOptimal(inst);
  return buildResult(inst, match, 'optimal', round(performance.now() - started));
}

/** Solves untrusted JSON in `mode` (every solver validates its input and throws PlacementInputError). */
export function solvePlacement(instance: unknown, mode: PlacementMode): PlacementResult {
  const inst = compileInstance(instance); // validates once
  return mode === 'stable' ? stableOf(inst) : optimalOf(inst);
}

/** Exact number of blocking pairs of `assignment` (validated: known ids, acceptable pairs, capacities). */
export function countBlockingPairs(instance: PlacementInstance, assignment: Assignment): number {
  const inst = compileInstance(instance);
  return blockingPairs(inst, toMatch(inst, assignment)).length;
}

/** Why each listed cadre (default: all) got what it got in `result`. */
export function explainPlacement(instance: PlacementInstance, result: Pick<PlacementResult, 'assignments' | 'mode'>, cadreIds?: string[]): Explanation[] {
  const inst = compileInstance(instance);
  const match = toMatch(inst, result.assignments);
  const worst = worstHeld(inst, match);
  const ids = cadreIds ?? inst.cadreIds;
  const unknown = ids.filter((id) => !inst.cadreIndex.has(id));
  if (unknown.length > 0) throw new PlacementInputError(unknown.map((id) => ({ path: 'cadreIds', message: `unknown cadre ${JSON.stringify(id)}` })));
  return ids.map((id) => explainCadre(inst, match, inst.cadreIndex.get(id)!, result.mode, worst));
}

function toMatch(inst: CompiledInstance, assignment: Assignment): Match {
  const m = inst.hostIds.length;
  const match = new Int32Array(inst.cadreIds.length).fill(-1);
  const fill = new Int32Array(m);
  const problems: InputProblem[] = [];
  assignment.forEach(({ cadre, host }, i) => {
    const c = inst.cadreIndex.get(cadre);
    const h = inst.hostIndex.get(host);
    if (c === undefined) return problems.push({ path: `assignments[${i}].cadre`, message: `unknown cadre ${JSON.stringify(cadre)}` });
    if (h === undefined) return problems.push({ path: `assignments[${i}].host`, message: `unknown host ${JSON.stringify(host)}` });
    if (match[c] !== -1) problems.push({ path: `assignments[${i}].cadre`, message: `cadre ${JSON.stringify(cadre)} assigned twice` });
    const acceptable = pairIndex(inst, c, h) >= 0; // the cadre lists the host, the host lists the cadre, no ban
    if (!acceptable) problems.push({ path: `assignments[${i}]`, message: `${cadre} and ${host} are not mutually acceptable` });
    if (++fill[h]! > inst.capacity[h]!) problems.push({ path: `assignments[${i}].host`, message: `host ${JSON.stringify(host)} over capacity` });
    match[c] = h;
  });
  if (problems.length > 0) throw new PlacementInputError(problems);
  return match;
}

const round = (ms: number) => Math.round(ms * 100) / 100;
