// Milestones service (issue 5): 课题过程管控：节点、提交版本、评审打分、外挂团队. One use-case file per area.
import { LABELS, type MilestoneKind, type MilestoneStatus } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { programInScope } from '../programs/program-access.ts';
import { topicAccess } from '../topics/topic-access.ts';
import { createExternalService } from './external.service.ts';
import { presentScore } from './milestones.present.ts';
import { findMilestoneByKind, listReviewers, listScores } from './milestones.repo.ts';
import { averages, parseRubric } from './milestones.rules.ts';
import { createPlanService } from './plan.service.ts';
import { createReviewService } from './review.service.ts';
import { programSheetXlsx, scoreSheetDocx, scoreSheetXlsx } from './score-sheet.ts';

export function createMilestonesService(ctx: AppContext) {
  const read = ctx.db.read;
  return {
    plan: createPlanService(ctx),
    review: createReviewService(ctx),
    external: createExternalService(ctx),

    /** The score sheet of one milestone kind, for organizers of the topic. */
    async scoreSheet(actor: Actor, topicId: number, kind: MilestoneKind, format: 'xlsx' | 'docx'): Promise<{ name: string; body: Buffer }> {
      const access = await topicAccess(read, actor, topicId);
      if (access.as !== 'organizer') throw forbidden('只有项目管理人员可以导出评分表');
      const m = await findMilestoneByKind(read, topicId, kind);
      if (!m) throw notFound('课题节点');
      const rubric = parseRubric(m.rubric);
      const scores = (await listScores(read, [m.id])).map(presentScore);
      const sheet = {
        programName: access.program.name,
        topicTitle: access.topic.title,
        milestoneTitle: m.title,
        dueDate: m.due_date,
        status: m.status as MilestoneStatus,
        decisionNote: m.decision_note,
        rubric,
        rows: scores.map((s) => ({ reviewer: s.reviewer.name, scores: s.scores, total: s.total, comment: s.comment })),
        ...averages(rubric, scores),
      };
      const body = format === 'xlsx' ? await scoreSheetXlsx(sheet) : await scoreSheetDocx(sheet);
      return { name: `${access.topic.title}_${m.title}评分表.${format}`, body };
    },

    /** Every topic's sheet of one kind (e.g. all mid-term defences) of a program, averaged, in one workbook. */
    async programScoreSheet(actor: Actor, programId: number, kind: MilestoneKind): Promise<{ name: string; body: Buffer }> {
      requirePermission(actor, 'program:read');
      const program = await programInScope(read, actor, programId);
      const milestones = await read
        .selectFrom('topic_milestones as m')
        .innerJoin('research_topics as t', 't.id', 'm.topic_id')
        .select(['m.id', 'm.title', 'm.status', 'm.rubric', 'm.decision_note', 't.title as topic_title'])
        .where('t.program_id', '=', programId)
        .where('m.kind', '=', kind)
        .orderBy('t.id')
        .execute();
      const scores = await listScores(
        read,
        milestones.map((m) => m.id),
      );
      const reviewers = await listReviewers(
        read,
        milestones.map((m) => m.id),
      );
      const rows = milestones.map((m) => {
        const rubric = parseRubric(m.rubric);
        const own = scores.filter((s) => s.milestone_id === m.id).map(presentScore);
        return {
          topicTitle: m.topic_title,
          status: m.status as MilestoneStatus,
          rubric,
          reviewers: reviewers.filter((r) => r.milestone_id === m.id).length,
          decisionNote: m.decision_note,
          ...averages(rubric, own),
        };
      });
      const title = milestones[0]?.title ?? LABELS.milestoneKind[kind].zh;
      return { name: `${program.name}_${title}评分汇总.xlsx`, body: await programSheetXlsx(program.name, title, rows) };
    },
  };
}
export type MilestonesService = ReturnType<typeof createMilestonesService>;
