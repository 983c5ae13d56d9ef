// The milestone plan of a topic (过程节点) and the overdue views for organizers' dashboards.
import type {
  MilestoneKind,
  MilestoneOverviewRow,
  MilestonePatch,
  MilestonePlanInput,
  MilestoneStatus,
  ProgramMilestones,
  TopicProcess,
  TopicStatus,
} from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { isUniqueViolation, nowIso } from '../../db/dialect.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { beijingToday } from '../hours/time.ts';
import { programInScope } from '../programs/program-access.ts';
import { topicAccess, type TopicAccess } from '../topics/topic-access.ts';
import { presentProcess } from './milestones.present.ts';
import { findMilestone, listMilestones, listScopedMilestones } from './milestones.repo.ts';
import { defaultRubric, dueDateProblem, isOverdue, planProblems, rubricProblems } from './milestones.rules.ts';

export const requireManage = (access: TopicAccess): void => {
  if (!access.canManage) throw forbidden('只有项目管理人员可以管理课题过程');
};

function overviewRow(r: Awaited<ReturnType<typeof listScopedMilestones>>[number], today: string): MilestoneOverviewRow {
  return {
    topicId: r.topic_id,
    topicTitle: r.topic_title,
    programId: r.program_id,
    programName: r.program_name,
    milestoneId: r.id,
    kind: r.kind as MilestoneKind,
    title: r.title,
    dueDate: r.due_date,
    status: r.status as MilestoneStatus,
    overdue: isOverdue(r, today),
  };
}

export function createPlanService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  return {
    async view(actor: Actor, topicId: number): Promise<TopicProcess> {
      const access = await topicAccess(read, actor, topicId);
      return presentProcess(read, actor, access);
    },

    /** Creates the whole plan at once; a topic that already has milestones answers 409 (edit them one by one). */
    async plan(actor: Actor, topicId: number, input: MilestonePlanInput): Promise<TopicProcess> {
      const access = await topicAccess(read, actor, topicId);
      requireManage(access);
      const problems = planProblems(input);
      if (problems.length) throw invalid(problems);
      if ((await listMilestones(read, [topicId])).length > 0) throw conflict('该课题已有过程节点，请逐个修改');
      await db
        .transaction()
        .execute(async (trx) => {
          const at = nowIso();
          await trx
            .insertInto('topic_milestones')
            .values(
              input.milestones.map((m) => ({
                topic_id: topicId,
                kind: m.kind,
                title: m.title,
                due_date: m.dueDate,
                status: 'pending',
                rubric: JSON.stringify(m.rubric ?? defaultRubric(m.kind)),
                decision_note: null,
                decided_by: null,
                decided_at: null,
                created_at: at,
                updated_at: at,
              })),
            )
            .execute();
          await recordAudit(trx, actor, {
            action: 'milestone.plan',
            entityType: 'research_topic',
            entityId: topicId,
            scopePath: access.program.organizerPath,
            summary: `制定课题「${access.topic.title}」的过程节点（${input.milestones.map((m) => `${m.title} ${m.dueDate}`).join('，')}）`,
            after: input,
          });
        })
        .catch((e: unknown) => {
          throw isUniqueViolation(e) ? conflict('该课题已有过程节点，请逐个修改') : e;
        });
      return presentProcess(read, actor, await topicAccess(read, actor, topicId));
    },

    async update(actor: Actor, topicId: number, milestoneId: number, patch: MilestonePatch): Promise<TopicProcess> {
      const access = await topicAccess(read, actor, topicId);
      requireManage(access);
      const m = await findMilestone(read, topicId, milestoneId);
      if (!m) throw notFound('课题节点');
      const problems = patch.rubric ? rubricProblems(patch.rubric) : [];
      if (patch.dueDate !== undefined) {
        const others = (await listMilestones(read, [topicId])).filter((o) => o.id !== m.id);
        const problem = dueDateProblem(m.kind, patch.dueDate, others);
        if (problem) problems.push({ field: 'dueDate', message: problem });
      }
      if (problems.length) throw invalid(problems);
      // Changing the yardstick after reviewers used it would make their totals meaningless.
      if (patch.rubric && (await read.selectFrom('milestone_scores').select('id').where('milestone_id', '=', m.id).executeTakeFirst())) {
        throw conflict('已有评审打分，不能再修改评分表');
      }
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('topic_milestones')
          .set({
            ...(patch.title !== undefined ? { title: patch.title } : {}),
            ...(patch.dueDate !== undefined ? { due_date: patch.dueDate } : {}),
            ...(patch.rubric !== undefined ? { rubric: JSON.stringify(patch.rubric) } : {}),
            updated_at: nowIso(),
          })
          .where('id', '=', m.id)
          .execute();
        await recordAudit(trx, actor, {
          action: 'milestone.update',
          entityType: 'topic_milestone',
          entityId: m.id,
          scopePath: access.program.organizerPath,
          summary: `修改课题「${access.topic.title}」的节点「${patch.title ?? m.title}」`,
          before: { title: m.title, dueDate: m.due_date, rubric: JSON.parse(m.rubric) as unknown },
          after: patch,
        });
      });
      return presentProcess(read, actor, await topicAccess(read, actor, topicId));
    },

    /** Every topic's milestones of one program with overdue flags and counts. */
    async ofProgram(actor: Actor, programId: number): Promise<ProgramMilestones> {
      requirePermission(actor, 'program:read');
      await programInScope(read, actor, programId);
      const today = beijingToday();
      const rows = (await listScopedMilestones(read, scopePrefix(actor), programId)).map((r) => ({ ...overviewRow(r, today), topicStatus: r.topic_status }));
      const counts = { pending: 0, submitted: 0, passed: 0, revise: 0, overdue: 0 };
      const topics = new Map<number, ProgramMilestones['topics'][number]>();
      for (const { topicStatus, ...r } of rows) {
        counts[r.status] += 1;
        if (r.overdue) counts.overdue += 1;
        const t = topics.get(r.topicId) ?? { topicId: r.topicId, title: r.topicTitle, status: topicStatus as TopicStatus, overdueCount: 0, milestones: [] };
        t.milestones.push(r);
        if (r.overdue) t.overdueCount += 1;
        topics.set(r.topicId, t);
      }
      return { counts, topics: [...topics.values()] };
    },

    /** Overdue milestones across every program in the caller's subtree, most overdue first. */
    async overdue(actor: Actor): Promise<MilestoneOverviewRow[]> {
      requirePermission(actor, 'program:read');
      const today = beijingToday();
      return (await listScopedMilestones(read, scopePrefix(actor)))
        .map((r) => overviewRow(r, today))
        .filter((r) => r.overdue)
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.milestoneId - b.milestoneId);
    },
  };
}
