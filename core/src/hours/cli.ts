// Benchmark entry: `tsx core/src/hours/cli.ts credit|compliance < input.json` prints the result as JSON; exit 2 on bad input.
import { text } from 'node:stream/consumers';
import type { FieldError } from '@duibiao/contracts';
import { evaluateCompliance } from './compliance.ts';
import { creditHours } from './credit.ts';
import { parseComplianceInput, parseCreditInput } from './input-validation.ts';

type Command = 'credit' | 'compliance';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function failInvalid(errors: FieldError[]): never {
  return fail(['invalid input:', ...errors.map((e) => `  ${e.field || '(root)'}: ${e.message}`)].join('\n'));
}

function run(command: Command, data: unknown): unknown {
  switch (command) {
    case 'credit': {
      const parsed = parseCreditInput(data);
      if (!parsed.ok) return failInvalid(parsed.errors);
      return creditHours(parsed.value.sessions, parsed.value.attendance, parsed.value.policy);
    }
    case 'compliance': {
      const parsed = parseComplianceInput(data);
      if (!parsed.ok) return failInvalid(parsed.errors);
      return evaluateCompliance(parsed.value);
    }
  }
}

const command = process.argv[2];
if (command !== 'credit' && command !== 'compliance') fail('usage: tsx core/src/hours/cli.ts credit|compliance < input.json');

let data: unknown;
try {
  data = JSON.parse(await text(process.stdin));
} catch (error) {
  fail(`invalid JSON on stdin: ${error instanceof Error ? error.message : String(error)}`);
}
console.log(JSON.stringify(run(command, data)));
