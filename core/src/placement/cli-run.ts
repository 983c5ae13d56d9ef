// The placement CLI as a function of (args, stdin text) → (exit code, stdout, stderr), shared by
// `tsx core/src/placement/cli.ts` and `npx duibiao solve placement`.
import { PlacementInputError, type InputProblem, type PlacementInstance } from './instance.ts';
import { explainPlacement, solvePlacement } from './solve.ts';

export const PLACEMENT_USAGE = `usage: … --mode stable|optimal [--explain] < instance.json > result.json
  instance: {"cadres":[{"id","prefs":[hostId…]}],"hosts":[{"id","capacity","prefs":[cadreId…]} | {"id","capacity","scores":{cadreId:n}}],"bans":[[cadreId,hostId]],"seed"}
  result:   {"mode","assignments":[{"cadre","host"}],"unassigned":[…],"stats":{…},"audit"?,"explanations"?}`;

export interface CliOutcome {
  code: 0 | 2;
  stdout: string;
  stderr: string;
}

const failure = (message: string, details: InputProblem[] = []): CliOutcome => ({
  code: 2,
  stdout: '',
  stderr: `${JSON.stringify({ error: { message, details } })}\n`,
});

/** Parses `--mode stable|optimal [--explain]`, solves the instance in `input`; bad usage or input → code 2. */
export function runPlacementCli(args: readonly string[], input: string): CliOutcome {
  let mode: string | undefined;
  let explain = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--explain') explain = true;
    else if (arg === '--mode') mode = args[++i];
    else if (arg.startsWith('--mode=')) mode = arg.slice('--mode='.length);
    else return failure(`unknown argument ${JSON.stringify(arg)}`, [{ path: 'args', message: PLACEMENT_USAGE }]);
  }
  if (mode !== 'stable' && mode !== 'optimal') return failure('--mode must be stable or optimal', [{ path: 'args', message: PLACEMENT_USAGE }]);
  let instance: unknown;
  try {
    instance = JSON.parse(input);
  } catch (error) {
    return failure('input is not valid JSON', [{ path: '', message: error instanceof Error ? error.message : String(error) }]);
  }
  try {
    const result = solvePlacement(instance, mode);
    const output = explain ? { ...result, explanations: explainPlacement(instance as PlacementInstance, result) } : result;
    return { code: 0, stdout: `${JSON.stringify(output)}\n`, stderr: '' };
  } catch (error) {
    if (error instanceof PlacementInputError) return failure('invalid placement instance', error.details);
    throw error;
  }
}
