// Production start-up rules, run as real processes: demo accounts block start-up; create-admin makes the
// first real account on a clean database.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../src/db/database.ts';
import { createFieldCipher } from '../src/lib/field-cipher.ts';
import { buildDemoData } from '../src/seed/demo-data.ts';
import { seedDemo } from '../src/seed/seed-demo.ts';
import { testConfig } from './support.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'server/src/main.ts');
const BIN = join(ROOT, 'server/bin/duibiao.mjs');
const KEY = 'production-key-for-tests-0123456789abcdef';
const CHECKIN_SECRET = 'production-checkin-secret-for-tests-0123456789';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'duibiao-prod-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runMain(env: Record<string, string>, ms = 20_000): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', CHECKIN_SECRET, ...env },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
    child.stdout.on('data', () => {
      if (output.includes('is running at')) child.kill('SIGTERM');
    });
  });
}

describe('NODE_ENV=production', () => {
  it('refuses to start while demo accounts exist', async () => {
    const url = `sqlite:${join(dir, 'demo.sqlite')}`;
    const db = openDatabase({ url });
    await migrateToLatest(db);
    const config = testConfig({ DATABASE_URL: url });
    await seedDemo({ config, db, cipher: createFieldCipher(config.DATA_KEY) }, buildDemoData());
    await db.close();
    const { code, output } = await runMain({ NODE_ENV: 'production', DATABASE_URL: url, DATA_KEY: KEY });
    expect(code).toBe(1);
    expect(output).toContain('demo accounts are present');
    expect(output).toContain('create-admin');
  });

  it('refuses to start with the development data key', async () => {
    const { code, output } = await runMain({ NODE_ENV: 'production', DATABASE_URL: `sqlite:${join(dir, 'x.sqlite')}` });
    expect(code).toBe(1);
    expect(output).toContain('DATA_KEY');
  });

  it('starts on a clean database after create-admin, without seeding demo data', async () => {
    const url = `sqlite:${join(dir, 'prod.sqlite')}`;
    const db = openDatabase({ url });
    await migrateToLatest(db);
    await db.kysely
      .insertInto('organizations')
      .values({
        parent_id: null,
        code: 'QD',
        name: '青岛市',
        level: 'city',
        kind: 'region',
        path: '/1/',
        region_code: '370200',
        sort_order: 0,
        created_at: 'now',
        updated_at: 'now',
      })
      .execute();
    await db.close();
    const env = { ...process.env, DATABASE_URL: url, DATA_KEY: KEY, CHECKIN_SECRET, NODE_ENV: 'production' };
    const weak = spawnSync(process.execPath, [BIN, 'create-admin', '--username', 'chief', '--org', 'QD'], {
      env: { ...env, DUIBIAO_ADMIN_PASSWORD: 'short' },
      encoding: 'utf8',
    });
    expect(weak.status).toBe(1);
    const made = spawnSync(process.execPath, [BIN, 'create-admin', '--username', 'chief', '--display-name', '管理员', '--org', 'QD'], {
      env: { ...env, DUIBIAO_ADMIN_PASSWORD: 'Harbor#Light2026' },
      encoding: 'utf8',
    });
    expect(made.status, made.stderr).toBe(0);
    const { output } = await runMain({ NODE_ENV: 'production', DATABASE_URL: url, DATA_KEY: KEY });
    expect(output).toContain('is running at');
    expect(output).not.toContain('Seeded demo data');
  });
});
