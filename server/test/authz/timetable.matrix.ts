// Routes of the timetable module (issue 3). The public iCal feed (GET /api/v1/calendar/:file) is in the PUBLIC
// list of authorization.test.ts; timetable.test.ts proves a forged token answers 404.
import { nowIso } from '../../src/db/dialect.ts';
import { beijingIso } from '../program-fixture.ts';
import type { TestApp } from '../support.ts';
import { ADMINS, READERS, ok, type Level, type Spec } from './support.ts';

const WRITERS = [...ADMINS, 'program_manager' as const];
const program = (t: TestApp, l: Level) => t.fixture.programs[l === 'city' ? 'QD' : 'SN']!;
const foreignProgram = (t: TestApp, l: Level) => t.fixture.programs[l === 'city' ? 'DL' : 'LS']!;
const session = (t: TestApp, l: Level) => t.fixture.sessions[l === 'city' ? 'QD-past' : 'SN-past']!;
const foreignSession = (t: TestApp, l: Level) => t.fixture.sessions[l === 'city' ? 'DL-past' : 'LS-past']!;
/** Tomorrow in Beijing: inside every fixture program's dates. */
const tomorrow = () => beijingIso(86_400_000).slice(0, 10);

const body = () => ({
  type: 'lecture',
  title: '矩阵测试课',
  startsAt: `${tomorrow()}T19:00:00+08:00`,
  endsAt: `${tomorrow()}T20:00:00+08:00`,
  creditedHours: 1,
});

/** A session nobody has recorded anything against, so it can be edited or deleted. */
async function freshSession(t: TestApp, programId: number): Promise<number> {
  const at = nowIso();
  const { id } = await t.db.kysely
    .insertInto('program_sessions')
    .values({
      program_id: programId,
      code: null,
      title: '临时课程',
      type: 'seminar',
      starts_at: `${tomorrow()}T15:00:00+08:00`,
      ends_at: `${tomorrow()}T16:00:00+08:00`,
      venue_id: null,
      audience_kind: 'program',
      audience_class_id: null,
      audience_group_id: null,
      credited_hours: 1,
      mode: 'offline',
      checkin_enabled: 1,
      geofence_m: null,
      checkin_generation: 0,
      notes: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

const programRead = (path: string): Spec => ({
  expect: ok(200, READERS),
  otherwise: 403,
  request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${program(t, l)}${path}` }),
  outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${foreignProgram(t, l)}${path}` }) },
});

const sessionWrite = (method: string, path: string, status: number, payload?: () => unknown): Spec => ({
  expect: ok(status, WRITERS),
  otherwise: 403,
  request: async (t, l) => ({
    method,
    url: `/api/v1/sessions/${await freshSession(t, program(t, l))}${path}`,
    ...(payload ? { payload: payload() as object } : {}),
  }),
  outOfScope: {
    status: 404,
    request: async (t, l) => ({
      method,
      url: `/api/v1/sessions/${await freshSession(t, foreignProgram(t, l))}${path}`,
      ...(payload ? { payload: payload() as object } : {}),
    }),
  },
});

export const TIMETABLE_MATRIX: Record<string, Spec> = {
  'GET /api/v1/programs/:id/sessions': programRead('/sessions'),
  'GET /api/v1/programs/:id/timetable/conflicts': programRead('/timetable/conflicts'),
  'GET /api/v1/programs/:id/timetable/metrics': programRead('/timetable/metrics'),
  'GET /api/v1/programs/:id/timetable.xlsx': programRead('/timetable.xlsx'),
  'GET /api/v1/programs/:id/timetable.docx': programRead('/timetable.docx'),
  'POST /api/v1/programs/:id/sessions': {
    expect: ok(201, WRITERS),
    otherwise: 403,
    request: (t, l) => ({ method: 'POST', url: `/api/v1/programs/${program(t, l)}/sessions`, payload: body() }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'POST', url: `/api/v1/programs/${foreignProgram(t, l)}/sessions`, payload: body() }) },
  },
  'GET /api/v1/sessions/:id': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: (t, l) => ({ method: 'GET', url: `/api/v1/sessions/${session(t, l)}` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/sessions/${foreignSession(t, l)}` }) },
  },
  'PATCH /api/v1/sessions/:id': sessionWrite('PATCH', '', 200, () => ({ title: '改过的课程' })),
  'POST /api/v1/sessions/:id/duplicate': sessionWrite('POST', '/duplicate', 201, () => ({ date: tomorrow() })),
  'DELETE /api/v1/sessions/:id': sessionWrite('DELETE', '', 204),
  'PUT /api/v1/sessions/:id/stops': sessionWrite('PUT', '/stops', 200, () => [{ seq: 1, name: '第一站' }]),
  // Only an account linked to a cadre (a trainee) has a personal timetable.
  'GET /api/v1/me/calendar': { expect: { trainee: 200 }, otherwise: 404, request: () => ({ method: 'GET', url: '/api/v1/me/calendar' }) },
};
