// Benchmark and scripting entry: `tsx core/src/grouping/cli.ts < instance.json` prints classes, groups, stats, violations.
import { text } from 'node:stream/consumers';
import { solveGrouping } from './solve.ts';
import { parseInstance } from './validate.ts';

function fail(message: string, details: { path: string; message: string }[] = []): never {
  console.error(JSON.stringify({ error: { message, details } }));
  process.exit(2);
}

const input = await text(process.stdin);
let data: unknown;
try {
  data = JSON.parse(input);
} catch (error) {
  fail(`input is not JSON: ${error instanceof Error ? error.message : String(error)}`);
}
const parsed = parseInstance(data);
if (!parsed.ok) fail('invalid grouping instance', parsed.errors);
const result = solveGrouping(parsed.value);
console.log(JSON.stringify(result));
