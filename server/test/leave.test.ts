// Leave over HTTP: requests by session or by day, cancel, decisions (approve → excused, reject → untouched,
// twice → 409), the 1/7 withdrawal rule at its exact boundary, notifications and the evidence upload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../src/db/dialect.ts';
import { multipart } from './multipart.ts';
import { beijingIso } from './program-fixture.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
let qdTrainee: Session; // snsw in QD
let snTrainee: Session; // bdg in SN
let qdPm: Session;
let snPm: Session;
let snTutor: Session;
let qdTutor: Session;
beforeAll(async () => {
  t = await createTestApp();
  qdTrainee = await login(t, 'qd_trainee');
  snTrainee = await login(t, 'sn_trainee');
  qdPm = await login(t, 'qd_pm');
  snPm = await login(t, 'sn_pm');
  snTutor = await login(t, 'sn_tutor');
  qdTutor = await login(t, 'qd_tutor');
});
afterAll(() => t.close());

const DAY = 86_400_000;

async function addSession(key: string, dayOffset: number, hours: number, title: string): Promise<number> {
  const at = nowIso();
  const date = beijingIso(dayOffset * DAY).slice(0, 10);
  const { id } = await t.db.kysely
    .insertInto('program_sessions')
    .values({
      program_id: t.fixture.programs[key]!,
      code: null,
      title,
      type: 'lecture',
      starts_at: `${date}T14:00:00+08:00`,
      ends_at: `${date}T17:00:00+08:00`,
      venue_id: null,
      audience_kind: 'program',
      audience_class_id: null,
      audience_group_id: null,
      credited_hours: hours,
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

const post = (s: Session, url: string, payload?: object) => t.app.inject({ method: 'POST', url, headers: s.headers, ...(payload ? { payload } : {}) });
const ask = (s: Session, programKey: string, body: object) =>
  post(s, '/api/v1/me/leave-requests', { programId: t.fixture.programs[programKey], reason: '参加区委紧急会议', ...body });
const decide = (s: Session, id: number, decision: 'approve' | 'reject', note?: string) =>
  post(s, `/api/v1/leave-requests/${id}/decision`, { decision, ...(note ? { note } : {}) });
const notificationsOf = async (s: Session) =>
  (await t.app.inject({ method: 'GET', url: '/api/v1/me/notifications', headers: s.headers })).json<{
    unread: number;
    items: { id: number; kind: string; title: string; body: string | null; link: string | null; readAt: string | null }[];
  }>();

describe('POST /api/v1/me/leave-requests', () => {
  it('asks for leave by whole day: every session of the trainee that day, hours summed', async () => {
    const a = await addSession('QD', 2, 3, '下午专题讲座');
    const date = beijingIso(2 * DAY).slice(0, 10);
    const res = await ask(qdTrainee, 'QD', { dates: [date] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'pending', hours: 3, cadreName: '李晓梅', sessions: [{ id: a, title: '下午专题讲座' }] });
    // The tutor and the program's managers are told.
    expect((await notificationsOf(qdTutor)).items[0]).toMatchObject({ kind: 'leave.requested', link: `/programs/${t.fixture.programs['QD']}?tab=leave` });
    // The same session cannot be asked for twice while pending.
    const twice = await ask(qdTrainee, 'QD', { sessionIds: [a] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.details[0].field).toBe('sessionIds');
  });

  it('validates sessions and dates per field and writes nothing', async () => {
    const before = await t.db.kysely.selectFrom('leave_requests').select('id').execute();
    const res = await ask(qdTrainee, 'QD', { sessionIds: [t.fixture.sessions['SN-now']], dates: ['2001-01-01'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(['sessionIds.0', 'dates.0']);
    const empty = await post(qdTrainee, '/api/v1/me/leave-requests', { programId: t.fixture.programs['QD'], reason: '' });
    expect(empty.statusCode).toBe(400);
    expect(
      empty
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['reason', 'sessionIds']);
    expect(await t.db.kysely.selectFrom('leave_requests').select('id').execute()).toHaveLength(before.length);
  });

  it('answers 404 for a program the trainee is not enrolled in', async () => {
    expect((await ask(qdTrainee, 'SN', { sessionIds: [t.fixture.sessions['SN-now']] })).statusCode).toBe(404);
    expect((await ask(qdPm, 'QD', { sessionIds: [t.fixture.sessions['QD-now']] })).statusCode).toBe(404);
  });
});

describe('POST /api/v1/me/leave-requests/:id/cancel', () => {
  it('cancels a pending request only, and only the own one', async () => {
    const s = await addSession('QD', 3, 2, '案例研讨');
    const { id } = (await ask(qdTrainee, 'QD', { sessionIds: [s] })).json();
    expect((await post(snTrainee, `/api/v1/me/leave-requests/${id}/cancel`)).statusCode).toBe(404);
    const res = await post(qdTrainee, `/api/v1/me/leave-requests/${id}/cancel`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('cancelled');
    expect((await post(qdTrainee, `/api/v1/me/leave-requests/${id}/cancel`)).statusCode).toBe(409);
    expect((await decide(qdPm, id, 'approve')).statusCode).toBe(409);
  });
});

describe('POST /api/v1/leave-requests/:id/decision', () => {
  it('approval marks the sessions excused (method leave); a second decision is a conflict', async () => {
    const s = await addSession('QD', 4, 3, '现场教学：前海');
    const { id } = (await ask(qdTrainee, 'QD', { sessionIds: [s] })).json();
    const res = await decide(qdTutor, id, 'approve', '同意');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', decisionNote: '同意', decidedBy: expect.any(String), approvedLeaveHours: 3 });
    const mark = await t.db.kysely.selectFrom('attendance').selectAll().where('session_id', '=', s).executeTakeFirstOrThrow();
    expect(mark).toMatchObject({ status: 'excused', method: 'leave', cadre_id: t.fixture.cadres['snsw'], stop_seq: 0 });
    expect((await decide(qdPm, id, 'reject')).statusCode).toBe(409);
    expect((await notificationsOf(qdTrainee)).items[0]).toMatchObject({ kind: 'leave.approved', title: '您的请假申请已批准' });
    const audit = await t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'leave.approve').where('entity_id', '=', String(id)).execute();
    expect(audit).toHaveLength(1);
  });

  it('approval for a session already held takes its hours back out of the ledger', async () => {
    const past = t.fixture.sessions['QD-past']!;
    const ledger = async () =>
      (
        await t.db.kysely
          .selectFrom('hours_entries')
          .select('hours')
          .where('cadre_id', '=', t.fixture.cadres['snsw']!)
          .where('program_id', '=', t.fixture.programs['QD']!)
          .execute()
      ).reduce((sum, r) => sum + r.hours, 0);
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/sessions/${past}/attendance`,
      headers: qdPm.headers,
      payload: [{ enrolmentId: t.fixture.enrolments['snsw'], status: 'present' }],
    });
    expect(put.statusCode).toBe(200);
    expect(await ledger()).toBe(3);
    const { id } = (await ask(qdTrainee, 'QD', { sessionIds: [past] })).json<{ id: number }>();
    expect((await decide(qdPm, id, 'approve')).statusCode).toBe(200);
    expect(await ledger()).toBe(0);
  });

  it('rejection leaves attendance untouched', async () => {
    const s = await addSession('QD', 5, 3, '交流展示');
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/sessions/${s}/attendance`,
      headers: qdPm.headers,
      payload: [{ enrolmentId: t.fixture.enrolments['snsw'], status: 'absent', remarks: '未到' }],
    });
    expect(put.statusCode).toBe(200);
    const { id } = (await ask(qdTrainee, 'QD', { sessionIds: [s] })).json();
    const res = await decide(qdPm, id, 'reject', '理由不充分');
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('rejected');
    const rows = await t.db.kysely.selectFrom('attendance').selectAll().where('session_id', '=', s).execute();
    expect(rows).toMatchObject([{ status: 'absent', method: 'manual', remarks: '未到' }]);
    expect((await notificationsOf(qdTrainee)).items[0]).toMatchObject({ kind: 'leave.rejected', body: expect.stringContaining('理由不充分') });
  });

  it('tutors decide only for their own classes; trainees may not decide; out of scope is 404', async () => {
    const { id } = (await ask(snTrainee, 'SN', { sessionIds: [t.fixture.sessions['SN-now']] })).json();
    expect((await decide(qdTutor, id, 'approve')).statusCode).toBe(403);
    expect((await decide(snTrainee, id, 'approve')).statusCode).toBe(403);
    expect((await decide(await login(t, 'ls_admin'), id, 'approve')).statusCode).toBe(404);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/programs/${t.fixture.programs['SN']}/leave-requests?status=pending`,
      headers: snTutor.headers,
    });
    expect(list.json().map((l: { id: number }) => l.id)).toContain(id);
    expect((await decide(snTutor, id, 'reject')).statusCode).toBe(200);
  });
});

describe('the 1/7 rule', () => {
  // Program SN: bdg and tpj, two 3 h fixture sessions. Each case builds its own base.
  it('exactly 1/7 of the hours on leave is allowed; just above flags for withdrawal and tells the managers', async () => {
    // Base: 2 × 3 h (fixture) + 5 × 3 h = 21 h. Leave 3 h = exactly 1/7.
    const extra: number[] = [];
    for (let i = 0; i < 5; i++) extra.push(await addSession('SN', 6 + i, 3, `专题${i + 1}`));
    const first = (await ask(snTrainee, 'SN', { sessionIds: [extra[0]] })).json();
    const approved = await decide(snPm, first.id, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ approvedLeaveHours: 3, requiredHours: 21, withdrawalFlagged: false });
    expect(await flaggedAt('bdg')).toBeNull();

    // Three small sessions raise the base to 21.007 h, so 1/7 of it is exactly 3.001 h.
    const tiny1 = await addSession('SN', 12, 0.001, '补充说明一');
    const tiny2 = await addSession('SN', 13, 0.001, '补充说明二');
    await addSession('SN', 14, 0.005, '签到说明');
    // 3.001 h on leave: exactly 1/7 (3.001 × 7 = 21.007) — still allowed.
    const second = (await ask(snTrainee, 'SN', { sessionIds: [tiny1] })).json();
    expect((await decide(snPm, second.id, 'approve')).json()).toMatchObject({ approvedLeaveHours: 3.001, requiredHours: 21.007, withdrawalFlagged: false });
    expect(await flaggedAt('bdg')).toBeNull();
    // 3.002 h: one thousandth of an hour above 1/7 — flagged.
    const third = (await ask(snTrainee, 'SN', { sessionIds: [tiny2] })).json();
    const over = await decide(snPm, third.id, 'approve');
    expect(over.json()).toMatchObject({ approvedLeaveHours: 3.002, requiredHours: 21.007, withdrawalFlagged: true });
    expect(await flaggedAt('bdg')).not.toBeNull();

    const pmInbox = await notificationsOf(snPm);
    expect(pmInbox.items[0]).toMatchObject({ kind: 'leave.withdrawal', title: expect.stringContaining('张伟') });
    expect(pmInbox.unread).toBeGreaterThan(0);
    const tutorInbox = await notificationsOf(snTutor);
    expect(tutorInbox.items.some((n: { kind: string }) => n.kind === 'leave.withdrawal')).toBe(true);
    // The QD program manager does not manage SN (organizer QD-SN) and is not told.
    expect((await notificationsOf(qdPm)).items.some((n: { title: string }) => n.title.includes('张伟'))).toBe(false);
    // The other trainee of the program is untouched.
    expect(await flaggedAt('tpj')).toBeNull();
    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/me/programs', headers: snTrainee.headers });
    expect(mine.json()[0]).toMatchObject({ withdrawalFlagged: true });
  });
});

describe('evidence upload', () => {
  it('stores a PDF on the own pending request; managers in scope can download it', async () => {
    const s = await addSession('QD', 20, 1, '自学');
    const { id } = (await ask(qdTrainee, 'QD', { sessionIds: [s] })).json();
    const form = multipart({}, { name: '病假条.pdf', content: '%PDF-1.4 test', type: 'application/pdf' });
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/leave-requests/${id}/attachment`,
      headers: { ...qdTrainee.headers, ...form.headers },
      payload: form.payload,
    });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json().attachmentName).toBe('病假条.pdf');
    const down = await t.app.inject({ method: 'GET', url: `/api/v1/leave-requests/${id}/attachment`, headers: qdPm.headers });
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.body).toBe('%PDF-1.4 test');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/leave-requests/${id}/attachment`, headers: snPm.headers })).statusCode).toBe(404);
    const exe = multipart({}, { name: 'virus.exe', content: 'MZ' });
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/leave-requests/${id}/attachment`,
      headers: { ...qdTrainee.headers, ...exe.headers },
      payload: exe.payload,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('file');
  });
});

describe('notifications', () => {
  it('marks one and all read; another user cannot touch mine', async () => {
    const inbox = await notificationsOf(qdTrainee);
    expect(inbox.unread).toBeGreaterThan(0);
    const first = inbox.items[0]!.id;
    expect((await post(snTrainee, `/api/v1/me/notifications/${first}/read`)).statusCode).toBe(404);
    expect((await post(qdTrainee, `/api/v1/me/notifications/${first}/read`)).statusCode).toBe(204);
    const after = await notificationsOf(qdTrainee);
    expect(after.unread).toBe(inbox.unread - 1);
    expect(after.items[0]!.readAt).not.toBeNull();
    expect((await post(qdTrainee, '/api/v1/me/notifications/read-all')).statusCode).toBe(204);
    expect((await notificationsOf(qdTrainee)).unread).toBe(0);
  });
});

async function flaggedAt(cadre: string): Promise<string | null> {
  const e = await t.db.kysely.selectFrom('enrolments').select('withdrawal_flagged_at').where('id', '=', t.fixture.enrolments[cadre]!).executeTakeFirstOrThrow();
  return e.withdrawal_flagged_at;
}
