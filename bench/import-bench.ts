// 100,000-row Chinese roster: our full import (validate + write in one transaction) against a bare ExcelJS
// streaming read of the same file.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadConfig } from '../server/src/config.ts';
import { migrateToLatest, openDatabase } from '../server/src/db/database.ts';
import { createFieldCipher } from '../server/src/lib/field-cipher.ts';
import { systemActor } from '../server/src/modules/auth/actor.ts';
import { commitRoster } from '../server/src/modules/imports/roster-import.ts';
import { findOrgByCode } from '../server/src/modules/orgs/orgs.repo.ts';
import { buildDemoData } from '../server/src/seed/demo-data.ts';
import { seedDemo } from '../server/src/seed/seed-demo.ts';
export { writeRoster } from '../server/test/roster-files.ts';

export async function bareExcelJsRead(file: string): Promise<{ ms: number; cells: number }> {
  const started = performance.now();
  let cells = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', worksheets: 'emit', styles: 'ignore', hyperlinks: 'ignore' });
  for await (const sheet of reader) {
    for await (const row of sheet) cells += (row as ExcelJS.Row).cellCount;
  }
  return { ms: performance.now() - started, cells };
}

export async function fullImport(file: string, dir: string): Promise<{ ms: number; created: number }> {
  const config = loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'import.sqlite')}`, LOG_LEVEL: 'silent' });
  const db = openDatabase({ url: config.DATABASE_URL });
  await migrateToLatest(db);
  const ctx = { config, db, cipher: createFieldCipher(config.DATA_KEY) };
  await seedDemo(ctx, buildDemoData());
  const org = (await findOrgByCode(db.kysely, 'QD'))!;
  const started = performance.now();
  const summary = await commitRoster(ctx, systemActor(org.path), org, file, 'bench.xlsx');
  const ms = performance.now() - started;
  await db.close();
  if (summary.errors.length) throw new Error(`bench import had errors: ${JSON.stringify(summary.errors.slice(0, 3))}`);
  return { ms, created: summary.created };
}

export async function qingdaoUnitNames(): Promise<string[]> {
  const data = buildDemoData();
  const qd = new Set(['QD']);
  const names: string[] = [];
  const counts = new Map<string, number>();
  for (const o of data.orgs) counts.set(o.name, (counts.get(o.name) ?? 0) + 1);
  for (const o of data.orgs) {
    if (o.parentCode && qd.has(o.parentCode)) {
      qd.add(o.code);
      if (counts.get(o.name) === 1 && o.kind !== 'region') names.push(o.name);
    }
  }
  return names;
}

export function scratchDir(): string {
  const dir = join(import.meta.dirname, 'tmp');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}
