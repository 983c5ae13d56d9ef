// Routes of the problems module (issue 5): organizers in scope read (program:read) and curate (program:write) a
// program's problem list; a trainee reaches only /me routes of a program they are enrolled in, and only their own
// questions; external experts and host contacts reach nothing here.
import type { Fixture } from '../fixture.ts';
import { multipart } from '../multipart.ts';
import { problemScenario, QUESTIONS, type ProblemScenario } from '../problems-helpers.ts';
import type { TestApp } from '../support.ts';
import { ADMINS, READERS, home, ok, outside, type Level, type Req, type Spec } from './support.ts';

const WRITERS = [...ADMINS, 'program_manager' as const];
const trainee = (fx: Fixture, l: Level) => fx.cadres[l === 'city' ? 'snsw' : 'bdg']!;
const otherCadre = (fx: Fixture, l: Level) => fx.cadres[l === 'city' ? 'fgw' : 'tpj']!;

/** In scope: the level's program with the level's trainee enrolled. Out of scope: a program outside the subtree with someone else enrolled. */
const scenario = (t: TestApp, l: Level, scoped: boolean) =>
  scoped ? problemScenario(t, home(t.fixture, l), trainee(t.fixture, l)) : problemScenario(t, outside(t.fixture, l), otherCadre(t.fixture, l));

const CSV = `问题,领域,提出单位,提出人\n${QUESTIONS[3]},城市建设,,张三\n`;

/** A spec whose request is built from a fresh scenario, in scope or not. */
const route = (expect: Spec['expect'], otherwise: number, make: (s: ProblemScenario) => Req): Spec => ({
  expect,
  otherwise,
  request: async (t, l) => make(await scenario(t, l, true)),
  outOfScope: { status: 404, request: async (t, l) => make(await scenario(t, l, false)) },
});
const read = (make: (s: ProblemScenario) => Req) => route(ok(200, READERS), 403, make);
const write = (make: (s: ProblemScenario) => Req, status = 200) => route(ok(status, WRITERS), 403, make);
const own = (make: (s: ProblemScenario) => Req, status = 200) => route({ trainee: status }, 404, make);

const base = (s: ProblemScenario) => `/api/v1/programs/${s.programId}`;
const me = (s: ProblemScenario) => `/api/v1/me/programs/${s.programId}/questions`;

export const PROBLEMS_MATRIX: Record<string, Spec> = {
  'GET /api/v1/programs/:id/questions': read((s) => ({ method: 'GET', url: `${base(s)}/questions` })),
  'POST /api/v1/programs/:id/questions': write((s) => ({
    method: 'POST',
    url: `${base(s)}/questions`,
    payload: { text: QUESTIONS[3], submitterName: '张三' },
  })),
  'GET /api/v1/programs/:id/questions/template.xlsx': write((s) => ({ method: 'GET', url: `${base(s)}/questions/template.xlsx` })),
  'POST /api/v1/programs/:id/questions/import': write((s) => {
    const form = multipart({}, { name: '问题.csv', content: CSV });
    return { method: 'POST', url: `${base(s)}/questions/import?dryRun=true`, headers: form.headers, payload: form.payload };
  }),

  'GET /api/v1/me/programs/:id/questions': own((s) => ({ method: 'GET', url: me(s) })),
  'POST /api/v1/me/programs/:id/questions': own((s) => ({ method: 'POST', url: me(s), payload: { text: QUESTIONS[4] } })),
  'PUT /api/v1/me/programs/:id/questions/:questionId': own((s) => ({ method: 'PUT', url: `${me(s)}/${s.questionIds[0]}`, payload: { text: QUESTIONS[4] } })),
  'DELETE /api/v1/me/programs/:id/questions/:questionId': own((s) => ({ method: 'DELETE', url: `${me(s)}/${s.questionIds[0]}` }), 204),

  'GET /api/v1/programs/:id/key-problems': read((s) => ({ method: 'GET', url: `${base(s)}/key-problems` })),
  'POST /api/v1/programs/:id/key-problems/promote': write((s) => ({ method: 'POST', url: `${base(s)}/key-problems/promote` })),
  'POST /api/v1/programs/:id/key-problems/merge': write((s) => ({
    method: 'POST',
    url: `${base(s)}/key-problems/merge`,
    payload: { ids: s.itemIds.slice(0, 2), survivorId: s.itemIds[0] },
  })),
  'PUT /api/v1/programs/:id/key-problems/order': write((s) => ({
    method: 'PUT',
    url: `${base(s)}/key-problems/order`,
    payload: { ids: [...s.itemIds].reverse() },
  })),
  'PATCH /api/v1/programs/:id/key-problems/:itemId': write((s) => ({
    method: 'PATCH',
    url: `${base(s)}/key-problems/${s.itemIds[0]}`,
    payload: { kind: 'fixed' },
  })),
  'POST /api/v1/programs/:id/key-problems/:itemId/split': write((s) => ({
    method: 'POST',
    url: `${base(s)}/key-problems/${s.itemIds[0]}/split`,
    payload: {
      parts: [
        { title: '融资难', questionIds: [s.questionIds[0]] },
        { title: '融资贵', questionIds: [s.questionIds[0]] },
      ],
    },
  })),
  'DELETE /api/v1/programs/:id/key-problems/:itemId': write((s) => ({ method: 'DELETE', url: `${base(s)}/key-problems/${s.itemIds[0]}` }), 204),
  'GET /api/v1/programs/:id/duplicate-suggestions': read((s) => ({ method: 'GET', url: `${base(s)}/duplicate-suggestions?over=items` })),

  'GET /api/v1/programs/:id/problem-lists': read((s) => ({ method: 'GET', url: `${base(s)}/problem-lists` })),
  'POST /api/v1/programs/:id/problem-lists': write((s) => ({
    method: 'POST',
    url: `${base(s)}/problem-lists`,
    payload: { version: '2.0', title: '问题清单 2.0' },
  })),
  'GET /api/v1/programs/:id/problem-lists/diff': read((s) => ({
    method: 'GET',
    url: `${base(s)}/problem-lists/diff?from=${s.versionIds[0]}&to=${s.versionIds[1]}`,
  })),
  'GET /api/v1/programs/:id/problem-lists/:versionId': read((s) => ({ method: 'GET', url: `${base(s)}/problem-lists/${s.versionIds[0]}` })),
  'GET /api/v1/programs/:id/key-problems.xlsx': read((s) => ({ method: 'GET', url: `${base(s)}/key-problems.xlsx?versionId=${s.versionIds[1]}` })),
  'GET /api/v1/programs/:id/key-problems.docx': read((s) => ({ method: 'GET', url: `${base(s)}/key-problems.docx` })),
};
