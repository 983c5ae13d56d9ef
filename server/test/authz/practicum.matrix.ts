// Routes of the practicum module (issue 4): long placements. /me routes act on the signed-in trainee's own placement
// (others get 404); host routes open to the unit's contact account (placement:host) whatever their subtree, and to
// organizers in scope (program:read to view, program:write to comment and review on the host's behalf).
import type { Fixture } from '../fixture.ts';
import { freshLog, freshPlacement, thisMonday, today } from '../practicum-helpers.ts';
import { addDays } from '../../src/modules/practicum/practicum.rules.ts';
import type { TestApp } from '../support.ts';
import { ADMINS, READERS, home, ok, outside, type Level, type Spec } from './support.ts';

const ORGANIZER_WRITERS = [...ADMINS, 'program_manager' as const];
const trainee = (fx: Fixture, l: Level) => fx.cadres[l === 'city' ? 'snsw' : 'bdg']!;
const otherCadre = (fx: Fixture, l: Level) => fx.cadres[l === 'city' ? 'fgw' : 'tpj']!;
const hostUser = (fx: Fixture, l: Level) => fx.users[l === 'city' ? 'qd_host' : 'sn_host']!;

/** The level's trainee placed with a unit whose contact is the level's host account, in a program of the level. */
const inScope = (t: TestApp, l: Level, startDate?: string) =>
  freshPlacement(t, { orgId: home(t.fixture, l), cadreId: trainee(t.fixture, l), contactUserId: hostUser(t.fixture, l), ...(startDate ? { startDate } : {}) });
/** Someone else's placement: another cadre, a unit with no contact, a program outside the level's subtree. */
const outOfScope = (t: TestApp, l: Level, startDate?: string) =>
  freshPlacement(t, { orgId: outside(t.fixture, l), cadreId: otherCadre(t.fixture, l), contactUserId: null, ...(startDate ? { startDate } : {}) });

const checkin = { contactConfirmed: true, firstTasks: '熟悉投资业务流程，参与一个项目尽调' };
const log = { content: '本周参与项目尽调与投决会，整理了三份行业研究材料，学习风控流程。' };
const comment = { comment: '工作扎实，建议多总结可复制的做法。' };
const midterm = { hostFeedback: '适应快，能独立承担研究任务。', score: 88 };
const final = { ...midterm, result: 'good' };

const withLog = async (t: TestApp, l: Level, scoped: boolean) => {
  const p = scoped ? await inScope(t, l) : await outOfScope(t, l);
  return { p, logId: await freshLog(t, p.placementId, thisMonday()) };
};

const hostWrite = (method: 'PUT' | 'POST', path: (id: number, logId: number) => string, payload: object): Spec => ({
  expect: { ...ok(200, ORGANIZER_WRITERS), host_contact: 200 },
  otherwise: 403,
  request: async (t, l) => {
    const { p, logId } = await withLog(t, l, true);
    return { method, url: path(p.placementId, logId), payload };
  },
  outOfScope: {
    status: 404,
    request: async (t, l) => {
      const { p, logId } = await withLog(t, l, false);
      return { method, url: path(p.placementId, logId), payload };
    },
  },
});

export const PRACTICUM_MATRIX: Record<string, Spec> = {
  'GET /api/v1/me/placements': { expect: {}, otherwise: 200, request: () => ({ method: 'GET', url: '/api/v1/me/placements' }) },
  'POST /api/v1/me/placements/:id/remote-checkin': {
    expect: { trainee: 200 },
    otherwise: 404,
    request: async (t, l) => ({
      method: 'POST',
      url: `/api/v1/me/placements/${(await inScope(t, l, addDays(today(), 7))).placementId}/remote-checkin`,
      payload: checkin,
    }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({
        method: 'POST',
        url: `/api/v1/me/placements/${(await outOfScope(t, l, addDays(today(), 7))).placementId}/remote-checkin`,
        payload: checkin,
      }),
    },
  },
  'PUT /api/v1/me/placements/:id/logs/:weekStart': {
    expect: { trainee: 200 },
    otherwise: 404,
    request: async (t, l) => ({ method: 'PUT', url: `/api/v1/me/placements/${(await inScope(t, l)).placementId}/logs/${thisMonday()}`, payload: log }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({ method: 'PUT', url: `/api/v1/me/placements/${(await outOfScope(t, l)).placementId}/logs/${thisMonday()}`, payload: log }),
    },
  },

  'GET /api/v1/host/placements': {
    expect: { ...ok(200, ADMINS), host_contact: 200 },
    otherwise: 403,
    request: () => ({ method: 'GET', url: '/api/v1/host/placements' }),
  },
  'GET /api/v1/host/placements/:id': {
    expect: { ...ok(200, READERS), host_contact: 200 },
    otherwise: 403,
    request: async (t, l) => ({ method: 'GET', url: `/api/v1/host/placements/${(await inScope(t, l)).placementId}` }),
    outOfScope: { status: 404, request: async (t, l) => ({ method: 'GET', url: `/api/v1/host/placements/${(await outOfScope(t, l)).placementId}` }) },
  },
  'POST /api/v1/host/placements/:id/logs/:logId/comment': hostWrite('POST', (id, logId) => `/api/v1/host/placements/${id}/logs/${logId}/comment`, comment),
  'PUT /api/v1/host/placements/:id/reviews/midterm': hostWrite('PUT', (id) => `/api/v1/host/placements/${id}/reviews/midterm`, midterm),
  'PUT /api/v1/host/placements/:id/reviews/final': hostWrite('PUT', (id) => `/api/v1/host/placements/${id}/reviews/final`, final),

  'GET /api/v1/programs/:id/practicum': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: async (t, l) => ({ method: 'GET', url: `/api/v1/programs/${(await inScope(t, l)).programId}/practicum` }),
    outOfScope: { status: 404, request: async (t, l) => ({ method: 'GET', url: `/api/v1/programs/${(await outOfScope(t, l)).programId}/practicum` }) },
  },
};
