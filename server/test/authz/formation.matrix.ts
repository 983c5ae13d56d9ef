// Routes of the formation module (issue 4): readers (program:read) see the board; writers (program:write) solve,
// evaluate, save and apply. Permission is checked before scope, so other roles get 403 and out-of-scope writers 404.
import type { Fixture } from '../fixture.ts';
import { formationProgramWithDraft } from '../formation-helpers.ts';
import { ADMINS, READERS, home, ok, outside, type Level, type Spec } from './support.ts';

const WRITERS = [...ADMINS, 'program_manager' as const];
const program = (fx: Fixture, l: Level) => fx.programs[l === 'city' ? 'QD' : 'SN']!;
const outsideProgram = (fx: Fixture, l: Level) => fx.programs[l === 'city' ? 'DL' : 'LS']!;
const members = (fx: Fixture, l: Level) => (l === 'city' ? ['snsw', 'fgw'] : ['bdg', 'tpj']).map((k) => String(fx.enrolments[k]!));
const classOf = (fx: Fixture, l: Level) => String(fx.classes[l === 'city' ? 'QD' : 'SN']!);

/** Everyone of the fixture program in its one class and one group: a complete solution. */
const solution = (fx: Fixture, l: Level) => ({
  classes: [{ id: classOf(fx, l), members: members(fx, l), groups: [{ id: 'a', members: members(fx, l) }] }],
});
const outsideSolution = (fx: Fixture, l: Level) => {
  const key = l === 'city' ? 'DL' : 'LS';
  const ids = [String(fx.enrolments[l === 'city' ? 'dl' : 'szk']!)];
  return { classes: [{ id: String(fx.classes[key]!), members: ids, groups: [{ id: 'a', members: ids }] }] };
};

export const FORMATION_MATRIX: Record<string, Spec> = {
  'GET /api/v1/programs/:id/formation': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${program(t.fixture, l)}/formation` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${outsideProgram(t.fixture, l)}/formation` }) },
  },
  'POST /api/v1/programs/:id/formation/solve': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: (t, l) => ({
      method: 'POST',
      url: `/api/v1/programs/${program(t.fixture, l)}/formation/solve`,
      payload: { groupSize: { min: 1, max: 10 }, keepLocks: false },
    }),
    outOfScope: {
      status: 404,
      request: (t, l) => ({
        method: 'POST',
        url: `/api/v1/programs/${outsideProgram(t.fixture, l)}/formation/solve`,
        payload: { groupSize: { min: 1, max: 10 } },
      }),
    },
  },
  'POST /api/v1/programs/:id/formation/evaluate': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: (t, l) => ({
      method: 'POST',
      url: `/api/v1/programs/${program(t.fixture, l)}/formation/evaluate`,
      payload: { solution: solution(t.fixture, l), groupSize: { min: 1, max: 10 } },
    }),
    outOfScope: {
      status: 404,
      request: (t, l) => ({
        method: 'POST',
        url: `/api/v1/programs/${outsideProgram(t.fixture, l)}/formation/evaluate`,
        payload: { solution: outsideSolution(t.fixture, l), groupSize: { min: 1, max: 10 } },
      }),
    },
  },
  'PUT /api/v1/programs/:id/formation/draft': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    // A fresh program each time: other matrix entries enrol people into the fixture program, which would make a
    // fixed solution incomplete.
    request: async (t, l) => {
      const id = await formationProgramWithDraft(t, home(t.fixture, l));
      const draft = await t.db.kysely.selectFrom('formation_drafts').select('solution').where('program_id', '=', id).executeTakeFirstOrThrow();
      return {
        method: 'PUT',
        url: `/api/v1/programs/${id}/formation/draft`,
        payload: { solution: JSON.parse(draft.solution) as unknown, locks: [], groupSize: { min: 2, max: 4 } },
      };
    },
    outOfScope: {
      status: 404,
      request: (t, l) => ({
        method: 'PUT',
        url: `/api/v1/programs/${outsideProgram(t.fixture, l)}/formation/draft`,
        payload: { solution: outsideSolution(t.fixture, l), locks: [], groupSize: { min: 1, max: 10 } },
      }),
    },
  },
  'POST /api/v1/programs/:id/formation/apply': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: async (t, l) => ({ method: 'POST', url: `/api/v1/programs/${await formationProgramWithDraft(t, home(t.fixture, l))}/formation/apply` }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({ method: 'POST', url: `/api/v1/programs/${await formationProgramWithDraft(t, outside(t.fixture, l))}/formation/apply` }),
    },
  },
};
