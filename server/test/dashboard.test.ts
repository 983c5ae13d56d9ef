// Dashboards on a small fixture: the program view (attendance per session, curriculum, ratings, leave, hours) and the
// organization department's subtree view (programs, trainees, hours compliance, upcoming sessions).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../src/db/dialect.ts';
import { addAttendance, addHours, addLeave, addRating } from './closeout-support.ts';
import { beijingIso } from './program-fixture.ts';
import { createTestApp, login, type TestApp } from './support.ts';

let t: TestApp;
let year: number;

beforeAll(async () => {
  t = await createTestApp();
  const fx = t.fixture;
  await addAttendance(t, fx.sessions['QD-past']!, 'snsw', 'present');
  await addAttendance(t, fx.sessions['QD-past']!, 'fgw', 'absent');
  await addRating(t, fx.sessions['QD-past']!, 'snsw', [5, 4, 3]);
  await addRating(t, fx.sessions['QD-past']!, 'fgw', [3, 4, 5]);
  await addRating(t, fx.sessions['QD-past']!, 'bdg', [4, 4, 4]);
  // One rating only: below the anonymity threshold, so no average is shown.
  await addRating(t, fx.sessions['SN-past']!, 'bdg', [1, 1, 1]);
  await addLeave(t, 'QD', 'fgw', 3, 'pending');
  await addLeave(t, 'QD', 'snsw', 3, 'rejected');
  await addLeave(t, 'QD', 'fgw', 3, 'rejected');
  await addHours(t, 'snsw', { programKey: 'QD', date: beijingIso(-86_400_000).slice(0, 10), hours: 3, days: 1 });
  const p = await t.db.kysely.selectFrom('programs').select('start_date').where('id', '=', fx.programs['QD']!).executeTakeFirstOrThrow();
  year = Number(p.start_date.slice(0, 4));
  // Compliance: snsw (staff) meets both annual rules; bdg (township) has 10 h; the others have nothing.
  await addHours(t, 'snsw', { date: `${year}-03-01`, hours: 87, days: 11 });
  await addHours(t, 'snsw', { date: `${year}-04-01`, hours: 50, days: 0, category: 'online' });
  await addHours(t, 'bdg', { date: `${year}-03-01`, hours: 10, days: 2 });
  // A session tomorrow in the SN program, for the upcoming list.
  const at = nowIso();
  await t.db.kysely
    .insertInto('program_sessions')
    .values({
      program_id: fx.programs['SN']!,
      code: null,
      title: '明日研讨',
      type: 'seminar',
      starts_at: `${beijingIso(86_400_000).slice(0, 10)}T14:00:00+08:00`,
      ends_at: `${beijingIso(86_400_000).slice(0, 10)}T17:00:00+08:00`,
      venue_id: fx.venues['SN']!,
      audience_kind: 'program',
      audience_class_id: null,
      audience_group_id: null,
      credited_hours: 3,
      mode: 'offline',
      checkin_enabled: 1,
      geofence_m: null,
      checkin_generation: 0,
      notes: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
});
afterAll(() => t.close());

describe('GET /programs/:id/dashboard', () => {
  it('reports attendance of ended sessions, curriculum checks, ratings, leave and hours', async () => {
    const pm = await login(t, 'qd_pm');
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/programs/${t.fixture.programs['QD']!}/dashboard`, headers: pm.headers });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ trainees: 2, sessions: 2, endedSessions: 1, overallAttendanceRate: 0.5 });
    expect(d.attendanceBySession).toEqual([
      { sessionId: t.fixture.sessions['QD-past'], title: '开班式暨专题讲座', startsAt: expect.any(String), expected: 2, attended: 1, excused: 0, rate: 0.5 },
    ]);
    // 3 h lecture + 3 h on-site: share 50 % meets the 50 % target; 0 h seminar misses the 3 h target.
    expect(d.curriculum).toMatchObject({ totalHours: 6, onsiteShare: 0.5, seminarHours: 0 });
    expect(d.curriculum.checks.map((c: { key: string; met: boolean }) => [c.key, c.met])).toEqual([
      ['onsiteShareMin', true],
      ['seminarHoursMin', false],
    ]);
    expect(d.evaluations).toEqual({
      responses: 3,
      content: 4,
      delivery: 4,
      usefulness: 4,
      bySession: [{ sessionId: t.fixture.sessions['QD-past'], title: '开班式暨专题讲座', responses: 3, average: 4 }],
    });
    expect(Object.fromEntries(d.leaveByStatus.map((l: { key: string; count: number }) => [l.key, l.count]))).toEqual({ pending: 1, rejected: 2 });
    expect(d.hours).toEqual({
      total: 3,
      average: 1.5,
      distribution: [
        { band: '0–1', count: 1 },
        { band: '1–2', count: 0 },
        { band: '2–3', count: 0 },
        { band: '3–4', count: 1 },
      ],
    });
    expect(d.assessments).toEqual([{ key: 'none', count: 2 }]);
  });

  it('shows no rate for an ended session nobody took attendance of', async () => {
    const admin = await login(t, 'qd_admin');
    const d = (await t.app.inject({ method: 'GET', url: `/api/v1/programs/${t.fixture.programs['LS']!}/dashboard`, headers: admin.headers })).json();
    expect(d.attendanceBySession).toMatchObject([{ expected: 1, attended: 0, rate: null }]);
    expect(d.overallAttendanceRate).toBeNull();
  });

  it('hides rating averages under the anonymity threshold', async () => {
    const pm = await login(t, 'sn_pm');
    const d = (await t.app.inject({ method: 'GET', url: `/api/v1/programs/${t.fixture.programs['SN']!}/dashboard`, headers: pm.headers })).json();
    expect(d.evaluations).toMatchObject({ responses: 1, content: null, delivery: null, usefulness: null, bySession: [{ responses: 1, average: null }] });
  });
});

describe('GET /dashboard/programs', () => {
  it('summarises the city subtree: programs, trainees, compliance and upcoming sessions', async () => {
    const admin = await login(t, 'qd_admin');
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/dashboard/programs?year=${year}`, headers: admin.headers });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ year, programs: 3, trainees: 5, sessions: 7 });
    expect(d.byType.find((x: { type: string }) => x.type === 'centralized_class').count).toBe(3);
    expect(d.byStatus.find((x: { status: string }) => x.status === 'running').count).toBe(3);
    expect(d.traineesPerProgram.map((p: { name: string; trainees: number }) => p.trainees)).toEqual([2, 2, 1]);
    expect(d.traineesPerProgram.some((p: { name: string }) => p.name.includes('大连'))).toBe(false);
    // Cadres in QD: fgw (county), snsw, bdg, tpj, szk. Only snsw meets every rule that applies.
    expect(d.compliance).toMatchObject({ cadres: 5, compliant: 1, nonCompliant: 4, rate: 0.2 });
    const rules = Object.fromEntries(
      d.compliance.rules.map((r: { ruleId: string; evaluated: number; compliant: number }) => [r.ruleId, [r.evaluated, r.compliant]]),
    );
    expect(rules).toEqual({ 'annual-township-staff': [4, 1], 'five-year-county-above': [1, 0], 'annual-online': [5, 1] });
    expect(d.upcomingSessions.map((s: { title: string }) => s.title)).toEqual(['明日研讨']);
  });

  it('keeps a district to its own subtree', async () => {
    const admin = await login(t, 'sn_admin');
    const d = (await t.app.inject({ method: 'GET', url: `/api/v1/dashboard/programs?year=${year}`, headers: admin.headers })).json();
    expect(d).toMatchObject({ programs: 1, trainees: 2 });
    expect(d.compliance).toMatchObject({ cadres: 3, compliant: 1 });
    const dl = await login(t, 'dl_admin');
    const other = (await t.app.inject({ method: 'GET', url: `/api/v1/dashboard/programs?year=${year}`, headers: dl.headers })).json();
    expect(other).toMatchObject({ programs: 1, trainees: 1, upcomingSessions: [] });
  });

  it('counts no programs in a year without any and rejects a bad year', async () => {
    const admin = await login(t, 'qd_admin');
    const empty = (await t.app.inject({ method: 'GET', url: '/api/v1/dashboard/programs?year=2001', headers: admin.headers })).json();
    expect(empty).toMatchObject({ programs: 0, trainees: 0, traineesPerProgram: [] });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/dashboard/programs?year=abc', headers: admin.headers })).statusCode).toBe(400);
  });
});
