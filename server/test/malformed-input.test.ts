// Bad input everywhere answers 4xx naming the field and changes nothing; never a 5xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
let s: Session;
beforeAll(async () => {
  t = await createTestApp();
  s = await login(t, 'qd_admin');
});
afterAll(() => t.close());

async function snapshot() {
  const db = t.db.kysely;
  const [orgs, cadres, users] = await Promise.all([
    db.selectFrom('organizations').selectAll().execute(),
    db.selectFrom('cadres').selectAll().execute(),
    db.selectFrom('users').select(['id', 'username', 'display_name', 'role', 'org_id', 'is_active']).execute(),
  ]);
  return JSON.stringify({ orgs, cadres, users });
}

const huge = 'x'.repeat(200_000);

const CASES: {
  name: string;
  method: 'POST' | 'PATCH' | 'GET';
  url: (t: TestApp) => string;
  payload?: (t: TestApp) => unknown;
  raw?: string;
  field?: string;
  status?: number;
}[] = [
  { name: 'cadre: wrong types', method: 'POST', url: () => '/api/v1/cadres', payload: () => ({ name: 123, idNumber: true, orgId: 'abc' }), field: 'name' },
  { name: 'cadre: missing fields', method: 'POST', url: () => '/api/v1/cadres', payload: () => ({}), field: 'idNumber' },
  {
    name: 'cadre: huge string',
    method: 'POST',
    url: () => '/api/v1/cadres',
    payload: () => ({ name: huge.slice(0, 50_000), idNumber: '370202199001010011', orgId: 1 }),
    field: 'name',
  },
  {
    name: 'cadre: bad mobile',
    method: 'POST',
    url: () => '/api/v1/cadres',
    payload: (t: TestApp) => ({ name: '张三', idNumber: '370202199001010011', orgId: t.fixture.orgs['QD-SN'], mobile: '12345' }),
    field: 'mobile',
  },
  {
    name: 'cadre: bad rank enum',
    method: 'PATCH',
    url: (t) => `/api/v1/cadres/${t.fixture.cadres['fgw']}`,
    payload: () => ({ rank: 'emperor' }),
    field: 'rank',
  },
  {
    name: 'cadre: bad experience date',
    method: 'PATCH',
    url: (t) => `/api/v1/cadres/${t.fixture.cadres['fgw']}`,
    payload: () => ({ experiences: [{ startDate: '2020-13-01', endDate: null, unitName: 'x', position: 'y' }] }),
    field: 'experiences.0.startDate',
  },
  {
    name: 'cadre: end before start',
    method: 'PATCH',
    url: (t) => `/api/v1/cadres/${t.fixture.cadres['fgw']}`,
    payload: () => ({ experiences: [{ startDate: '2020-01-01', endDate: '2019-01-01', unitName: 'x', position: 'y' }] }),
    field: 'experiences.0.endDate',
  },
  { name: 'cadre: id not a number', method: 'GET', url: () => '/api/v1/cadres/abc', field: 'id' },
  { name: 'cadre: negative page', method: 'GET', url: () => '/api/v1/cadres?page=-1', field: 'page' },
  { name: 'cadre: page size over limit', method: 'GET', url: () => '/api/v1/cadres?pageSize=100000', field: 'pageSize' },
  {
    name: 'org: bad code',
    method: 'POST',
    url: () => '/api/v1/orgs',
    payload: (t: TestApp) => ({ parentId: t.fixture.orgs['QD'], code: '中文 编码', name: 'x', level: 'district', kind: 'region' }),
    field: 'code',
  },
  {
    name: 'org: level above parent',
    method: 'POST',
    url: () => '/api/v1/orgs',
    payload: (t: TestApp) => ({ parentId: t.fixture.orgs['QD-SN'], code: 'UP1', name: 'x', level: 'city', kind: 'region' }),
    field: 'level',
  },
  {
    name: 'org: duplicate code',
    method: 'POST',
    url: () => '/api/v1/orgs',
    payload: (t: TestApp) => ({ parentId: t.fixture.orgs['QD'], code: 'QD-SN', name: 'x', level: 'district', kind: 'region' }),
    field: 'code',
    status: 409,
  },
  {
    name: 'org: level above its parent on edit',
    method: 'PATCH',
    url: (t) => `/api/v1/orgs/${t.fixture.orgs['QD-SN-BDG']}`,
    payload: () => ({ level: 'city' }),
    field: 'level',
  },
  {
    name: 'org: level below its children on edit',
    method: 'PATCH',
    url: (t) => `/api/v1/orgs/${t.fixture.orgs['QD-SN']}`,
    payload: () => ({ level: 'village' }),
    field: 'level',
  },
  { name: 'org: unknown level', method: 'PATCH', url: (t) => `/api/v1/orgs/${t.fixture.orgs['QD-SN']}`, payload: () => ({ level: 'bogus' }), field: 'level' },
  {
    name: 'user: weak password',
    method: 'POST',
    url: () => '/api/v1/users',
    payload: (t: TestApp) => ({ username: 'weakling', displayName: 'x', password: 'short', role: 'tutor', orgId: t.fixture.orgs['QD'] }),
    field: 'password',
  },
  {
    name: 'user: bad username',
    method: 'POST',
    url: () => '/api/v1/users',
    payload: (t: TestApp) => ({ username: '1 bad', displayName: 'x', password: 'Strong@Pass123', role: 'tutor', orgId: t.fixture.orgs['QD'] }),
    field: 'username',
  },
  {
    name: 'user: role above own',
    method: 'POST',
    url: () => '/api/v1/users',
    payload: (t: TestApp) => ({ username: 'escalate', displayName: 'x', password: 'Strong@Pass123', role: 'sys_admin', orgId: t.fixture.orgs['QD'] }),
    field: 'role',
  },
  {
    name: 'user: duplicate username',
    method: 'POST',
    url: () => '/api/v1/users',
    payload: (t: TestApp) => ({ username: 'qd_pm', displayName: 'x', password: 'Strong@Pass123', role: 'tutor', orgId: t.fixture.orgs['QD'] }),
    field: 'username',
    status: 409,
  },
  {
    name: 'user: cadre out of scope',
    method: 'POST',
    url: () => '/api/v1/users',
    payload: (t: TestApp) => ({
      username: 'linked',
      displayName: 'x',
      password: 'Strong@Pass123',
      role: 'trainee',
      orgId: t.fixture.orgs['QD'],
      cadreId: t.fixture.cadres['dl'],
    }),
    field: 'cadreId',
  },
  { name: 'audit: bad date', method: 'GET', url: () => '/api/v1/audit?from=yesterday', field: 'from' },
  { name: 'json: syntax error', method: 'POST', url: () => '/api/v1/orgs', raw: '{"parentId": 1,', field: 'body' },
];

describe('malformed input', () => {
  it.each(CASES)('$name → 4xx naming $field, nothing changed', async (c) => {
    const before = await snapshot();
    const res = await t.app.inject({
      method: c.method,
      url: c.url(t),
      headers: { ...s.headers, ...(c.raw ? { 'content-type': 'application/json' } : {}) },
      ...(c.raw ? { payload: c.raw } : c.payload !== undefined ? { payload: c.payload(t) as object } : {}),
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(c.status ?? 400);
    const body = res.json();
    expect(body.error.requestId).toEqual(expect.any(String));
    expect(body.error.details?.map((d: { field: string }) => d.field)).toContain(c.field);
    expect(await snapshot()).toBe(before);
  });

  it('answers 413 for a body over the limit', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: { ...s.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2_000_000) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 404 with the error body for an unknown API route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: s.headers });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('refuses to delete an org that still has children', async () => {
    const before = await snapshot();
    const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/orgs/${t.fixture.orgs['QD-SN-BDG']}`, headers: s.headers });
    expect(res.statusCode).toBe(409);
    expect(await snapshot()).toBe(before);
  });
});
