// `npx duibiao import-roster` as a user runs it: a real process, a real SQLite file, JSON on stdout.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from './support.ts';
import { migrateToLatest, openDatabase } from '../src/db/database.ts';
import { createFieldCipher } from '../src/lib/field-cipher.ts';
import { seedFixture } from './fixture.ts';
import { goodLines, rosterXlsx } from './roster-files.ts';

const BIN = resolve(import.meta.dirname, '../bin/duibiao.mjs');
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duibiao-cli-'));
  const url = `sqlite:${join(dir, 'cli.sqlite')}`;
  const db = openDatabase({ url });
  await migrateToLatest(db);
  const config = testConfig({ DATABASE_URL: url });
  await seedFixture({ config, db, cipher: createFieldCipher(config.DATA_KEY) }, 'Test@Passw0rd');
  await db.close();
  env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' };
  const good = goodLines(5);
  const bad = goodLines(5);
  bad[1]![5] = '无此单位';
  writeFileSync(join(dir, 'good.xlsx'), await rosterXlsx(good));
  writeFileSync(join(dir, 'bad.xlsx'), await rosterXlsx(bad));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8' });

describe('duibiao import-roster', () => {
  it('exits non-zero with every error and writes nothing', () => {
    const r = run('import-roster', join(dir, 'bad.xlsx'), '--org', 'QD-SN');
    expect(r.status).toBe(1);
    const summary = JSON.parse(r.stdout);
    expect(summary.errors).toEqual([{ row: 4, column: '工作单位', message: expect.stringContaining('无此单位') }]);
    const dry = JSON.parse(run('import-roster', join(dir, 'good.xlsx'), '--org', 'QD-SN', '--dry-run').stdout);
    expect(dry).toEqual({ created: 5, updated: 0, unchanged: 0, errors: [] }); // nothing was written by the failed run
  });

  it('imports, then reports the same file unchanged', () => {
    const first = run('import-roster', join(dir, 'good.xlsx'), '--org', 'QD-SN');
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ created: 5, updated: 0, unchanged: 0, errors: [] });
    const second = JSON.parse(execFileSync(process.execPath, [BIN, 'import-roster', join(dir, 'good.xlsx'), '--org', 'QD-SN'], { env, encoding: 'utf8' }));
    expect(second).toEqual({ created: 0, updated: 0, unchanged: 5, errors: [] });
  });

  it('explains an unknown org code and bad usage', () => {
    const r = run('import-roster', join(dir, 'good.xlsx'), '--org', 'NOPE');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).errors[0].column).toBe('--org');
    expect(run('import-roster').status).toBe(2);
  });
});
