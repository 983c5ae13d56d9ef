// A whole results chain inserted directly (the modules that write these tables are built in parallel): a program
// with questions → key problems (with sources and two published list versions) → topics with a task force →
// reports → recommendations with updates and evidence, plus a reflection-sourced and a manual recommendation.
// Dates are fixed in 2026 so monthly buckets are exact; deadlines are relative to today so overdue is too.
import { nowIso } from '../src/db/dialect.ts';
import { beijingToday } from '../src/modules/hours/time.ts';
import { addDays } from '../src/modules/practicum/practicum.rules.ts';
import { newProgramRow } from '../src/modules/programs/program-row.ts';
import type { TestApp } from './support.ts';
import { newTopicRow } from '../src/modules/topics/topic-row.ts';

let counter = 0;

export interface Chain {
  programId: number;
  programName: string;
  questions: { q1: number; q2: number; q3: number; q4: number };
  keyProblems: { kp1: number; kp2: number; kp3: number; kp4: number };
  versions: { v1: number; v2: number };
  topics: { t1: number; free: number };
  reports: { r1: number; draft: number; free: number };
  recommendations: { landed: number; overdue: number; manual: number; reflection: number; rejected: number; fromFree: number };
  reflectionId: number;
  updates: number[];
}

export interface ChainOptions {
  /** Organizer node of the program. */
  orgId: number;
  /** Owner unit of the landed recommendation (an owner-unit account may trace it). */
  landedOwnerOrgId: number;
  /** Owner unit of the other recommendations. */
  otherOwnerOrgId: number;
  /** Cadre who raises q1 and leads topic t1 (and writes the reflection). */
  cadreId: number;
  /** Home unit named on q2. */
  homeOrgId: number;
}

const terms = (s: string) => ` ${s} `;

export async function freshResultsProgram(t: TestApp, orgId: number): Promise<{ id: number; name: string }> {
  const n = ++counter;
  const name = `成果转化专题班${n}`;
  const { id } = await t.db.kysely
    .insertInto('programs')
    .values(
      newProgramRow(
        {
          code: `TR-${n}-${Math.random().toString(36).slice(2, 8)}`,
          name,
          type: 'centralized_class',
          status: 'running',
          organizerOrgId: orgId,
          startDate: '2026-03-01',
          endDate: '2026-12-31',
        },
        nowIso(),
      ),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, name };
}

export async function buildChain(t: TestApp, o: ChainOptions): Promise<Chain> {
  const db = t.db.kysely;
  const program = await freshResultsProgram(t, o.orgId);
  const programId = program.id;
  const today = beijingToday();

  const question = async (text: string, at: string, extra: { cadre?: number; name?: string; home?: number; source?: string }) =>
    (
      await db
        .insertInto('problem_questions')
        .values({
          program_id: programId,
          text,
          field: 'investment',
          source: extra.source ?? 'trainee',
          submitter_cadre_id: extra.cadre ?? null,
          submitter_user_id: null,
          submitter_name: extra.name ?? null,
          home_org_id: extra.home ?? null,
          search_terms: terms(text),
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const q1 = await question('如何提升营商环境便利度', '2026-03-05T02:00:00.000Z', { cadre: o.cadreId });
  const q2 = await question('企业开办流程仍然繁琐', '2026-03-20T02:00:00.000Z', { name: '市南区商务局', home: o.homeOrgId, source: 'unit' });
  const q3 = await question('科创企业融资难', '2026-04-02T02:00:00.000Z', { name: '导入', source: 'import' });
  const q4 = await question('与课题无关的问题', '2026-04-03T02:00:00.000Z', { name: '某单位', source: 'unit' });

  const keyProblem = async (title: string, kind: string | null, priority: number, status: string, sources: number[]) => {
    const at = '2026-04-10T02:00:00.000Z';
    const { id } = await db
      .insertInto('key_problems')
      .values({
        program_id: programId,
        title,
        description: null,
        field: 'investment',
        kind,
        priority,
        status,
        merged_into_id: null,
        search_terms: terms(title),
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const q of sources) await db.insertInto('key_problem_sources').values({ key_problem_id: id, question_id: q }).execute();
    return id;
  };
  const kp1 = await keyProblem('优化营商环境', 'fixed', 1, 'active', [q1, q2]);
  const kp2 = await keyProblem('破解企业开办难题', 'open', 2, 'active', [q2]);
  const kp3 = await keyProblem('科创金融', 'open', 3, 'active', [q3]);
  const kp4 = await keyProblem('已移除的问题', 'fixed', 4, 'removed', []);

  const item = (id: number, title: string, kind: string | null, priority: number, questionIds: number[]) => ({
    id,
    title,
    description: null,
    field: 'investment',
    kind,
    priority,
    questionIds,
  });
  const version = async (v: string, at: string, items: ReturnType<typeof item>[]) =>
    (
      await db
        .insertInto('problem_list_versions')
        .values({
          program_id: programId,
          version: v,
          title: `重点问题清单 ${v}`,
          note: null,
          snapshot: JSON.stringify({ items }),
          published_by: null,
          published_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  // v1 listed kp1 as open; v2 (latest) holds kp1 fixed and kp2 open but not kp3, which the working list gained later.
  const v1 = await version('1.0', '2026-04-12T02:00:00.000Z', [item(kp1, '优化营商环境', 'open', 1, [q1, q2])]);
  const v2 = await version('2.0', '2026-04-20T02:00:00.000Z', [
    item(kp1, '优化营商环境', 'fixed', 1, [q1, q2]),
    item(kp2, '破解企业开办难题', 'open', 2, [q2]),
  ]);

  const topic = async (title: string, keyProblemId: number | null, at: string) =>
    (
      await db
        .insertInto('research_topics')
        .values(
          newTopicRow(
            {
              programId,
              keyProblemId,
              code: `KT-${++counter}`,
              title,
              field: 'investment',
              teamMin: 3,
              teamMax: 6,
              ownerOrgId: o.otherOwnerOrgId,
              status: 'in_progress',
            },
            at,
          ),
        )
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const t1 = await topic('营商环境对标提升研究', kp1, '2026-04-25T02:00:00.000Z');
  const free = await topic('自选课题：夜间经济', null, '2026-05-02T02:00:00.000Z');
  const at0 = nowIso();
  await db
    .insertInto('task_force_members')
    .values([
      { topic_id: t1, cadre_id: null, user_id: null, name: '周成员', org_id: null, role: 'member', assigned_rank: 2, created_at: at0 },
      { topic_id: t1, cadre_id: o.cadreId, user_id: null, name: '李晓梅', org_id: null, role: 'lead', assigned_rank: 1, created_at: at0 },
      { topic_id: t1, cadre_id: null, user_id: null, name: '孙联络', org_id: null, role: 'liaison', assigned_rank: null, created_at: at0 },
    ])
    .execute();

  const report = async (title: string, topicId: number | null, submittedAt: string | null) =>
    (
      await db
        .insertInto('research_reports')
        .values({
          program_id: programId,
          topic_id: topicId,
          group_id: null,
          cadre_id: null,
          title,
          summary: null,
          body: '正文',
          file_name: null,
          file_path: null,
          size_bytes: null,
          mime: null,
          status: submittedAt ? 'submitted' : 'draft',
          author_user_id: null,
          submitted_at: submittedAt,
          search_terms: terms(title),
          created_at: '2026-05-01T02:00:00.000Z',
          updated_at: '2026-05-01T02:00:00.000Z',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const r1 = await report('关于对标深圳优化营商环境的调研报告', t1, '2026-05-15T02:00:00.000Z');
  const draft = await report('草稿报告', t1, null);
  const rFree = await report('夜间经济调研报告', free, '2026-05-20T02:00:00.000Z');

  const reflection = await db
    .insertInto('reflections')
    .values({
      program_id: programId,
      cadre_id: o.cadreId,
      title: '学习深圳经验的心得',
      learned: '服务意识',
      body: null,
      status: 'submitted',
      search_terms: ' 心得 ',
      created_at: at0,
      updated_at: at0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const actionItem = await db
    .insertInto('action_items')
    .values({
      reflection_id: reflection.id,
      content: '推行企业开办一日办结',
      owner: '区行政审批局',
      deadline: null,
      status: 'planned',
      created_at: at0,
      updated_at: at0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const rec = async (
    title: string,
    r: {
      source: string;
      report?: number;
      topic?: number;
      actionItem?: number;
      owner: number | null;
      ownerName?: string;
      status: string;
      deadline: string | null;
      landedAt?: string;
    },
  ) =>
    (
      await db
        .insertInto('recommendations')
        .values({
          program_id: programId,
          source: r.source,
          report_id: r.report ?? null,
          topic_id: r.topic ?? null,
          action_item_id: r.actionItem ?? null,
          title,
          content: `${title}的具体内容`,
          owner_org_id: r.owner,
          owner_name: r.ownerName ?? null,
          deadline: r.deadline,
          expected_effect: null,
          status: r.status,
          reject_reason: r.status === 'rejected' ? '与现行政策冲突' : null,
          landed_at: r.landedAt ?? null,
          last_update_at: null,
          reminded_for: null,
          created_by: null,
          created_at: '2026-06-01T02:00:00.000Z',
          updated_at: '2026-06-01T02:00:00.000Z',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const landed = await rec('推行企业开办全程网办', {
    source: 'report',
    report: r1,
    topic: t1,
    owner: o.landedOwnerOrgId,
    status: 'landed',
    deadline: addDays(today, -30),
    landedAt: '2026-07-15T02:00:00.000Z',
  });
  const overdue = await rec('建立营商环境监测指标', {
    source: 'topic',
    topic: t1,
    owner: o.otherOwnerOrgId,
    status: 'in_progress',
    deadline: addDays(today, -1),
  });
  const manual = await rec('手工录入的建议', { source: 'manual', owner: o.otherOwnerOrgId, status: 'proposed', deadline: today });
  const fromReflection = await rec('企业开办一日办结', {
    source: 'reflection',
    actionItem: actionItem.id,
    owner: null,
    ownerName: '区行政审批局',
    status: 'accepted',
    deadline: null,
  });
  const rejected = await rec('被否决的建议', {
    source: 'report',
    report: r1,
    topic: t1,
    owner: o.otherOwnerOrgId,
    status: 'rejected',
    deadline: addDays(today, -10),
  });
  const fromFree = await rec('打造夜间经济示范街区', {
    source: 'report',
    report: rFree,
    topic: free,
    owner: o.otherOwnerOrgId,
    status: 'proposed',
    deadline: null,
  });

  const updates: number[] = [];
  const steps: [string | null, string, string][] = [
    [null, 'proposed', '2026-06-01T02:00:00.000Z'],
    ['proposed', 'accepted', '2026-06-10T02:00:00.000Z'],
    ['accepted', 'in_progress', '2026-06-20T02:00:00.000Z'],
    ['in_progress', 'landed', '2026-07-15T02:00:00.000Z'],
  ];
  for (const [from, to, at] of steps) {
    const { id } = await db
      .insertInto('recommendation_updates')
      .values({ recommendation_id: landed, from_status: from, to_status: to, note: `状态：${to}`, author_user_id: t.fixture.users['qd_pm']!, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    updates.push(id);
  }
  const evidence = { recommendation_id: landed, update_id: updates[3]!, created_by: null, created_at: '2026-07-15T02:00:00.000Z' };
  await db
    .insertInto('recommendation_evidence')
    .values([
      {
        ...evidence,
        kind: 'document',
        label: '区政府办公室文件',
        value: null,
        unit: null,
        file_name: '实施方案.pdf',
        file_path: null,
        size_bytes: 1024,
        mime: 'application/pdf',
      },
      { ...evidence, kind: 'figure', label: '企业开办时间', value: 0.5, unit: '天', file_name: null, file_path: null, size_bytes: null, mime: null },
    ])
    .execute();

  return {
    programId,
    programName: program.name,
    questions: { q1, q2, q3, q4 },
    keyProblems: { kp1, kp2, kp3, kp4 },
    versions: { v1, v2 },
    topics: { t1, free },
    reports: { r1, draft, free: rFree },
    recommendations: { landed, overdue, manual, reflection: fromReflection, rejected, fromFree },
    reflectionId: reflection.id,
    updates,
  };
}
