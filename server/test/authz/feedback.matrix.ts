// Routes of the feedback module (issue 3): ratings and evaluations, questionnaires, reflections, good practices.
// /me routes act on the signed-in trainee's own cadre: other roles have no cadre and get 404 (writes) or [] (lists).
import type { Fixture } from '../fixture.ts';
import { freshPractice, freshProgram, freshReflection, freshSession, freshTemplate } from '../feedback-helpers.ts';
import { ADMINS, READERS, home, next, ok, outside, type Level, type Spec } from './support.ts';

const WRITERS = [...ADMINS, 'program_manager' as const];
/** The program each level's viewers see, one they must not, and the trainee cadre of each level. */
const program = (fx: Fixture, l: Level) => fx.programs[l === 'city' ? 'QD' : 'SN']!;
const outsideProgram = (fx: Fixture, l: Level) => fx.programs[l === 'city' ? 'DL' : 'LS']!;
const trainee = (fx: Fixture, l: Level) => fx.cadres[l === 'city' ? 'snsw' : 'bdg']!;
const otherCadre = (fx: Fixture, l: Level) => fx.cadres[l === 'city' ? 'fgw' : 'tpj']!;

const questionnaire = { name: '结业问卷', questions: [{ id: 'q1', type: 'rating', title: '总体满意度', required: true }] };
const practice = { title: '项目代办制', summary: '重点项目全程代办，审批提速', fields: ['营商环境'], sourceCity: '深圳' };

export const FEEDBACK_MATRIX: Record<string, Spec> = {
  'POST /api/v1/me/session-ratings': {
    expect: { trainee: 201 },
    otherwise: 404,
    request: async (t, l) => ({
      method: 'POST',
      url: '/api/v1/me/session-ratings',
      payload: { sessionId: await freshSession(t, program(t.fixture, l)), content: 5, delivery: 4, usefulness: 5 },
    }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({
        method: 'POST',
        url: '/api/v1/me/session-ratings',
        payload: { sessionId: await freshSession(t, outsideProgram(t.fixture, l)), content: 5, delivery: 4, usefulness: 5 },
      }),
    },
  },
  'GET /api/v1/me/session-ratings/pending': { expect: {}, otherwise: 200, request: () => ({ method: 'GET', url: '/api/v1/me/session-ratings/pending' }) },
  'GET /api/v1/programs/:id/evaluations': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${program(t.fixture, l)}/evaluations` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${outsideProgram(t.fixture, l)}/evaluations` }) },
  },

  'GET /api/v1/questionnaire-templates': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: () => ({ method: 'GET', url: '/api/v1/questionnaire-templates' }),
  },
  'GET /api/v1/questionnaire-templates/:id': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: async (t, l) => ({ method: 'GET', url: `/api/v1/questionnaire-templates/${await freshTemplate(t, home(t.fixture, l))}` }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({ method: 'GET', url: `/api/v1/questionnaire-templates/${await freshTemplate(t, outside(t.fixture, l))}` }),
    },
  },
  'POST /api/v1/questionnaire-templates': {
    expect: ok(201, WRITERS),
    otherwise: 403,
    request: (t, l) => ({ method: 'POST', url: '/api/v1/questionnaire-templates', payload: { ...questionnaire, orgId: home(t.fixture, l) } }),
    outOfScope: {
      status: 400,
      request: (t, l) => ({ method: 'POST', url: '/api/v1/questionnaire-templates', payload: { ...questionnaire, orgId: outside(t.fixture, l) } }),
    },
  },
  'PATCH /api/v1/questionnaire-templates/:id': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: async (t, l) => ({
      method: 'PATCH',
      url: `/api/v1/questionnaire-templates/${await freshTemplate(t, home(t.fixture, l))}`,
      payload: { name: `改名${next()}` },
    }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({
        method: 'PATCH',
        url: `/api/v1/questionnaire-templates/${await freshTemplate(t, outside(t.fixture, l))}`,
        payload: { name: 'x' },
      }),
    },
  },
  'DELETE /api/v1/questionnaire-templates/:id': {
    expect: ok(204, WRITERS),
    otherwise: 403,
    request: async (t, l) => ({ method: 'DELETE', url: `/api/v1/questionnaire-templates/${await freshTemplate(t, home(t.fixture, l))}` }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({ method: 'DELETE', url: `/api/v1/questionnaire-templates/${await freshTemplate(t, outside(t.fixture, l))}` }),
    },
  },
  'GET /api/v1/programs/:id/questionnaire': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${program(t.fixture, l)}/questionnaire` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${outsideProgram(t.fixture, l)}/questionnaire` }) },
  },
  'PUT /api/v1/programs/:id/questionnaire': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: async (t, l) => ({
      method: 'PUT',
      url: `/api/v1/programs/${await freshProgram(t, home(t.fixture, l), [])}/questionnaire`,
      payload: { templateId: null },
    }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({
        method: 'PUT',
        url: `/api/v1/programs/${await freshProgram(t, outside(t.fixture, l), [])}/questionnaire`,
        payload: { templateId: null },
      }),
    },
  },
  'GET /api/v1/programs/:id/questionnaire/results': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${program(t.fixture, l)}/questionnaire/results` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${outsideProgram(t.fixture, l)}/questionnaire/results` }) },
  },
  'GET /api/v1/me/questionnaires': { expect: {}, otherwise: 200, request: () => ({ method: 'GET', url: '/api/v1/me/questionnaires' }) },
  'POST /api/v1/me/questionnaires/:programId': {
    expect: { trainee: 201 },
    otherwise: 404,
    // A fresh program each time, with this level's trainee enrolled, since each trainee may answer only once.
    request: async (t, l) => ({
      method: 'POST',
      url: `/api/v1/me/questionnaires/${await freshProgram(t, home(t.fixture, l), [trainee(t.fixture, l)])}`,
      payload: { answers: { overall: 5, design: 4, organisation: 5, most_useful: '现场教学' } },
    }),
    outOfScope: {
      status: 404,
      request: (t, l) => ({
        method: 'POST',
        url: `/api/v1/me/questionnaires/${outsideProgram(t.fixture, l)}`,
        payload: { answers: { overall: 5, design: 4, organisation: 5, most_useful: '现场教学' } },
      }),
    },
  },

  'GET /api/v1/me/reflections': { expect: {}, otherwise: 200, request: () => ({ method: 'GET', url: '/api/v1/me/reflections' }) },
  'POST /api/v1/me/reflections': {
    expect: { trainee: 201 },
    otherwise: 404,
    request: (t, l) => ({
      method: 'POST',
      url: '/api/v1/me/reflections',
      payload: {
        programId: program(t.fixture, l),
        title: '赴深圳学习心得',
        learned: '前海的招商引资经验',
        actionItems: [{ content: '制定人才政策', owner: '本人' }],
      },
    }),
    outOfScope: {
      status: 404,
      request: (t, l) => ({ method: 'POST', url: '/api/v1/me/reflections', payload: { programId: outsideProgram(t.fixture, l), title: 'x', learned: 'y' } }),
    },
  },
  'PATCH /api/v1/me/reflections/:id': {
    expect: { trainee: 200 },
    otherwise: 404,
    request: async (t, l) => ({
      method: 'PATCH',
      url: `/api/v1/me/reflections/${(await freshReflection(t, program(t.fixture, l), trainee(t.fixture, l))).reflectionId}`,
      payload: { title: '修改后的标题' },
    }),
    // Another trainee's reflection in the same program does not exist for the caller.
    outOfScope: {
      status: 404,
      request: async (t, l) => ({
        method: 'PATCH',
        url: `/api/v1/me/reflections/${(await freshReflection(t, program(t.fixture, l), otherCadre(t.fixture, l))).reflectionId}`,
        payload: { title: 'x' },
      }),
    },
  },
  'GET /api/v1/programs/:id/reflections': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${program(t.fixture, l)}/reflections` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${outsideProgram(t.fixture, l)}/reflections` }) },
  },
  'PATCH /api/v1/action-items/:id': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: async (t, l) => ({
      method: 'PATCH',
      url: `/api/v1/action-items/${(await freshReflection(t, program(t.fixture, l), trainee(t.fixture, l))).itemId}`,
      payload: { status: 'in_progress' },
    }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({
        method: 'PATCH',
        url: `/api/v1/action-items/${(await freshReflection(t, outsideProgram(t.fixture, l), t.fixture.cadres[l === 'city' ? 'dl' : 'szk']!)).itemId}`,
        payload: { status: 'done' },
      }),
    },
  },

  'GET /api/v1/practices': { expect: ok(200, READERS), otherwise: 403, request: () => ({ method: 'GET', url: '/api/v1/practices?q=招商引资' }) },
  'GET /api/v1/practices/facets': { expect: ok(200, READERS), otherwise: 403, request: () => ({ method: 'GET', url: '/api/v1/practices/facets' }) },
  'GET /api/v1/practices/:id': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: async (t, l) => ({ method: 'GET', url: `/api/v1/practices/${await freshPractice(t, home(t.fixture, l))}` }),
    outOfScope: { status: 404, request: async (t, l) => ({ method: 'GET', url: `/api/v1/practices/${await freshPractice(t, outside(t.fixture, l))}` }) },
  },
  'POST /api/v1/practices': {
    expect: ok(201, WRITERS),
    otherwise: 403,
    request: (t, l) => ({ method: 'POST', url: '/api/v1/practices', payload: { ...practice, orgId: home(t.fixture, l) } }),
    outOfScope: { status: 400, request: (t, l) => ({ method: 'POST', url: '/api/v1/practices', payload: { ...practice, orgId: outside(t.fixture, l) } }) },
  },
  'PATCH /api/v1/practices/:id': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: async (t, l) => ({ method: 'PATCH', url: `/api/v1/practices/${await freshPractice(t, home(t.fixture, l))}`, payload: { title: '改后的标题' } }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({ method: 'PATCH', url: `/api/v1/practices/${await freshPractice(t, outside(t.fixture, l))}`, payload: { title: 'x' } }),
    },
  },
  'DELETE /api/v1/practices/:id': {
    expect: ok(204, WRITERS),
    otherwise: 403,
    request: async (t, l) => ({ method: 'DELETE', url: `/api/v1/practices/${await freshPractice(t, home(t.fixture, l))}` }),
    outOfScope: { status: 404, request: async (t, l) => ({ method: 'DELETE', url: `/api/v1/practices/${await freshPractice(t, outside(t.fixture, l))}` }) },
  },
};
