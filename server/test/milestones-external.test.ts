// External teams (外挂团队), their accounts and what they may see, comments, overdue dashboards, score-sheet export.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from './multipart.ts';
import { addTaskForce, daysFromToday, freshPlan, freshTopic, fullScores, invite, readyTopic, withHeader } from './milestones-helpers.ts';
import { createTestApp, login, PASSWORD, type Session, type TestApp } from './support.ts';

let t: TestApp;
let pm: Session;
let snPm: Session;
let lead: Session;
let expert: Session;
const base = (topicId: number) => `/api/v1/topics/${topicId}`;

beforeAll(async () => {
  t = await createTestApp();
  [pm, snPm, lead, expert] = await Promise.all([login(t, 'qd_pm'), login(t, 'sn_pm'), login(t, 'qd_trainee'), login(t, 'qd_expert')]);
});
afterAll(() => t.close());

const call = (s: Session, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

const qdTopic = (expertUserId: number | null = t.fixture.users['qd_expert']!) =>
  readyTopic(t, { programId: t.fixture.programs['QD']!, leadCadreId: t.fixture.cadres['snsw']!, expertUserId });

describe('external members', () => {
  it('attaches a member with a new external_expert account at the organizer node, who then sees only that topic', async () => {
    const { topicId } = await qdTopic(null);
    const other = await qdTopic(null);
    const weak = await call(pm, 'POST', `${base(topicId)}/external-members`, {
      kind: 'expert',
      name: '陈教授',
      account: { username: 'chenprof', displayName: '陈教授', password: '123' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].field).toBe('account.password');
    expect(await t.db.kysely.selectFrom('users').select('id').where('username', '=', 'chenprof').executeTakeFirst()).toBeUndefined();

    const res = await call(pm, 'POST', `${base(topicId)}/external-members`, {
      kind: 'expert',
      name: '陈教授',
      organization: '深圳大学',
      contact: '13800000000',
      account: { username: 'chenprof', displayName: '陈教授', password: PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'expert', name: '陈教授', account: { username: 'chenprof' } });
    const user = await t.db.kysely.selectFrom('users').select(['role', 'org_id']).where('username', '=', 'chenprof').executeTakeFirstOrThrow();
    expect(user).toEqual({ role: 'external_expert', org_id: t.fixture.orgs['QD'] });

    const chen = await login(t, 'chenprof');
    expect((await call(chen, 'GET', `${base(topicId)}/milestones`)).json().viewer.as).toBe('external');
    expect((await call(chen, 'GET', `${base(other.topicId)}/milestones`)).statusCode).toBe(404);
    expect((await call(chen, 'GET', `${base(other.topicId)}/comments`)).statusCode).toBe(404);
    const mine = await call(chen, 'GET', '/api/v1/me/external-topics');
    expect(mine.json().map((x: { id: number }) => x.id)).toEqual([topicId]);
    expect((await call(chen, 'GET', `/api/v1/programs/${t.fixture.programs['QD']}/milestones`)).statusCode).toBe(403);

    const dupName = await call(pm, 'POST', `${base(other.topicId)}/external-members`, {
      kind: 'expert',
      name: '重名',
      account: { username: 'chenprof', displayName: 'x', password: PASSWORD },
    });
    expect(dupName.statusCode).toBe(409);
  });

  it('links an existing external account in scope only, once per topic', async () => {
    const { topicId } = await qdTopic(null);
    const outside = await call(
      snPm,
      'POST',
      `${base((await readyTopic(t, { programId: t.fixture.programs['SN']!, leadCadreId: t.fixture.cadres['bdg']!, expertUserId: null })).topicId)}/external-members`,
      {
        kind: 'observer',
        name: '青岛专家',
        userId: t.fixture.users['qd_expert'],
      },
    );
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].field).toBe('userId');
    const notExpert = await call(pm, 'POST', `${base(topicId)}/external-members`, { kind: 'observer', name: '导师', userId: t.fixture.users['qd_tutor'] });
    expect(notExpert.statusCode).toBe(400);
    const ok = await call(pm, 'POST', `${base(topicId)}/external-members`, { kind: 'shadow_team', name: '影子团队', userId: t.fixture.users['qd_expert'] });
    expect(ok.statusCode).toBe(201);
    const again = await call(pm, 'POST', `${base(topicId)}/external-members`, { kind: 'shadow_team', name: '影子团队', userId: t.fixture.users['qd_expert'] });
    expect(again.statusCode).toBe(409);
    expect((await call(lead, 'POST', `${base(topicId)}/external-members`, { kind: 'observer', name: 'x' })).statusCode).toBe(403);
    const list = await call(lead, 'GET', `${base(topicId)}/external-members`);
    expect(list.json()).toHaveLength(1);
  });

  it('detaching removes access; the list of my topics follows', async () => {
    const { topicId, externalId } = await qdTopic();
    expect((await call(expert, 'GET', `${base(topicId)}/milestones`)).statusCode).toBe(200);
    expect((await call(expert, 'DELETE', `${base(topicId)}/external-members/${externalId}`)).statusCode).toBe(403);
    expect((await call(pm, 'DELETE', `${base(topicId)}/external-members/${externalId}`)).statusCode).toBe(204);
    expect((await call(expert, 'GET', `${base(topicId)}/milestones`)).statusCode).toBe(404);
    const mine = (await call(expert, 'GET', '/api/v1/me/external-topics')).json().map((x: { id: number }) => x.id);
    expect(mine).not.toContain(topicId);
    expect((await call(lead, 'GET', '/api/v1/me/external-topics')).json()).toEqual([]);
  });

  it('contributions list the member’s comments and scores, for organizers and the member', async () => {
    const { topicId, externalId, milestones } = await qdTopic();
    await invite(t, milestones.opening, t.fixture.users['qd_expert']!);
    const body = multipart({}, { name: '开题报告.docx', content: withHeader('开题报告.docx', 'x') });
    await t.app.inject({
      method: 'POST',
      url: `${base(topicId)}/milestones/${milestones.opening}/submissions`,
      payload: body.payload,
      headers: { ...lead.headers, ...body.headers },
    });
    expect((await call(expert, 'PUT', `${base(topicId)}/milestones/${milestones.opening}/scores/me`, { scores: fullScores, comment: '好' })).statusCode).toBe(
      200,
    );
    expect((await call(expert, 'POST', `${base(topicId)}/comments`, { body: '建议增加对深圳前海的调研' })).statusCode).toBe(201);
    expect((await call(lead, 'POST', `${base(topicId)}/comments`, { body: '收到，已安排' })).statusCode).toBe(201);

    const res = await call(pm, 'GET', `${base(topicId)}/external-members/${externalId}/contributions`);
    expect(res.statusCode).toBe(200);
    expect(res.json().comments.map((c: { body: string }) => c.body)).toEqual(['建议增加对深圳前海的调研']);
    expect(res.json().scores).toMatchObject([{ milestoneId: milestones.opening, total: 88 }]);
    expect((await call(expert, 'GET', `${base(topicId)}/external-members/${externalId}/contributions`)).statusCode).toBe(200);
    expect((await call(lead, 'GET', `${base(topicId)}/external-members/${externalId}/contributions`)).statusCode).toBe(403);
    const pending = (await call(expert, 'GET', '/api/v1/me/external-topics')).json().find((x: { id: number }) => x.id === topicId);
    expect(pending.pendingScores).toBe(0);
  });
});

describe('comments', () => {
  it('anyone with topic access posts 1–2000 chars; others get 404', async () => {
    const { topicId, milestones } = await qdTopic();
    expect((await call(pm, 'POST', `${base(topicId)}/comments`, { body: '' })).statusCode).toBe(400);
    expect((await call(pm, 'POST', `${base(topicId)}/comments`, { body: 'x'.repeat(2001) })).statusCode).toBe(400);
    const wrongMilestone = await call(pm, 'POST', `${base(topicId)}/comments`, { body: '好', milestoneId: 999999 });
    expect(wrongMilestone.json().error.details[0].field).toBe('milestoneId');
    expect((await call(pm, 'POST', `${base(topicId)}/comments`, { body: '请按时提交', milestoneId: milestones.plan })).statusCode).toBe(201);
    expect((await call(await login(t, 'sn_trainee'), 'POST', `${base(topicId)}/comments`, { body: '路过' })).statusCode).toBe(404);
    const list = await call(expert, 'GET', `${base(topicId)}/comments`);
    expect(list.json()).toMatchObject([{ body: '请按时提交', milestoneId: milestones.plan, author: { name: expect.any(String) } }]);
  });
});

describe('overdue', () => {
  it('flags pending/revise milestones past their due date, per program and across programs in scope', async () => {
    const topicId = await freshTopic(t, t.fixture.programs['QD']!);
    await addTaskForce(t, topicId, t.fixture.cadres['snsw']!, 'lead');
    const ids = await freshPlan(t, topicId, [daysFromToday(-10), daysFromToday(-5), daysFromToday(-1), daysFromToday(0)]);
    await t.db.kysely.updateTable('topic_milestones').set({ status: 'submitted' }).where('id', '=', ids.opening).execute();
    const view = (await call(lead, 'GET', `${base(topicId)}/milestones`)).json();
    expect(view.milestones.map((m: { overdue: boolean }) => m.overdue)).toEqual([true, false, true, false]);

    const program = await call(pm, 'GET', `/api/v1/programs/${t.fixture.programs['QD']}/milestones`);
    expect(program.statusCode).toBe(200);
    const topic = program.json().topics.find((x: { topicId: number }) => x.topicId === topicId);
    expect(topic.overdueCount).toBe(2);
    expect(program.json().counts.overdue).toBeGreaterThanOrEqual(2);

    const overdue = (await call(pm, 'GET', '/api/v1/milestones/overdue')).json();
    expect(overdue.filter((r: { topicId: number }) => r.topicId === topicId).map((r: { milestoneId: number }) => r.milestoneId)).toEqual([
      ids.plan,
      ids.midterm,
    ]);
    const snOverdue = (await call(snPm, 'GET', '/api/v1/milestones/overdue')).json();
    expect(snOverdue.some((r: { topicId: number }) => r.topicId === topicId)).toBe(false);
    expect((await call(snPm, 'GET', `/api/v1/programs/${t.fixture.programs['QD']}/milestones`)).statusCode).toBe(404);
  });
});

describe('score sheet export', () => {
  it('exports reviewers × criteria, totals, average and decision as xlsx and docx', async () => {
    const { topicId, milestones } = await qdTopic();
    const tutor = await login(t, 'qd_tutor');
    await invite(t, milestones.midterm, t.fixture.users['qd_expert']!);
    await invite(t, milestones.midterm, t.fixture.users['qd_tutor']!);
    await t.db.kysely.updateTable('topic_milestones').set({ status: 'submitted' }).where('id', '=', milestones.midterm).execute();
    await call(expert, 'PUT', `${base(topicId)}/milestones/${milestones.midterm}/scores/me`, { scores: fullScores, comment: '扎实' });
    await call(tutor, 'PUT', `${base(topicId)}/milestones/${milestones.midterm}/scores/me`, {
      scores: { problem: 20, research: 25, feasibility: 30, prospect: 15, presentation: 10 },
    });
    await call(pm, 'POST', `${base(topicId)}/milestones/${milestones.midterm}/decision`, { result: 'pass', note: '同意' });

    const res = await t.app.inject({ method: 'GET', url: `${base(topicId)}/milestones/midterm/score-sheet.xlsx`, headers: pm.headers });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows.find((r) => r[0] === '评审专家')).toEqual([
      '评审专家',
      '问题导向（20）',
      '调研深度（25）',
      '对策可行性（30）',
      '成果转化前景（15）',
      '表达呈现（10）',
      '总分',
      '评语',
    ]);
    const expertName = (await t.db.kysely.selectFrom('users').select('display_name').where('username', '=', 'qd_expert').executeTakeFirstOrThrow())
      .display_name;
    expect(rows.find((r) => r[0] === expertName)).toEqual([expertName, 18, 22, 27, 12, 9, 88, '扎实']);
    expect(rows.find((r) => r[0] === '平均分')).toEqual(['平均分', 19, 23.5, 28.5, 13.5, 9.5, 94, '']);
    expect(rows.some((r) => String(r[0]).startsWith('评审结论：'))).toBe(true);

    const docx = await t.app.inject({ method: 'GET', url: `${base(topicId)}/milestones/midterm/score-sheet.docx`, headers: pm.headers });
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await t.app.inject({ method: 'GET', url: `${base(topicId)}/milestones/midterm/score-sheet.xlsx`, headers: expert.headers })).statusCode).toBe(403);

    const summary = await t.app.inject({
      method: 'GET',
      url: `/api/v1/programs/${t.fixture.programs['QD']}/milestones/midterm/score-sheet.xlsx`,
      headers: pm.headers,
    });
    expect(summary.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(summary.rawPayload as unknown as ArrayBuffer);
    const title = (await t.db.kysely.selectFrom('research_topics').select('title').where('id', '=', topicId).executeTakeFirstOrThrow()).title;
    const line = (book.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1)).find((r) => r[0] === title);
    expect(line).toEqual([title, '通过', 2, 19, 23.5, 28.5, 13.5, 9.5, 94, '同意']);
    const outside = await t.app.inject({
      method: 'GET',
      url: `/api/v1/programs/${t.fixture.programs['QD']}/milestones/midterm/score-sheet.xlsx`,
      headers: snPm.headers,
    });
    expect(outside.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `${base(topicId)}/milestones/midterm/score-sheet.xlsx`, headers: snPm.headers })).statusCode).toBe(404);
  });
});
