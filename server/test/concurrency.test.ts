// Reads keep answering while a long write transaction (such as a 100k-row import commit) is open, and they
// see only committed data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../src/db/dialect.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
let s: Session;
beforeAll(async () => {
  t = await createTestApp();
  s = await login(t, 'qd_admin');
});
afterAll(() => t.close());

describe('reads during an open write transaction', () => {
  it('answers list, detail and tree requests and does not show uncommitted rows', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const insertedSignal = new Promise<void>((r) => (inserted = r));
    const tx = t.db.kysely.transaction().execute(async (trx) => {
      const at = nowIso();
      await trx.updateTable('organizations').set({ name: '未提交的名称', updated_at: at }).where('id', '=', t.fixture.orgs['QD-SN-BDG']!).execute();
      inserted();
      await held;
    });
    await insertedSignal;
    const within = (ms: number) => new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms));
    const list = t.app.inject({ method: 'GET', url: '/api/v1/cadres', headers: s.headers });
    const tree = t.app.inject({ method: 'GET', url: '/api/v1/orgs/tree', headers: s.headers });
    const results = await Promise.race([Promise.all([list, tree]), within(5_000)]);
    release();
    await tx;
    expect(results, 'reads waited for the write transaction').not.toBe('timeout');
    const [listRes, treeRes] = results as Awaited<typeof list>[];
    expect(listRes!.statusCode).toBe(200);
    expect(treeRes!.json().nodes.map((n: { name: string }) => n.name)).not.toContain('未提交的名称');
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/orgs/tree', headers: s.headers });
    expect(after.json().nodes.map((n: { name: string }) => n.name)).toContain('未提交的名称');
  });
});
