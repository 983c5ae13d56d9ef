// Recommendations and landing over HTTP: validation, the status machine (reject needs a reason, landing needs
// evidence, illegal moves 409), the owner unit acting across scope, reminders once per deadline, the landing rate,
// reflection action items in the tracker, and the landing ledger.
import type { LandingPage, LandingStats, Recommendation, RecommendationDetail, ReflectionImportResult } from '@duibiao/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingToday } from '../src/modules/hours/time.ts';
import { remindDueRecommendations } from '../src/modules/results/results.service.ts';
import { addDays } from '../src/modules/results/results.rules.ts';
import { multipart } from './multipart.ts';
import { PDF_BYTES, freshActionItems, freshRecommendation, freshReport, freshResultsProgram } from './results-helpers.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
const s: Record<string, Session> = {};
const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: s[who]!.headers, ...(payload ? { payload } : {}) });
const fields = (res: { json: <T>() => T }) => res.json<{ error: { details: { field: string }[] } }>().error.details.map((d) => d.field);

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['qd_admin', 'qd_pm', 'qd_tutor', 'qd_trainee', 'sn_trainee', 'sn_admin', 'sn_pm', 'qd_expert']) s[u] = await login(t, u);
});
afterAll(() => t.close());

const fx = () => t.fixture;
const org = (code: string) => fx().orgs[code]!;
const today = () => beijingToday();
const cityProgram = () => freshResultsProgram(t, org('QD'), [fx().cadres['snsw']!]);
const statusOf = async (id: number) => (await t.db.kysely.selectFrom('recommendations').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const updatesOf = (id: number) =>
  t.db.kysely.selectFrom('recommendation_updates').select(['from_status', 'to_status', 'note']).where('recommendation_id', '=', id).orderBy('id').execute();

describe('creating recommendations', () => {
  it('lets the report’s author add one and names every bad field', async () => {
    const programId = await cityProgram();
    const reportId = await freshReport(t, { programId, cadreId: fx().cadres['snsw']! });
    const bad = await call('qd_trainee', 'POST', `/reports/${reportId}/recommendations`, { title: '', deadline: '2027-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad).sort()).toEqual(['deadline', 'ownerOrgId', 'title']);
    // The owner unit must be a home-side unit of the organizer (青岛市), not 大连.
    const away = await call('qd_trainee', 'POST', `/reports/${reportId}/recommendations`, { title: '建立产业引导基金', ownerOrgId: org('DL') });
    expect(away.statusCode).toBe(400);
    expect(fields(away)).toEqual(['ownerOrgId']);
    expect(await t.db.kysely.selectFrom('recommendations').select('id').where('report_id', '=', reportId).execute()).toHaveLength(0);

    const ok = await call('qd_trainee', 'POST', `/reports/${reportId}/recommendations`, {
      title: '建立产业引导基金',
      content: '设立市级产业引导基金，撬动社会资本',
      ownerOrgId: org('QD-SN-SW'),
      deadline: '2027-06-30',
      expectedEffect: '撬动社会资本 10 亿元',
    });
    expect(ok.statusCode).toBe(201);
    const rec = ok.json<RecommendationDetail>();
    expect(rec).toMatchObject({ source: 'report', reportId, ownerName: '市南区商务局', status: 'proposed', canAct: false, nextStatuses: [] });
    expect(rec.updates).toHaveLength(1);
    // Someone else's report: 404; a tutor reads the program but does not write.
    expect((await call('sn_trainee', 'POST', `/reports/${reportId}/recommendations`, { title: 'x', ownerOrgId: org('QD') })).statusCode).toBe(404);
    expect((await call('qd_tutor', 'POST', `/reports/${reportId}/recommendations`, { title: 'x', ownerOrgId: org('QD') })).statusCode).toBe(403);
    // The author reads it; another trainee does not.
    expect((await call('qd_trainee', 'GET', `/recommendations/${rec.id}`)).statusCode).toBe(200);
    expect((await call('sn_trainee', 'GET', `/recommendations/${rec.id}`)).statusCode).toBe(404);
    expect((await call('qd_trainee', 'POST', `/recommendations/${rec.id}/status`, { status: 'accepted' })).statusCode).toBe(403);
  });

  it('lets organizers add topic or direct recommendations to a program', async () => {
    const programId = await cityProgram();
    const res = await call('qd_pm', 'POST', `/programs/${programId}/recommendations`, { title: '推行链长制', ownerOrgId: org('QD-FGW') });
    expect(res.statusCode).toBe(201);
    expect(res.json<RecommendationDetail>()).toMatchObject({ source: 'manual', canAct: true, nextStatuses: ['accepted', 'rejected'] });
    expect((await call('qd_pm', 'POST', `/programs/${programId}/recommendations`, { title: 'x', ownerOrgId: org('QD'), topicId: 999999 })).statusCode).toBe(
      400,
    );
    expect((await call('qd_tutor', 'POST', `/programs/${programId}/recommendations`, { title: 'x', ownerOrgId: org('QD') })).statusCode).toBe(403);
    expect((await call('sn_pm', 'POST', `/programs/${programId}/recommendations`, { title: 'x', ownerOrgId: org('QD-SN') })).statusCode).toBe(404);
  });
});

describe('the landing workflow', () => {
  it('follows proposed → accepted → in_progress → landed, needing evidence to land', async () => {
    const programId = await cityProgram();
    const id = await freshRecommendation(t, { programId, ownerOrgId: org('QD-SN-SW') });
    expect((await call('qd_pm', 'POST', `/recommendations/${id}/status`, { status: 'landed' })).statusCode).toBe(409);
    expect((await call('qd_pm', 'POST', `/recommendations/${id}/status`, { status: 'in_progress' })).statusCode).toBe(409);
    expect((await call('qd_pm', 'POST', `/recommendations/${id}/status`, { status: 'accepted', note: '市政府常务会研究采纳' })).statusCode).toBe(200);
    expect((await call('qd_pm', 'POST', `/recommendations/${id}/status`, { status: 'in_progress' })).statusCode).toBe(200);
    const progress = await call('qd_pm', 'POST', `/recommendations/${id}/updates`, { note: '基金方案已报市政府' });
    expect(progress.statusCode).toBe(200);
    expect(progress.json<RecommendationDetail>().status).toBe('in_progress');

    const early = await call('qd_pm', 'POST', `/recommendations/${id}/status`, { status: 'landed' });
    expect(early.statusCode).toBe(409);
    expect(await statusOf(id)).toBe('in_progress');

    const figure = await call('qd_pm', 'POST', `/recommendations/${id}/evidence`, { label: '到位资金', value: 3.2, unit: '亿元' });
    expect(figure.statusCode).toBe(200);
    expect(figure.json<RecommendationDetail>().evidence).toMatchObject([{ kind: 'figure', label: '到位资金', value: 3.2, unit: '亿元' }]);
    const body = multipart({ label: '基金设立批复' }, { name: '批复.pdf', content: PDF_BYTES });
    const doc = await t.app.inject({
      method: 'POST',
      url: `/api/v1/recommendations/${id}/evidence/file`,
      headers: { ...s['qd_pm']!.headers, ...body.headers },
      payload: body.payload,
    });
    expect(doc.statusCode).toBe(200);
    const evidenceId = doc.json<RecommendationDetail>().evidence[1]!.id;
    expect(doc.json<RecommendationDetail>().evidence[1]).toMatchObject({ kind: 'document', label: '基金设立批复', fileName: '批复.pdf' });
    const down = await call('sn_admin', 'GET', `/recommendations/${id}/evidence/${evidenceId}/file`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(PDF_BYTES)).toBe(true);

    const landed = await call('qd_pm', 'POST', `/recommendations/${id}/status`, { status: 'landed', note: '基金已设立' });
    expect(landed.statusCode).toBe(200);
    expect(landed.json<RecommendationDetail>()).toMatchObject({ status: 'landed', landedAt: today(), nextStatuses: [] });
    expect(await updatesOf(id)).toEqual([
      { from_status: 'proposed', to_status: 'accepted', note: '市政府常务会研究采纳' },
      { from_status: 'accepted', to_status: 'in_progress', note: null },
      { from_status: 'in_progress', to_status: 'in_progress', note: '基金方案已报市政府' },
      { from_status: 'in_progress', to_status: 'landed', note: '基金已设立' },
    ]);
    // Final: no more moves or progress.
    expect((await call('qd_pm', 'POST', `/recommendations/${id}/status`, { status: 'accepted' })).statusCode).toBe(409);
    expect((await call('qd_pm', 'POST', `/recommendations/${id}/updates`, { note: '再报' })).statusCode).toBe(409);
    expect((await call('qd_pm', 'PATCH', `/recommendations/${id}`, { title: '改' })).statusCode).toBe(409);
  });

  it('needs a reason to reject (400 naming reason) and then keeps it', async () => {
    const programId = await cityProgram();
    const id = await freshRecommendation(t, { programId, ownerOrgId: org('QD-FGW') });
    const bare = await call('qd_pm', 'POST', `/recommendations/${id}/status`, { status: 'rejected' });
    expect(bare.statusCode).toBe(400);
    expect(fields(bare)).toEqual(['reason']);
    expect(await statusOf(id)).toBe('proposed');
    const res = await call('qd_pm', 'POST', `/recommendations/${id}/status`, { status: 'rejected', reason: '与现行政策冲突' });
    expect(res.statusCode).toBe(200);
    expect(res.json<RecommendationDetail>()).toMatchObject({ status: 'rejected', rejectReason: '与现行政策冲突' });
    expect((await call('qd_pm', 'POST', `/recommendations/${id}/evidence`, { label: '项目', value: 1 })).statusCode).toBe(409);
  });

  it('lets a district admin act on a city program’s recommendation owned in their district, and nothing else', async () => {
    const programId = await cityProgram();
    const ours = await freshRecommendation(t, { programId, ownerOrgId: org('QD-SN-SW') });
    const theirs = await freshRecommendation(t, { programId, ownerOrgId: org('QD-FGW') });
    const res = await call('sn_admin', 'POST', `/recommendations/${ours}/status`, { status: 'accepted', note: '区商务局承接' });
    expect(res.statusCode).toBe(200);
    expect(res.json<RecommendationDetail>()).toMatchObject({ status: 'accepted', canAct: true });
    expect((await call('sn_admin', 'POST', `/recommendations/${theirs}/status`, { status: 'accepted' })).statusCode).toBe(404);
    expect((await call('sn_admin', 'GET', `/recommendations/${theirs}`)).statusCode).toBe(404);
    expect(await statusOf(theirs)).toBe('proposed');
    // The owner unit acts; editing the recommendation itself stays with the organizer.
    expect((await call('sn_admin', 'PATCH', `/recommendations/${ours}`, { title: '改' })).statusCode).toBe(403);
    // A tutor of the organizer reads but does not act.
    expect((await call('qd_tutor', 'GET', `/recommendations/${ours}`)).statusCode).toBe(200);
    expect((await call('qd_tutor', 'POST', `/recommendations/${ours}/updates`, { note: '进展' })).statusCode).toBe(403);
    expect((await call('qd_expert', 'GET', `/recommendations/${ours}`)).statusCode).toBe(404);

    const view = await call('sn_admin', 'GET', `/landing?programId=${programId}`);
    expect(view.statusCode).toBe(200);
    expect(view.json<LandingPage>().items.map((r) => r.id)).toEqual([ours]);
    const city = (await call('qd_pm', 'GET', `/landing?programId=${programId}&pageSize=1`)).json<LandingPage>();
    expect(city).toMatchObject({ total: 2, pageSize: 1 });
    expect((await call('qd_tutor', 'GET', '/landing')).statusCode).toBe(403);
  });
});

describe('reminders', () => {
  it('reminds each due deadline once, to the owner unit and the organizer staff', async () => {
    const programId = await cityProgram();
    const soon = await freshRecommendation(t, { programId, ownerOrgId: org('QD-SN-SW'), deadline: addDays(today(), 3) });
    const late = await freshRecommendation(t, { programId, ownerOrgId: org('QD-FGW'), deadline: addDays(today(), -2), status: 'in_progress' });
    await freshRecommendation(t, { programId, ownerOrgId: org('QD-SN-SW'), deadline: addDays(today(), 30) });
    await freshRecommendation(t, { programId, ownerOrgId: org('QD-SN-SW'), deadline: addDays(today(), -2), status: 'landed' });
    await freshRecommendation(t, { programId, ownerOrgId: org('QD-SN-SW'), deadline: null });
    const inbox = async (user: string) =>
      (
        await t.db.kysely
          .selectFrom('notifications')
          .select('title')
          .where('user_id', '=', fx().users[user]!)
          .where('kind', '=', 'recommendation.due')
          .execute()
      ).map((n) => n.title);
    const before = { sn: (await inbox('sn_admin')).length, qd: (await inbox('qd_pm')).length };

    const res = await call('qd_pm', 'POST', '/recommendations/remind');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ count: 2 });
    expect((await inbox('sn_admin')).length - before.sn).toBe(1);
    expect((await inbox('qd_pm')).length - before.qd).toBe(2);
    expect((await inbox('sn_pm')).some((title) => title.includes('已逾期'))).toBe(false);
    const rows = await t.db.kysely.selectFrom('recommendations').select(['id', 'reminded_for', 'deadline']).where('id', 'in', [soon, late]).execute();
    expect(rows.every((r) => r.reminded_for === r.deadline)).toBe(true);

    expect(await remindDueRecommendations(t.ctx, today())).toBe(0);
    // A new deadline is reminded again.
    await call('qd_pm', 'PATCH', `/recommendations/${soon}`, { deadline: addDays(today(), 5) });
    expect(await remindDueRecommendations(t.ctx, today())).toBe(1);
    expect((await call('qd_tutor', 'POST', '/recommendations/remind')).statusCode).toBe(403);
  });
});

describe('landing rate and reflection action items', () => {
  it('counts landed / (total − rejected) and overdue items', async () => {
    const programId = await cityProgram();
    for (const status of ['landed', 'landed', 'rejected', 'in_progress', 'proposed'] as const) {
      await freshRecommendation(t, { programId, ownerOrgId: org('QD'), status, deadline: status === 'in_progress' ? addDays(today(), -1) : '2099-01-01' });
    }
    const res = await call('qd_tutor', 'GET', `/programs/${programId}/landing-stats`);
    expect(res.statusCode).toBe(200);
    expect(res.json<LandingStats>()).toEqual({
      total: 5,
      byStatus: { proposed: 1, accepted: 0, in_progress: 1, landed: 2, rejected: 1 },
      landed: 2,
      landingRate: 0.5,
      overdue: 1,
    });
    const overdue = (await call('qd_pm', 'GET', `/programs/${programId}/recommendations?overdue=true`)).json<Recommendation[]>();
    expect(overdue.map((r) => r.status)).toEqual(['in_progress']);
    expect(overdue[0]!.overdue).toBe(true);
    const empty = await cityProgram();
    expect((await call('qd_pm', 'GET', `/programs/${empty}/landing-stats`)).json<LandingStats>().landingRate).toBeNull();
    expect((await call('sn_pm', 'GET', `/programs/${programId}/landing-stats`)).statusCode).toBe(404);
  });

  it('brings reflection action items into the tracker once', async () => {
    const programId = await cityProgram();
    const [planned, done, free] = await freshActionItems(t, programId, fx().cadres['snsw']!, [
      { content: '推动建立产业链招商专班。明年上半年完成。', owner: '市南区商务局', deadline: '2027-03-31', status: 'planned' },
      { content: '学习深圳秒批经验，优化政务服务流程', owner: '市南区', deadline: null, status: 'done' },
      { content: '制定智慧社区方案', owner: '本人', deadline: null, status: 'in_progress' },
    ]);
    const first = await call('qd_pm', 'POST', `/programs/${programId}/recommendations/from-reflections`);
    expect(first.statusCode).toBe(200);
    expect(first.json<ReflectionImportResult>()).toEqual({ created: 3, alreadyTracked: 0 });
    const again = await call('qd_pm', 'POST', `/programs/${programId}/recommendations/from-reflections`);
    expect(again.json<ReflectionImportResult>()).toEqual({ created: 0, alreadyTracked: 3 });
    const rows = await t.db.kysely
      .selectFrom('recommendations')
      .select(['id', 'action_item_id', 'title', 'status', 'owner_org_id', 'owner_name', 'deadline', 'source', 'landed_at'])
      .where('program_id', '=', programId)
      .orderBy('action_item_id')
      .execute();
    expect(rows.map(({ id: _id, landed_at: _l, ...r }) => r)).toEqual([
      {
        action_item_id: planned,
        title: '推动建立产业链招商专班',
        status: 'accepted',
        owner_org_id: org('QD-SN-SW'),
        owner_name: '市南区商务局',
        deadline: '2027-03-31',
        source: 'reflection',
      },
      {
        action_item_id: done,
        title: '学习深圳秒批经验，优化政务服务流程',
        status: 'landed',
        owner_org_id: org('QD-SN'),
        owner_name: '市南区',
        deadline: null,
        source: 'reflection',
      },
      { action_item_id: free, title: '制定智慧社区方案', status: 'in_progress', owner_org_id: null, owner_name: '本人', deadline: null, source: 'reflection' },
    ]);
    expect((await updatesOf(rows[1]!.id))[0]!.note).toContain('心得中已标记完成');
    const listed = (await call('qd_pm', 'GET', `/programs/${programId}/recommendations`)).json<Recommendation[]>();
    expect(listed.find((r) => r.actionItemId === free)).toMatchObject({ ownerName: '本人', source: 'reflection' });
    expect((await call('qd_tutor', 'POST', `/programs/${programId}/recommendations/from-reflections`)).statusCode).toBe(403);
  });
});

describe('the landing ledger', () => {
  it('exports one row per recommendation with owner, status, last update and evidence', async () => {
    const programId = await cityProgram();
    const reportId = await freshReport(t, { programId, cadreId: fx().cadres['snsw']! });
    const id = await freshRecommendation(t, { programId, ownerOrgId: org('QD-SN-SW'), status: 'in_progress', reportId, withEvidence: true });
    await call('qd_pm', 'POST', `/recommendations/${id}/evidence`, { label: '到位资金', value: 3.2, unit: '亿元' });
    await call('qd_pm', 'POST', `/recommendations/${id}/status`, { status: 'landed', note: '已完成' });
    await freshRecommendation(t, { programId, ownerOrgId: org('QD-FGW'), deadline: '2020-01-01' });

    const res = await call('qd_pm', 'GET', `/programs/${programId}/landing-ledger?format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('成果转化台账'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('成果转化台账')!;
    expect(ws.getRow(2).values).toContain('承办单位');
    const rows = [4, 3].map((n) => (ws.getRow(n).values as unknown[]).slice(1).map(String));
    expect(rows[0]![0]).toBe('2');
    expect(rows[0]![3]).toMatch(/^调研报告：关于深圳招商引资经验的调研报告/);
    expect(rows[0]!.slice(4, 7)).toEqual(['市南区商务局', '2027-06-30', '已落地']);
    expect(rows[0]![7]).toBe(`${today()} 已落地：已完成`);
    expect(rows[0]![8]).toBe('签约项目 20 个；到位资金 3.2 亿元');
    expect(rows[0]![9]).toBe(today());
    expect(rows[1]!.slice(4, 7)).toEqual(['青岛市发展和改革委员会', '2020-01-01', '已提出（逾期）']);

    const docx = await call('qd_pm', 'GET', `/programs/${programId}/landing-ledger?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    // The owner unit's ledger holds only its own.
    const district = await call('sn_admin', 'GET', `/landing/ledger?format=xlsx&programId=${programId}`);
    expect(district.statusCode).toBe(200);
    const dw = new ExcelJS.Workbook();
    await dw.xlsx.load(district.rawPayload as unknown as ArrayBuffer);
    expect(dw.getWorksheet('成果转化台账')!.rowCount).toBe(3);
    expect((await call('sn_pm', 'GET', `/programs/${programId}/landing-ledger`)).statusCode).toBe(404);
  });
});
