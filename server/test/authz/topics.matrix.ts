// Routes of the topics module (issue 5). Organizer routes follow program scope (program:read to view, program:write to
// change); topic routes go through topicAccess: a trainee sees a topic only as a task-force member, an external
// account only when attached; everyone else gets 404. /me routes act on the signed-in trainee's enrolments.
import type { Fixture } from '../fixture.ts';
import type { TestApp } from '../support.ts';
import { attachExternal, daysFromToday, freshBid, freshMember, freshRun, freshTopic, freshTopicProgram } from '../topics-helpers.ts';
import { ADMINS, READERS, home, ok, outside, type Level, type Req, type Spec } from './support.ts';

const WRITERS = [...ADMINS, 'program_manager' as const];
const trainee = (fx: Fixture, l: Level) => fx.cadres[l === 'city' ? 'snsw' : 'bdg']!;
const expert = (fx: Fixture, l: Level) => fx.users[l === 'city' ? 'qd_expert' : 'sn_expert']!;

/** A program of the level with its trainee enrolled and a topic in `status`; in scope the trainee leads the topic's
 * task force and the level's external account is attached; out of scope neither, in a program outside the subtree. */
async function setup(t: TestApp, l: Level, scoped: boolean, status: 'draft' | 'bidding' | 'assigned' = 'assigned') {
  const fx = t.fixture;
  const programId = await freshTopicProgram(t, scoped ? home(fx, l) : outside(fx, l), scoped ? [trainee(fx, l)] : []);
  const topicId = await freshTopic(t, programId, { status, min: 1, max: 5 });
  let memberId = 0;
  if (scoped && status === 'assigned') {
    memberId = await freshMember(t, topicId, trainee(fx, l), 'lead');
    await attachExternal(t, topicId, expert(fx, l));
  }
  return { programId, topicId, memberId };
}

type Setup = Awaited<ReturnType<typeof setup>>;
const both = (build: (s: Setup) => Req, status?: 'draft' | 'bidding' | 'assigned') => ({
  request: async (t: TestApp, l: Level) => build(await setup(t, l, true, status)),
  outOfScope: { status: 404, request: async (t: TestApp, l: Level) => build(await setup(t, l, false, status)) },
});

/** Topic-scoped reads: organizers, the task-force member and the attached external account. */
const topicRead = (build: (s: Setup) => Req): Spec => ({ expect: { ...ok(200, READERS), trainee: 200, external_expert: 200 }, otherwise: 404, ...both(build) });
/** Topic-scoped writes: managers; those who can see the topic without managing it get 403, others 404. */
const topicWrite = (status: number, build: (s: Setup) => Req, topicStatus?: 'draft' | 'bidding' | 'assigned'): Spec => ({
  expect: {
    ...ok(status, WRITERS),
    tutor: 403,
    trainee: topicStatus && topicStatus !== 'assigned' ? 404 : 403,
    external_expert: topicStatus && topicStatus !== 'assigned' ? 404 : 403,
  },
  otherwise: 404,
  ...both(build, topicStatus),
});
const programRoute = (method: string, path: string, roles: 'read' | 'write', status = 200, payload?: object): Spec => ({
  expect: ok(status, roles === 'read' ? READERS : WRITERS),
  otherwise: 403,
  ...both(({ programId }) => ({ method, url: `/api/v1/programs/${programId}${path}`, ...(payload ? { payload } : {}) }), 'bidding'),
});

export const TOPICS_MATRIX: Record<string, Spec> = {
  'GET /api/v1/topics': { expect: ok(200, READERS), otherwise: 403, request: () => ({ method: 'GET', url: '/api/v1/topics' }) },
  'GET /api/v1/programs/:id/topics': programRoute('GET', '/topics', 'read'),
  'POST /api/v1/programs/:id/topics': programRoute('POST', '/topics', 'write', 201, { title: '矩阵课题', teamMin: 2, teamMax: 6 }),
  'GET /api/v1/topics/:topicId': topicRead(({ topicId }) => ({ method: 'GET', url: `/api/v1/topics/${topicId}` })),
  'PATCH /api/v1/topics/:topicId': topicWrite(200, ({ topicId }) => ({
    method: 'PATCH',
    url: `/api/v1/topics/${topicId}`,
    payload: { goals: '形成可落地的对策' },
  })),
  'DELETE /api/v1/topics/:topicId': topicWrite(204, ({ topicId }) => ({ method: 'DELETE', url: `/api/v1/topics/${topicId}` }), 'draft'),
  'POST /api/v1/topics/:topicId/status': topicWrite(
    200,
    ({ topicId }) => ({ method: 'POST', url: `/api/v1/topics/${topicId}/status`, payload: { status: 'bidding', biddingClosesOn: daysFromToday(5) } }),
    'draft',
  ),

  'GET /api/v1/me/topics': { expect: {}, otherwise: 200, request: () => ({ method: 'GET', url: '/api/v1/me/topics' }) },
  'GET /api/v1/me/programs/:id/topics': {
    expect: { trainee: 200 },
    otherwise: 404,
    ...both(({ programId }) => ({ method: 'GET', url: `/api/v1/me/programs/${programId}/topics` }), 'bidding'),
  },
  'PUT /api/v1/me/programs/:id/bids': {
    expect: { trainee: 200 },
    otherwise: 404,
    ...both(
      ({ programId, topicId }) => ({
        method: 'PUT',
        url: `/api/v1/me/programs/${programId}/bids`,
        payload: { bids: [{ topicId, proposal: '有相关工作经验' }] },
      }),
      'bidding',
    ),
  },
  'GET /api/v1/topics/:topicId/bids': {
    expect: { ...ok(200, READERS), trainee: 403, external_expert: 403 },
    otherwise: 404,
    ...both(({ topicId }) => ({ method: 'GET', url: `/api/v1/topics/${topicId}/bids` })),
  },
  'PUT /api/v1/topics/:topicId/winners': {
    expect: { ...ok(200, WRITERS), tutor: 403 },
    otherwise: 404,
    request: async (t, l) => {
      const { programId, topicId } = await setup(t, l, true, 'bidding');
      await freshBid(t, programId, topicId, trainee(t.fixture, l), 1);
      return { method: 'PUT', url: `/api/v1/topics/${topicId}/winners`, payload: { cadreIds: [trainee(t.fixture, l)] } };
    },
    outOfScope: {
      status: 404,
      request: async (t, l) => {
        const { programId, topicId } = await setup(t, l, false, 'bidding');
        await freshBid(t, programId, topicId, trainee(t.fixture, l), 1);
        return { method: 'PUT', url: `/api/v1/topics/${topicId}/winners`, payload: { cadreIds: [trainee(t.fixture, l)] } };
      },
    },
  },

  'POST /api/v1/programs/:id/topic-assignment-runs': programRoute('POST', '/topic-assignment-runs', 'write', 201, {}),
  'GET /api/v1/programs/:id/topic-assignment-runs': programRoute('GET', '/topic-assignment-runs', 'read'),
  'GET /api/v1/topic-assignment-runs/:id': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: async (t, l) => {
      const { programId, topicId } = await setup(t, l, true, 'bidding');
      return { method: 'GET', url: `/api/v1/topic-assignment-runs/${await freshRun(t, programId, topicId, trainee(t.fixture, l))}` };
    },
    outOfScope: {
      status: 404,
      request: async (t, l) => {
        const { programId, topicId } = await setup(t, l, false, 'bidding');
        return { method: 'GET', url: `/api/v1/topic-assignment-runs/${await freshRun(t, programId, topicId, trainee(t.fixture, l))}` };
      },
    },
  },
  'POST /api/v1/topic-assignment-runs/:id/adopt': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: async (t, l) => {
      const { programId, topicId } = await setup(t, l, true, 'bidding');
      return { method: 'POST', url: `/api/v1/topic-assignment-runs/${await freshRun(t, programId, topicId, trainee(t.fixture, l))}/adopt` };
    },
    outOfScope: {
      status: 404,
      request: async (t, l) => {
        const { programId, topicId } = await setup(t, l, false, 'bidding');
        return { method: 'POST', url: `/api/v1/topic-assignment-runs/${await freshRun(t, programId, topicId, trainee(t.fixture, l))}/adopt` };
      },
    },
  },

  'GET /api/v1/topics/:topicId/members': topicRead(({ topicId }) => ({ method: 'GET', url: `/api/v1/topics/${topicId}/members` })),
  'POST /api/v1/topics/:topicId/members': topicWrite(200, ({ topicId }) => ({
    method: 'POST',
    url: `/api/v1/topics/${topicId}/members`,
    payload: { role: 'liaison', name: '周联络', orgId: 1 },
  })),
  'PATCH /api/v1/topics/:topicId/members/:memberId': topicWrite(200, ({ topicId, memberId }) => ({
    method: 'PATCH',
    url: `/api/v1/topics/${topicId}/members/${memberId || 1}`,
    payload: { role: 'member' },
  })),
  'DELETE /api/v1/topics/:topicId/members/:memberId': topicWrite(204, ({ topicId, memberId }) => ({
    method: 'DELETE',
    url: `/api/v1/topics/${topicId}/members/${memberId || 1}`,
  })),

  'GET /api/v1/programs/:id/topic-roster.xlsx': programRoute('GET', '/topic-roster.xlsx', 'read'),
  'GET /api/v1/programs/:id/topic-roster.docx': programRoute('GET', '/topic-roster.docx', 'read'),
};
