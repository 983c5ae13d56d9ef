// Traceability over HTTP: the backward chain of a recommendation with every link (and without the missing ones),
// the forward tree from a question or key problem, the program funnel and the department dashboard, and who may
// see which of them (organizers in scope, owner units for what they land, nobody else).
import type { FunnelDashboard, KeyProblemTrace, ProgramFunnel, QuestionTrace, RecommendationTrace } from '@duibiao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChain, freshResultsProgram, type Chain } from './trace-helpers.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
let c: Chain;
const s: Record<string, Session> = {};
const get = (who: string, url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: s[who]!.headers });

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['qd_admin', 'qd_pm', 'qd_tutor', 'sn_pm', 'sn_admin', 'ls_admin', 'dl_admin', 'qd_host', 'qd_expert', 'qd_trainee'])
    s[u] = await login(t, u);
  const o = t.fixture.orgs;
  // Organized by 青岛市; the landed recommendation is owned by 八大关街道 (inside 市南区), the rest by 沙子口街道 (崂山区).
  c = await buildChain(t, {
    orgId: o['QD']!,
    landedOwnerOrgId: o['QD-SN-BDG']!,
    otherOwnerOrgId: o['QD-LS-SZK']!,
    cadreId: t.fixture.cadres['snsw']!,
    homeOrgId: o['QD-SN-SW']!,
  });
});
afterAll(() => t.close());

describe('GET /recommendations/:id/trace', () => {
  it('walks the whole chain back from a landed recommendation to the original questions', async () => {
    const res = await get('qd_pm', `/recommendations/${c.recommendations.landed}/trace`);
    expect(res.statusCode).toBe(200);
    const body = res.json<RecommendationTrace>();
    expect(body.program).toEqual({ id: c.programId, name: c.programName });
    expect(body.recommendation).toMatchObject({
      id: c.recommendations.landed,
      title: '推行企业开办全程网办',
      source: 'report',
      status: 'landed',
      ownerName: '八大关街道',
      landedAt: '2026-07-15T02:00:00.000Z',
      overdue: false,
    });
    expect(body.recommendation.updates.map((u) => [u.fromStatus, u.toStatus])).toEqual([
      [null, 'proposed'],
      ['proposed', 'accepted'],
      ['accepted', 'in_progress'],
      ['in_progress', 'landed'],
    ]);
    expect(body.recommendation.updates.map((u) => u.id)).toEqual(c.updates);
    expect(body.recommendation.updates[0]!.authorName).toBeTruthy();
    expect(body.recommendation.evidence).toEqual([
      expect.objectContaining({ kind: 'document', label: '区政府办公室文件', fileName: '实施方案.pdf', updateId: c.updates[3] }),
      expect.objectContaining({ kind: 'figure', label: '企业开办时间', value: 0.5, unit: '天', fileName: null }),
    ]);
    expect(body.report).toEqual({
      id: c.reports.r1,
      title: '关于对标深圳优化营商环境的调研报告',
      status: 'submitted',
      authors: ['李晓梅', '周成员'],
      submittedAt: '2026-05-15T02:00:00.000Z',
    });
    expect(body.topic).toMatchObject({ id: c.topics.t1, title: '营商环境对标提升研究', status: 'in_progress', leadName: '李晓梅', ownerOrgName: '沙子口街道' });
    expect(body.keyProblem).toEqual({
      id: c.keyProblems.kp1,
      title: '优化营商环境',
      kind: 'fixed',
      status: 'active',
      versions: [
        { id: c.versions.v1, version: '1.0', title: '重点问题清单 1.0', publishedAt: '2026-04-12T02:00:00.000Z' },
        { id: c.versions.v2, version: '2.0', title: '重点问题清单 2.0', publishedAt: '2026-04-20T02:00:00.000Z' },
      ],
    });
    expect(body.questions).toEqual([
      {
        id: c.questions.q1,
        text: '如何提升营商环境便利度',
        field: 'investment',
        source: 'trainee',
        submitterName: '李晓梅',
        homeOrgName: null,
        createdAt: '2026-03-05T02:00:00.000Z',
      },
      {
        id: c.questions.q2,
        text: '企业开办流程仍然繁琐',
        field: 'investment',
        source: 'unit',
        submitterName: '市南区商务局',
        homeOrgName: '市南区商务局',
        createdAt: '2026-03-20T02:00:00.000Z',
      },
    ]);
    expect(body.reflection).toBeNull();
  });

  it('leaves out the links a recommendation does not have', async () => {
    const manual = (await get('qd_pm', `/recommendations/${c.recommendations.manual}/trace`)).json<RecommendationTrace>();
    expect(manual).toMatchObject({ report: null, topic: null, keyProblem: null, questions: [], reflection: null });
    expect(manual.recommendation).toMatchObject({ source: 'manual', status: 'proposed', overdue: false, updates: [], evidence: [] });

    // Straight from a topic: topic, key problem and questions, but no report.
    const fromTopic = (await get('qd_pm', `/recommendations/${c.recommendations.overdue}/trace`)).json<RecommendationTrace>();
    expect(fromTopic.report).toBeNull();
    expect(fromTopic.topic?.id).toBe(c.topics.t1);
    expect(fromTopic.keyProblem?.id).toBe(c.keyProblems.kp1);
    expect(fromTopic.questions.map((q) => q.id)).toEqual([c.questions.q1, c.questions.q2]);
    expect(fromTopic.recommendation.overdue).toBe(true);

    // A free topic (自选课题) has no key problem, so the chain stops at the topic.
    const free = (await get('qd_pm', `/recommendations/${c.recommendations.fromFree}/trace`)).json<RecommendationTrace>();
    expect(free.report?.id).toBe(c.reports.free);
    expect(free.topic).toMatchObject({ id: c.topics.free, leadName: null });
    expect(free).toMatchObject({ keyProblem: null, questions: [] });
  });

  it('links a reflection-sourced recommendation to the reflection and its author', async () => {
    const body = (await get('qd_admin', `/recommendations/${c.recommendations.reflection}/trace`)).json<RecommendationTrace>();
    expect(body.reflection).toEqual({ id: c.reflectionId, title: '学习深圳经验的心得', authorName: '李晓梅', actionItem: '推行企业开办一日办结' });
    expect(body.recommendation).toMatchObject({ source: 'reflection', ownerName: '区行政审批局', status: 'accepted' });
    expect(body).toMatchObject({ report: null, topic: null, keyProblem: null });
  });

  it('lets an owner unit trace what it lands, and nothing else', async () => {
    // sn_pm (市南区) does not organize the 青岛市 program but owns the landed one through 八大关街道.
    const own = await get('sn_pm', `/recommendations/${c.recommendations.landed}/trace`);
    expect(own.statusCode).toBe(200);
    expect(own.json<RecommendationTrace>().questions).toHaveLength(2);
    expect((await get('sn_admin', `/recommendations/${c.recommendations.landed}/trace`)).statusCode).toBe(200);
    expect((await get('sn_pm', `/recommendations/${c.recommendations.overdue}/trace`)).statusCode).toBe(404);
    expect((await get('sn_pm', `/recommendations/${c.recommendations.reflection}/trace`)).statusCode).toBe(404);
    expect((await get('ls_admin', `/recommendations/${c.recommendations.overdue}/trace`)).statusCode).toBe(200);
    expect((await get('ls_admin', `/recommendations/${c.recommendations.landed}/trace`)).statusCode).toBe(404);
    // The owner unit reaches the chain, not the program's forward trees or funnel.
    expect((await get('sn_pm', `/key-problems/${c.keyProblems.kp1}/trace`)).statusCode).toBe(404);
    expect((await get('sn_pm', `/programs/${c.programId}/funnel`)).statusCode).toBe(404);
  });

  it('answers 404 to another city and for unknown ids, 403 to accounts without organizer or landing rights', async () => {
    expect((await get('dl_admin', `/recommendations/${c.recommendations.landed}/trace`)).statusCode).toBe(404);
    expect((await get('qd_pm', '/recommendations/999999/trace')).statusCode).toBe(404);
    expect((await get('qd_tutor', `/recommendations/${c.recommendations.landed}/trace`)).statusCode).toBe(200);
    for (const who of ['qd_trainee', 'qd_host', 'qd_expert']) {
      expect((await get(who, `/recommendations/${c.recommendations.landed}/trace`)).statusCode).toBe(403);
      expect((await get(who, `/questions/${c.questions.q1}/trace`)).statusCode).toBe(403);
      expect((await get(who, `/programs/${c.programId}/funnel`)).statusCode).toBe(403);
      expect((await get(who, '/funnel')).statusCode).toBe(403);
    }
  });
});

describe('forward trees', () => {
  it('follows a question through both key problems it feeds to topics, reports and recommendations', async () => {
    const res = await get('qd_pm', `/questions/${c.questions.q2}/trace`);
    expect(res.statusCode).toBe(200);
    const body = res.json<QuestionTrace>();
    expect(body.question).toMatchObject({ id: c.questions.q2, submitterName: '市南区商务局' });
    expect(body.keyProblems.map((k) => k.id)).toEqual([c.keyProblems.kp1, c.keyProblems.kp2]);
    const [kp1, kp2] = body.keyProblems;
    expect(kp2).toMatchObject({ kind: 'open', topics: [], versions: [{ version: '2.0' }] });
    expect(kp1!.topics).toHaveLength(1);
    const topic = kp1!.topics[0]!;
    expect(topic).toMatchObject({ id: c.topics.t1, leadName: '李晓梅' });
    expect(topic.reports.map((r) => [r.id, r.status])).toEqual([
      [c.reports.r1, 'submitted'],
      [c.reports.draft, 'draft'],
    ]);
    expect(topic.reports[0]!.recommendations.map((r) => [r.id, r.status])).toEqual([
      [c.recommendations.landed, 'landed'],
      [c.recommendations.rejected, 'rejected'],
    ]);
    expect(topic.reports[1]!.recommendations).toEqual([]);
    expect(topic.recommendations).toEqual([expect.objectContaining({ id: c.recommendations.overdue, status: 'in_progress', overdue: true })]);
  });

  it('shows a question no key problem took up with an empty tree, and a key problem with its sources', async () => {
    const lone = (await get('qd_pm', `/questions/${c.questions.q4}/trace`)).json<QuestionTrace>();
    expect(lone.keyProblems).toEqual([]);
    const res = await get('qd_admin', `/key-problems/${c.keyProblems.kp1}/trace`);
    expect(res.statusCode).toBe(200);
    const body = res.json<KeyProblemTrace>();
    expect(body.keyProblem.questions.map((q) => q.id)).toEqual([c.questions.q1, c.questions.q2]);
    expect(body.keyProblem.versions.map((v) => v.version)).toEqual(['1.0', '2.0']);
    expect(body.keyProblem.topics.map((x) => x.id)).toEqual([c.topics.t1]);
    const unlisted = (await get('qd_admin', `/key-problems/${c.keyProblems.kp3}/trace`)).json<KeyProblemTrace>();
    expect(unlisted.keyProblem).toMatchObject({ versions: [], topics: [], questions: [{ id: c.questions.q3 }] });
  });

  it('hides trees from other subtrees', async () => {
    expect((await get('dl_admin', `/questions/${c.questions.q1}/trace`)).statusCode).toBe(404);
    expect((await get('sn_admin', `/key-problems/${c.keyProblems.kp1}/trace`)).statusCode).toBe(404);
    expect((await get('qd_pm', '/key-problems/999999/trace')).statusCode).toBe(404);
  });
});

describe('GET /programs/:id/funnel', () => {
  it('counts each stage exactly, key problems from the latest published version', async () => {
    const res = await get('qd_pm', `/programs/${c.programId}/funnel`);
    expect(res.statusCode).toBe(200);
    const body = res.json<ProgramFunnel>();
    expect(body.funnel).toEqual({
      questions: 4,
      keyProblems: 2,
      fixed: 1,
      open: 1,
      listVersion: '2.0',
      topics: 2,
      reports: 2,
      recommendations: 6,
      landed: 1,
      inProgress: 2,
      rejected: 1,
      overdue: 1,
      landingRate: 1 / 6,
    });
    expect(body.recommendations.map((r) => r.id).sort((a, b) => a - b)).toEqual(Object.values(c.recommendations).sort((a, b) => a - b));
    expect(body.recommendations.filter((r) => r.overdue).map((r) => r.id)).toEqual([c.recommendations.overdue]);
  });

  it('falls back to the active working list when no version is published, and shows an empty program as zeros', async () => {
    await t.db.kysely.deleteFrom('problem_list_versions').where('program_id', '=', c.programId).execute();
    try {
      const body = (await get('qd_pm', `/programs/${c.programId}/funnel`)).json<ProgramFunnel>();
      expect(body.funnel).toMatchObject({ keyProblems: 3, fixed: 1, open: 2, listVersion: null });
    } finally {
      await t.db.kysely
        .insertInto('problem_list_versions')
        .values({
          program_id: c.programId,
          version: '2.0',
          title: '重点问题清单 2.0',
          note: null,
          snapshot: JSON.stringify({
            items: [
              { id: c.keyProblems.kp1, kind: 'fixed' },
              { id: c.keyProblems.kp2, kind: 'open' },
            ],
          }),
          published_by: null,
          published_at: '2026-04-20T02:00:00.000Z',
        })
        .execute();
    }
    const empty = await freshResultsProgram(t, t.fixture.orgs['QD']!);
    const body = (await get('qd_pm', `/programs/${empty.id}/funnel`)).json<ProgramFunnel>();
    expect(body.funnel).toMatchObject({ questions: 0, keyProblems: 0, recommendations: 0, landed: 0, landingRate: null });
    expect((await get('dl_admin', `/programs/${c.programId}/funnel`)).statusCode).toBe(404);
  });
});

describe('GET /funnel', () => {
  it('buckets each series by month and sums the programs of the subtree', async () => {
    const dl = t.fixture.orgs['DL']!;
    const chain = await buildChain(t, { orgId: dl, landedOwnerOrgId: dl, otherOwnerOrgId: dl, cadreId: t.fixture.cadres['dl']!, homeOrgId: dl });
    // Months are Beijing months: 1 March 01:00 and 1 August 00:30 in Beijing are still February and July in UTC.
    for (const at of ['2026-02-28T17:00:00.000Z', '2026-07-31T16:30:00.000Z']) {
      await t.db.kysely
        .insertInto('problem_questions')
        .values({
          program_id: chain.programId,
          text: `边界问题${at}`,
          field: null,
          source: 'unit',
          submitter_cadre_id: null,
          submitter_user_id: null,
          submitter_name: '某单位',
          home_org_id: null,
          search_terms: ' 边界 ',
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    const res = await get('dl_admin', '/funnel?from=2026-03&to=2026-07');
    expect(res.statusCode).toBe(200);
    const body = res.json<FunnelDashboard>();
    // The fixture's 大连 program has no results yet, so only the built one is listed.
    expect(body.programs.map((p) => p.programId)).toEqual([chain.programId]);
    expect(body.totals).toMatchObject({ questions: 6, keyProblems: 2, topics: 2, reports: 2, recommendations: 6, landed: 1, overdue: 1, listVersion: null });
    expect(body.months).toEqual([
      { month: '2026-03', questions: 3, topics: 0, reports: 0, recommendations: 0, landed: 0 },
      { month: '2026-04', questions: 2, topics: 1, reports: 0, recommendations: 0, landed: 0 },
      { month: '2026-05', questions: 0, topics: 1, reports: 2, recommendations: 0, landed: 0 },
      { month: '2026-06', questions: 0, topics: 0, reports: 0, recommendations: 6, landed: 0 },
      { month: '2026-07', questions: 0, topics: 0, reports: 0, recommendations: 0, landed: 1 },
    ]);
    const narrow = (await get('dl_admin', '/funnel?from=2026-04&to=2026-04')).json<FunnelDashboard>();
    expect(narrow.months).toEqual([{ month: '2026-04', questions: 2, topics: 1, reports: 0, recommendations: 0, landed: 0 }]);
    expect(narrow.totals.questions).toBe(6);
    const august = (await get('dl_admin', '/funnel?from=2026-08&to=2026-08')).json<FunnelDashboard>();
    expect(august.months).toEqual([{ month: '2026-08', questions: 1, topics: 0, reports: 0, recommendations: 0, landed: 0 }]);
  });

  it('lists every program with results in a city, one when asked, and none of another city', async () => {
    const all = (await get('qd_admin', '/funnel')).json<FunnelDashboard>();
    expect(all.programs.map((p) => p.programId)).toContain(c.programId);
    expect(all.months).toHaveLength(12);
    const one = (await get('qd_admin', `/funnel?programId=${c.programId}`)).json<FunnelDashboard>();
    expect(one.programs.map((p) => p.programId)).toEqual([c.programId]);
    expect(one.totals.recommendations).toBe(6);
    const sn = (await get('sn_admin', '/funnel')).json<FunnelDashboard>();
    expect(sn.programs.map((p) => p.programId)).not.toContain(c.programId);
    expect((await get('sn_admin', `/funnel?programId=${c.programId}`)).statusCode).toBe(404);
    expect((await get('dl_admin', `/funnel?programId=${c.programId}`)).statusCode).toBe(404);
  });

  it('rejects a bad window naming the field', async () => {
    const bad = async (query: string, fields: string[]) => {
      const res = await get('qd_pm', `/funnel?${query}`);
      expect(res.statusCode).toBe(400);
      expect(res.json<{ error: { details: { field: string }[] } }>().error.details.map((d) => d.field)).toEqual(fields);
    };
    await bad('from=2026-13&to=2026-5', ['from', 'to']);
    await bad('from=2026/01', ['from']);
    await bad('from=2026-06&to=2026-05', ['from']);
    await bad('from=2020-01&to=2025-01', ['to']);
    expect((await get('qd_pm', '/funnel?from=2021-02&to=2026-01')).statusCode).toBe(200);
    expect((await get('qd_pm', '/funnel?programId=abc')).statusCode).toBe(400);
  });
});
