// Every route × every role × an in-scope and an out-of-scope record. The expectations live in MATRIX below;
// a route registered without an entry fails the completeness test, so new routes cannot skip this table.
import { newUserRow } from '../src/modules/users/users.repo.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { makeIdNumber } from '@duibiao/core/idcard/index';
import type { Role } from '@duibiao/contracts';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../src/db/dialect.ts';
import type { Fixture } from './fixture.ts';
import { multipart } from './multipart.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

type Level = 'city' | 'district';
type Req = InjectOptions & { method: string; url: string };
interface Spec {
  /** Status per role for an in-scope request; roles not listed get `otherwise`. */
  expect: Partial<Record<Role, number>>;
  otherwise: number;
  request: (t: TestApp, level: Level) => Promise<Req> | Req;
  /** The same call aimed at a record outside the caller's subtree, and the status expected then. */
  outOfScope?: { request: (t: TestApp, level: Level) => Promise<Req> | Req; status: number };
}

const ADMINS: Role[] = ['sys_admin', 'org_admin'];
const READERS: Role[] = [...ADMINS, 'program_manager', 'tutor'];
const ok = (status: number, roles: Role[]): Partial<Record<Role, number>> => Object.fromEntries(roles.map((r) => [r, status]));

let counter = 0;
const next = () => ++counter;
/** The viewer's own node and a writable node below it, per level. */
const home = (fx: Fixture, level: Level) => (level === 'city' ? fx.orgs['QD']! : fx.orgs['QD-SN']!);
const below = (fx: Fixture) => fx.orgs['QD-SN-BDG']!;
const outside = (fx: Fixture, level: Level) => (level === 'city' ? fx.orgs['DL-WFD']! : fx.orgs['QD-LS-SZK']!);
const outsideCadre = (fx: Fixture, level: Level) => (level === 'city' ? fx.cadres['dl']! : fx.cadres['szk']!);

async function freshOrg(t: TestApp, parent: number): Promise<number> {
  const p = await t.db.kysely.selectFrom('organizations').select('path').where('id', '=', parent).executeTakeFirstOrThrow();
  const at = nowIso();
  const { id } = await t.db.kysely
    .insertInto('organizations')
    .values({
      parent_id: parent,
      code: `TMP${next()}`,
      name: `临时单位${counter}`,
      level: 'village',
      kind: 'village',
      path: '',
      region_code: null,
      sort_order: 0,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db.kysely
    .updateTable('organizations')
    .set({ path: `${p.path}${id}/` })
    .where('id', '=', id)
    .execute();
  return id;
}

async function freshUser(t: TestApp, orgId: number): Promise<number> {
  const hash = (await t.db.kysely.selectFrom('users').select('password_hash').limit(1).executeTakeFirstOrThrow()).password_hash;
  const at = nowIso();
  const { id } = await t.db.kysely
    .insertInto('users')
    .values(newUserRow({ username: `u${next()}x`, displayName: '临时', passwordHash: hash, role: 'tutor', orgId }, at))
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

const cadreBody = (orgId: number) => ({ name: '测试干部', idNumber: makeIdNumber('370202', '1990-01-01', next() % 1000), orgId, rank: 'staff' as const });

async function freshCadre(t: TestApp, orgId: number): Promise<number> {
  const res = await t.services.cadres.create(
    { userId: 0, username: 's', displayName: 's', role: 'sys_admin', orgId: 0, orgName: '', scopePath: '/', cadreId: null, ip: null, requestId: null },
    { ...cadreBody(orgId), specialties: [], experiences: [] },
  );
  return res.id;
}

async function freshJob(t: TestApp, orgId: number, status = 'validated'): Promise<string> {
  const id = randomUUID();
  const file = join(t.ctx.config.UPLOAD_DIR, `${id}.upload`);
  writeFileSync(file, '姓名,身份证号,工作单位\n');
  const at = nowIso();
  await t.db.kysely
    .insertInto('import_jobs')
    .values({
      id,
      user_id: t.fixture.users['qd_admin']!,
      org_id: orgId,
      file_name: 'a.csv',
      file_path: file,
      status,
      progress: 1,
      rows_read: 0,
      summary_json: '{"created":0,"updated":0,"unchanged":0,"errors":[]}',
      error_count: 0,
      preview_json: '[]',
      message: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

const csv = (orgId: number) => multipart({ orgId: String(orgId) }, { name: 'roster.csv', content: '姓名,身份证号,工作单位\n' });

const MATRIX: Record<string, Spec> = {
  'GET /api/v1/auth/me': { expect: {}, otherwise: 200, request: () => ({ method: 'GET', url: '/api/v1/auth/me' }) },
  // A wrong current password proves the route was reached without changing anything.
  'POST /api/v1/auth/password': {
    expect: {},
    otherwise: 400,
    request: () => ({ method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: 'wrong-Passw0rd', newPassword: 'New@Passw0rd1' } }),
  },

  'GET /api/v1/orgs/tree': { expect: ok(200, READERS), otherwise: 403, request: () => ({ method: 'GET', url: '/api/v1/orgs/tree' }) },
  'GET /api/v1/orgs/:id': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: (t) => ({ method: 'GET', url: `/api/v1/orgs/${below(t.fixture)}` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/orgs/${outside(t.fixture, l)}` }) },
  },
  'POST /api/v1/orgs': {
    expect: ok(201, ADMINS),
    otherwise: 403,
    request: (t, l) => ({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: { parentId: home(t.fixture, l), code: `N${next()}`, name: '新单位', level: 'township', kind: 'township' },
    }),
    outOfScope: {
      status: 400,
      request: (t, l) => ({
        method: 'POST',
        url: '/api/v1/orgs',
        payload: { parentId: outside(t.fixture, l), code: `N${next()}`, name: '新单位', level: 'village', kind: 'village' },
      }),
    },
  },
  'PATCH /api/v1/orgs/:id': {
    expect: ok(200, ADMINS),
    otherwise: 403,
    request: (t) => ({ method: 'PATCH', url: `/api/v1/orgs/${below(t.fixture)}`, payload: { name: '八大关街道' } }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'PATCH', url: `/api/v1/orgs/${outside(t.fixture, l)}`, payload: { name: 'x' } }) },
  },
  'DELETE /api/v1/orgs/:id': {
    expect: ok(204, ADMINS),
    otherwise: 403,
    request: async (t) => ({ method: 'DELETE', url: `/api/v1/orgs/${await freshOrg(t, below(t.fixture))}` }),
    outOfScope: { status: 404, request: async (t, l) => ({ method: 'DELETE', url: `/api/v1/orgs/${await freshOrg(t, outside(t.fixture, l))}` }) },
  },

  'GET /api/v1/users': { expect: ok(200, [...ADMINS, 'program_manager']), otherwise: 403, request: () => ({ method: 'GET', url: '/api/v1/users' }) },
  'GET /api/v1/users/:id': {
    expect: ok(200, [...ADMINS, 'program_manager']),
    otherwise: 403,
    request: (t) => ({ method: 'GET', url: `/api/v1/users/${t.fixture.users['sn_tutor']}` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/users/${t.fixture.users[l === 'city' ? 'dl_admin' : 'ls_admin']}` }) },
  },
  'POST /api/v1/users': {
    expect: ok(201, ADMINS),
    otherwise: 403,
    request: (t, l) => ({
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: `new${next()}`, displayName: '新用户', password: 'Strong@Pass123', role: 'tutor', orgId: home(t.fixture, l) },
    }),
    outOfScope: {
      status: 400,
      request: (t, l) => ({
        method: 'POST',
        url: '/api/v1/users',
        payload: { username: `new${next()}`, displayName: '新用户', password: 'Strong@Pass123', role: 'tutor', orgId: outside(t.fixture, l) },
      }),
    },
  },
  'PATCH /api/v1/users/:id': {
    expect: ok(200, ADMINS),
    otherwise: 403,
    request: async (t) => ({ method: 'PATCH', url: `/api/v1/users/${await freshUser(t, below(t.fixture))}`, payload: { displayName: '改名' } }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({ method: 'PATCH', url: `/api/v1/users/${await freshUser(t, outside(t.fixture, l))}`, payload: { displayName: 'x' } }),
    },
  },
  'POST /api/v1/users/:id/reset-password': {
    expect: ok(204, ADMINS),
    otherwise: 403,
    request: async (t) => ({
      method: 'POST',
      url: `/api/v1/users/${await freshUser(t, below(t.fixture))}/reset-password`,
      payload: { newPassword: 'Reset@Pass123' },
    }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({
        method: 'POST',
        url: `/api/v1/users/${await freshUser(t, outside(t.fixture, l))}/reset-password`,
        payload: { newPassword: 'Reset@Pass123' },
      }),
    },
  },
  'POST /api/v1/users/:id/unlock': {
    expect: ok(204, ADMINS),
    otherwise: 403,
    request: async (t) => ({ method: 'POST', url: `/api/v1/users/${await freshUser(t, below(t.fixture))}/unlock` }),
    outOfScope: { status: 404, request: async (t, l) => ({ method: 'POST', url: `/api/v1/users/${await freshUser(t, outside(t.fixture, l))}/unlock` }) },
  },

  'GET /api/v1/cadres': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: () => ({ method: 'GET', url: '/api/v1/cadres' }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/cadres?orgId=${outside(t.fixture, l)}` }) },
  },
  'GET /api/v1/cadres/export': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: () => ({ method: 'GET', url: '/api/v1/cadres/export' }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/cadres/export?orgId=${outside(t.fixture, l)}` }) },
  },
  'GET /api/v1/cadres/stats': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: () => ({ method: 'GET', url: '/api/v1/cadres/stats' }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/cadres/stats?orgId=${outside(t.fixture, l)}` }) },
  },
  // Trainees and host contacts get 404, not 403: they may read some cadres (their own, their placed ones).
  'GET /api/v1/cadres/:id': {
    expect: ok(200, READERS),
    otherwise: 404,
    request: (t) => ({ method: 'GET', url: `/api/v1/cadres/${t.fixture.cadres['tpj']}` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/cadres/${outsideCadre(t.fixture, l)}` }) },
  },
  // Needs cadre:sensitive before anything else, so other roles get 403 even for records they may read.
  'GET /api/v1/cadres/:id/sensitive': {
    expect: ok(200, ADMINS),
    otherwise: 403,
    request: (t) => ({ method: 'GET', url: `/api/v1/cadres/${t.fixture.cadres['tpj']}/sensitive` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/cadres/${outsideCadre(t.fixture, l)}/sensitive` }) },
  },
  'GET /api/v1/cadres/:id/training-file': {
    expect: ok(200, READERS),
    otherwise: 404,
    request: (t) => ({ method: 'GET', url: `/api/v1/cadres/${t.fixture.cadres['tpj']}/training-file` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/cadres/${outsideCadre(t.fixture, l)}/training-file` }) },
  },
  'POST /api/v1/cadres': {
    expect: ok(201, ADMINS),
    otherwise: 403,
    request: (t) => ({ method: 'POST', url: '/api/v1/cadres', payload: cadreBody(below(t.fixture)) }),
    outOfScope: { status: 400, request: (t, l) => ({ method: 'POST', url: '/api/v1/cadres', payload: cadreBody(outside(t.fixture, l)) }) },
  },
  'PATCH /api/v1/cadres/:id': {
    expect: ok(200, ADMINS),
    otherwise: 403,
    request: (t) => ({ method: 'PATCH', url: `/api/v1/cadres/${t.fixture.cadres['tpj']}`, payload: { position: '社区干部' } }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'PATCH', url: `/api/v1/cadres/${outsideCadre(t.fixture, l)}`, payload: { position: 'x' } }) },
  },
  'DELETE /api/v1/cadres/:id': {
    expect: ok(204, ADMINS),
    otherwise: 403,
    request: async (t) => ({ method: 'DELETE', url: `/api/v1/cadres/${await freshCadre(t, below(t.fixture))}` }),
    outOfScope: { status: 404, request: async (t, l) => ({ method: 'DELETE', url: `/api/v1/cadres/${await freshCadre(t, outside(t.fixture, l))}` }) },
  },
  'POST /api/v1/cadres/imports': {
    expect: ok(202, ADMINS),
    otherwise: 403,
    request: (t) => ({ method: 'POST', url: '/api/v1/cadres/imports', ...csv(below(t.fixture)) }),
    outOfScope: { status: 400, request: (t, l) => ({ method: 'POST', url: '/api/v1/cadres/imports', ...csv(outside(t.fixture, l)) }) },
  },
  'GET /api/v1/cadres/imports/:id': {
    expect: ok(200, ADMINS),
    otherwise: 403,
    request: async (t) => ({ method: 'GET', url: `/api/v1/cadres/imports/${await freshJob(t, below(t.fixture))}` }),
    outOfScope: { status: 404, request: async (t, l) => ({ method: 'GET', url: `/api/v1/cadres/imports/${await freshJob(t, outside(t.fixture, l))}` }) },
  },
  'GET /api/v1/cadres/imports/:id/errors': {
    expect: ok(200, ADMINS),
    otherwise: 403,
    request: async (t) => ({ method: 'GET', url: `/api/v1/cadres/imports/${await freshJob(t, below(t.fixture))}/errors` }),
    outOfScope: { status: 404, request: async (t, l) => ({ method: 'GET', url: `/api/v1/cadres/imports/${await freshJob(t, outside(t.fixture, l))}/errors` }) },
  },
  'POST /api/v1/cadres/imports/:id/commit': {
    expect: ok(202, ADMINS),
    otherwise: 403,
    request: async (t) => ({ method: 'POST', url: `/api/v1/cadres/imports/${await freshJob(t, below(t.fixture))}/commit` }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({ method: 'POST', url: `/api/v1/cadres/imports/${await freshJob(t, outside(t.fixture, l))}/commit` }),
    },
  },
  'GET /api/v1/cadres/import-template': { expect: ok(200, ADMINS), otherwise: 403, request: () => ({ method: 'GET', url: '/api/v1/cadres/import-template' }) },

  'GET /api/v1/audit': { expect: ok(200, ADMINS), otherwise: 403, request: () => ({ method: 'GET', url: '/api/v1/audit' }) },
  'GET /api/v1/audit/export': { expect: ok(200, ADMINS), otherwise: 403, request: () => ({ method: 'GET', url: '/api/v1/audit/export' }) },
};

const PUBLIC = ['GET /api/health', 'GET /api/v1/system/info', 'POST /api/v1/auth/login', 'POST /api/v1/auth/logout', 'GET /api/openapi.json'];

const VIEWERS: { username: string; role: Role; level: Level }[] = [
  { username: 'sysadmin', role: 'sys_admin', level: 'city' },
  { username: 'qd_admin', role: 'org_admin', level: 'city' },
  { username: 'qd_pm', role: 'program_manager', level: 'city' },
  { username: 'qd_tutor', role: 'tutor', level: 'city' },
  { username: 'qd_host', role: 'host_contact', level: 'city' },
  { username: 'qd_trainee', role: 'trainee', level: 'city' },
  { username: 'sn_admin', role: 'org_admin', level: 'district' },
  { username: 'sn_pm', role: 'program_manager', level: 'district' },
  { username: 'sn_tutor', role: 'tutor', level: 'district' },
  { username: 'sn_host', role: 'host_contact', level: 'district' },
  { username: 'sn_trainee', role: 'trainee', level: 'district' },
];

describe('authorization matrix', () => {
  let t: TestApp;
  const sessions = new Map<string, Session>();
  beforeAll(async () => {
    t = await createTestApp();
    for (const v of VIEWERS) sessions.set(v.username, await login(t, v.username));
  });
  afterAll(() => t.close());

  it('has an expectation for every registered route', () => {
    const registered = t.routes.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs')).map((r) => `${r.method} ${r.url}`);
    const described = [...Object.keys(MATRIX), ...PUBLIC];
    expect(
      registered.filter((r) => !described.includes(r)),
      'routes missing from MATRIX',
    ).toEqual([]);
    expect(
      described.filter((d) => !registered.includes(d)),
      'MATRIX entries for routes that do not exist',
    ).toEqual([]);
    for (const r of t.routes) if (PUBLIC.includes(`${r.method} ${r.url}`)) expect(r.public).toBe(true);
  });

  it.each(Object.keys(MATRIX))('%s answers 401 without a session', async (key) => {
    const res = await t.app.inject(await MATRIX[key]!.request(t, 'city'));
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  for (const [key, spec] of Object.entries(MATRIX)) {
    describe(key, () => {
      it.each(VIEWERS)('$username ($role, $level) in scope', async (v) => {
        const req = await spec.request(t, v.level);
        const res = await t.app.inject({ ...req, headers: { ...req.headers, ...sessions.get(v.username)!.headers } });
        expect(res.statusCode, res.body.slice(0, 300)).toBe(spec.expect[v.role] ?? spec.otherwise);
      });

      const { outOfScope } = spec;
      if (outOfScope) {
        it.each(VIEWERS.filter((v) => v.role !== 'sys_admin' && (spec.expect[v.role] ?? spec.otherwise) < 300))(
          '$username ($role, $level) out of scope',
          async (v) => {
            const req = await outOfScope.request(t, v.level);
            const res = await t.app.inject({ ...req, headers: { ...req.headers, ...sessions.get(v.username)!.headers } });
            expect(res.statusCode, res.body.slice(0, 300)).toBe(outOfScope.status);
          },
        );
      }
    });
  }

  it('lets a trainee read their own record and nothing else', async () => {
    const s = sessions.get('sn_trainee')!;
    const own = await t.app.inject({ method: 'GET', url: `/api/v1/cadres/${t.fixture.cadres['bdg']}`, headers: s.headers });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ name: '张伟', idNumber: expect.stringMatching(/^\d{4}\*{10}[\dX]{4}$/) });
    const other = await t.app.inject({ method: 'GET', url: `/api/v1/cadres/${t.fixture.cadres['tpj']}`, headers: s.headers });
    expect(other.statusCode).toBe(404);
  });
});
