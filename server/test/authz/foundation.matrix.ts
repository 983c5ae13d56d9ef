// Foundation routes (issue 2): auth, orgs, users, cadres, imports, audit.
import {
  ADMINS,
  READERS,
  below,
  cadreBody,
  csv,
  freshCadre,
  freshJob,
  freshOrg,
  freshUser,
  home,
  next,
  ok,
  outside,
  outsideCadre,
  type Spec,
} from './support.ts';

export const FOUNDATION_MATRIX: Record<string, Spec> = {
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
