// Every registered API route, fed hostile input as an admin, answers 4xx (or a success) — never 5xx — and
// leaves the data unchanged when it refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
let s: Session;
beforeAll(async () => {
  t = await createTestApp();
  s = await login(t, 'sysadmin');
});
afterAll(() => t.close());

const BAD_IDS = ['abc', '-1', '0', '1.5', '99999999999999999999', '%00', "1' or '1'='1"];
const BAD_BODIES: unknown[] = [
  [],
  42,
  'text',
  null,
  { id: { $gt: 1 } },
  { name: 'x'.repeat(100_000) },
  { parentId: 'NaN', orgId: [], rank: {}, experiences: 'x' },
];
const BAD_QUERIES = [
  '?page=abc',
  '?pageSize=-5',
  '?rank=x&rank=y',
  '?ageMin=abc',
  '?orgId=1e309',
  '?from=2026-99-99',
  '?q=' + '%'.repeat(500),
  '?grassroots=maybe',
];

describe('no 5xx on hostile input', () => {
  it('holds for every route', async () => {
    const routes = t.routes.filter((r) => r.url.startsWith('/api/v1/') && !r.url.includes('/auth/logout'));
    expect(routes.length).toBeGreaterThan(20);
    const snapshot = async () =>
      JSON.stringify(
        await Promise.all(
          ['organizations', 'cadres', 'users'].map((table) =>
            t.db.kysely
              .selectFrom(table as 'users')
              .selectAll()
              .orderBy('id')
              .execute(),
          ),
        ),
      );
    const before = await snapshot();
    const failures: string[] = [];
    for (const route of routes) {
      const urls = route.url.includes(':id') ? BAD_IDS.map((id) => route.url.replace(':id', encodeURIComponent(id))) : [route.url];
      for (const url of urls) {
        const variants: { url: string; payload?: string }[] =
          route.method === 'GET' ? BAD_QUERIES.map((q) => ({ url: url + q })) : BAD_BODIES.map((body) => ({ url, payload: JSON.stringify(body) }));
        for (const v of variants) {
          const headers = v.payload === undefined ? s.headers : { ...s.headers, 'content-type': 'application/json' };
          const res = await t.app.inject({ method: route.method as 'GET', url: v.url, headers, ...(v.payload === undefined ? {} : { payload: v.payload }) });
          if (res.statusCode >= 500) failures.push(`${route.method} ${v.url} ${v.payload?.slice(0, 40) ?? ''} → ${res.statusCode} ${res.body.slice(0, 120)}`);
          else if (res.statusCode >= 400) expect(res.json().error.requestId).toEqual(expect.any(String));
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toBe(before);
  });
});
