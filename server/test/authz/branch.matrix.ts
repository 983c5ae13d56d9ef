// Routes of the branch module (issue 5): managers in scope under /programs/:id/party-branch (program:read to see,
// program:write to change; outside the subtree 404; others 403). /me routes open only to the branch's own members
// (the level's trainee); everyone else, hosts and external experts included, gets 404.
import type { Fixture } from '../fixture.ts';
import { freshBranch, freshMeeting, type FreshBranch } from '../branch-helpers.ts';
import type { TestApp } from '../support.ts';
import { ADMINS, READERS, home, ok, outside, type Level, type Req, type Spec } from './support.ts';

const WRITERS = [...ADMINS, 'program_manager' as const];
const trainee = (fx: Fixture, l: Level) => fx.cadres[l === 'city' ? 'snsw' : 'bdg']!;
const otherCadre = (fx: Fixture, l: Level) => fx.cadres[l === 'city' ? 'fgw' : 'tpj']!;

const BRANCH = { name: '青岛市第三批赴深圳体悟实训临时党支部', formedOn: '2026-08-25', note: null };
const MEETING = { kind: 'theme_day', heldOn: '2026-09-15', title: '主题党日：重温入党誓词', minutes: '全体党员参加' };

/** A branch of a program at `org`, the level's trainee enrolled; `member` makes them a member with that role. */
const branchAt = (t: TestApp, l: Level, org: typeof home, member: string | null) =>
  freshBranch(t, org(t.fixture, l), [trainee(t.fixture, l)], member ? [[trainee(t.fixture, l), member]] : []);

const manager = (roles: typeof READERS, build: (t: TestApp, l: Level, b: FreshBranch) => Promise<Req> | Req, member: string | null = 'member'): Spec => ({
  expect: ok(200, roles),
  otherwise: 403,
  request: async (t, l) => build(t, l, await branchAt(t, l, home, member)),
  outOfScope: { status: 404, request: async (t, l) => build(t, l, await branchAt(t, l, outside, member)) },
});

/** /me routes: the level's trainee as a member (role) of an in-scope branch; out of scope = a branch they are not in. */
const own = (role: string, build: (t: TestApp, b: FreshBranch) => Promise<Req> | Req): Spec => ({
  expect: { trainee: 200 },
  otherwise: 404,
  request: async (t, l) => build(t, await branchAt(t, l, home, role)),
  outOfScope: {
    status: 404,
    request: async (t, l) => build(t, await freshBranch(t, home(t.fixture, l), [otherCadre(t.fixture, l)], [[otherCadre(t.fixture, l), 'secretary']])),
  },
});

const base = (b: FreshBranch) => `/api/v1/programs/${b.programId}/party-branch`;

export const BRANCH_MATRIX: Record<string, Spec> = {
  'GET /api/v1/programs/:id/party-branch': manager(READERS, (_t, _l, b) => ({ method: 'GET', url: base(b) })),
  'PUT /api/v1/programs/:id/party-branch': manager(WRITERS, (_t, _l, b) => ({ method: 'PUT', url: base(b), payload: BRANCH })),
  'POST /api/v1/programs/:id/party-branch/members': manager(
    WRITERS,
    (t, l, b) => ({ method: 'POST', url: `${base(b)}/members`, payload: { cadreId: trainee(t.fixture, l) } }),
    null,
  ),
  'POST /api/v1/programs/:id/party-branch/members/all': manager(WRITERS, (_t, _l, b) => ({ method: 'POST', url: `${base(b)}/members/all` }), null),
  'PATCH /api/v1/programs/:id/party-branch/members/:memberId': manager(WRITERS, (t, l, b) => ({
    method: 'PATCH',
    url: `${base(b)}/members/${b.memberIds.get(trainee(t.fixture, l))}`,
    payload: { partyGroup: '第一党小组' },
  })),
  'DELETE /api/v1/programs/:id/party-branch/members/:memberId': manager(WRITERS, (t, l, b) => ({
    method: 'DELETE',
    url: `${base(b)}/members/${b.memberIds.get(trainee(t.fixture, l))}`,
  })),
  'POST /api/v1/programs/:id/party-branch/meetings': manager(WRITERS, (_t, _l, b) => ({ method: 'POST', url: `${base(b)}/meetings`, payload: MEETING })),
  'PUT /api/v1/programs/:id/party-branch/meetings/:meetingId': manager(WRITERS, async (t, _l, b) => ({
    method: 'PUT',
    url: `${base(b)}/meetings/${await freshMeeting(t, b.branchId)}`,
    payload: MEETING,
  })),
  'DELETE /api/v1/programs/:id/party-branch/meetings/:meetingId': manager(WRITERS, async (t, _l, b) => ({
    method: 'DELETE',
    url: `${base(b)}/meetings/${await freshMeeting(t, b.branchId)}`,
  })),
  'GET /api/v1/me/party-branches': { expect: {}, otherwise: 200, request: () => ({ method: 'GET', url: '/api/v1/me/party-branches' }) },
  'GET /api/v1/me/party-branches/:id': own('member', (_t, b) => ({ method: 'GET', url: `/api/v1/me/party-branches/${b.branchId}` })),
  'POST /api/v1/me/party-branches/:id/meetings': own('secretary', (_t, b) => ({
    method: 'POST',
    url: `/api/v1/me/party-branches/${b.branchId}/meetings`,
    payload: MEETING,
  })),
  'PUT /api/v1/me/party-branches/:id/meetings/:meetingId': own('secretary', async (t, b) => ({
    method: 'PUT',
    url: `/api/v1/me/party-branches/${b.branchId}/meetings/${await freshMeeting(t, b.branchId)}`,
    payload: MEETING,
  })),
};
