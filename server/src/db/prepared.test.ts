// Compile-once queries give the same rows as the builder they came from, on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support.ts';
import { inSubtree } from './dialect.ts';
import { prepared } from './prepared.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('prepared', () => {
  it('binds named parameters each call and matches the plain builder', async () => {
    const db = t.db.kysely;
    const q = prepared<{ scope: string; level: string }, { id: number }>(t.db, (k, p) =>
      k
        .selectFrom('organizations')
        .select('id')
        .where(inSubtree('path', p('scope')))
        .where('level', '=', p('level'))
        .orderBy('id'),
    );
    const qingdao = `/${t.fixture.orgs['SD']}/${t.fixture.orgs['QD']}/`;
    const cases = [
      ['/', 'township', 2],
      [qingdao, 'district', 3],
      ['/999/', 'city', 0],
    ] as const;
    for (const [scope, level, count] of cases) {
      const expected = await db.selectFrom('organizations').select('id').where(inSubtree('path', scope)).where('level', '=', level).orderBy('id').execute();
      expect(expected).toHaveLength(count);
      expect(await q.execute({ scope, level })).toEqual(expected);
      expect(await q.execute({ scope, level }, db)).toEqual(expected);
    }
  });

  it('throws when a parameter is missing', async () => {
    const q = prepared<{ id: number }, { id: number }>(t.db, (k, p) => k.selectFrom('users').select('id').where('id', '=', p<number>('id')));
    await expect(q.execute({} as { id: number })).rejects.toThrow(/missing parameter "id"/);
  });
});
