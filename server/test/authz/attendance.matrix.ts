// Routes of the attendance module (issue 3): check-in, roll call, leave, notifications and the trainee's /me views.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCheckinToken, deriveCheckinSecret } from '@duibiao/core/checkin/index';
import { nowIso } from '../../src/db/dialect.ts';
import { multipart } from '../multipart.ts';
import { beijingIso } from '../program-fixture.ts';
import type { TestApp } from '../support.ts';
import { next, ok, READERS, type Level, type Spec } from './support.ts';

/** The viewer's own program, one out of their scope, and the trainee enrolled in each. */
const own = (l: Level) => (l === 'city' ? { program: 'QD', cadre: 'snsw' } : { program: 'SN', cadre: 'bdg' });
const foreign = (l: Level) => (l === 'city' ? { program: 'DL', cadre: 'dl' } : { program: 'LS', cadre: 'szk' });
const session = (t: TestApp, program: string, when: 'past' | 'now') => t.fixture.sessions[`${program}-${when}`]!;

/** A fresh 1-hour session of a program, some days ahead (so leave for it is never a duplicate). */
async function freshSession(t: TestApp, program: string): Promise<number> {
  const at = nowIso();
  const date = beijingIso((10 + next()) * 86_400_000).slice(0, 10);
  const { id } = await t.db.kysely
    .insertInto('program_sessions')
    .values({
      program_id: t.fixture.programs[program]!,
      code: null,
      title: '矩阵测试课程',
      type: 'lecture',
      starts_at: `${date}T09:00:00+08:00`,
      ends_at: `${date}T10:00:00+08:00`,
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

/** A fresh pending leave request of the program's trainee, optionally with an evidence file. */
async function freshLeave(t: TestApp, who: { program: string; cadre: string }, withFile = false): Promise<number> {
  const sessionId = await freshSession(t, who.program);
  const at = nowIso();
  let path: string | null = null;
  if (withFile) {
    path = join(t.ctx.config.UPLOAD_DIR, `leave-${next()}.pdf`);
    writeFileSync(path, '%PDF-1.4');
  }
  const { id } = await t.db.kysely
    .insertInto('leave_requests')
    .values({
      program_id: t.fixture.programs[who.program]!,
      enrolment_id: t.fixture.enrolments[who.cadre]!,
      cadre_id: t.fixture.cadres[who.cadre]!,
      reason: '矩阵测试',
      hours: 1,
      attachment_name: path ? '证明.pdf' : null,
      attachment_path: path,
      status: 'pending',
      decided_by: null,
      decided_at: null,
      decision_note: null,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db.kysely.insertInto('leave_request_sessions').values({ leave_id: id, session_id: sessionId }).execute();
  return id;
}

/** A valid QR token for the session as the screen would show it now (the generation may have been bumped). */
async function currentToken(t: TestApp, sessionId: number): Promise<string> {
  const s = await t.db.kysely.selectFrom('program_sessions').select('checkin_generation').where('id', '=', sessionId).executeTakeFirstOrThrow();
  const secret = deriveCheckinSecret(t.ctx.config.CHECKIN_SECRET, `session:${sessionId}:gen:${s.checkin_generation}`);
  return createCheckinToken(secret, { sessionId: String(sessionId) }, { now: Date.now() });
}

export const ATTENDANCE_MATRIX: Record<string, Spec> = {
  'GET /api/v1/sessions/:id/checkin-code': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: (t, l) => ({ method: 'GET', url: `/api/v1/sessions/${session(t, own(l).program, 'now')}/checkin-code` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/sessions/${session(t, foreign(l).program, 'now')}/checkin-code` }) },
  },
  'POST /api/v1/sessions/:id/checkin-code/revoke': {
    expect: ok(204, READERS),
    otherwise: 403,
    request: (t, l) => ({ method: 'POST', url: `/api/v1/sessions/${session(t, own(l).program, 'now')}/checkin-code/revoke` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'POST', url: `/api/v1/sessions/${session(t, foreign(l).program, 'now')}/checkin-code/revoke` }) },
  },
  'GET /api/v1/sessions/:id/attendance': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: (t, l) => ({ method: 'GET', url: `/api/v1/sessions/${session(t, own(l).program, 'past')}/attendance` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/sessions/${session(t, foreign(l).program, 'past')}/attendance` }) },
  },
  // Tutors: qd_tutor tutors the QD class, sn_tutor the SN class — each marks their own trainee.
  'PUT /api/v1/sessions/:id/attendance': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: (t, l) => ({
      method: 'PUT',
      url: `/api/v1/sessions/${session(t, own(l).program, 'past')}/attendance`,
      payload: [{ enrolmentId: t.fixture.enrolments[own(l).cadre], status: 'present' }],
    }),
    outOfScope: {
      status: 404,
      request: (t, l) => ({
        method: 'PUT',
        url: `/api/v1/sessions/${session(t, foreign(l).program, 'past')}/attendance`,
        payload: [{ enrolmentId: t.fixture.enrolments[foreign(l).cadre], status: 'present' }],
      }),
    },
  },
  'GET /api/v1/programs/:id/attendance/summary': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${t.fixture.programs[own(l).program]}/attendance/summary` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${t.fixture.programs[foreign(l).program]}/attendance/summary` }) },
  },
  'GET /api/v1/programs/:id/leave-requests': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${t.fixture.programs[own(l).program]}/leave-requests` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${t.fixture.programs[foreign(l).program]}/leave-requests` }) },
  },
  'POST /api/v1/leave-requests/:id/decision': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: async (t, l) => ({ method: 'POST', url: `/api/v1/leave-requests/${await freshLeave(t, own(l))}/decision`, payload: { decision: 'reject' } }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({ method: 'POST', url: `/api/v1/leave-requests/${await freshLeave(t, foreign(l))}/decision`, payload: { decision: 'reject' } }),
    },
  },
  // Staff in scope, and the trainee whose request it is; anyone else is told it does not exist.
  'GET /api/v1/leave-requests/:id/attachment': {
    expect: { ...ok(200, READERS), trainee: 200 },
    otherwise: 404,
    request: async (t, l) => ({ method: 'GET', url: `/api/v1/leave-requests/${await freshLeave(t, own(l), true)}/attachment` }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({ method: 'GET', url: `/api/v1/leave-requests/${await freshLeave(t, foreign(l), true)}/attachment` }),
    },
  },

  // The trainee's own routes: the cadre comes from the session, so accounts without one find nothing (404).
  'POST /api/v1/me/checkins': {
    expect: { trainee: 200 },
    otherwise: 404,
    request: async (t, l) => {
      const sessionId = session(t, own(l).program, 'now');
      return { method: 'POST', url: '/api/v1/me/checkins', payload: { sessionId, token: await currentToken(t, sessionId) } };
    },
  },
  'GET /api/v1/me/programs': { expect: {}, otherwise: 200, request: () => ({ method: 'GET', url: '/api/v1/me/programs' }) },
  'GET /api/v1/me/sessions': { expect: {}, otherwise: 200, request: () => ({ method: 'GET', url: '/api/v1/me/sessions' }) },
  'GET /api/v1/me/leave-requests': { expect: {}, otherwise: 200, request: () => ({ method: 'GET', url: '/api/v1/me/leave-requests' }) },
  'POST /api/v1/me/leave-requests': {
    expect: { trainee: 201 },
    otherwise: 404,
    request: async (t, l) => ({
      method: 'POST',
      url: '/api/v1/me/leave-requests',
      payload: { programId: t.fixture.programs[own(l).program], sessionIds: [await freshSession(t, own(l).program)], reason: '矩阵测试' },
    }),
  },
  'POST /api/v1/me/leave-requests/:id/cancel': {
    expect: { trainee: 200 },
    otherwise: 404,
    request: async (t, l) => ({ method: 'POST', url: `/api/v1/me/leave-requests/${await freshLeave(t, own(l))}/cancel` }),
  },
  'POST /api/v1/me/leave-requests/:id/attachment': {
    expect: { trainee: 200 },
    otherwise: 404,
    request: async (t, l) => ({
      method: 'POST',
      url: `/api/v1/me/leave-requests/${await freshLeave(t, own(l))}/attachment`,
      ...multipart({}, { name: '证明.pdf', content: '%PDF-1.4', type: 'application/pdf' }),
    }),
  },
  'GET /api/v1/me/notifications': { expect: {}, otherwise: 200, request: () => ({ method: 'GET', url: '/api/v1/me/notifications' }) },
  'POST /api/v1/me/notifications/read-all': { expect: {}, otherwise: 204, request: () => ({ method: 'POST', url: '/api/v1/me/notifications/read-all' }) },
  // A notification addressed to sysadmin: theirs to mark read, nobody else's to see.
  'POST /api/v1/me/notifications/:id/read': {
    expect: { sys_admin: 204 },
    otherwise: 404,
    request: async (t) => {
      const { id } = await t.db.kysely
        .insertInto('notifications')
        .values({ user_id: t.fixture.users['sysadmin']!, kind: 'test', title: '矩阵测试', body: null, link: null, read_at: null, created_at: nowIso() })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { method: 'POST', url: `/api/v1/me/notifications/${id}/read` };
    },
  },
};
