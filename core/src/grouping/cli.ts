// Benchmark and scripting entry: `tsx core/src/grouping/cli.ts < instance.json` prints classes, groups, stats, violations.
import { text } from 'node:stream/consumers';
import { runGroupingCli } from './cli-run.ts';

const outcome = runGroupingCli(await text(process.stdin));
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.code;
