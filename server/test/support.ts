// Test harness: a real app on a real database — in-memory SQLite by default, or a fresh PostgreSQL schema
// per test file when TEST_DATABASE_URL is set (scripts/test-all.mjs runs the suite both ways).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSRF_HEADER, type SessionResponse } from '@duibiao/contracts';
import pg from 'pg';
import { buildApp, type BuiltApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import type { AppContext } from '../src/context.ts';
import { migrateToLatest, openDatabase, type Db } from '../src/db/database.ts';
import { createFieldCipher } from '../src/lib/field-cipher.ts';
import { seedFixture, type Fixture } from './fixture.ts';

export interface TestApp extends BuiltApp {
  ctx: AppContext;
  db: Db;
  fixture: Fixture;
  close(): Promise<void>;
}

export const PASSWORD = 'Test@Passw0rd';

export async function openTestDb(dir: string): Promise<{ db: Db; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  // A file, not :memory:, so the read-only fast path for prepared queries is exercised too.
  if (!url) return { db: openDatabase({ url: `sqlite:${join(dir, 'test.sqlite')}` }), drop: async () => undefined };
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  return {
    db: openDatabase({ url, pgSchema: schema }),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: process.env.TEST_DATABASE_URL || 'sqlite::memory:',
    LOGIN_RATE_PER_MINUTE: '1000',
    ...overrides,
  });
}

export async function createTestApp(options: { config?: Record<string, string> } = {}): Promise<TestApp> {
  const uploadDir = mkdtempSync(join(tmpdir(), 'duibiao-test-'));
  const config = testConfig({ UPLOAD_DIR: uploadDir, ...options.config });
  const { db, drop } = await openTestDb(uploadDir);
  await migrateToLatest(db);
  const ctx: AppContext = { config, db, cipher: createFieldCipher(config.DATA_KEY) };
  const fixture = await seedFixture(ctx, PASSWORD);
  const built = await buildApp({ config, db, serveWeb: false, logger: false });
  return {
    ...built,
    ctx,
    db,
    fixture,
    async close() {
      await built.services.imports.idle();
      await built.app.close();
      await db.close();
      await drop();
      rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
  me: SessionResponse['user'];
  headers: Record<string, string>;
}

export async function login(app: TestApp, username: string, password = PASSWORD): Promise<Session> {
  const res = await app.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const body = res.json<SessionResponse>();
  return { cookie, csrf: body.csrfToken, me: body.user, headers: { cookie, [CSRF_HEADER]: body.csrfToken } };
}
