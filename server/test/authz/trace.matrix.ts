// Routes of the trace module (issue 5). Chains and funnels are for organizers with program:read whose subtree holds
// the program; accounts with neither program:read nor landing:write get 403, everything outside the subtree 404.
// (Owner units tracing what they land are covered in trace.test.ts.)
import { buildChain, type Chain } from '../trace-helpers.ts';
import type { TestApp } from '../support.ts';
import { READERS, below, home, ok, outside, type Level, type Spec } from './support.ts';

// A chain only reads, so one per app, level and side is enough however many viewers ask.
const chains = new WeakMap<TestApp, Map<string, Promise<Chain>>>();
function chainOf(t: TestApp, l: Level, scoped: boolean): Promise<Chain> {
  const byKey = chains.get(t) ?? new Map<string, Promise<Chain>>();
  chains.set(t, byKey);
  const key = `${l}-${scoped}`;
  if (!byKey.has(key)) {
    const org = scoped ? home(t.fixture, l) : outside(t.fixture, l);
    const owner = scoped ? below(t.fixture) : org;
    const cadreId = t.fixture.cadres[scoped ? (l === 'city' ? 'snsw' : 'bdg') : l === 'city' ? 'dl' : 'szk']!;
    byKey.set(key, buildChain(t, { orgId: org, landedOwnerOrgId: owner, otherOwnerOrgId: owner, cadreId, homeOrgId: org }));
  }
  return byKey.get(key)!;
}

const chainRoute = (url: (c: Chain) => string): Spec => ({
  expect: ok(200, READERS),
  otherwise: 403,
  request: async (t, l) => ({ method: 'GET', url: url(await chainOf(t, l, true)) }),
  outOfScope: { status: 404, request: async (t, l) => ({ method: 'GET', url: url(await chainOf(t, l, false)) }) },
});

export const TRACE_MATRIX: Record<string, Spec> = {
  'GET /api/v1/recommendations/:id/trace': chainRoute((c) => `/api/v1/recommendations/${c.recommendations.landed}/trace`),
  'GET /api/v1/key-problems/:id/trace': chainRoute((c) => `/api/v1/key-problems/${c.keyProblems.kp1}/trace`),
  'GET /api/v1/questions/:id/trace': chainRoute((c) => `/api/v1/questions/${c.questions.q2}/trace`),
  'GET /api/v1/programs/:id/funnel': chainRoute((c) => `/api/v1/programs/${c.programId}/funnel`),
  'GET /api/v1/funnel': chainRoute((c) => `/api/v1/funnel?from=2026-01&to=2026-12&programId=${c.programId}`),
};
