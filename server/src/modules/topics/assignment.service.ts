// 智能分配: build the topic assignment instance from enrolled trainees and their bids, solve it exactly
// (core/src/topic-assignment), keep the run, and adopt it in one transaction (task forces, bids won/lost, status).
import { assignTopics, type TopicAssignmentInstance, type TopicAssignmentResult } from '@duibiao/core/topic-assignment/index';
import { topicSolveInputSchema, type TopicRunDetail, type TopicRunSummary, type TopicSolveInput } from '@duibiao/contracts';
import type { Selectable } from 'kysely';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import type { TopicAssignmentRunsTable } from '../../db/schema-results.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { programInScope } from '../programs/program-access.ts';
import { enrolledTrainees } from './topics.repo.ts';
import { chooseLead, isAssignable, nameReasons } from './topics.rules.ts';
import { newTaskForceMemberRow } from './topic-row.ts';

interface Labels {
  topics: Record<string, { title: string; min: number; max: number }>;
  cadres: Record<string, { name: string; orgName: string }>;
}
/** What a run keeps in `result`: the core result, the names at solve time and the option used. */
interface StoredResult extends TopicAssignmentResult {
  labels: Labels;
  allowUnranked: boolean;
}
interface Summary {
  worstRank: number;
  profile: number[];
  placed: number;
  unranked: number;
}
type RunRow = Selectable<TopicAssignmentRunsTable> & { created_by_name: string | null };

function summaryOf(row: RunRow): TopicRunSummary {
  const s = JSON.parse(row.summary) as Summary;
  const r = JSON.parse(row.result) as StoredResult;
  return {
    id: row.id,
    programId: row.program_id,
    allowUnranked: r.allowUnranked ?? true,
    worstRank: s.worstRank,
    profile: s.profile,
    placed: s.placed,
    unranked: s.unranked,
    createdAt: row.created_at,
    createdBy: row.created_by_name,
    adoptedAt: row.adopted_at,
  };
}

function detailOf(row: RunRow): TopicRunDetail {
  const instance = JSON.parse(row.instance) as TopicAssignmentInstance;
  const result = JSON.parse(row.result) as StoredResult;
  const ranked = new Map(instance.trainees.map((t) => [t.id, new Set(t.ranks)]));
  const size = new Map<number, number>();
  for (const a of result.assignments) size.set(a.topicId, (size.get(a.topicId) ?? 0) + 1);
  return {
    ...summaryOf(row),
    assignments: result.assignments.map((a) => ({
      cadreId: a.traineeId,
      cadreName: result.labels?.cadres[a.traineeId]?.name ?? String(a.traineeId),
      orgName: result.labels?.cadres[a.traineeId]?.orgName ?? '',
      topicId: a.topicId,
      topicTitle: result.labels?.topics[a.topicId]?.title ?? String(a.topicId),
      rank: a.rank,
      bid: ranked.get(a.traineeId)?.has(a.topicId) ?? false,
    })),
    topics: instance.topics.map((t) => ({
      topicId: t.id,
      title: result.labels?.topics[t.id]?.title ?? String(t.id),
      size: size.get(t.id) ?? 0,
      teamMin: t.min,
      teamMax: t.max,
    })),
  };
}

export function createAssignmentService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const runs = () =>
    db.selectFrom('topic_assignment_runs as r').leftJoin('users as u', 'u.id', 'r.created_by').selectAll('r').select('u.display_name as created_by_name');

  async function organizer(actor: Actor, programId: number, write: boolean) {
    requirePermission(actor, write ? 'program:write' : 'program:read');
    return programInScope(db, actor, programId);
  }

  async function runInScope(actor: Actor, runId: number, write: boolean) {
    const row = await runs().where('r.id', '=', runId).executeTakeFirst();
    if (!row) throw notFound('分配方案');
    const program = await organizer(actor, row.program_id, write).catch((error: unknown) => {
      throw (error as { code?: string }).code === 'FORBIDDEN' ? error : notFound('分配方案');
    });
    return { row, program };
  }

  /** Topics open to assignment (bidding or assigned, not claimed by a group) and the trainees free to take them. */
  async function buildInstance(programId: number, allowUnranked: boolean) {
    const topics = await db
      .selectFrom('research_topics')
      .select(['id', 'title', 'team_min', 'team_max'])
      .where('program_id', '=', programId)
      .where('status', 'in', ['bidding', 'assigned'])
      .where('group_id', 'is', null)
      .orderBy('id')
      .execute();
    if (topics.length === 0) throw conflict('没有可分配的课题（招标中或已揭榜、且未绑定小组）');
    const busy = await db
      .selectFrom('task_force_members as m')
      .innerJoin('research_topics as t', 't.id', 'm.topic_id')
      .select('m.cadre_id')
      .where('t.program_id', '=', programId)
      .where('m.role', 'in', ['lead', 'member'])
      .where(
        't.id',
        'not in',
        topics.map((t) => t.id),
      )
      .execute();
    const busyIds = new Set(busy.map((b) => b.cadre_id));
    const trainees = (await enrolledTrainees(db, programId)).filter((t) => !busyIds.has(t.cadre_id));
    const bids = await db
      .selectFrom('topic_bids')
      .select(['cadre_id', 'topic_id'])
      .where('program_id', '=', programId)
      .where('status', '!=', 'withdrawn')
      .where(
        'topic_id',
        'in',
        topics.map((t) => t.id),
      )
      .orderBy('cadre_id')
      .orderBy('rank')
      .orderBy('id')
      .execute();
    const ranks = new Map<number, number[]>();
    for (const b of bids) ranks.set(b.cadre_id, [...(ranks.get(b.cadre_id) ?? []), b.topic_id]);
    const instance: TopicAssignmentInstance = {
      topics: topics.map((t) => ({ id: t.id, min: t.team_min, max: t.team_max })),
      trainees: trainees.map((t) => ({ id: t.cadre_id, ranks: ranks.get(t.cadre_id) ?? [] })),
      allowUnranked,
    };
    const labels: Labels = {
      topics: Object.fromEntries(topics.map((t) => [t.id, { title: t.title, min: t.team_min, max: t.team_max }])),
      cadres: Object.fromEntries(trainees.map((t) => [t.cadre_id, { name: t.name, orgName: t.org_name }])),
    };
    return { instance, labels };
  }

  return {
    async solve(actor: Actor, programId: number, raw: TopicSolveInput): Promise<TopicRunDetail> {
      const program = await organizer(actor, programId, true);
      const input = topicSolveInputSchema.parse(raw);
      const { instance, labels } = await buildInstance(programId, input.allowUnranked);
      const result = assignTopics(instance);
      if (result.status === 'infeasible') {
        const reasons = nameReasons(
          result.reasons,
          new Map(Object.entries(labels.topics).map(([id, t]) => [Number(id), t.title])),
          new Map(Object.entries(labels.cadres).map(([id, c]) => [Number(id), c.name])),
        );
        throw conflict(
          `无法分配：${reasons.join('；')}`,
          reasons.map((message) => ({ field: 'topics', message })),
        );
      }
      const ranked = new Map(instance.trainees.map((t) => [t.id, new Set(t.ranks)]));
      const summary: Summary = {
        worstRank: result.worstRank,
        profile: result.profile,
        placed: result.assignments.length,
        unranked: result.assignments.filter((a) => !ranked.get(a.traineeId)!.has(a.topicId)).length,
      };
      const stored: StoredResult = { ...result, labels, allowUnranked: input.allowUnranked };
      const id = await db.transaction().execute(async (trx) => {
        const { id: newId } = await trx
          .insertInto('topic_assignment_runs')
          .values({
            program_id: programId,
            instance: JSON.stringify(instance),
            result: JSON.stringify(stored),
            summary: JSON.stringify(summary),
            adopted_at: null,
            created_by: actor.userId || null,
            created_at: nowIso(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'topic.solve',
          entityType: 'topic_assignment_run',
          entityId: newId,
          scopePath: program.organizer_path,
          summary: `${program.name}：课题智能分配 ${summary.placed} 人，最差志愿第 ${summary.worstRank} 位`,
          after: summary,
        });
        return newId;
      });
      return this.get(actor, id);
    },

    async list(actor: Actor, programId: number): Promise<TopicRunSummary[]> {
      await organizer(actor, programId, false);
      const rows = await runs().where('r.program_id', '=', programId).orderBy('r.id', 'desc').execute();
      return rows.map(summaryOf);
    },

    async get(actor: Actor, runId: number): Promise<TopicRunDetail> {
      return detailOf((await runInScope(actor, runId, false)).row);
    },

    /** Task forces from the run (replacing trainees of topics not yet in progress), bids won/lost, topics assigned. */
    async adopt(actor: Actor, runId: number): Promise<TopicRunDetail> {
      const { row, program } = await runInScope(actor, runId, true);
      const instance = JSON.parse(row.instance) as TopicAssignmentInstance;
      const result = JSON.parse(row.result) as StoredResult;
      const topicIds = instance.topics.map((t) => t.id);
      const current = await db.selectFrom('research_topics').select(['id', 'title', 'status']).where('id', 'in', topicIds).execute();
      const started = current.filter((t) => !isAssignable(t.status));
      if (started.length > 0 || current.length !== topicIds.length)
        throw conflict(`课题${started.map((t) => `《${t.title}》`).join('、')}已开始攻关或已删除，请重新求解`);
      const cadreIds = result.assignments.map((a) => a.traineeId);
      const cadres = cadreIds.length
        ? await db.selectFrom('cadres').select(['id', 'name', 'org_id', 'work_start_date']).where('id', 'in', cadreIds).execute()
        : [];
      const cadreOf = new Map(cadres.map((c) => [c.id, c]));
      const at = nowIso();
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('task_force_members').where('topic_id', 'in', topicIds).where('role', 'in', ['lead', 'member']).execute();
        for (const topicId of topicIds) {
          const team = result.assignments.filter((a) => a.topicId === topicId && cadreOf.has(a.traineeId));
          const lead = chooseLead(team.map((a) => ({ cadreId: a.traineeId, rank: a.rank, workStart: cadreOf.get(a.traineeId)!.work_start_date })));
          if (team.length > 0)
            await trx
              .insertInto('task_force_members')
              .values(
                team.map((a) => {
                  const c = cadreOf.get(a.traineeId)!;
                  const role = c.id === lead?.cadreId ? 'lead' : 'member';
                  return newTaskForceMemberRow({ topicId, cadreId: c.id, name: c.name, orgId: c.org_id, role, assignedRank: a.rank }, at);
                }),
              )
              .execute();
          const winners = team.map((a) => a.traineeId);
          await trx
            .updateTable('topic_bids')
            .set({ status: 'won', updated_at: at })
            .where('topic_id', '=', topicId)
            .where('cadre_id', 'in', winners.length ? winners : [-1])
            .where('status', '!=', 'withdrawn')
            .execute();
          await trx
            .updateTable('topic_bids')
            .set({ status: 'lost', updated_at: at })
            .where('topic_id', '=', topicId)
            .where('cadre_id', 'not in', winners.length ? winners : [-1])
            .where('status', '!=', 'withdrawn')
            .execute();
        }
        await trx.updateTable('research_topics').set({ status: 'assigned', updated_at: at }).where('id', 'in', topicIds).execute();
        await trx.updateTable('topic_assignment_runs').set({ adopted_at: at }).where('id', '=', runId).execute();
        await recordAudit(trx, actor, {
          action: 'topic.adopt',
          entityType: 'topic_assignment_run',
          entityId: runId,
          scopePath: program.organizer_path,
          summary: `${program.name}：采用课题分配方案 #${runId}（${result.assignments.length} 人，${topicIds.length} 个课题）`,
          after: { topicIds },
        });
      });
      return this.get(actor, runId);
    },
  };
}
export type AssignmentService = ReturnType<typeof createAssignmentService>;
