// Routes of the placement module (issue 4): host units, posts, bans, preferences, runs, placements.
// Organizer routes need program:write (reads program:read) and the program in scope; /me routes act on the signed-in
// trainee's own enrolment, so other roles (no cadre) get 404.
import type { Fixture } from '../fixture.ts';
import { multipart } from '../multipart.ts';
import { admin, draftPlacement, hostPost, hostUnit, practicumProgram, smallProgram } from '../placement-helpers.ts';
import type { TestApp } from '../support.ts';
import { ADMINS, READERS, home, next, ok, outside, type Level, type Spec } from './support.ts';

const WRITERS = [...ADMINS, 'program_manager' as const];

/** Each level's organizer node and cadres (the first is the level's trainee account), and the out-of-scope ones. */
const orgOf = (fx: Fixture, l: Level) => fx.orgs[l === 'city' ? 'QD' : 'QD-SN']!;
const cadresOf = (fx: Fixture, l: Level) => (l === 'city' ? [fx.cadres['snsw']!, fx.cadres['fgw']!] : [fx.cadres['bdg']!, fx.cadres['tpj']!]);
const outsideOrg = (fx: Fixture, l: Level) => fx.orgs[l === 'city' ? 'DL' : 'QD-LS']!;
const outsideCadres = (fx: Fixture, l: Level) => [fx.cadres[l === 'city' ? 'dl' : 'szk']!];

const inside = (t: TestApp, l: Level) => smallProgram(t, orgOf(t.fixture, l), cadresOf(t.fixture, l));
const beyond = (t: TestApp, l: Level) => smallProgram(t, outsideOrg(t.fixture, l), outsideCadres(t.fixture, l));
const unitBody = () => ({ name: `实训单位${next()}`, kind: 'enterprise', city: '常州', capacity: 2 });

async function freshBan(t: TestApp, cadreId: number, orgId: number): Promise<number> {
  const unitId = await hostUnit(t, orgId);
  const { id } = await t.db.kysely
    .insertInto('placement_bans')
    .values({ cadre_id: cadreId, host_unit_id: unitId, kind: 'manual', reason: null, created_by: null, created_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
async function freshRun(t: TestApp, p: { programId: number }): Promise<number> {
  return (await t.services.placement.runs.solve(admin, p.programId, { mode: 'stable', seed: 1 })).id;
}
/** A draft placement on the one-seat post, and the two-seat post it may move to. */
async function overrideRequest(t: TestApp, orgId: number, cadreIds: number[]) {
  const d = await draftPlacement(t, orgId, cadreIds);
  const placement = d.placements.find((p) => p.post.id === d.postIds[0])!;
  return { method: 'PATCH', url: `/api/v1/placements/${placement.id}`, payload: { postId: d.postIds[1] } };
}

/** A post of a fresh unpublished program of the level; its unit's contact is the level's host account, or nobody. */
async function hostRankingRequest(t: TestApp, l: Level, ownUnit: boolean) {
  const cadreIds = cadresOf(t.fixture, l);
  const programId = await practicumProgram(t, orgOf(t.fixture, l), cadreIds);
  const contactUserId = ownUnit ? t.fixture.users[l === 'city' ? 'qd_host' : 'sn_host']! : null;
  const postId = await hostPost(t, programId, await hostUnit(t, orgOf(t.fixture, l), { contactUserId }));
  return { method: 'PUT', url: `/api/v1/host/posts/${postId}/ranking`, payload: { ranking: [cadreIds[1], cadreIds[0]] } };
}

type RouteRequest = { url: string; payload?: object; headers?: Record<string, string> };

/** Spec for a route on a fresh program: `url` builds the path (and body) from the program made for the level. */
function programRoute(
  method: string,
  expect: Spec['expect'],
  build: (p: Awaited<ReturnType<typeof smallProgram>>, t: TestApp, l: Level) => Promise<RouteRequest> | RouteRequest,
): Spec {
  return {
    expect,
    otherwise: 403,
    request: async (t, l) => ({ method, ...(await build(await inside(t, l), t, l)) }),
    outOfScope: { status: 404, request: async (t, l) => ({ method, ...(await build(await beyond(t, l), t, l)) }) },
  };
}

export const PLACEMENT_MATRIX: Record<string, Spec> = {
  'GET /api/v1/host-units': { expect: ok(200, READERS), otherwise: 403, request: () => ({ method: 'GET', url: '/api/v1/host-units' }) },
  'POST /api/v1/host-units': {
    expect: ok(201, WRITERS),
    otherwise: 403,
    request: (t, l) => ({ method: 'POST', url: '/api/v1/host-units', payload: { ...unitBody(), orgId: home(t.fixture, l) } }),
    outOfScope: { status: 400, request: (t, l) => ({ method: 'POST', url: '/api/v1/host-units', payload: { ...unitBody(), orgId: outside(t.fixture, l) } }) },
  },
  'PATCH /api/v1/host-units/:id': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: async (t, l) => ({ method: 'PATCH', url: `/api/v1/host-units/${await hostUnit(t, home(t.fixture, l))}`, payload: { city: '苏州' } }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({ method: 'PATCH', url: `/api/v1/host-units/${await hostUnit(t, outside(t.fixture, l))}`, payload: { city: '苏州' } }),
    },
  },
  'DELETE /api/v1/host-units/:id': {
    expect: ok(204, WRITERS),
    otherwise: 403,
    request: async (t, l) => ({ method: 'DELETE', url: `/api/v1/host-units/${await hostUnit(t, home(t.fixture, l))}` }),
    outOfScope: { status: 404, request: async (t, l) => ({ method: 'DELETE', url: `/api/v1/host-units/${await hostUnit(t, outside(t.fixture, l))}` }) },
  },

  'GET /api/v1/programs/:id/host-posts': programRoute('GET', ok(200, READERS), (p) => ({ url: `/api/v1/programs/${p.programId}/host-posts` })),
  'POST /api/v1/programs/:id/host-posts': programRoute('POST', ok(201, WRITERS), (p) => ({
    url: `/api/v1/programs/${p.programId}/host-posts`,
    payload: { hostUnitId: p.unitId, title: '综合岗', seats: 1 },
  })),
  'PATCH /api/v1/host-posts/:id': programRoute('PATCH', ok(200, WRITERS), (p) => ({ url: `/api/v1/host-posts/${p.postIds[0]}`, payload: { seats: 3 } })),
  'DELETE /api/v1/host-posts/:id': programRoute('DELETE', ok(204, WRITERS), (p) => ({ url: `/api/v1/host-posts/${p.postIds[0]}` })),

  'GET /api/v1/programs/:id/placement-bans': programRoute('GET', ok(200, READERS), (p) => ({ url: `/api/v1/programs/${p.programId}/placement-bans` })),
  'POST /api/v1/placement-bans': {
    expect: ok(201, WRITERS),
    otherwise: 403,
    request: async (t, l) => ({
      method: 'POST',
      url: '/api/v1/placement-bans',
      payload: { cadreId: cadresOf(t.fixture, l)[1], hostUnitId: await hostUnit(t, orgOf(t.fixture, l)), kind: 'manual' },
    }),
    outOfScope: {
      status: 400,
      request: async (t, l) => ({
        method: 'POST',
        url: '/api/v1/placement-bans',
        payload: { cadreId: outsideCadres(t.fixture, l)[0], hostUnitId: await hostUnit(t, orgOf(t.fixture, l)), kind: 'manual' },
      }),
    },
  },
  'DELETE /api/v1/placement-bans/:id': {
    expect: ok(204, WRITERS),
    otherwise: 403,
    request: async (t, l) => ({ method: 'DELETE', url: `/api/v1/placement-bans/${await freshBan(t, cadresOf(t.fixture, l)[1]!, orgOf(t.fixture, l))}` }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({
        method: 'DELETE',
        url: `/api/v1/placement-bans/${await freshBan(t, outsideCadres(t.fixture, l)[0]!, outsideOrg(t.fixture, l))}`,
      }),
    },
  },
  'POST /api/v1/programs/:id/placement-bans/detect': programRoute('POST', ok(200, READERS), (p) => ({
    url: `/api/v1/programs/${p.programId}/placement-bans/detect`,
  })),

  'GET /api/v1/programs/:id/preferences': programRoute('GET', ok(200, READERS), (p) => ({ url: `/api/v1/programs/${p.programId}/preferences` })),
  'PUT /api/v1/programs/:id/preferences/cadres/:cadreId': programRoute('PUT', ok(200, WRITERS), async (p, t) => {
    const [cadreId] = await t.db.kysely.selectFrom('enrolments').select('cadre_id').where('program_id', '=', p.programId).execute();
    return { url: `/api/v1/programs/${p.programId}/preferences/cadres/${cadreId!.cadre_id}`, payload: { postIds: [p.postIds[1]] } };
  }),
  'PUT /api/v1/programs/:id/preferences/posts/:postId': programRoute('PUT', ok(200, WRITERS), (p) => ({
    url: `/api/v1/programs/${p.programId}/preferences/posts/${p.postIds[0]}`,
    payload: { scores: {} },
  })),
  'POST /api/v1/programs/:id/preferences/score-formula': programRoute('POST', ok(200, WRITERS), (p) => ({
    url: `/api/v1/programs/${p.programId}/preferences/score-formula`,
    payload: { specialtyWeight: 70, experienceWeight: 30 },
  })),
  'GET /api/v1/programs/:id/preferences/template.xlsx': programRoute('GET', ok(200, READERS), (p) => ({
    url: `/api/v1/programs/${p.programId}/preferences/template.xlsx`,
  })),
  // A dry run of a one-row csv (the first enrolled cadre choosing the second post), sent as multipart like a browser.
  'POST /api/v1/programs/:id/preferences/import': programRoute('POST', ok(200, WRITERS), async (p, t) => {
    const [first] = await t.db.kysely.selectFrom('enrolments').select('cadre_id').where('program_id', '=', p.programId).execute();
    const form = multipart({}, { name: '志愿.csv', content: `干部编号,第1志愿\n${first!.cadre_id},${p.postIds[1]}\n` });
    return { url: `/api/v1/programs/${p.programId}/preferences/import?dryRun=true`, payload: form.payload, headers: form.headers };
  }),
  'GET /api/v1/me/placement-preferences': {
    expect: { trainee: 200 },
    otherwise: 404,
    request: async (t, l) => ({ method: 'GET', url: `/api/v1/me/placement-preferences?programId=${(await inside(t, l)).programId}` }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({ method: 'GET', url: `/api/v1/me/placement-preferences?programId=${(await beyond(t, l)).programId}` }),
    },
  },
  'PUT /api/v1/me/placement-preferences': {
    expect: { trainee: 200 },
    otherwise: 404,
    request: async (t, l) => {
      const p = await inside(t, l);
      return { method: 'PUT', url: `/api/v1/me/placement-preferences?programId=${p.programId}`, payload: { postIds: [p.postIds[1], p.postIds[0]] } };
    },
    outOfScope: {
      status: 404,
      request: async (t, l) => {
        const p = await beyond(t, l);
        return { method: 'PUT', url: `/api/v1/me/placement-preferences?programId=${p.programId}`, payload: { postIds: [p.postIds[0]] } };
      },
    },
  },

  'GET /api/v1/host/posts': {
    expect: { ...ok(200, ADMINS), host_contact: 200 },
    otherwise: 403,
    request: () => ({ method: 'GET', url: '/api/v1/host/posts' }),
  },
  // Only the unit's own contact may rank; admins pass the permission but are not the contact, so the post is not theirs.
  'PUT /api/v1/host/posts/:postId/ranking': {
    expect: { ...ok(404, ADMINS), host_contact: 200 },
    otherwise: 403,
    request: (t, l) => hostRankingRequest(t, l, true),
    outOfScope: { status: 404, request: (t, l) => hostRankingRequest(t, l, false) },
  },

  'POST /api/v1/programs/:id/placement-runs': programRoute('POST', ok(201, WRITERS), (p) => ({
    url: `/api/v1/programs/${p.programId}/placement-runs`,
    payload: { mode: 'optimal', seed: 3 },
  })),
  'GET /api/v1/programs/:id/placement-runs': programRoute('GET', ok(200, READERS), (p) => ({ url: `/api/v1/programs/${p.programId}/placement-runs` })),
  'GET /api/v1/placement-runs/:id': programRoute('GET', ok(200, READERS), async (p, t) => ({ url: `/api/v1/placement-runs/${await freshRun(t, p)}` })),
  'POST /api/v1/placement-runs/:id/apply': programRoute('POST', ok(200, WRITERS), async (p, t) => ({
    url: `/api/v1/placement-runs/${await freshRun(t, p)}/apply`,
  })),

  'GET /api/v1/programs/:id/placements': programRoute('GET', ok(200, READERS), (p) => ({ url: `/api/v1/programs/${p.programId}/placements` })),
  'PATCH /api/v1/placements/:id': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: (t, l) => overrideRequest(t, orgOf(t.fixture, l), cadresOf(t.fixture, l)),
    outOfScope: { status: 404, request: (t, l) => overrideRequest(t, outsideOrg(t.fixture, l), outsideCadres(t.fixture, l)) },
  },
  'POST /api/v1/programs/:id/placements/publish': programRoute('POST', ok(200, WRITERS), async (p, t) => {
    await t.services.placement.placements.apply(admin, await freshRun(t, p));
    return { url: `/api/v1/programs/${p.programId}/placements/publish` };
  }),
};
