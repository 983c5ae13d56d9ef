// Compile-once queries give the same rows as the builder they came from, on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { createTestApp, type TestApp } from '../../test/support.ts';
import { prepared } from './prepared.ts';
import type { Database } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('prepared', () => {
  it('binds named parameters each call and matches the plain builder', async () => {
    const db = t.db.kysely;
    const q = prepared<Database, { scope: string; level: string }, { id: number }>(db, (k, p) =>
      k.selectFrom('organizations').select('id').where('path', 'like', p('scope')).where('level', '=', p('level')).orderBy('id'),
    );
    for (const [scope, level] of [['/%', 'township'], [`/%/${t.fixture.orgs['QD']}/%`, 'district'], ['/nothing/%', 'city']] as const) {
      const expected = await db.selectFrom('organizations').select('id').where('path', 'like', scope).where('level', '=', level).orderBy('id').execute();
      expect(await q.execute(db as Kysely<never>, { scope, level })).toEqual(expected);
    }
  });

  it('throws when a parameter is missing', async () => {
    const q = prepared<Database, { id: number }, { id: number }>(t.db.kysely, (k, p) => k.selectFrom('users').select('id').where('id', '=', p<number>('id')));
    await expect(q.execute(t.db.kysely as Kysely<never>, {} as { id: number })).rejects.toThrow(/missing parameter "id"/);
  });
});
