// Long placements over HTTP: who sees which placement, remote check-in, weekly logs and their week rules, mentor
// comments locking a week, and the final assessment crediting the training file exactly once.
import type { HostPlacementDetail, MyPlacement, PracticumOverview, PracticumRow, TrainingFile } from '@duibiao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/modules/practicum/practicum.rules.ts';
import { freshLog, freshPlacement, mondaysAgo, thisMonday, today } from './practicum-helpers.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
const s: Record<string, Session> = {};
const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: s[who]!.headers, ...(payload ? { payload } : {}) });

const LOG = { content: '本周参与企业投资项目尽调，学习了项目评估方法，整理了两份行业研究材料。', nextPlan: '参加投决会' };
const CHECKIN = { contactConfirmed: true, firstTasks: '熟悉投资业务流程，参与一个项目尽调' };

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['qd_admin', 'qd_pm', 'sn_pm', 'qd_host', 'sn_host', 'qd_trainee', 'sn_trainee']) s[u] = await login(t, u);
});
afterAll(() => t.close());

const fx = () => t.fixture;
/** 李晓梅 (qd_trainee) placed by 青岛市 with a unit whose contact is qd_host. */
const mine = (o: Partial<Parameters<typeof freshPlacement>[1]> = {}) =>
  freshPlacement(t, { orgId: fx().orgs['QD']!, cadreId: fx().cadres['snsw']!, contactUserId: fx().users['qd_host']!, ...o });

describe('visibility', () => {
  it('shows a trainee only their own published placements', async () => {
    const own = await mine();
    const draft = await mine({ status: 'draft' });
    const other = await freshPlacement(t, { orgId: fx().orgs['QD']!, cadreId: fx().cadres['fgw']!, contactUserId: fx().users['qd_host']! });
    const res = await call('qd_trainee', 'GET', '/me/placements');
    expect(res.statusCode).toBe(200);
    const ids = res.json<MyPlacement[]>().map((p) => p.id);
    expect(ids).toContain(own.placementId);
    expect(ids).not.toContain(draft.placementId);
    expect(ids).not.toContain(other.placementId);
    const shown = res.json<MyPlacement[]>().find((p) => p.id === own.placementId)!;
    expect(shown).toMatchObject({ hostUnit: { name: own.hostName, contactName: '周联络', mentorName: '吴导师' }, choice: 1, status: 'published' });
    expect(shown.explanation).toContain('第一志愿');
    expect((await call('qd_trainee', 'POST', `/me/placements/${draft.placementId}/remote-checkin`, CHECKIN)).statusCode).toBe(404);
    expect((await call('qd_trainee', 'PUT', `/me/placements/${other.placementId}/logs/${thisMonday()}`, LOG)).statusCode).toBe(404);
  });

  it('shows a host contact only the cadres placed with their units, without ID number or mobile', async () => {
    const ours = await mine();
    const theirs = await freshPlacement(t, { orgId: fx().orgs['QD-SN']!, cadreId: fx().cadres['bdg']!, contactUserId: fx().users['sn_host']! });
    const draft = await mine({ status: 'draft' });
    const list = await call('qd_host', 'GET', '/host/placements');
    expect(list.statusCode).toBe(200);
    const ids = list.json<PracticumRow[]>().map((r) => r.id);
    expect(ids).toContain(ours.placementId);
    expect(ids).not.toContain(theirs.placementId);
    expect(ids).not.toContain(draft.placementId);
    expect((await call('qd_host', 'GET', `/host/placements/${theirs.placementId}`)).statusCode).toBe(404);
    expect((await call('qd_host', 'GET', `/host/placements/${draft.placementId}`)).statusCode).toBe(404);
    expect((await call('qd_host', 'PUT', `/host/placements/${theirs.placementId}/reviews/midterm`, { hostFeedback: '良好', score: 80 })).statusCode).toBe(404);
    // sn_host sits at 市南区 yet sees a 青岛市 program's cadre: host access follows the unit, not the subtree.
    expect((await call('sn_host', 'GET', `/host/placements/${theirs.placementId}`)).statusCode).toBe(200);

    const detail = await call('qd_host', 'GET', `/host/placements/${ours.placementId}`);
    expect(detail.statusCode).toBe(200);
    const cadre = detail.json<HostPlacementDetail>().cadre;
    // Born 1990-09-01 (fixture); gender and position as the roster has them.
    expect(cadre).toEqual({
      id: fx().cadres['snsw'],
      name: '李晓梅',
      gender: 'male',
      age: expect.any(Number),
      homeUnit: '市南区商务局',
      position: '干部',
      specialties: ['招商引资'],
    });
    expect(cadre.age).toBeGreaterThanOrEqual(36);
    expect(detail.body).not.toMatch(/idNumber|mobile|370202/);
  });

  it('lets organizers read only programs in their subtree', async () => {
    const p = await mine();
    expect((await call('qd_pm', 'GET', `/programs/${p.programId}/practicum`)).statusCode).toBe(200);
    expect((await call('sn_pm', 'GET', `/programs/${p.programId}/practicum`)).statusCode).toBe(404);
    expect((await call('sn_pm', 'GET', `/host/placements/${p.placementId}`)).statusCode).toBe(404);
    expect((await call('sn_pm', 'PUT', `/host/placements/${p.placementId}/reviews/midterm`, { hostFeedback: '良好', score: 80 })).statusCode).toBe(404);
  });
});

describe('remote check-in', () => {
  it('moves a published placement to reported once, before or just after arrival', async () => {
    const p = await mine({ startDate: addDays(today(), 10) });
    const url = `/me/placements/${p.placementId}/remote-checkin`;
    const bad = await call('qd_trainee', 'POST', url, { contactConfirmed: false, firstTasks: '短' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['contactConfirmed', 'firstTasks']));
    const ok = await call('qd_trainee', 'POST', url, CHECKIN);
    expect(ok.statusCode).toBe(200);
    expect(ok.json<MyPlacement>()).toMatchObject({ status: 'reported', remoteCheckin: { contacted: true, firstTasks: CHECKIN.firstTasks } });
    expect((await call('qd_trainee', 'POST', url, CHECKIN)).statusCode).toBe(409);
    const note = await t.db.kysely
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', fx().users['qd_host']!)
      .where('kind', '=', 'placement.remote_checkin')
      .execute();
    expect(note.length).toBeGreaterThan(0);
  });

  it('closes a week after the start date', async () => {
    const late = await mine({ startDate: addDays(today(), -30) });
    const res = await call('qd_trainee', 'POST', `/me/placements/${late.placementId}/remote-checkin`, CHECKIN);
    expect(res.statusCode).toBe(409);
    const row = await t.db.kysely.selectFrom('placements').select('status').where('id', '=', late.placementId).executeTakeFirstOrThrow();
    expect(row.status).toBe('published');
  });
});

describe('weekly logs', () => {
  it('accepts only a Monday inside the period and not in the future, naming weekStart', async () => {
    const p = await mine({ startDate: mondaysAgo(2) });
    const put = (week: string) => call('qd_trainee', 'PUT', `/me/placements/${p.placementId}/logs/${week}`, LOG);
    for (const week of [addDays(thisMonday(), 1), addDays(thisMonday(), 7), mondaysAgo(3), 'not-a-date', '2026-02-30']) {
      const res = await put(week);
      expect(res.statusCode, week).toBe(400);
      expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'weekStart' })]);
    }
    const ended = await mine({ startDate: mondaysAgo(6), endDate: addDays(mondaysAgo(4), 2) });
    const after = await call('qd_trainee', 'PUT', `/me/placements/${ended.placementId}/logs/${mondaysAgo(3)}`, LOG);
    expect(after.statusCode).toBe(400);
    expect(after.json().error.details[0].field).toBe('weekStart');
    const short = await call('qd_trainee', 'PUT', `/me/placements/${p.placementId}/logs/${thisMonday()}`, { content: '太短了' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].field).toBe('content');
    const count = await t.db.kysely.selectFrom('placement_logs').select('id').where('placement_id', 'in', [p.placementId, ended.placementId]).execute();
    expect(count).toEqual([]);
  });

  it('keeps one log per week, updated by a second PUT, locked once the mentor commented', async () => {
    const p = await mine({ startDate: mondaysAgo(2) });
    const url = `/me/placements/${p.placementId}/logs/${mondaysAgo(1)}`;
    expect((await call('qd_trainee', 'PUT', url, LOG)).statusCode).toBe(200);
    const second = await call('qd_trainee', 'PUT', url, { content: `${LOG.content}（补充：完成尽调报告初稿）` });
    expect(second.statusCode).toBe(200);
    const logs = second.json<MyPlacement>().logs;
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ weekStart: mondaysAgo(1), nextPlan: null });
    expect(logs[0]!.content).toContain('补充');
    expect(second.json<MyPlacement>().loggableWeeks).toEqual([thisMonday(), mondaysAgo(1), mondaysAgo(2)]);
    const hostNotes = await t.db.kysely
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', fx().users['qd_host']!)
      .where('kind', '=', 'placement_log.save')
      .execute();
    expect(hostNotes.length).toBeGreaterThanOrEqual(2);

    const comment = await call('qd_host', 'POST', `/host/placements/${p.placementId}/logs/${logs[0]!.id}/comment`, {
      comment: '工作扎实，建议总结可复制做法。',
    });
    expect(comment.statusCode).toBe(200);
    expect(comment.json<HostPlacementDetail>().logs[0]).toMatchObject({ mentorComment: '工作扎实，建议总结可复制做法。' });
    const locked = await call('qd_trainee', 'PUT', url, LOG);
    expect(locked.statusCode).toBe(409);
    const cadreNotes = await t.db.kysely
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', fx().users['qd_trainee']!)
      .where('kind', '=', 'placement_log.comment')
      .execute();
    expect(cadreNotes).toHaveLength(1);
    // Another placement's log id through this placement's URL does not exist.
    const foreign = await freshLog(t, (await mine()).placementId, thisMonday());
    expect((await call('qd_host', 'POST', `/host/placements/${p.placementId}/logs/${foreign}/comment`, { comment: '好' + '的' })).statusCode).toBe(404);
  });
});

describe('organizer overview', () => {
  it('counts logs against elapsed weeks and flags two silent weeks', async () => {
    const silent = await mine({ startDate: mondaysAgo(3) });
    const active = await mine({ programId: silent.programId, cadreId: fx().cadres['fgw']!, startDate: mondaysAgo(3) });
    for (const w of [mondaysAgo(3), mondaysAgo(2), mondaysAgo(1)]) await freshLog(t, active.placementId, w);
    const res = await call('qd_pm', 'GET', `/programs/${silent.programId}/practicum`);
    expect(res.statusCode).toBe(200);
    const body = res.json<PracticumOverview>();
    const row = (id: number) => body.rows.find((r) => r.id === id)!;
    expect(row(silent.placementId)).toMatchObject({
      logsSubmitted: 0,
      logsExpected: 4,
      flagNoRecentLog: true,
      missingWeeks: [mondaysAgo(3), mondaysAgo(2), mondaysAgo(1)],
    });
    expect(row(active.placementId)).toMatchObject({ logsSubmitted: 3, logsExpected: 4, flagNoRecentLog: false, missingWeeks: [], lastLogWeek: mondaysAgo(1) });
    expect(body.logsPerWeek.find((w) => w.weekStart === mondaysAgo(2))).toEqual({ weekStart: mondaysAgo(2), logs: 1, placements: 2 });
  });
});

describe('final assessment', () => {
  // 2026-01-05 (Mon) … 2026-04-14 (Tue): 100 calendar days = 14 full weeks + Mon, Tue → 72 working days × 8 = 576 学时.
  const period = { startDate: '2026-01-05', endDate: '2026-04-14' };
  const entriesOf = (programId: number) =>
    t.db.kysely.selectFrom('hours_entries').selectAll().where('program_id', '=', programId).where('cadre_id', '=', fx().cadres['snsw']!).execute();

  it('completes the placement and writes exactly one hours entry that the training file shows', async () => {
    const p = await mine(period);
    const url = `/host/placements/${p.placementId}/reviews/final`;
    const res = await call('qd_host', 'PUT', url, { hostFeedback: '表现优秀，牵头完成两项研究。', score: 92, result: 'excellent' });
    expect(res.statusCode).toBe(200);
    expect(res.json<HostPlacementDetail>()).toMatchObject({
      status: 'completed',
      reviews: [expect.objectContaining({ kind: 'final', result: 'excellent', hours: 576 })],
    });
    const [entry, ...more] = await entriesOf(p.programId);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ source: 'placement', category: 'offline', title: `${p.programName}（实训）`, provider: p.hostName, date: '2026-04-14' });
    expect(Number(entry!.hours)).toBe(576);
    expect(Number(entry!.days)).toBe(100);

    // Re-submitting updates the same entry; the attendance recompute leaves it alone.
    expect((await call('qd_host', 'PUT', url, { hostFeedback: '表现良好。', score: 85, result: 'good' })).statusCode).toBe(200);
    expect((await call('qd_admin', 'POST', `/programs/${p.programId}/hours/recompute`)).statusCode).toBe(200);
    const after = await entriesOf(p.programId);
    expect(after.map((e) => e.id)).toEqual([entry!.id]);

    const file = (await call('qd_trainee', 'GET', '/me/training-file?year=2026')).json<TrainingFile>();
    expect(file.programs.find((x) => x.programId === p.programId)).toMatchObject({ hours: 576, days: 100 });
    expect(file.years.find((y) => y.year === 2026)!.hours).toBeGreaterThanOrEqual(576);
    const cadreNotes = await t.db.kysely
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', fx().users['qd_trainee']!)
      .where('kind', '=', 'placement_review.final')
      .execute();
    expect(cadreNotes.map((n) => n.title)).toContain(`${p.programName} 期满考核结果：良好`);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'placement_review')
      .where('entity_id', '=', String(p.placementId))
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('credits 0 学时 for a fail, and an organizer may record it on the host’s behalf', async () => {
    const p = await mine(period);
    const res = await call('qd_pm', 'PUT', `/host/placements/${p.placementId}/reviews/final`, { hostFeedback: '未完成实训任务。', score: 40, result: 'fail' });
    expect(res.statusCode).toBe(200);
    const entries = await entriesOf(p.programId);
    expect(entries).toHaveLength(1);
    expect([Number(entries[0]!.hours), Number(entries[0]!.days)]).toEqual([0, 0]);
  });

  it('rejects a bad result or score with nothing written', async () => {
    const p = await mine(period);
    const res = await call('qd_host', 'PUT', `/host/placements/${p.placementId}/reviews/final`, { hostFeedback: '好', score: 101, result: 'great' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['score', 'result', 'hostFeedback']));
    expect(await entriesOf(p.programId)).toEqual([]);
  });
});
