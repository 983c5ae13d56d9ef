// Topic process control: the plan, submissions with versions, the review panel, scores and decisions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from './multipart.ts';
import { addTaskForce, daysFromToday, freshTopic, fullScores, invite, readyTopic, withHeader } from './milestones-helpers.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
let pm: Session;
let lead: Session;
let expert: Session;
let snTrainee: Session;
const base = (topicId: number) => `/api/v1/topics/${topicId}`;

beforeAll(async () => {
  t = await createTestApp();
  [pm, lead, expert, snTrainee] = await Promise.all([login(t, 'qd_pm'), login(t, 'qd_trainee'), login(t, 'qd_expert'), login(t, 'sn_trainee')]);
});
afterAll(() => t.close());

const call = (s: Session, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

/** Uploads `content` behind the header its extension needs (PDF or zip), since the store checks the first bytes. */
const upload = (s: Session, url: string, name: string, content: Buffer | string, note?: string) => {
  const body = multipart(note ? { note } : {}, { name, content: typeof content === 'string' ? withHeader(name, content) : content });
  return t.app.inject({ method: 'POST', url, payload: body.payload, headers: { ...s.headers, ...body.headers } });
};

const qdTopic = (expertUserId: number | null = t.fixture.users['qd_expert']!) =>
  readyTopic(t, { programId: t.fixture.programs['QD']!, leadCadreId: t.fixture.cadres['snsw']!, expertUserId });

describe('plan', () => {
  const plan = (d: string[]) => ({
    milestones: [
      { kind: 'plan', title: '研究计划', dueDate: d[0] },
      { kind: 'opening', title: '开题评审', dueDate: d[1] },
      { kind: 'midterm', title: '中期答辩', dueDate: d[2] },
      { kind: 'final', title: '结题答辩', dueDate: d[3] },
    ],
  });

  it('creates the four milestones in one go with the default defence rubric', async () => {
    const topicId = await freshTopic(t, t.fixture.programs['QD']!);
    const res = await call(pm, 'POST', `${base(topicId)}/milestones`, plan([daysFromToday(5), daysFromToday(15), daysFromToday(40), daysFromToday(80)]));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.milestones.map((m: { kind: string }) => m.kind)).toEqual(['plan', 'opening', 'midterm', 'final']);
    expect(body.milestones[0].rubric).toEqual([]);
    expect(body.milestones[2].rubric.map((r: { max: number }) => r.max)).toEqual([20, 25, 30, 15, 10]);
    expect(body.viewer).toEqual({ as: 'organizer', canManage: true, canSubmit: true });
    const rows = await t.db.kysely.selectFrom('topic_milestones').select('kind').where('topic_id', '=', topicId).execute();
    expect(rows).toHaveLength(4);
    const again = await call(pm, 'POST', `${base(topicId)}/milestones`, plan([daysFromToday(5), daysFromToday(15), daysFromToday(40), daysFromToday(80)]));
    expect(again.statusCode).toBe(409);
  });

  it('names every due date out of order and writes nothing', async () => {
    const topicId = await freshTopic(t, t.fixture.programs['QD']!);
    const res = await call(pm, 'POST', `${base(topicId)}/milestones`, plan([daysFromToday(20), daysFromToday(15), daysFromToday(40), daysFromToday(40)]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(['milestones.1.dueDate', 'milestones.3.dueDate']);
    expect(await t.db.kysely.selectFrom('topic_milestones').select('id').where('topic_id', '=', topicId).execute()).toEqual([]);
  });

  it('edits one milestone, keeping due dates in order and rubric keys unique', async () => {
    const { topicId, milestones } = await qdTopic();
    const url = `${base(topicId)}/milestones/${milestones.midterm}`;
    const late = await call(pm, 'PATCH', url, { dueDate: daysFromToday(45) });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.details[0].field).toBe('dueDate');
    const dup = await call(pm, 'PATCH', url, {
      rubric: [
        { key: 'a', label: '甲', max: 50 },
        { key: 'a', label: '乙', max: 50 },
      ],
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.details[0].field).toBe('rubric.1.key');
    const tooHigh = await call(pm, 'PATCH', url, { rubric: [{ key: 'a', label: '甲', max: 101 }] });
    expect(tooHigh.statusCode).toBe(400);
    const ok = await call(pm, 'PATCH', url, { dueDate: daysFromToday(25), title: '中期检查' });
    expect(ok.statusCode, ok.body).toBe(200);
    const row = await t.db.kysely.selectFrom('topic_milestones').select(['due_date', 'title']).where('id', '=', milestones.midterm).executeTakeFirstOrThrow();
    expect(row).toEqual({ due_date: daysFromToday(25), title: '中期检查' });
  });

  it('is managed by organizers only: the lead gets 403, another trainee 404', async () => {
    const { topicId, milestones } = await qdTopic();
    expect((await call(lead, 'PATCH', `${base(topicId)}/milestones/${milestones.plan}`, { title: '改' })).statusCode).toBe(403);
    expect((await call(snTrainee, 'GET', `${base(topicId)}/milestones`)).statusCode).toBe(404);
    const view = await call(lead, 'GET', `${base(topicId)}/milestones`);
    expect(view.json().viewer).toEqual({ as: 'member', canManage: false, canSubmit: true });
  });
});

describe('submissions', () => {
  it('numbers versions, moves the milestone to submitted and serves every version', async () => {
    const { topicId, milestones } = await qdTopic();
    const url = `${base(topicId)}/milestones/${milestones.plan}/submissions`;
    const first = await upload(lead, url, '研究计划.docx', 'v1 content', '初稿');
    expect(first.statusCode, first.body).toBe(201);
    const second = await upload(pm, url, '研究计划-修改.pdf', 'v2 content');
    expect(second.statusCode).toBe(201);
    const m = second.json().milestones.find((x: { id: number }) => x.id === milestones.plan);
    expect(m.status).toBe('submitted');
    expect(m.submissions.map((s: { version: number; fileName: string }) => [s.version, s.fileName])).toEqual([
      [2, '研究计划-修改.pdf'],
      [1, '研究计划.docx'],
    ]);
    expect(m.submissions[1].note).toBe('初稿');
    const v1 = m.submissions[1].id as number;
    for (const s of [lead, pm, expert]) {
      const dl = await call(s, 'GET', `${url}/${v1}/file`);
      expect(dl.statusCode).toBe(200);
      expect(dl.body).toBe(withHeader('研究计划.docx', 'v1 content').toString());
    }
    expect((await call(snTrainee, 'GET', `${url}/${v1}/file`)).statusCode).toBe(404);
  });

  it('refuses other types and files over 20 MB, naming file, storing nothing', async () => {
    const { topicId, milestones } = await qdTopic();
    const url = `${base(topicId)}/milestones/${milestones.plan}/submissions`;
    const exe = await upload(lead, url, 'virus.exe', 'x');
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.details[0].field).toBe('file');
    const big = await upload(lead, url, 'big.pdf', Buffer.alloc(20 * 1_048_576 + 1, 1));
    expect(big.statusCode).toBe(400);
    expect(big.json().error.details[0].field).toBe('file');
    // A renamed file is not a PDF: the first bytes must match the extension.
    const renamed = await upload(lead, url, 'fake.pdf', Buffer.from('MZ not a pdf'));
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().error.details[0]).toMatchObject({ field: 'file', message: '文件内容与扩展名不符' });
    expect(await t.db.kysely.selectFrom('milestone_submissions').select('id').where('milestone_id', '=', milestones.plan).execute()).toEqual([]);
  });

  it('is for the task force and organizers: liaison and external 403, other trainee 404', async () => {
    const { topicId, milestones } = await qdTopic();
    const url = `${base(topicId)}/milestones/${milestones.plan}/submissions`;
    expect((await upload(expert, url, 'a.docx', 'x')).statusCode).toBe(403);
    expect((await upload(snTrainee, url, 'a.docx', 'x')).statusCode).toBe(404);
    const other = await freshTopic(t, t.fixture.programs['SN']!);
    await addTaskForce(t, other, t.fixture.cadres['bdg']!, 'liaison');
    const view = await call(snTrainee, 'GET', `${base(other)}/milestones`);
    expect(view.json().viewer.canSubmit).toBe(false);
  });
});

describe('review panel and decision', () => {
  it('invites reviewers, scores against the rubric, averages, and a revise sends it back', async () => {
    const { topicId, milestones } = await qdTopic();
    const mUrl = `${base(topicId)}/milestones/${milestones.midterm}`;
    const cands = await call(pm, 'GET', `${base(topicId)}/reviewer-candidates`);
    const ids = cands.json().map((c: { id: number }) => c.id);
    expect(ids).toContain(t.fixture.users['qd_expert']);
    expect(ids).toContain(t.fixture.users['qd_tutor']);
    expect(ids).not.toContain(t.fixture.users['sn_expert']);
    const bad = await call(pm, 'PUT', `${mUrl}/reviewers`, { userIds: [t.fixture.users['qd_tutor'], t.fixture.users['sn_expert']] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('userIds.1');
    const set = await call(pm, 'PUT', `${mUrl}/reviewers`, { userIds: [t.fixture.users['qd_tutor'], t.fixture.users['qd_expert']] });
    expect(set.statusCode, set.body).toBe(200);

    // Not yet submitted: 409.
    const tutor = await login(t, 'qd_tutor');
    expect((await call(tutor, 'PUT', `${mUrl}/scores/me`, { scores: fullScores })).statusCode).toBe(409);
    await upload(lead, `${mUrl}/submissions`, '中期报告.docx', 'report');

    const outOfRange = await call(expert, 'PUT', `${mUrl}/scores/me`, { scores: { ...fullScores, feasibility: 31, presentation: undefined } });
    expect(outOfRange.statusCode).toBe(400);
    expect(
      outOfRange
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['scores.feasibility', 'scores.presentation']);
    expect((await call(expert, 'PUT', `${mUrl}/scores/me`, { scores: fullScores, comment: '调研扎实' })).statusCode).toBe(200);
    const rescored = await call(expert, 'PUT', `${mUrl}/scores/me`, { scores: { ...fullScores, feasibility: 20 }, comment: '对策需细化' });
    expect(rescored.statusCode).toBe(200);
    const mine = rescored.json().milestones.find((x: { id: number }) => x.id === milestones.midterm);
    expect(mine.scores).toHaveLength(1);
    expect(mine.scores[0].total).toBe(81);
    await call(tutor, 'PUT', `${mUrl}/scores/me`, { scores: { problem: 20, research: 25, feasibility: 30, prospect: 15, presentation: 10 } });
    const rows = await t.db.kysely
      .selectFrom('milestone_scores')
      .select(['reviewer_user_id', 'total'])
      .where('milestone_id', '=', milestones.midterm)
      .execute();
    expect(rows.map((r) => r.total).sort()).toEqual([100, 81]);

    const orgView = (await call(pm, 'GET', `${base(topicId)}/milestones`)).json().milestones.find((x: { id: number }) => x.id === milestones.midterm);
    expect(orgView.scores).toHaveLength(2);
    expect(orgView.averageTotal).toBe(90.5);
    expect(orgView.averageByCriterion.feasibility).toBe(25);
    const leadView = (await call(lead, 'GET', `${base(topicId)}/milestones`)).json().milestones.find((x: { id: number }) => x.id === milestones.midterm);
    expect(leadView.scores).toEqual([]);

    // A scored reviewer cannot be dropped.
    expect((await call(pm, 'PUT', `${mUrl}/reviewers`, { userIds: [t.fixture.users['qd_tutor']] })).statusCode).toBe(409);

    expect((await call(lead, 'POST', `${mUrl}/decision`, { result: 'pass' })).statusCode).toBe(403);
    const revise = await call(pm, 'POST', `${mUrl}/decision`, { result: 'revise', note: '补充深圳案例' });
    expect(revise.statusCode).toBe(200);
    const row = await t.db.kysely
      .selectFrom('topic_milestones')
      .select(['status', 'decision_note'])
      .where('id', '=', milestones.midterm)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'revise', decision_note: '补充深圳案例' });
    expect((await call(expert, 'PUT', `${mUrl}/scores/me`, { scores: fullScores })).statusCode).toBe(409);
    const note = await t.db.kysely
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', lead.me.id)
      .where('kind', '=', 'milestone.decide')
      .execute();
    expect(note).toHaveLength(1);
  });

  it('an uninvited external account cannot score (403)', async () => {
    const { topicId, milestones } = await qdTopic();
    await upload(lead, `${base(topicId)}/milestones/${milestones.midterm}/submissions`, 'r.docx', 'x');
    const res = await call(expert, 'PUT', `${base(topicId)}/milestones/${milestones.midterm}/scores/me`, { scores: fullScores });
    expect(res.statusCode).toBe(403);
  });

  it('passing the final defence completes the topic', async () => {
    const { topicId, milestones } = await qdTopic();
    await invite(t, milestones.final, t.fixture.users['qd_expert']!);
    const mUrl = `${base(topicId)}/milestones/${milestones.final}`;
    expect((await call(pm, 'POST', `${mUrl}/decision`, { result: 'pass' })).statusCode).toBe(409);
    await upload(lead, `${mUrl}/submissions`, '结题报告.pdf', 'final');
    const res = await call(pm, 'POST', `${mUrl}/decision`, { result: 'pass', note: '同意结题' });
    expect(res.statusCode).toBe(200);
    expect(res.json().topic.status).toBe('completed');
    const topic = await t.db.kysely.selectFrom('research_topics').select('status').where('id', '=', topicId).executeTakeFirstOrThrow();
    expect(topic.status).toBe('completed');
    expect((await upload(lead, `${mUrl}/submissions`, '结题报告2.pdf', 'again')).statusCode).toBe(409);
  });

  it('passing the midterm leaves the topic in progress', async () => {
    const { topicId, milestones } = await qdTopic();
    const mUrl = `${base(topicId)}/milestones/${milestones.midterm}`;
    await upload(lead, `${mUrl}/submissions`, '中期.pdf', 'mid');
    expect((await call(pm, 'POST', `${mUrl}/decision`, { result: 'pass' })).json().topic.status).toBe('in_progress');
  });
});
