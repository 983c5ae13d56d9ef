// Routes of the selection module (issue 4). Organizer routes need program:write and the program in scope; nominating
// routes need nomination:write and a quota the caller's unit reaches. Tutors, hosts and trainees get 403 everywhere.
import type { Fixture } from '../fixture.ts';
import { freshNomination, freshNominee, freshQuota, freshSelectionProgram } from '../selection-helpers.ts';
import type { TestApp } from '../support.ts';
import { ADMINS, below, home, ok, outside, type Level, type Spec } from './support.ts';

const WRITERS = [...ADMINS, 'program_manager' as const];

/** A program organized at `org`, with a quota for `org` itself and a fresh eligible cadre below it. */
async function selection(t: TestApp, org: number) {
  const program = await freshSelectionProgram(t, org);
  const quota = await freshQuota(t, program, { orgId: org }, 50);
  return { program, quota };
}
const inScope = (t: TestApp, l: Level) => selection(t, home(t.fixture, l));
const outOfScope = (t: TestApp, l: Level) => selection(t, outside(t.fixture, l));
const cadreBelow = (t: TestApp, fx: Fixture, org: number) => freshNominee(t, org === outside(fx, 'city') || org === outside(fx, 'district') ? org : below(fx));

/** A nomination filed under `org` in a program organized there, in `status`. */
async function nominationAt(t: TestApp, org: number, status: string) {
  const { program, quota } = await selection(t, org);
  const cadre = await cadreBelow(t, t.fixture, org);
  return { program, id: await freshNomination(t, program, quota, cadre, org, status) };
}

const organizerRead = (path: string): Spec => ({
  expect: ok(200, WRITERS),
  otherwise: 403,
  request: async (t, l) => ({ method: 'GET', url: `/api/v1/programs/${(await inScope(t, l)).program}/selection/${path}` }),
  outOfScope: { status: 404, request: async (t, l) => ({ method: 'GET', url: `/api/v1/programs/${(await outOfScope(t, l)).program}/selection/${path}` }) },
});

export const SELECTION_MATRIX: Record<string, Spec> = {
  'GET /api/v1/programs/:id/selection/rules': organizerRead('rules'),
  'PUT /api/v1/programs/:id/selection/rules': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: async (t, l) => ({
      method: 'PUT',
      url: `/api/v1/programs/${(await inScope(t, l)).program}/selection/rules`,
      payload: { eligibility: { maxAge: 40 } },
    }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({ method: 'PUT', url: `/api/v1/programs/${(await outOfScope(t, l)).program}/selection/rules`, payload: { capacity: 3 } }),
    },
  },
  'GET /api/v1/programs/:id/selection/quotas': organizerRead('quotas'),
  'GET /api/v1/programs/:id/selection/summary': organizerRead('summary'),
  'POST /api/v1/programs/:id/selection/quotas': {
    expect: ok(201, WRITERS),
    otherwise: 403,
    request: async (t, l) => ({
      method: 'POST',
      url: `/api/v1/programs/${await freshSelectionProgram(t, home(t.fixture, l))}/selection/quotas`,
      payload: { orgId: below(t.fixture), quota: 3 },
    }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({
        method: 'POST',
        url: `/api/v1/programs/${await freshSelectionProgram(t, outside(t.fixture, l))}/selection/quotas`,
        payload: { unitCategory: 'grassroots', quota: 3 },
      }),
    },
  },
  'PATCH /api/v1/selection/quotas/:quotaId': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: async (t, l) => ({ method: 'PATCH', url: `/api/v1/selection/quotas/${(await inScope(t, l)).quota}`, payload: { quota: 9 } }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({ method: 'PATCH', url: `/api/v1/selection/quotas/${(await outOfScope(t, l)).quota}`, payload: { quota: 9 } }),
    },
  },
  'DELETE /api/v1/selection/quotas/:quotaId': {
    expect: ok(204, WRITERS),
    otherwise: 403,
    request: async (t, l) => ({ method: 'DELETE', url: `/api/v1/selection/quotas/${(await inScope(t, l)).quota}` }),
    outOfScope: { status: 404, request: async (t, l) => ({ method: 'DELETE', url: `/api/v1/selection/quotas/${(await outOfScope(t, l)).quota}` }) },
  },

  'GET /api/v1/nomination-calls': { expect: ok(200, WRITERS), otherwise: 403, request: () => ({ method: 'GET', url: '/api/v1/nomination-calls' }) },
  'GET /api/v1/programs/:id/selection/candidates': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: async (t, l) => {
      const s = await inScope(t, l);
      return { method: 'GET', url: `/api/v1/programs/${s.program}/selection/candidates?quotaId=${s.quota}` };
    },
    outOfScope: {
      status: 404,
      request: async (t, l) => {
        const s = await outOfScope(t, l);
        return { method: 'GET', url: `/api/v1/programs/${s.program}/selection/candidates?quotaId=${s.quota}` };
      },
    },
  },
  'POST /api/v1/programs/:id/nominations': {
    expect: ok(201, WRITERS),
    otherwise: 403,
    request: async (t, l) => {
      const s = await inScope(t, l);
      return {
        method: 'POST',
        url: `/api/v1/programs/${s.program}/nominations`,
        payload: { quotaId: s.quota, cadreIds: [await freshNominee(t, below(t.fixture))] },
      };
    },
    outOfScope: {
      status: 404,
      request: async (t, l) => {
        const org = outside(t.fixture, l);
        const s = await selection(t, org);
        return { method: 'POST', url: `/api/v1/programs/${s.program}/nominations`, payload: { quotaId: s.quota, cadreIds: [await freshNominee(t, org)] } };
      },
    },
  },
  'GET /api/v1/programs/:id/nominations': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: async (t, l) => ({ method: 'GET', url: `/api/v1/programs/${(await nominationAt(t, home(t.fixture, l), 'submitted')).program}/nominations` }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({ method: 'GET', url: `/api/v1/programs/${(await nominationAt(t, outside(t.fixture, l), 'submitted')).program}/nominations` }),
    },
  },
  'POST /api/v1/nominations/:id/unit-approve': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: async (t, l) => ({
      method: 'POST',
      url: `/api/v1/nominations/${(await nominationAt(t, home(t.fixture, l), 'submitted')).id}/unit-approve`,
      payload: {},
    }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({
        method: 'POST',
        url: `/api/v1/nominations/${(await nominationAt(t, outside(t.fixture, l), 'submitted')).id}/unit-approve`,
        payload: {},
      }),
    },
  },
  'POST /api/v1/nominations/:id/decide': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: async (t, l) => ({
      method: 'POST',
      url: `/api/v1/nominations/${(await nominationAt(t, home(t.fixture, l), 'unit_approved')).id}/decide`,
      payload: { decision: 'waitlist' },
    }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({
        method: 'POST',
        url: `/api/v1/nominations/${(await nominationAt(t, outside(t.fixture, l), 'unit_approved')).id}/decide`,
        payload: { decision: 'waitlist' },
      }),
    },
  },
  'POST /api/v1/programs/:id/nominations/decide': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: async (t, l) => {
      const n = await nominationAt(t, home(t.fixture, l), 'unit_approved');
      return { method: 'POST', url: `/api/v1/programs/${n.program}/nominations/decide`, payload: { ids: [n.id], decision: 'approve' } };
    },
    outOfScope: {
      status: 404,
      request: async (t, l) => {
        const n = await nominationAt(t, outside(t.fixture, l), 'unit_approved');
        return { method: 'POST', url: `/api/v1/programs/${n.program}/nominations/decide`, payload: { ids: [n.id], decision: 'approve' } };
      },
    },
  },
  'POST /api/v1/nominations/:id/withdraw': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: async (t, l) => ({
      method: 'POST',
      url: `/api/v1/nominations/${(await nominationAt(t, home(t.fixture, l), 'approved')).id}/withdraw`,
      payload: { reason: '工作需要' },
    }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({
        method: 'POST',
        url: `/api/v1/nominations/${(await nominationAt(t, outside(t.fixture, l), 'approved')).id}/withdraw`,
        payload: { reason: '工作需要' },
      }),
    },
  },
};
