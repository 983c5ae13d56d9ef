// Benchmark and scripting entry: `tsx core/src/topic-assignment/cli.ts < instance.json > result.json`.
import { runTopicAssignmentCli } from './cli-run.ts';

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const outcome = runTopicAssignmentCli(process.argv.slice(2), Buffer.concat(chunks).toString('utf8'));
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.code;
