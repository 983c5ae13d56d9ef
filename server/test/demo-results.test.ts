// Issue 5 on the demo data, checked from the database rows: S3's problem lists, topics, assignment, defences, landing
// and Party branch; S4's twelve individual reports; S2's sixteen group reports.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, type Db } from '../src/db/database.ts';
import { createFieldCipher } from '../src/lib/field-cipher.ts';
import { buildDemoData } from '../src/seed/demo-data.ts';
import { seedDemoPrograms } from '../src/seed/programs/seed-programs.ts';
import { seedDemo } from '../src/seed/seed-demo.ts';
import { loadTrainingFile } from '../src/modules/hours/training-file.ts';
import { openTestDb, testConfig } from './support.ts';

let db: Db;
let drop: () => Promise<void>;
const TODAY = '2026-11-30';

beforeAll(async () => {
  ({ db, drop } = await openTestDb(mkdtempSync(join(tmpdir(), 'duibiao-demo-res-'))));
  await migrateToLatest(db);
  const config = testConfig();
  const ctx = { config, db, cipher: createFieldCipher(config.DATA_KEY) };
  const data = buildDemoData();
  await seedDemo(ctx, data);
  await seedDemoPrograms(ctx, data, new Date(`${TODAY}T04:00:00Z`));
}, 180_000);

afterAll(async () => {
  await db.close();
  await drop();
});

const programId = async (code: string) => (await db.kysely.selectFrom('programs').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const userId = async (username: string) => (await db.kysely.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
const countBy = <T>(items: readonly T[], key: (t: T) => string | number | null) => {
  const out = new Map<string | number | null, number>();
  for (const i of items) out.set(key(i), (out.get(key(i)) ?? 0) + 1);
  return out;
};

describe('S3 problem lists', () => {
  it('has 223 questions from trainees and units, all before list 1.0, with search terms', async () => {
    const p = await programId('S3-QD-SZ-2026');
    const qs = await db.kysely.selectFrom('problem_questions').selectAll().where('program_id', '=', p).execute();
    expect(qs).toHaveLength(223);
    expect(new Set(qs.map((q) => q.text)).size).toBe(223);
    expect(new Set(qs.map((q) => q.source))).toEqual(new Set(['trainee', 'unit']));
    for (const q of qs) {
      expect(q.created_at < '2026-10-16').toBe(true);
      expect(q.home_org_id).not.toBeNull();
      expect(q.search_terms.startsWith(' ') && q.search_terms.length > 4).toBe(true);
      if (q.source === 'trainee') expect(q.submitter_cadre_id).not.toBeNull();
      else expect(q.submitter_name).toBeTruthy();
    }
    expect(qs.some((q) => q.submitter_user_id === null && q.source === 'trainee')).toBe(true);
    // qd_trainee's own questions carry their account; the other trainees have none in the demo.
    const own = await db.kysely.selectFrom('users').select(['id', 'cadre_id']).where('username', '=', 'qd_trainee').executeTakeFirstOrThrow();
    const withUser = qs.filter((q) => q.submitter_user_id !== null);
    expect(withUser.length).toBeGreaterThanOrEqual(2);
    expect(withUser.every((q) => q.submitter_user_id === own.id && q.submitter_cadre_id === own.cadre_id)).toBe(true);
  });

  it('publishes 1.0 with one item per question and 2.0 with 16 fixed + 6 open, every question linked', async () => {
    const p = await programId('S3-QD-SZ-2026');
    const versions = await db.kysely.selectFrom('problem_list_versions').selectAll().where('program_id', '=', p).orderBy('published_at').execute();
    expect(versions.map((v) => v.version)).toEqual(['1.0', '2.0']);
    type Item = { id: number; kind: string | null; priority: number; questionIds: number[] };
    const [v1, v2] = versions.map((v) => (JSON.parse(v.snapshot) as { items: Item[] }).items);
    expect(v1).toHaveLength(223);
    expect(v1!.every((i) => i.questionIds.length === 1 && i.kind === null)).toBe(true);
    expect(countBy(v2!, (i) => i.kind)).toEqual(
      new Map([
        ['fixed', 16],
        ['open', 6],
      ]),
    );
    expect(v2!.map((i) => i.priority)).toEqual(v2!.map((_, k) => k + 1));
    const linked = v2!.flatMap((i) => i.questionIds);
    expect(v2!.every((i) => i.questionIds.length >= 1)).toBe(true);
    expect(new Set(linked).size).toBe(223);
    expect(linked).toHaveLength(223);

    const items = await db.kysely.selectFrom('key_problems').selectAll().where('program_id', '=', p).execute();
    const active = items.filter((i) => i.status === 'active');
    expect(active.map((i) => i.id).sort()).toEqual(v2!.map((i) => i.id).sort());
    const merged = items.filter((i) => i.status === 'merged');
    expect(merged).toHaveLength(223);
    const sources = await db.kysely
      .selectFrom('key_problem_sources')
      .selectAll()
      .where(
        'key_problem_id',
        'in',
        active.map((i) => i.id),
      )
      .execute();
    expect(sources).toHaveLength(223);
    // Each merged 1.0 item points at the 2.0 item that holds its question.
    const v1Sources = await db.kysely
      .selectFrom('key_problem_sources')
      .selectAll()
      .where(
        'key_problem_id',
        'in',
        merged.map((i) => i.id),
      )
      .execute();
    const into = new Map(sources.map((s) => [s.question_id, s.key_problem_id]));
    const mergedInto = new Map(merged.map((i) => [i.id, i.merged_into_id]));
    for (const s of v1Sources) expect(mergedInto.get(s.key_problem_id)).toBe(into.get(s.question_id));
  });
});

describe('S3 topics and assignment', () => {
  it('assigns all 150 trainees to 20 topics within 5–9 by an adopted run, bids won and lost accordingly', async () => {
    const p = await programId('S3-QD-SZ-2026');
    const topics = await db.kysely.selectFrom('research_topics').selectAll().where('program_id', '=', p).execute();
    expect(topics).toHaveLength(20);
    expect(topics.every((t) => t.status === 'in_progress' && t.owner_org_id !== null && t.key_problem_id !== null)).toBe(true);
    const members = await db.kysely
      .selectFrom('task_force_members')
      .selectAll()
      .where(
        'topic_id',
        'in',
        topics.map((t) => t.id),
      )
      .execute();
    const trainees = members.filter((m) => m.cadre_id !== null);
    expect(new Set(trainees.map((m) => m.cadre_id)).size).toBe(150);
    expect(trainees).toHaveLength(150);
    for (const t of topics) {
      const mine = members.filter((m) => m.topic_id === t.id);
      const size = mine.filter((m) => m.cadre_id !== null).length;
      expect(size).toBeGreaterThanOrEqual(t.team_min);
      expect(size).toBeLessThanOrEqual(t.team_max);
      expect(mine.filter((m) => m.role === 'lead')).toHaveLength(1);
      expect(mine.filter((m) => m.role === 'liaison' && m.org_id === t.owner_org_id && m.name)).toHaveLength(1);
    }
    const bids = await db.kysely.selectFrom('topic_bids').selectAll().where('program_id', '=', p).execute();
    for (const [, n] of countBy(bids, (b) => b.cadre_id)) expect(n).toBeGreaterThanOrEqual(3);
    // Won where the topic was bid on; a trainee placed outside their list (服从调剂) lost every bid.
    const wonTopic = new Map(bids.filter((b) => b.status === 'won').map((b) => [b.cadre_id, b]));
    expect(wonTopic.size).toBeGreaterThanOrEqual(140);
    for (const m of trainees) {
      const bid = wonTopic.get(m.cadre_id!);
      const mine = bids.filter((b) => b.cadre_id === m.cadre_id);
      if (bid) {
        expect(bid.topic_id).toBe(m.topic_id);
        expect(m.assigned_rank).toBe(bid.rank);
      } else {
        expect(mine.every((b) => b.status === 'lost' && b.topic_id !== m.topic_id)).toBe(true);
        expect(m.assigned_rank).toBe(mine.length + 1);
      }
    }
    const runs = await db.kysely.selectFrom('topic_assignment_runs').selectAll().where('program_id', '=', p).execute();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.adopted_at).not.toBeNull();
    expect(JSON.parse(runs[0]!.result)).toMatchObject({ status: 'ok' });
    expect(JSON.parse(runs[0]!.summary).worstRank).toBeGreaterThanOrEqual(1);
  });

  it('has ≥ 3 mid-term passes scored by qd_expert, one revise, ≥ 2 overdue, and qd_trainee on a passed topic', async () => {
    const p = await programId('S3-QD-SZ-2026');
    const expert = await userId('qd_expert');
    const mids = await db.kysely
      .selectFrom('topic_milestones as m')
      .innerJoin('research_topics as t', 't.id', 'm.topic_id')
      .select(['m.id', 'm.topic_id', 'm.status', 'm.due_date', 'm.rubric'])
      .where('t.program_id', '=', p)
      .where('m.kind', '=', 'midterm')
      .execute();
    expect(mids).toHaveLength(20);
    const passed = mids.filter((m) => m.status === 'passed');
    expect(passed.length).toBeGreaterThanOrEqual(3);
    expect(mids.filter((m) => m.status === 'revise')).toHaveLength(1);
    const scores = await db.kysely
      .selectFrom('milestone_scores')
      .selectAll()
      .where(
        'milestone_id',
        'in',
        passed.map((m) => m.id),
      )
      .execute();
    for (const m of passed) {
      const s = scores.find((x) => x.milestone_id === m.id && x.reviewer_user_id === expert)!;
      const rubric = JSON.parse(m.rubric) as { key: string; max: number }[];
      const values = JSON.parse(s.scores) as Record<string, number>;
      expect(Object.keys(values).sort()).toEqual(rubric.map((c) => c.key).sort());
      for (const c of rubric) expect(values[c.key]).toBeLessThanOrEqual(c.max);
      expect(s.total).toBe(Object.values(values).reduce((a, b) => a + b, 0));
    }
    const overdue = mids.filter((m) => m.status === 'pending' && m.due_date < TODAY);
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    const own = await db.kysely.selectFrom('users').select('cadre_id').where('username', '=', 'qd_trainee').executeTakeFirstOrThrow();
    const ownTopic = await db.kysely
      .selectFrom('task_force_members')
      .select('topic_id')
      .where('cadre_id', '=', own.cadre_id)
      .where(
        'topic_id',
        'in',
        mids.map((m) => m.topic_id),
      )
      .executeTakeFirstOrThrow();
    expect(passed.map((m) => m.topic_id)).toContain(ownTopic.topic_id);
    // qd_expert is on exactly the defended topics' external teams.
    const ext = await db.kysely
      .selectFrom('external_members')
      .selectAll()
      .where(
        'topic_id',
        'in',
        mids.map((m) => m.topic_id),
      )
      .execute();
    const expertTopics = ext.filter((e) => e.user_id === expert).map((e) => e.topic_id);
    expect(new Set(expertTopics)).toEqual(new Set(mids.filter((m) => m.status !== 'pending').map((m) => m.topic_id)));
    expect(new Set(ext.map((e) => e.kind))).toEqual(new Set(['institute', 'chamber', 'association', 'shadow_team', 'observer']));
    const comments = await db.kysely
      .selectFrom('topic_comments')
      .selectAll()
      .where('author_user_id', '=', expert)
      .where('milestone_id', 'is not', null)
      .execute();
    expect(comments.length).toBeGreaterThanOrEqual(3);
  });
});

describe('S3 landing and Party branch', () => {
  it('tracks recommendations with every status change, landed ones with evidence, and one in 市南区', async () => {
    const p = await programId('S3-QD-SZ-2026');
    const recs = await db.kysely
      .selectFrom('recommendations as r')
      .innerJoin('organizations as o', 'o.id', 'r.owner_org_id')
      .select(['r.id', 'r.status', 'r.deadline', 'r.reject_reason', 'r.landed_at', 'o.code'])
      .where('r.program_id', '=', p)
      .execute();
    const statuses = new Set(recs.map((r) => r.status));
    for (const s of ['landed', 'in_progress', 'accepted', 'proposed', 'rejected']) expect(statuses).toContain(s);
    expect(recs.filter((r) => r.status !== 'landed' && r.status !== 'rejected' && r.deadline! < TODAY).length).toBeGreaterThanOrEqual(1);
    expect(recs.some((r) => r.code === 'QD-SN' || r.code.startsWith('QD-SN-'))).toBe(true);
    expect(recs.find((r) => r.status === 'rejected')!.reject_reason).toBeTruthy();
    const updates = await db.kysely
      .selectFrom('recommendation_updates')
      .selectAll()
      .where(
        'recommendation_id',
        'in',
        recs.map((r) => r.id),
      )
      .orderBy('id')
      .execute();
    for (const r of recs) {
      const mine = updates.filter((u) => u.recommendation_id === r.id);
      expect(mine[0]).toMatchObject({ from_status: null, to_status: 'proposed' });
      expect(mine.at(-1)!.to_status).toBe(r.status);
      for (let i = 1; i < mine.length; i++) expect(mine[i]!.from_status).toBe(mine[i - 1]!.to_status);
    }
    const evidence = await db.kysely
      .selectFrom('recommendation_evidence')
      .selectAll()
      .where(
        'recommendation_id',
        'in',
        recs.map((r) => r.id),
      )
      .execute();
    for (const r of recs.filter((x) => x.status === 'landed')) {
      expect(r.landed_at).not.toBeNull();
      const mine = evidence.filter((e) => e.recommendation_id === r.id);
      expect(mine.some((e) => e.kind === 'figure' && e.value !== null)).toBe(true);
      expect(mine.some((e) => e.kind === 'document')).toBe(true);
    }
    const reports = await db.kysely.selectFrom('research_reports').selectAll().where('program_id', '=', p).execute();
    expect(reports.length).toBeGreaterThanOrEqual(3);
    expect(reports.every((r) => r.status === 'submitted' && r.topic_id !== null)).toBe(true);
  });

  it('forms the branch before departure with Party members only, a committee of five and attended meetings', async () => {
    // S4: nine of the ten cadres are Party members (周思月 is 九三学社社员), so that branch has nine.
    for (const [code, name, size] of [
      ['S3-QD-SZ-2026', '青岛市第三批赴深圳体悟实训临时党支部', null],
      ['S4-SQ-CZ-2022', '商丘市赴常州跟班学习临时党支部', 9],
    ] as const) {
      const p = await programId(code);
      const branch = await db.kysely.selectFrom('party_branches').selectAll().where('program_id', '=', p).executeTakeFirstOrThrow();
      expect(branch.name).toBe(name);
      const members = await db.kysely
        .selectFrom('party_branch_members as m')
        .innerJoin('cadres as c', 'c.id', 'm.cadre_id')
        .select(['m.cadre_id', 'm.role', 'm.party_group', 'c.political_status'])
        .where('m.branch_id', '=', branch.id)
        .execute();
      expect(members.every((m) => m.political_status === '中共党员' || m.political_status === '中共预备党员')).toBe(true);
      if (size) expect(members).toHaveLength(size);
      expect(members.filter((m) => m.role === 'secretary')).toHaveLength(1);
      const meetings = await db.kysely.selectFrom('party_meetings').selectAll().where('branch_id', '=', branch.id).execute();
      expect(meetings.length).toBeGreaterThanOrEqual(6);
      const attendance = await db.kysely
        .selectFrom('party_meeting_attendance')
        .selectAll()
        .where(
          'meeting_id',
          'in',
          meetings.map((m) => m.id),
        )
        .execute();
      expect(attendance.some((a) => a.status === 'excused')).toBe(true);
      const ids = new Set(members.map((m) => m.cadre_id));
      expect(attendance.every((a) => ids.has(a.cadre_id))).toBe(true);
      const enrolled = await db.kysely
        .selectFrom('enrolments as e')
        .innerJoin('cadres as c', 'c.id', 'e.cadre_id')
        .select('e.cadre_id')
        .where('e.program_id', '=', p)
        .where('c.political_status', 'in', ['中共党员', '中共预备党员'])
        .execute();
      expect(members).toHaveLength(enrolled.length);
      if (code === 'S3-QD-SZ-2026') {
        expect(branch.formed_on < '2026-10-19').toBe(true);
        expect(new Set(members.map((m) => m.party_group)).size).toBeGreaterThanOrEqual(3);
        expect(meetings.every((m) => m.held_on <= TODAY)).toBe(true);
      }
    }
  });
});

describe('S4 and S2 reports', () => {
  it('S4: 12 individual reports by 10 cadres, recommendations mostly landed in 2023, one rejected', async () => {
    const p = await programId('S4-SQ-CZ-2022');
    const reports = await db.kysely.selectFrom('research_reports').selectAll().where('program_id', '=', p).execute();
    expect(reports).toHaveLength(12);
    expect(new Set(reports.map((r) => r.cadre_id)).size).toBe(10);
    expect(Math.max(...countBy(reports, (r) => r.cadre_id).values())).toBe(3);
    expect(reports.every((r) => r.status === 'submitted' && r.submitted_at! >= '2023-01' && r.submitted_at! < '2023-04')).toBe(true);
    const recs = await db.kysely.selectFrom('recommendations').selectAll().where('program_id', '=', p).execute();
    for (const r of reports) expect(recs.filter((x) => x.report_id === r.id).length).toBeGreaterThanOrEqual(1);
    const by = countBy(recs, (r) => r.status);
    expect(by.get('landed')!).toBeGreaterThan(recs.length / 2);
    expect(by.get('in_progress')).toBeGreaterThanOrEqual(1);
    expect(by.get('rejected')).toBe(1);
    expect(recs.filter((r) => r.status === 'landed').every((r) => r.landed_at!.startsWith('2023'))).toBe(true);
  });

  it('S4: the final evaluation is published for all 10 cadres and shows in their training files', async () => {
    const p = await programId('S4-SQ-CZ-2022');
    const results = await db.kysely.selectFrom('evaluation_results').selectAll().where('program_id', '=', p).execute();
    expect(results).toHaveLength(10);
    for (const r of results) {
      const components = JSON.parse(r.components) as Record<string, number | null>;
      // Follow-along study: the host's final assessment and the landing of the cadre's own recommendations count.
      expect(components.host).not.toBeNull();
      expect(components.landing).not.toBeNull();
      expect(r.score).toBeGreaterThan(0);
    }
    const file = await loadTrainingFile(db.kysely, results[0]!.cadre_id, 2022);
    expect(file.programs.find((x) => x.programId === p)?.evaluation).toMatchObject({ score: results[0]!.score, grade: results[0]!.grade });
  });

  it('S2: 16 group reports (4 per class) submitted on the last day, topics claimed by two groups', async () => {
    const p = await programId('S2-DL-2026');
    const reports = await db.kysely.selectFrom('research_reports').selectAll().where('program_id', '=', p).execute();
    expect(reports).toHaveLength(16);
    expect(reports.every((r) => r.group_id !== null && r.submitted_at!.startsWith('2026-08-31'))).toBe(true);
    const topics = await db.kysely.selectFrom('research_topics').selectAll().where('program_id', '=', p).execute();
    expect(topics).toHaveLength(16);
    expect([...countBy(topics, (t) => t.class_id).values()]).toEqual([4, 4, 4, 4]);
    const members = await db.kysely
      .selectFrom('task_force_members')
      .selectAll()
      .where(
        'topic_id',
        'in',
        topics.map((t) => t.id),
      )
      .execute();
    // Every one of the 200 trainees is in exactly one topic's task force.
    expect(new Set(members.map((m) => m.cadre_id)).size).toBe(200);
    expect(members).toHaveLength(200);
    const recs = await db.kysely.selectFrom('recommendations').selectAll().where('program_id', '=', p).execute();
    expect(new Set(recs.map((r) => r.status))).toEqual(new Set(['proposed', 'accepted']));
  });
});
