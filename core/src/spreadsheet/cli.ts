// Benchmark entry: `tsx core/src/spreadsheet/cli.ts <file>` prints {"rows","cells","ms"} as JSON.
import { readSheetRows } from './read-sheet-rows.ts';

const filePath = process.argv[2];
if (!filePath) {
  console.error('usage: tsx core/src/spreadsheet/cli.ts <file.xlsx|file.csv>');
  process.exit(2);
}
const started = performance.now();
let rows = 0;
let cells = 0;
for await (const row of readSheetRows(filePath)) {
  rows++;
  for (const cell of row.cells) if (cell !== null) cells++;
}
console.log(JSON.stringify({ rows, cells, ms: Math.round(performance.now() - started) }));
