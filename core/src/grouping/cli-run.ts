// The grouping CLI as a function (stdin text in, exit code and output out), shared by `tsx core/src/grouping/cli.ts`
// and `npx duibiao solve grouping`.
import { solveGrouping } from './solve.ts';
import { parseInstance } from './validate.ts';

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

const failure = (message: string, details: { path: string; message: string }[] = []): CliOutcome => ({
  code: 2,
  stdout: '',
  stderr: `${JSON.stringify({ error: { message, details } })}\n`,
});

export function runGroupingCli(input: string): CliOutcome {
  let data: unknown;
  try {
    data = JSON.parse(input);
  } catch (error) {
    return failure(`input is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parseInstance(data);
  if (!parsed.ok) return failure('invalid grouping instance', parsed.errors);
  return { code: 0, stdout: `${JSON.stringify(solveGrouping(parsed.value))}\n`, stderr: '' };
}
