// Every route × every role × an in-scope and an out-of-scope record. The expectations live in authz/*.matrix.ts;
// a route registered without an entry fails the completeness test, so new routes cannot skip the table.
import type { Role } from '@duibiao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOUNDATION_MATRIX } from './authz/foundation.matrix.ts';
import { PROGRAMS_MATRIX } from './authz/programs.matrix.ts';
import { TIMETABLE_MATRIX } from './authz/timetable.matrix.ts';
import { ATTENDANCE_MATRIX } from './authz/attendance.matrix.ts';
import { HOURS_MATRIX } from './authz/hours.matrix.ts';
import { FEEDBACK_MATRIX } from './authz/feedback.matrix.ts';
import { CLOSEOUT_MATRIX } from './authz/closeout.matrix.ts';
import { SELECTION_MATRIX } from './authz/selection.matrix.ts';
import { FORMATION_MATRIX } from './authz/formation.matrix.ts';
import { PLACEMENT_MATRIX } from './authz/placement.matrix.ts';
import { PRACTICUM_MATRIX } from './authz/practicum.matrix.ts';
import { PROBLEMS_MATRIX } from './authz/problems.matrix.ts';
import { TOPICS_MATRIX } from './authz/topics.matrix.ts';
import { MILESTONES_MATRIX } from './authz/milestones.matrix.ts';
import { RESULTS_MATRIX } from './authz/results.matrix.ts';
import { EVALUATION_MATRIX } from './authz/evaluation.matrix.ts';
import { BRANCH_MATRIX } from './authz/branch.matrix.ts';
import { TRACE_MATRIX } from './authz/trace.matrix.ts';
import type { Level, Spec } from './authz/support.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

const MATRIX: Record<string, Spec> = {
  ...FOUNDATION_MATRIX,
  ...PROGRAMS_MATRIX,
  ...TIMETABLE_MATRIX,
  ...ATTENDANCE_MATRIX,
  ...HOURS_MATRIX,
  ...FEEDBACK_MATRIX,
  ...CLOSEOUT_MATRIX,
  ...SELECTION_MATRIX,
  ...FORMATION_MATRIX,
  ...PLACEMENT_MATRIX,
  ...PRACTICUM_MATRIX,
  ...PROBLEMS_MATRIX,
  ...TOPICS_MATRIX,
  ...MILESTONES_MATRIX,
  ...RESULTS_MATRIX,
  ...EVALUATION_MATRIX,
  ...BRANCH_MATRIX,
  ...TRACE_MATRIX,
};

const PUBLIC = [
  'GET /api/health',
  'GET /api/v1/system/info',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'GET /api/openapi.json',
  'GET /api/v1/calendar/:file',
  'GET /api/v1/public/certificates/:code',
];

const VIEWERS: { username: string; role: Role; level: Level }[] = [
  { username: 'sysadmin', role: 'sys_admin', level: 'city' },
  { username: 'qd_admin', role: 'org_admin', level: 'city' },
  { username: 'qd_pm', role: 'program_manager', level: 'city' },
  { username: 'qd_tutor', role: 'tutor', level: 'city' },
  { username: 'qd_host', role: 'host_contact', level: 'city' },
  { username: 'qd_expert', role: 'external_expert', level: 'city' },
  { username: 'qd_trainee', role: 'trainee', level: 'city' },
  { username: 'sn_admin', role: 'org_admin', level: 'district' },
  { username: 'sn_pm', role: 'program_manager', level: 'district' },
  { username: 'sn_tutor', role: 'tutor', level: 'district' },
  { username: 'sn_host', role: 'host_contact', level: 'district' },
  { username: 'sn_expert', role: 'external_expert', level: 'district' },
  { username: 'sn_trainee', role: 'trainee', level: 'district' },
];

describe('authorization matrix', () => {
  let t: TestApp;
  const sessions = new Map<string, Session>();
  beforeAll(async () => {
    t = await createTestApp();
    for (const v of VIEWERS) sessions.set(v.username, await login(t, v.username));
  });
  afterAll(() => t.close());

  it('has an expectation for every registered route', () => {
    const registered = t.routes.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs')).map((r) => `${r.method} ${r.url}`);
    const described = [...Object.keys(MATRIX), ...PUBLIC];
    expect(
      registered.filter((r) => !described.includes(r)),
      'routes missing from MATRIX',
    ).toEqual([]);
    expect(
      described.filter((d) => !registered.includes(d)),
      'MATRIX entries for routes that do not exist',
    ).toEqual([]);
    for (const r of t.routes) if (PUBLIC.includes(`${r.method} ${r.url}`)) expect(r.public).toBe(true);
  });

  it.each(Object.keys(MATRIX))('%s answers 401 without a session', async (key) => {
    const res = await t.app.inject(await MATRIX[key]!.request(t, 'city'));
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  for (const [key, spec] of Object.entries(MATRIX)) {
    describe(key, () => {
      it.each(VIEWERS)('$username ($role, $level) in scope', async (v) => {
        const req = await spec.request(t, v.level);
        const res = await t.app.inject({ ...req, headers: { ...req.headers, ...sessions.get(v.username)!.headers } });
        expect(res.statusCode, res.body.slice(0, 300)).toBe(spec.expect[v.role] ?? spec.otherwise);
      });

      const { outOfScope } = spec;
      if (outOfScope) {
        it.each(VIEWERS.filter((v) => v.role !== 'sys_admin' && (spec.expect[v.role] ?? spec.otherwise) < 300))(
          '$username ($role, $level) out of scope',
          async (v) => {
            const req = await outOfScope.request(t, v.level);
            const res = await t.app.inject({ ...req, headers: { ...req.headers, ...sessions.get(v.username)!.headers } });
            expect(res.statusCode, res.body.slice(0, 300)).toBe(outOfScope.status);
          },
        );
      }
    });
  }

  it('lets a trainee read their own record and nothing else', async () => {
    const s = sessions.get('sn_trainee')!;
    const own = await t.app.inject({ method: 'GET', url: `/api/v1/cadres/${t.fixture.cadres['bdg']}`, headers: s.headers });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ name: '张伟', idNumber: expect.stringMatching(/^\d{4}\*{10}[\dX]{4}$/) });
    const other = await t.app.inject({ method: 'GET', url: `/api/v1/cadres/${t.fixture.cadres['tpj']}`, headers: s.headers });
    expect(other.statusCode).toBe(404);
  });
});
