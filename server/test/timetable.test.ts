// The timetable over HTTP: sessions (create, move, delete), validation, conflicts, metrics against targets,
// itinerary stops, exports and the personal iCal feed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { closeZip, openEntryStream, openZip } from '@duibiao/core/spreadsheet/zip-archive';
import type { SessionWriteResult, TimetableConflict, TimetableMetrics, TimetableSession } from '@duibiao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../src/db/dialect.ts';
import { beijingIso } from './program-fixture.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
let pm: Session;
let qdPm: Session;
let trainee: Session;
let QD: number;
let SN: number;
// Days on which the fixture has no sessions (its sessions are yesterday and now).
const day1 = beijingIso(86_400_000).slice(0, 10);
const day2 = beijingIso(2 * 86_400_000).slice(0, 10);
const at = (day: string, hhmm: string) => `${day}T${hhmm}:00+08:00`;

beforeAll(async () => {
  t = await createTestApp();
  pm = await login(t, 'qd_admin');
  qdPm = await login(t, 'qd_pm');
  trainee = await login(t, 'qd_trainee');
  QD = t.fixture.programs['QD']!;
  SN = t.fixture.programs['SN']!;
});
afterAll(() => t.close());

async function createSession(programId: number, body: Record<string, unknown>, s = pm): Promise<SessionWriteResult> {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/programs/${programId}/sessions`, headers: s.headers, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<SessionWriteResult>();
}

const lecture = (title: string, day: string, from: string, to: string, extra: Record<string, unknown> = {}) => ({
  type: 'lecture',
  title,
  startsAt: at(day, from),
  endsAt: at(day, to),
  creditedHours: 2,
  ...extra,
});

async function insertVenue(orgId: number, name: string, lat: number, lng: number): Promise<number> {
  const now = nowIso();
  const { id } = await t.db.kysely
    .insertInto('venues')
    .values({ org_id: orgId, code: null, name, address: null, lat, lng, offsite: 1, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

const countSessions = async () =>
  Number(
    (
      await t.db.kysely
        .selectFrom('program_sessions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('POST /api/v1/programs/:id/sessions', () => {
  it('creates a session with venue, instructor and a group audience, stored in Beijing time and audited', async () => {
    const { session, conflicts } = await createSession(QD, {
      type: 'seminar',
      title: '分组研讨：城市更新',
      // The same instant written in UTC: stored and answered as +08:00.
      startsAt: `${day1}T06:00:00Z`,
      endsAt: `${day1}T08:00:00Z`,
      venueId: t.fixture.venues['QD'],
      instructorIds: [t.fixture.instructors['QD']],
      groupId: t.fixture.groups['QD'],
      creditedHours: 2,
      geofenceM: 300,
    });
    expect(session).toMatchObject({
      programId: QD,
      type: 'seminar',
      startsAt: at(day1, '14:00'),
      endsAt: at(day1, '16:00'),
      venue: { id: t.fixture.venues['QD'], name: 'QD教学点' },
      instructors: [{ id: t.fixture.instructors['QD'], name: 'QD讲师' }],
      audienceKind: 'group',
      classId: t.fixture.classes['QD'],
      groupId: t.fixture.groups['QD'],
      audienceLabel: '一班·第一组',
      creditedHours: 2,
      mode: 'offline',
      checkinEnabled: true,
      geofenceM: 300,
      stops: [],
    });
    expect(conflicts).toEqual([]);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'session.create')
      .where('entity_id', '=', String(session.id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toContain('分组研讨：城市更新');
  });

  it.each([
    ['end before start', { startsAt: at(day1, '12:00'), endsAt: at(day1, '10:00') }, 'endsAt'],
    ['outside the program dates', { startsAt: '2020-01-06T09:00:00+08:00', endsAt: '2020-01-06T10:00:00+08:00' }, 'startsAt'],
    ['a time without offset', { startsAt: `${day1}T09:00:00` }, 'startsAt'],
    ['negative hours', { creditedHours: -1 }, 'creditedHours'],
    ['a class of another program', { classId: 'SN' }, 'classId'],
    ['a group of another program', { groupId: 'SN' }, 'groupId'],
    ['an instructor of another city', { instructorIds: ['DL'] }, 'instructorIds.0'],
    ['a venue of another city', { venueId: 'DL' }, 'venueId'],
  ])('rejects %s with a field error and writes nothing', async (_name, patch, field) => {
    const resolved = Object.fromEntries(
      Object.entries(patch).map(([k, v]) => [
        k,
        k === 'classId'
          ? t.fixture.classes[v as string]
          : k === 'groupId'
            ? t.fixture.groups[v as string]
            : k === 'venueId'
              ? t.fixture.venues[v as string]
              : k === 'instructorIds'
                ? (v as string[]).map((x) => t.fixture.instructors[x])
                : v,
      ]),
    );
    const before = await countSessions();
    const audits = await t.db.kysely.selectFrom('audit_log').select('id').execute();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/programs/${QD}/sessions`,
      headers: pm.headers,
      payload: { ...lecture('非法课程', day1, '09:00', '10:00'), ...resolved },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await countSessions()).toBe(before);
    expect(await t.db.kysely.selectFrom('audit_log').select('id').execute()).toHaveLength(audits.length);
  });

  it('hides another subtree’s program as 404 and refuses tutors', async () => {
    const district = await login(t, 'sn_pm');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/programs/${QD}/sessions`,
      headers: district.headers,
      payload: lecture('x', day1, '09:00', '10:00'),
    });
    expect(res.statusCode).toBe(404);
    const tutor = await login(t, 'qd_tutor');
    const res2 = await t.app.inject({
      method: 'POST',
      url: `/api/v1/programs/${QD}/sessions`,
      headers: tutor.headers,
      payload: lecture('x', day1, '09:00', '10:00'),
    });
    expect(res2.statusCode).toBe(403);
  });
});

describe('PATCH and DELETE /api/v1/sessions/:id', () => {
  it('moves a session (the calendar drag), audits a move and reports the conflicts it now takes part in', async () => {
    const a = (await createSession(QD, lecture('领导力提升', day2, '09:00', '11:00'))).session;
    const b = (await createSession(QD, lecture('区域经济与城市发展', day2, '14:00', '16:00'))).session;
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sessions/${b.id}`,
      headers: qdPm.headers,
      payload: { startsAt: at(day2, '10:00'), endsAt: at(day2, '12:00') },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<SessionWriteResult>();
    expect(body.session).toMatchObject({ id: b.id, title: '区域经济与城市发展', startsAt: at(day2, '10:00'), endsAt: at(day2, '12:00'), creditedHours: 2 });
    expect(body.conflicts).toEqual([
      expect.objectContaining({
        kind: 'audience',
        sessionIds: [a.id, b.id],
        message: expect.objectContaining({ zh: expect.stringContaining('全体学员需同时参加') }),
      }),
    ]);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'summary'])
      .where('entity_id', '=', String(b.id))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('session.move');
    // Moving it back clears the conflict.
    const back = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sessions/${b.id}`,
      headers: qdPm.headers,
      payload: { startsAt: at(day2, '14:00'), endsAt: at(day2, '16:00') },
    });
    expect(back.json<SessionWriteResult>().conflicts).toEqual([]);
  });

  it('rejects a move that ends before it starts and leaves the session as it was', async () => {
    const s = (await createSession(QD, lecture('不动的课', day2, '19:00', '20:00'))).session;
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/sessions/${s.id}`, headers: pm.headers, payload: { endsAt: at(day2, '18:00') } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'endsAt', message: '结束时间必须晚于开始时间' }]);
    const row = await t.db.kysely.selectFrom('program_sessions').select('ends_at').where('id', '=', s.id).executeTakeFirstOrThrow();
    expect(row.ends_at).toBe(at(day2, '20:00'));
  });

  it('duplicates a session to another day', async () => {
    const s = (await createSession(QD, lecture('党性教育专题', day1, '19:00', '20:30', { type: 'party_spirit' }))).session;
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/sessions/${s.id}/duplicate`, headers: pm.headers, payload: { date: day2 } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<SessionWriteResult>().session).toMatchObject({
      title: '党性教育专题',
      type: 'party_spirit',
      startsAt: at(day2, '19:00'),
      endsAt: at(day2, '20:30'),
    });
    const bad = await t.app.inject({ method: 'POST', url: `/api/v1/sessions/${s.id}/duplicate`, headers: pm.headers, payload: { date: '2020-01-01' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('date');
  });

  it('deletes a session, but not one with attendance', async () => {
    const s = (await createSession(QD, lecture('待删除', day1, '20:00', '21:00'))).session;
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/sessions/${s.id}`, headers: pm.headers });
    expect(del.statusCode).toBe(204);
    expect(await t.db.kysely.selectFrom('program_sessions').select('id').where('id', '=', s.id).executeTakeFirst()).toBeUndefined();

    const past = t.fixture.sessions['SN-past']!;
    const now = nowIso();
    await t.db.kysely
      .insertInto('attendance')
      .values({
        session_id: past,
        stop_seq: 0,
        cadre_id: t.fixture.cadres['bdg']!,
        enrolment_id: t.fixture.enrolments['bdg']!,
        status: 'present',
        minutes_missed: 0,
        method: 'manual',
        checked_in_at: now,
        lat: null,
        lng: null,
        accuracy_m: null,
        distance_m: null,
        remarks: null,
        recorded_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const refused = await t.app.inject({ method: 'DELETE', url: `/api/v1/sessions/${past}`, headers: pm.headers });
    expect(refused.statusCode).toBe(409);
    expect(await t.db.kysely.selectFrom('program_sessions').select('id').where('id', '=', past).executeTakeFirst()).toBeDefined();
  });

  it('rewrites the hours ledger of trainees with attendance when credited hours change', async () => {
    // Relies on the attendance row written by the previous test (bdg present at SN-past).
    const past = t.fixture.sessions['SN-past']!;
    const ledger = async () =>
      (
        await t.db.kysely
          .selectFrom('hours_entries')
          .select('hours')
          .where('cadre_id', '=', t.fixture.cadres['bdg']!)
          .where('program_id', '=', SN)
          .where('source', '=', 'program')
          .execute()
      ).reduce((sum, r) => sum + Number(r.hours), 0);
    const patch = async (creditedHours: number) => {
      const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/sessions/${past}`, headers: pm.headers, payload: { creditedHours } });
      expect(res.statusCode, res.body).toBe(200);
    };
    await patch(2);
    const two = await ledger();
    await patch(1);
    const one = await ledger();
    expect(two).toBeGreaterThan(0);
    expect(one).toBeLessThan(two);
  });
});

describe('PUT /api/v1/sessions/:id/stops', () => {
  it('replaces the itinerary and checks planned times against the session', async () => {
    const s = (await createSession(QD, lecture('实地考察：前海', day1, '08:00', '12:00', { type: 'site_visit' }))).session;
    const url = `/api/v1/sessions/${s.id}/stops`;
    const res = await t.app.inject({
      method: 'PUT',
      url,
      headers: pm.headers,
      payload: [
        { seq: 2, name: '前海深港青年梦工场', plannedAt: `${day1}T02:30:00Z` },
        { seq: 1, name: '大疆创新', venueId: t.fixture.venues['QD'], plannedAt: at(day1, '08:30') },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({ seq: 1, name: '大疆创新', venueName: 'QD教学点', plannedAt: at(day1, '08:30') }),
      expect.objectContaining({ seq: 2, name: '前海深港青年梦工场', venueId: null, plannedAt: at(day1, '10:30') }),
    ]);
    const bad = await t.app.inject({ method: 'PUT', url, headers: pm.headers, payload: [{ seq: 1, name: '太晚', plannedAt: at(day1, '13:00') }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([{ field: '0.plannedAt', message: expect.any(String) }]);
    const dup = await t.app.inject({
      method: 'PUT',
      url,
      headers: pm.headers,
      payload: [
        { seq: 1, name: 'a' },
        { seq: 1, name: 'b' },
      ],
    });
    expect(dup.statusCode).toBe(400);
    const stored = await t.db.kysely.selectFrom('session_stops').select('seq').where('session_id', '=', s.id).execute();
    expect(stored).toHaveLength(2);
  });
});

describe('GET /api/v1/programs/:id/timetable/conflicts', () => {
  const conflictsOf = async (programId: number, s = pm) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/programs/${programId}/timetable/conflicts`, headers: s.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: TimetableConflict[] }>().items;
  };

  it('finds instructor, venue, audience and travel conflicts with Chinese messages', async () => {
    const day = beijingIso(3 * 86_400_000).slice(0, 10);
    const far = await insertVenue(t.fixture.orgs['QD-SN']!, '比亚迪坪山基地', 22.69, 114.35);
    const cls = t.fixture.classes['SN']!;
    const group = t.fixture.groups['SN']!;
    const x = (await createSession(SN, lecture('教师课一', day, '09:00', '10:00', { instructorIds: [t.fixture.instructors['SN']], classId: cls }))).session;
    const y = await createSession(SN, lecture('教师课二', day, '09:30', '10:30', { instructorIds: [t.fixture.instructors['SN']], groupId: group }));
    // The write answer already names the instructor clash (and the class/group overlap).
    expect(y.conflicts.map((c) => c.kind).sort()).toEqual(['audience', 'instructor']);
    const v1 = (await createSession(SN, lecture('场地课一', day, '13:00', '14:00', { venueId: t.fixture.venues['SN'], classId: cls }))).session;
    const v2 = (
      await createSession(SN, lecture('场地课二', day, '13:30', '14:30', { venueId: t.fixture.venues['SN'], classId: null, audienceKind: 'program' }))
    ).session;
    // 30 km apart with 20 minutes between: travel needs about 90 minutes.
    const far1 = (await createSession(SN, lecture('坪山现场教学', day, '14:50', '16:00', { venueId: far, type: 'onsite_teaching' }))).session;

    const items = await conflictsOf(SN);
    const find = (kind: string, ids: number[]) => items.find((c) => c.kind === kind && ids.every((id) => c.sessionIds.includes(id)));
    expect(find('instructor', [x.id, y.session.id])?.message.zh).toBe('授课教师 SN讲师 在「教师课一」与「教师课二」时间重叠 30 分钟');
    expect(find('audience', [x.id, y.session.id])?.message.zh).toContain('班级「一班」小组「第一组」需同时参加');
    expect(find('venue', [v1.id, v2.id])?.message.zh).toBe('场地「SN教学点」同时安排了「场地课一」与「场地课二」，重叠 30 分钟');
    expect(find('audience', [v1.id, v2.id])).toBeDefined();
    const travel = find('travel', [v2.id, far1.id]);
    expect(travel?.message.zh).toMatch(/^从SN教学点到比亚迪坪山基地约 \d+\.\d 公里，至少需要 \d+ 分钟，实际间隔 20 分钟$/);
    expect(travel?.otherProgram).toBeNull();
  });

  it('flags an instructor booked by another program of the subtree at the same time', async () => {
    const day = beijingIso(3 * 86_400_000).slice(0, 10);
    const qd = (await createSession(QD, lecture('市级专题讲座', day, '19:00', '21:00', { instructorIds: [t.fixture.instructors['QD']] }))).session;
    // A district program borrowing the city's instructor at the same time.
    const sn = await createSession(SN, lecture('区级专题讲座', day, '20:00', '21:30', { instructorIds: [t.fixture.instructors['QD']] }));
    const cross = (await conflictsOf(QD)).find((c) => c.kind === 'instructor' && c.sessionIds.includes(qd.id));
    expect(cross).toMatchObject({
      sessionIds: [qd.id, sn.session.id],
      otherProgram: { id: SN, name: '市南区基层干部赴深圳对标学习班', sessionId: sn.session.id },
    });
    expect(cross!.message.zh).toContain('「区级专题讲座（市南区基层干部赴深圳对标学习班）」');
    expect(sn.conflicts.some((c) => c.kind === 'instructor' && c.otherProgram?.id === QD)).toBe(true);
    // The district manager cannot see the city program, so it is never named to them.
    const district = await login(t, 'sn_pm');
    expect((await conflictsOf(SN, district)).some((c) => c.otherProgram?.id === QD)).toBe(false);
  });
});

describe('GET /api/v1/programs/:id/timetable/metrics', () => {
  it('compares credited hours per type with the program targets, per trainee path', async () => {
    const LS = t.fixture.programs['LS']!;
    await t.db.kysely
      .updateTable('programs')
      .set({ targets: JSON.stringify({ onsiteShareMin: 0.4, seminarHoursMin: 3, minimums: [{ sessionType: 'lecture', hoursMin: 10 }] }) })
      .where('id', '=', LS)
      .execute();
    const get = async (query = '') => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/programs/${LS}/timetable/metrics${query}`, headers: pm.headers });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<TimetableMetrics>();
    };
    // Fixture: 3 h lecture + 3 h on-site teaching.
    let m = await get();
    expect(m.onsiteShare).toBe(0.5);
    expect(m.checks.map((c) => [c.key, c.met, c.label.zh])).toEqual([
      ['onsiteShareMin', true, '现场教学 50% ≥ 目标 40% ✓'],
      ['seminarHoursMin', false, '研讨 0 学时 < 3 学时 ✗'],
      ['perTypeMinHours.lecture', false, '理论讲授 3 学时 < 10 学时 ✗'],
    ]);
    // A ceremony carries no teaching: it stays out of the total.
    await createSession(LS, lecture('开班式', day1, '08:00', '08:30', { type: 'ceremony', creditedHours: 0.5 }));
    await createSession(LS, lecture('研讨：乡村振兴', day1, '09:00', '12:00', { type: 'seminar', creditedHours: 3 }));
    m = await get();
    expect(m.totalHours).toBe(9);
    expect(m.checks.map((c) => [c.key, c.met])).toEqual([
      ['onsiteShareMin', false],
      ['seminarHoursMin', true],
      ['perTypeMinHours.lecture', false],
    ]);
    expect(m.hoursByType.find((h) => h.type === 'seminar')).toEqual({ type: 'seminar', hours: 3, share: 1 / 3 });

    // A second group without the seminar: the headline check is the weaker group's.
    const { id: g2 } = await t.db.kysely
      .insertInto('class_groups')
      .values({ class_id: t.fixture.classes['LS']!, name: '第二组', sort_order: 1, created_at: nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await createSession(LS, lecture('第一组专题研讨', day2, '09:00', '12:00', { type: 'seminar', creditedHours: 3, groupId: t.fixture.groups['LS'] }));
    m = await get();
    expect(m.paths.map((p) => [p.label, p.seminarHours])).toEqual([
      ['一班·第一组', 6],
      ['一班·第二组', 3],
    ]);
    expect(m.seminarHours).toBe(3);
    expect(m.hoursByType.find((h) => h.type === 'seminar')!.hours).toBe(4.5);
    const only = await get(`?groupId=${g2}`);
    expect(only.paths).toHaveLength(1);
    expect(only.seminarHours).toBe(3);
  });
});

describe('GET /api/v1/programs/:id/sessions', () => {
  it('lists a group’s timetable: program-wide, its class’s and its own sessions only', async () => {
    const LS = t.fixture.programs['LS']!;
    const all = (await t.app.inject({ method: 'GET', url: `/api/v1/programs/${LS}/sessions`, headers: pm.headers })).json<{ items: TimetableSession[] }>()
      .items;
    const g2 = await t.db.kysely.selectFrom('class_groups').select('id').where('name', '=', '第二组').executeTakeFirstOrThrow();
    const mine = (await t.app.inject({ method: 'GET', url: `/api/v1/programs/${LS}/sessions?groupId=${g2.id}`, headers: pm.headers })).json<{
      items: TimetableSession[];
    }>().items;
    expect(all.some((s) => s.title === '第一组专题研讨')).toBe(true);
    expect(mine.some((s) => s.title === '第一组专题研讨')).toBe(false);
    expect(mine.length).toBe(all.length - 1);
    expect(all.map((s) => s.startsAt)).toEqual([...all.map((s) => s.startsAt)].sort());
  });
});

describe('exports', () => {
  it('writes an xlsx with a title, a header and one row per session, date cells merged by day', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/programs/${QD}/timetable.xlsx`, headers: pm.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('青岛市年轻干部对标学习班_课程表.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('课程表')!;
    expect(ws.getCell('A1').text).toBe('青岛市年轻干部对标学习班 课程表');
    expect(ws.getRow(3).values).toEqual([undefined, '日期', '时间', '类型', '课程内容', '地点', '授课/带队', '参加对象', '学时']);
    const sessions = (await t.app.inject({ method: 'GET', url: `/api/v1/programs/${QD}/sessions`, headers: pm.headers })).json<{ items: TimetableSession[] }>()
      .items;
    const titles: string[] = [];
    for (let r = 4; r < 4 + sessions.length; r++) titles.push(ws.getCell(r, 4).text);
    expect(titles).toEqual(sessions.map((s) => s.title));
    expect(ws.getCell(4, 3).value).toBe('理论讲授');
    // Rows of one day share one merged date cell.
    const dayRow = 4 + sessions.findIndex((s) => s.startsAt.startsWith(day1));
    const dayCount = sessions.filter((s) => s.startsAt.startsWith(day1)).length;
    expect(dayCount).toBeGreaterThan(1);
    for (let r = dayRow; r < dayRow + dayCount; r++) expect(ws.getCell(r, 1).master.address).toBe(`A${dayRow}`);
    expect(ws.getCell(dayRow + dayCount, 1).master.address).not.toBe(`A${dayRow}`);
    expect(ws.getCell(4 + sessions.length, 7).value).toBe('合计学时');
  });

  it('exports one group’s timetable on request', async () => {
    const LS = t.fixture.programs['LS']!;
    const g2 = await t.db.kysely.selectFrom('class_groups').select('id').where('name', '=', '第二组').executeTakeFirstOrThrow();
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/programs/${LS}/timetable.xlsx?groupId=${g2.id}`, headers: pm.headers });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('课程表')!;
    expect(ws.getCell('A1').text).toBe('崂山区乡村振兴专题班（一班·第二组） 课程表');
    const titles: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 3) titles.push(row.getCell(4).text);
    });
    expect(titles).toContain('研讨：乡村振兴');
    expect(titles).not.toContain('第一组专题研讨');
  });

  it('writes a docx whose document names the program', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/programs/${QD}/timetable.docx`, headers: pm.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const file = join(mkdtempSync(join(tmpdir(), 'tt-')), 'timetable.docx');
    writeFileSync(file, res.rawPayload);
    const archive = await openZip(file);
    try {
      const entry = archive.entries.get('word/document.xml');
      expect(entry).toBeDefined();
      const chunks: Buffer[] = [];
      for await (const chunk of await openEntryStream(archive.zip, entry!)) chunks.push(chunk as Buffer);
      const xml = Buffer.concat(chunks).toString('utf8');
      expect(xml).toContain('青岛市年轻干部对标学习班');
      expect(xml).toContain('w:orient="landscape"');
      expect(xml).toContain('开班式暨专题讲座');
    } finally {
      closeZip(archive.zip);
    }
  });
});

describe('iCal feed', () => {
  it('gives a trainee a personal URL that serves their sessions without a session cookie', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me/calendar', headers: trainee.headers });
    expect(res.statusCode, res.body).toBe(200);
    const { url, sessions } = res.json<{ url: string; sessions: number }>();
    expect(url).toMatch(/^\/api\/v1\/calendar\/\d+-[0-9a-f]{32}\.ics$/);
    expect(sessions).toBeGreaterThan(0);

    const feed = await t.app.inject({ method: 'GET', url });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const ics = feed.body;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('SUMMARY:开班式暨专题讲座');
    expect(ics).toContain(`UID:s${t.fixture.sessions['QD-past']}@timetable.duibiao`);
    // Only the trainee's own program: the district program's sessions are not in it.
    expect(ics).not.toContain(`UID:s${t.fixture.sessions['SN-past']}@`);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(sessions);
  });

  it('leaves out sessions for another group of the class', async () => {
    const { id: other } = await t.db.kysely
      .insertInto('class_groups')
      .values({ class_id: t.fixture.classes['QD']!, name: '第九组', sort_order: 9, created_at: nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await createSession(QD, lecture('第九组专场', day2, '07:00', '08:00', { groupId: other }));
    const { url } = (await t.app.inject({ method: 'GET', url: '/api/v1/me/calendar', headers: trainee.headers })).json<{ url: string }>();
    const ics = (await t.app.inject({ method: 'GET', url })).body;
    expect(ics).not.toContain('第九组专场');
    expect(ics).toContain('分组研讨：城市更新'); // the trainee's own group
  });

  it('answers 404 to a forged or altered token and to accounts without a cadre', async () => {
    const { url } = (await t.app.inject({ method: 'GET', url: '/api/v1/me/calendar', headers: trainee.headers })).json<{ url: string }>();
    const file = url.split('/').pop()!;
    const [id, mac] = file.replace('.ics', '').split('-') as [string, string];
    const otherCadre = `/api/v1/calendar/${t.fixture.cadres['bdg']}-${mac}.ics`;
    const flipped = `/api/v1/calendar/${id}-${mac.slice(0, -1)}${mac.endsWith('0') ? '1' : '0'}.ics`;
    for (const bad of [otherCadre, flipped, '/api/v1/calendar/nonsense.ics', `/api/v1/calendar/${id}-${mac}`]) {
      const res = await t.app.inject({ method: 'GET', url: bad });
      expect(res.statusCode, bad).toBe(404);
    }
    const admin = await t.app.inject({ method: 'GET', url: '/api/v1/me/calendar', headers: pm.headers });
    expect(admin.statusCode).toBe(404);
  });
});
