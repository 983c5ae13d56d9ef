// Routes of the evaluation module (issue 5): organizers in scope read (program:read) and change (program:write) the
// final evaluation; a program outside the caller's subtree answers 404; everyone else 403.
import { freshProgram } from '../evaluation-helpers.ts';
import type { TestApp } from '../support.ts';
import { ADMINS, READERS, home, ok, outside, type Level, type Spec } from './support.ts';

const WRITERS = [...ADMINS, 'program_manager' as const];
const WEIGHTS = { weights: { defence: 30, host: 30, attendance: 15, reflection: 10, landing: 15 } };

const route = (method: 'GET' | 'PUT' | 'POST', suffix: string, roles: typeof READERS, payload?: object): Spec => {
  const at = async (t: TestApp, l: Level, org: typeof home) => ({
    method,
    url: `/api/v1/programs/${await freshProgram(t, org(t.fixture, l))}/evaluation${suffix}`,
    ...(payload ? { payload } : {}),
  });
  return {
    expect: ok(200, roles),
    otherwise: 403,
    request: (t, l) => at(t, l, home),
    outOfScope: { status: 404, request: (t, l) => at(t, l, outside) },
  };
};

export const EVALUATION_MATRIX: Record<string, Spec> = {
  'GET /api/v1/programs/:id/evaluation/weights': route('GET', '/weights', READERS),
  'PUT /api/v1/programs/:id/evaluation/weights': route('PUT', '/weights', WRITERS, WEIGHTS),
  'GET /api/v1/programs/:id/evaluation': route('GET', '', READERS),
  'POST /api/v1/programs/:id/evaluation/publish': route('POST', '/publish', WRITERS),
  'GET /api/v1/programs/:id/evaluation/export': route('GET', '/export', READERS),
};
