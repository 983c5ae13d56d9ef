// Entry point: `tsx core/src/checkin/cli.ts verify < {"secret":"…","token":"…","now":…}` prints the result as JSON.
import { runCheckinCommand } from './cli-command.ts';

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const { exitCode, output } = runCheckinCommand(process.argv[2], Buffer.concat(chunks).toString('utf8'), Date.now());
(exitCode === 2 ? console.error : console.log)(JSON.stringify(output));
process.exitCode = exitCode;
