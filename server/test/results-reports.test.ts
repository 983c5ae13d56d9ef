// Research reports over HTTP: who writes which report (own S4 report, task force, study group, organizers), draft →
// submitted read-only with the organizer's return, file upload type and size, lists, and the recommendation extractor.
import type { OwnerUnit, RecommendationCandidate, Report, ReportDetail, ReportTarget } from '@duibiao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from './multipart.ts';
import { DOCX_BYTES, PDF_BYTES, freshReport, freshResultsProgram, freshTopic } from './results-helpers.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
const s: Record<string, Session> = {};
const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: s[who]!.headers, ...(payload ? { payload } : {}) });
const upload = (who: string, reportId: number, name: string, content: Buffer) => {
  const body = multipart({}, { name, content });
  return t.app.inject({ method: 'POST', url: `/api/v1/reports/${reportId}/file`, headers: { ...s[who]!.headers, ...body.headers }, payload: body.payload });
};

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['qd_pm', 'qd_tutor', 'qd_trainee', 'sn_trainee', 'qd_expert', 'sn_pm']) s[u] = await login(t, u);
});
afterAll(() => t.close());

const fx = () => t.fixture;
/** A 青岛市 program with 李晓梅 (qd_trainee) enrolled. */
const cityProgram = () => freshResultsProgram(t, fx().orgs['QD']!, [fx().cadres['snsw']!]);

describe('writing a report', () => {
  it('lets a trainee write, submit and (after the organizer returns it) edit their own report', async () => {
    const programId = await cityProgram();
    const created = await call('qd_trainee', 'POST', `/programs/${programId}/reports`, { title: '跟班学习调研报告', body: '一是建立双招双引专班。' });
    expect(created.statusCode).toBe(201);
    const report = created.json<ReportDetail>();
    expect(report).toMatchObject({ cadreId: fx().cadres['snsw'], status: 'draft', canEdit: true, canReturn: false, body: '一是建立双招双引专班。' });
    const row = await t.db.kysely.selectFrom('research_reports').selectAll().where('id', '=', report.id).executeTakeFirstOrThrow();
    expect(row.search_terms).toContain(' 调研 ');

    const edited = await call('qd_trainee', 'PATCH', `/reports/${report.id}`, { summary: '常州经验' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<ReportDetail>()).toMatchObject({ summary: '常州经验', body: '一是建立双招双引专班。' });

    const submitted = await call('qd_trainee', 'POST', `/reports/${report.id}/submit`);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json<ReportDetail>()).toMatchObject({ status: 'submitted', canEdit: false });
    expect((await call('qd_trainee', 'PATCH', `/reports/${report.id}`, { title: '改标题' })).statusCode).toBe(409);
    expect((await upload('qd_trainee', report.id, 'r.pdf', PDF_BYTES)).statusCode).toBe(409);
    expect((await call('qd_trainee', 'POST', `/reports/${report.id}/submit`)).statusCode).toBe(409);
    // Returning is the organizer's; the author may not un-submit.
    expect((await call('qd_trainee', 'POST', `/reports/${report.id}/return`)).statusCode).toBe(403);
    expect((await call('qd_tutor', 'POST', `/reports/${report.id}/return`)).statusCode).toBe(403);
    const stored = await t.db.kysely.selectFrom('research_reports').select(['title', 'status']).where('id', '=', report.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ title: '跟班学习调研报告', status: 'submitted' });

    const returned = await call('qd_pm', 'POST', `/reports/${report.id}/return`);
    expect(returned.statusCode).toBe(200);
    expect(returned.json<ReportDetail>().status).toBe('draft');
    expect((await call('qd_pm', 'POST', `/reports/${report.id}/return`)).statusCode).toBe(409);
    expect((await call('qd_trainee', 'PATCH', `/reports/${report.id}`, { title: '改标题' })).statusCode).toBe(200);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'research_report')
      .where('entity_id', '=', String(report.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['report.create', 'report.update', 'report.submit', 'report.return', 'report.update']);
  });

  it('refuses an empty submission and a report of someone outside the program', async () => {
    const programId = await cityProgram();
    const empty = (await call('qd_trainee', 'POST', `/programs/${programId}/reports`, { title: '空报告' })).json<ReportDetail>();
    expect((await call('qd_trainee', 'POST', `/reports/${empty.id}/submit`)).statusCode).toBe(409);
    // 张伟 (sn_trainee) is not enrolled: the program does not exist for them.
    expect((await call('sn_trainee', 'POST', `/programs/${programId}/reports`, { title: '我的报告' })).statusCode).toBe(404);
    // A trainee cannot write in another cadre's name.
    expect((await call('qd_trainee', 'POST', `/programs/${programId}/reports`, { title: 'x', cadreId: fx().cadres['bdg'] })).statusCode).toBe(404);
    // Nor read, edit or download another cadre's report.
    expect((await call('sn_trainee', 'GET', `/reports/${empty.id}`)).statusCode).toBe(404);
    expect((await call('sn_trainee', 'PATCH', `/reports/${empty.id}`, { title: 'x' })).statusCode).toBe(404);
    expect((await call('sn_pm', 'GET', `/reports/${empty.id}`)).statusCode).toBe(404);
    // A tutor reads but does not write.
    expect((await call('qd_tutor', 'GET', `/reports/${empty.id}`)).statusCode).toBe(200);
    expect((await call('qd_tutor', 'PATCH', `/reports/${empty.id}`, { title: 'x' })).statusCode).toBe(403);
  });

  it('names every bad field and writes nothing', async () => {
    const programId = await cityProgram();
    const topicId = await freshTopic(t, programId, []);
    const res = await call('qd_pm', 'POST', `/programs/${programId}/reports`, { title: ' ', body: 'x'.repeat(100_001) });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json<{ error: { details: { field: string }[] } }>()
        .error.details.map((d) => d.field)
        .sort(),
    ).toEqual(['body', 'title']);
    const both = await call('qd_pm', 'POST', `/programs/${programId}/reports`, { title: '报告', topicId, cadreId: fx().cadres['snsw'] });
    expect(both.statusCode).toBe(400);
    expect(both.json<{ error: { details: { field: string }[] } }>().error.details.map((d) => d.field)).toEqual(['topicId', 'cadreId']);
    const foreign = await call('qd_pm', 'POST', `/programs/${programId}/reports`, { title: '报告', cadreId: fx().cadres['szk'] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<{ error: { details: { field: string }[] } }>().error.details[0]!.field).toBe('cadreId');
    const n = await t.db.kysely.selectFrom('research_reports').select('id').where('program_id', '=', programId).execute();
    expect(n).toHaveLength(0);
    // A 100,000-character body is accepted.
    expect((await call('qd_pm', 'POST', `/programs/${programId}/reports`, { title: '长报告', body: '建'.repeat(100_000) })).statusCode).toBe(201);
  });
});

describe('task force and study group reports', () => {
  it('lets task-force members write the topic report; others get 404; attached experts read only', async () => {
    const programId = await freshResultsProgram(t, fx().orgs['QD']!, [fx().cadres['snsw']!, fx().cadres['bdg']!]);
    const topicId = await freshTopic(t, programId, [fx().cadres['snsw']!], fx().users['qd_expert']!);
    const created = await call('qd_trainee', 'POST', `/programs/${programId}/reports`, { title: '课题报告', topicId });
    expect(created.statusCode).toBe(201);
    const id = created.json<ReportDetail>().id;
    expect(created.json<ReportDetail>()).toMatchObject({ topicId, cadreId: null });
    expect((await call('sn_trainee', 'POST', `/programs/${programId}/reports`, { title: '抢写', topicId })).statusCode).toBe(404);
    expect((await call('sn_trainee', 'GET', `/reports/${id}`)).statusCode).toBe(404);
    expect((await call('qd_expert', 'GET', `/reports/${id}`)).statusCode).toBe(200);
    expect((await call('qd_expert', 'PATCH', `/reports/${id}`, { title: 'x' })).statusCode).toBe(403);
    const targets = (await call('qd_trainee', 'GET', '/me/report-targets')).json<ReportTarget[]>();
    expect(targets.filter((x) => x.programId === programId)).toEqual([
      { programId, programName: expect.any(String), kind: 'cadre', groupId: null, topicId: null, name: null },
      { programId, programName: expect.any(String), kind: 'topic', groupId: null, topicId, name: expect.stringContaining('招商引资') },
    ]);
    const mine = (await call('qd_trainee', 'GET', '/me/reports')).json<Report[]>();
    expect(mine.map((r) => r.id)).toContain(id);
    expect((await call('sn_trainee', 'GET', '/me/reports')).json<Report[]>().map((r) => r.id)).not.toContain(id);
  });

  it('lets the members of a study group write its report', async () => {
    // The fixture's 青岛 program enrols 李晓梅 and 王建国 in one group.
    const programId = fx().programs['QD']!;
    const groupId = fx().groups['QD']!;
    const created = await call('qd_trainee', 'POST', `/programs/${programId}/reports`, { title: '小组调研报告', groupId });
    expect(created.statusCode).toBe(201);
    expect(created.json<ReportDetail>()).toMatchObject({ groupId, cadreId: null });
    expect((await call('qd_trainee', 'GET', '/me/reports')).json<Report[]>().map((r) => r.id)).toContain(created.json<ReportDetail>().id);
    expect((await call('sn_trainee', 'POST', `/programs/${programId}/reports`, { title: '小组调研报告', groupId })).statusCode).toBe(404);
  });
});

describe('owner units', () => {
  it('offers the organizer’s subtree to its organizers and enrolled trainees only', async () => {
    const programId = await freshResultsProgram(t, fx().orgs['QD-SN']!, [fx().cadres['bdg']!]);
    const units = await call('sn_trainee', 'GET', `/programs/${programId}/owner-units`);
    expect(units.statusCode).toBe(200);
    expect(units.json<OwnerUnit[]>().map((o) => [o.name, o.depth])).toEqual([
      ['市南区', 0],
      ['市南区商务局', 1],
      ['八大关街道', 1],
      ['太平角社区', 2],
    ]);
    expect((await call('qd_pm', 'GET', `/programs/${programId}/owner-units`)).statusCode).toBe(200);
    expect((await call('qd_trainee', 'GET', `/programs/${programId}/owner-units`)).statusCode).toBe(404);
  });
});

describe('files', () => {
  it('takes Word or PDF up to 20 MB and names `file` otherwise', async () => {
    const programId = await cityProgram();
    const id = await freshReport(t, { programId, cadreId: fx().cadres['snsw']!, body: null });
    const txt = await upload('qd_trainee', id, 'report.txt', Buffer.from('hello'));
    expect(txt.statusCode).toBe(400);
    expect(txt.json<{ error: { details: { field: string }[] } }>().error.details[0]!.field).toBe('file');
    const fake = await upload('qd_trainee', id, 'report.pdf', Buffer.from('MZ not a pdf'));
    expect(fake.statusCode).toBe(400);
    const big = await upload('qd_trainee', id, 'big.pdf', Buffer.concat([PDF_BYTES, Buffer.alloc(20 * 1_048_576)]));
    expect(big.statusCode).toBe(400);
    expect(big.json<{ error: { details: { field: string }[] } }>().error.details[0]!.field).toBe('file');
    const row = await t.db.kysely.selectFrom('research_reports').select('file_name').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.file_name).toBeNull();

    const docx = await upload('qd_trainee', id, '调研报告.docx', DOCX_BYTES);
    expect(docx.statusCode).toBe(200);
    expect(docx.json<ReportDetail>()).toMatchObject({ fileName: '调研报告.docx', sizeBytes: DOCX_BYTES.length });
    const pdf = await upload('qd_trainee', id, '调研报告.pdf', PDF_BYTES);
    expect(pdf.statusCode).toBe(200);
    const down = await call('qd_pm', 'GET', `/reports/${id}/file`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(PDF_BYTES)).toBe(true);
    expect((await call('sn_trainee', 'GET', `/reports/${id}/file`)).statusCode).toBe(404);
    // A file alone is enough to submit.
    expect((await call('qd_trainee', 'POST', `/reports/${id}/submit`)).statusCode).toBe(200);
  });
});

describe('lists and the extractor', () => {
  it('lists a program’s reports with filters for organizers only', async () => {
    const programId = await cityProgram();
    const draft = await freshReport(t, { programId, cadreId: fx().cadres['snsw']! });
    const done = await freshReport(t, { programId, cadreId: fx().cadres['snsw']!, status: 'submitted' });
    const all = await call('qd_tutor', 'GET', `/programs/${programId}/reports`);
    expect(all.statusCode).toBe(200);
    expect(all.json<Report[]>().map((r) => r.id)).toEqual([done, draft]);
    expect(all.json<Report[]>()[0]).toMatchObject({ cadreName: '李晓梅', canEdit: false, canReturn: false });
    const submitted = (await call('qd_pm', 'GET', `/programs/${programId}/reports?status=submitted`)).json<Report[]>();
    expect(submitted.map((r) => r.id)).toEqual([done]);
    expect(submitted[0]!.canReturn).toBe(true);
    expect((await call('sn_pm', 'GET', `/programs/${programId}/reports`)).statusCode).toBe(404);
    expect((await call('qd_trainee', 'GET', `/programs/${programId}/reports`)).statusCode).toBe(403);
  });

  it('proposes candidate recommendations from marked paragraphs without saving them', async () => {
    const programId = await cityProgram();
    const id = await freshReport(t, { programId, cadreId: fx().cadres['snsw']! });
    const res = await call('qd_trainee', 'POST', `/reports/${id}/recommendations/extract`);
    expect(res.statusCode).toBe(200);
    const titles = res.json<RecommendationCandidate[]>().map((c) => c.title);
    expect(titles).toEqual([
      '建立市级产业引导基金，撬动社会资本投向重点产业链',
      '推行"链长制"，由市领导牵头服务重点产业链企业',
      '优化营商环境，推广"秒批"政务服务',
      '建立招商项目全周期跟踪台账',
    ]);
    const saved = await t.db.kysely.selectFrom('recommendations').select('id').where('report_id', '=', id).execute();
    expect(saved).toHaveLength(0);
    expect((await call('sn_trainee', 'POST', `/reports/${id}/recommendations/extract`)).statusCode).toBe(404);
  });
});
