// Roll call and the attendance summary over HTTP: who is listed, who may mark whom, validation without partial
// writes, the audit entry; plus the trainee's own day (GET /me/sessions, /me/programs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../src/db/dialect.ts';
import { beijingIso } from './program-fixture.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
let pm: Session;
let qdTutor: Session;
let snTutor: Session;
let trainee: Session;
beforeAll(async () => {
  t = await createTestApp();
  pm = await login(t, 'qd_pm');
  qdTutor = await login(t, 'qd_tutor');
  snTutor = await login(t, 'sn_tutor');
  trainee = await login(t, 'qd_trainee');
});
afterAll(() => t.close());

const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });
const put = (s: Session, sessionId: number, payload: unknown) =>
  t.app.inject({ method: 'PUT', url: `/api/v1/sessions/${sessionId}/attendance`, headers: s.headers, payload: payload as object });

describe('GET /api/v1/sessions/:id/attendance', () => {
  it('lists every enrolled trainee the session is for, unrecorded ones with a null mark', async () => {
    const res = await get(pm, `/api/v1/sessions/${t.fixture.sessions['QD-past']}/attendance`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.session).toMatchObject({ id: t.fixture.sessions['QD-past'], state: 'closed', checkinEnabled: true });
    expect(body.canEdit).toBe(true);
    expect(body.rows.map((r: { name: string }) => r.name).sort()).toEqual(['李晓梅', '王建国'].sort());
    expect(body.rows[0]).toMatchObject({ className: '一班', groupName: '第一组', mark: null, stops: [] });
  });

  it('shows tutors of another program read-only, and 404s out of scope', async () => {
    const ro = await get(qdTutor, `/api/v1/sessions/${t.fixture.sessions['SN-past']}/attendance`);
    expect(ro.statusCode).toBe(200);
    expect(ro.json().canEdit).toBe(false);
    expect((await get(snTutor, `/api/v1/sessions/${t.fixture.sessions['QD-past']}/attendance`)).statusCode).toBe(404);
  });
});

describe('PUT /api/v1/sessions/:id/attendance', () => {
  it('records marks, audits them once, and re-marks in place', async () => {
    const sessionId = t.fixture.sessions['QD-past']!;
    const first = await put(qdTutor, sessionId, [
      { enrolmentId: t.fixture.enrolments['snsw'], status: 'present' },
      { enrolmentId: t.fixture.enrolments['fgw'], status: 'left_early', minutesMissed: 40, remarks: '参加紧急会议' },
    ]);
    expect(first.statusCode, first.body).toBe(200);
    const fgw = first.json().rows.find((r: { enrolmentId: number }) => r.enrolmentId === t.fixture.enrolments['fgw']);
    expect(fgw.mark).toMatchObject({ status: 'left_early', method: 'manual', minutesMissed: 40, remarks: '参加紧急会议' });
    // The session ended yesterday: its 3 credited hours reach the trainee's ledger in the same request.
    const ledger = await t.db.kysely
      .selectFrom('hours_entries')
      .select(['hours', 'source'])
      .where('cadre_id', '=', t.fixture.cadres['snsw']!)
      .where('program_id', '=', t.fixture.programs['QD']!)
      .execute();
    expect(ledger).toEqual([{ hours: 3, source: 'program' }]);
    const again = await put(pm, sessionId, [{ enrolmentId: t.fixture.enrolments['fgw'], status: 'present' }]);
    expect(again.statusCode).toBe(200);
    const rows = await t.db.kysely.selectFrom('attendance').selectAll().where('session_id', '=', sessionId).execute();
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.enrolment_id === t.fixture.enrolments['fgw'])).toMatchObject({ status: 'present', minutes_missed: 0, remarks: null });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'attendance.roll_call')
      .where('entity_id', '=', String(sessionId))
      .orderBy('id')
      .execute();
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[1]!.before_json!)).toMatchObject([{ status: 'left_early', minutes_missed: 40 }]);
  });

  it('rejects an unknown trainee or stop with field details and writes nothing', async () => {
    const sessionId = t.fixture.sessions['QD-now']!;
    const res = await put(pm, sessionId, [
      { enrolmentId: t.fixture.enrolments['snsw'], status: 'present' },
      { enrolmentId: t.fixture.enrolments['bdg'], status: 'present' },
      { enrolmentId: t.fixture.enrolments['fgw'], stopSeq: 3, status: 'present' },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { field: '1.enrolmentId', message: expect.any(String) },
      { field: '2.stopSeq', message: expect.any(String) },
    ]);
    expect(await t.db.kysely.selectFrom('attendance').select('id').where('session_id', '=', sessionId).execute()).toHaveLength(0);
    const bad = await put(pm, sessionId, [{ enrolmentId: t.fixture.enrolments['snsw'], status: 'asleep' }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('0.status');
  });

  it('lets a tutor mark only the classes they tutor', async () => {
    // qd_tutor is in scope of the SN program (QD-SN is below QD) but tutors none of its classes.
    const res = await put(qdTutor, t.fixture.sessions['SN-now']!, [{ enrolmentId: t.fixture.enrolments['bdg'], status: 'present' }]);
    expect(res.statusCode).toBe(403);
    // A second class in QD without qd_tutor: its trainee and its class session are out of reach.
    const at = nowIso();
    const cls = await t.db.kysely
      .insertInto('program_classes')
      .values({
        program_id: t.fixture.programs['QD']!,
        name: '二班',
        theme: null,
        place: null,
        capacity: 10,
        tutor_instructor_id: null,
        sort_order: 1,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.kysely.updateTable('enrolments').set({ class_id: cls.id, group_id: null }).where('id', '=', t.fixture.enrolments['fgw']!).execute();
    try {
      const other = await put(qdTutor, t.fixture.sessions['QD-now']!, [{ enrolmentId: t.fixture.enrolments['fgw'], status: 'present' }]);
      expect(other.statusCode).toBe(403);
      const own = await put(qdTutor, t.fixture.sessions['QD-now']!, [{ enrolmentId: t.fixture.enrolments['snsw'], status: 'present' }]);
      expect(own.statusCode, own.body).toBe(200);
      const { id: classSession } = await t.db.kysely
        .insertInto('program_sessions')
        .values({
          program_id: t.fixture.programs['QD']!,
          code: null,
          title: '二班研讨',
          type: 'seminar',
          starts_at: beijingIso(-3600_000),
          ends_at: beijingIso(3600_000),
          venue_id: null,
          audience_kind: 'class',
          audience_class_id: cls.id,
          audience_group_id: null,
          credited_hours: 2,
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
      expect((await put(qdTutor, classSession, [{ enrolmentId: t.fixture.enrolments['fgw'], status: 'present' }])).statusCode).toBe(403);
      expect((await put(pm, classSession, [{ enrolmentId: t.fixture.enrolments['fgw'], status: 'present' }])).statusCode).toBe(200);
      // The roll call of that class session lists only its class.
      const list = await get(pm, `/api/v1/sessions/${classSession}/attendance`);
      expect(list.json().rows.map((r: { enrolmentId: number }) => r.enrolmentId)).toEqual([t.fixture.enrolments['fgw']]);
    } finally {
      await t.db.kysely
        .updateTable('enrolments')
        .set({ class_id: t.fixture.classes['QD']!, group_id: t.fixture.groups['QD']! })
        .where('id', '=', t.fixture.enrolments['fgw']!)
        .execute();
    }
  });

  it('answers 403 to trainees and 404 out of scope', async () => {
    expect((await put(trainee, t.fixture.sessions['QD-now']!, [{ enrolmentId: t.fixture.enrolments['snsw'], status: 'present' }])).statusCode).toBe(403);
    const sn = await login(t, 'sn_pm');
    expect((await put(sn, t.fixture.sessions['QD-now']!, [{ enrolmentId: t.fixture.enrolments['snsw'], status: 'present' }])).statusCode).toBe(404);
  });
});

describe('GET /api/v1/programs/:id/attendance/summary', () => {
  it('counts marks per session against the expected trainees', async () => {
    const sessionId = t.fixture.sessions['SN-past']!;
    const sn = await login(t, 'sn_pm');
    expect((await put(sn, sessionId, [{ enrolmentId: t.fixture.enrolments['bdg'], status: 'late' }])).statusCode).toBe(200);
    const res = await get(sn, `/api/v1/programs/${t.fixture.programs['SN']}/attendance/summary`);
    expect(res.statusCode).toBe(200);
    const past = res.json().sessions.find((s: { sessionId: number }) => s.sessionId === sessionId);
    expect(past).toMatchObject({ expected: 2, late: 1, present: 0, notRecorded: 1, rate: 0.5 });
    const now = res.json().sessions.find((s: { sessionId: number }) => s.sessionId === t.fixture.sessions['SN-now']);
    expect(now).toMatchObject({ expected: 2, notRecorded: 2, rate: 0 });
  });
});

describe('GET /api/v1/me/sessions and /me/programs', () => {
  it("lists the trainee's sessions of today with venue, mark and check-in state", async () => {
    const res = await get(trainee, '/api/v1/me/sessions');
    expect(res.statusCode).toBe(200);
    const today = res.json();
    expect(today.date).toBe(beijingIso(0).slice(0, 10));
    const now = today.sessions.find((s: { id: number }) => s.id === t.fixture.sessions['QD-now']);
    expect(now).toMatchObject({ programName: '青岛市年轻干部对标学习班', venue: { name: 'QD教学点' }, checkinEnabled: true, needsLocation: false });
    expect(['open', 'late']).toContain(now.state);
    expect(today.sessions.every((s: { programId: number }) => s.programId === t.fixture.programs['QD'])).toBe(true);
    const yesterday = await get(trainee, `/api/v1/me/sessions?date=${beijingIso(-86_400_000).slice(0, 10)}`);
    expect(yesterday.json().sessions.map((s: { id: number }) => s.id)).toContain(t.fixture.sessions['QD-past']);
    expect((await get(trainee, '/api/v1/me/sessions?date=2026-02-30')).statusCode).toBe(400);
  });

  it('lists my programs; staff accounts have none', async () => {
    const mine = await get(trainee, '/api/v1/me/programs');
    expect(mine.json()).toEqual([
      expect.objectContaining({ programId: t.fixture.programs['QD'], className: '一班', roles: ['monitor'], withdrawalFlagged: false }),
    ]);
    expect((await get(pm, '/api/v1/me/programs')).json()).toEqual([]);
  });
});
