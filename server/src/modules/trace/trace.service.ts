// Trace service (issue 5): 成果溯源 — the backward chain of one recommendation and the forward tree of a question
// or key problem. Organizers trace what their subtree organizes; owner units (landing:write) also trace the
// recommendations they land. The funnel lives in funnel.service.ts.
import type { KeyProblemTrace, QuestionTrace, RecommendationSource, RecommendationStatus, RecommendationTrace, TraceKeyProblemNode } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/schema.ts';
import type { Kysely } from 'kysely';
import { forbidden, notFound } from '../../http/errors.ts';
import { isInScope, requirePermission, type Actor } from '../auth/actor.ts';
import { hasPermission } from '../auth/permissions.ts';
import { beijingToday } from '../hours/time.ts';
import { programInScope } from '../programs/program-access.ts';
import { createFunnelService } from './funnel.service.ts';
import { presentKeyProblem, presentQuestion, presentRecommendationSummary, presentReport, presentTopic } from './trace.present.ts';
import * as repo from './trace.repo.ts';
import { isOverdue } from './trace.rules.ts';

/** The recommendation if the actor organizes its program or (landing:write) its owner unit is in their subtree. */
async function recommendationInReach(db: Kysely<Database>, actor: Actor, id: number): Promise<repo.RecommendationRow> {
  const canRead = hasPermission(actor.role, 'program:read');
  const canLand = hasPermission(actor.role, 'landing:write');
  if (!canRead && !canLand) throw forbidden();
  const row = await repo.findRecommendation(db, id);
  if (row && canRead && isInScope(actor, row.organizer_path)) return row;
  if (row && canLand && row.owner_org_path !== null && isInScope(actor, row.owner_org_path)) return row;
  throw notFound('对策建议');
}

/** The program of a record if the actor organizes it, else NOT_FOUND named after the record. */
async function programOf(db: Kysely<Database>, actor: Actor, programId: number, what: string) {
  try {
    return await programInScope(db, actor, programId);
  } catch {
    throw notFound(what);
  }
}

/** Forward trees of several key problems of one program: a fixed number of batched queries for any width. */
async function keyProblemNodes(db: Kysely<Database>, programId: number, keyProblems: repo.KeyProblemRow[]): Promise<TraceKeyProblemNode[]> {
  if (keyProblems.length === 0) return [];
  const today = beijingToday();
  const kpIds = keyProblems.map((k) => k.id);
  const [questions, topics, versions] = await Promise.all([
    repo.listQuestionsOfKeyProblems(db, kpIds),
    repo.listTopicsOfKeyProblems(db, kpIds),
    repo.listVersionsOfProgram(db, programId),
  ]);
  const topicIds = topics.map((t) => t.id);
  const [reports, taskForce] = await Promise.all([repo.listReportsOfTopics(db, topicIds), repo.listTaskForces(db, topicIds)]);
  const recommendations = await repo.listRecommendationsFrom(
    db,
    topicIds,
    reports.map((r) => r.id),
  );
  const reportIds = new Set(reports.map((r) => r.id));
  const underReport = (reportId: number) => recommendations.filter((r) => r.report_id === reportId);
  const underTopic = (topicId: number) => recommendations.filter((r) => r.topic_id === topicId && (r.report_id === null || !reportIds.has(r.report_id)));
  return keyProblems.map((k) => ({
    ...presentKeyProblem(k, versions),
    questions: questions.filter((q) => q.key_problem_id === k.id).map(presentQuestion),
    topics: topics
      .filter((t) => t.key_problem_id === k.id)
      .map((t) => ({
        ...presentTopic(t, taskForce),
        reports: reports
          .filter((r) => r.topic_id === t.id)
          .map((r) => ({ ...presentReport(r, taskForce), recommendations: underReport(r.id).map((x) => presentRecommendationSummary(x, today)) })),
        recommendations: underTopic(t.id).map((x) => presentRecommendationSummary(x, today)),
      })),
  }));
}

export function createTraceService(ctx: AppContext) {
  const db = ctx.db.kysely;

  return {
    funnel: createFunnelService(ctx),

    /** 建议 → 报告 → 课题 → 重点问题 → 原始问题; absent links are null (or an empty question list). */
    async recommendation(actor: Actor, id: number): Promise<RecommendationTrace> {
      const rec = await recommendationInReach(db, actor, id);
      const [updates, evidence, report, reflection] = await Promise.all([
        repo.listUpdates(db, rec.id),
        repo.listEvidence(db, rec.id),
        rec.report_id !== null ? repo.findReport(db, rec.report_id) : undefined,
        rec.action_item_id !== null ? repo.findReflectionOfActionItem(db, rec.action_item_id) : undefined,
      ]);
      const topicId = rec.topic_id ?? report?.topic_id ?? null;
      const topic = topicId !== null ? await repo.findTopic(db, topicId) : undefined;
      const taskForce = topicId !== null ? await repo.listTaskForces(db, [topicId]) : [];
      const keyProblem = topic?.key_problem_id != null ? await repo.findKeyProblem(db, topic.key_problem_id) : undefined;
      const [questions, versions] = keyProblem
        ? await Promise.all([repo.listQuestionsOfKeyProblems(db, [keyProblem.id]), repo.listVersionsOfProgram(db, keyProblem.program_id)])
        : [[], []];
      return {
        program: { id: rec.program_id, name: rec.program_name },
        recommendation: {
          id: rec.id,
          title: rec.title,
          source: rec.source as RecommendationSource,
          status: rec.status as RecommendationStatus,
          ownerName: rec.owner_org_name ?? rec.owner_name,
          deadline: rec.deadline,
          landedAt: rec.landed_at,
          overdue: isOverdue(rec.deadline, rec.status, beijingToday()),
          content: rec.content,
          expectedEffect: rec.expected_effect,
          rejectReason: rec.reject_reason,
          createdAt: rec.created_at,
          updates: updates.map((u) => ({
            id: u.id,
            fromStatus: u.from_status as RecommendationStatus | null,
            toStatus: u.to_status as RecommendationStatus,
            note: u.note,
            authorName: u.author_name,
            createdAt: u.created_at,
          })),
          evidence: evidence.map((e) => ({
            id: e.id,
            updateId: e.update_id,
            kind: e.kind === 'figure' ? 'figure' : 'document',
            label: e.label,
            value: e.value,
            unit: e.unit,
            fileName: e.file_name,
            createdAt: e.created_at,
          })),
        },
        report: report ? presentReport(report, taskForce) : null,
        topic: topic ? presentTopic(topic, taskForce) : null,
        keyProblem: keyProblem ? presentKeyProblem(keyProblem, versions) : null,
        questions: questions.map(presentQuestion),
        reflection: reflection ? { id: reflection.id, title: reflection.title, authorName: reflection.author_name, actionItem: reflection.content } : null,
      };
    },

    /** 重点问题 → 课题 → 报告 → 建议, with the questions it came from. */
    async keyProblem(actor: Actor, id: number): Promise<KeyProblemTrace> {
      requirePermission(actor, 'program:read');
      const kp = await repo.findKeyProblem(db, id);
      if (!kp) throw notFound('重点问题');
      const program = await programOf(db, actor, kp.program_id, '重点问题');
      const [node] = await keyProblemNodes(db, program.id, [kp]);
      return { program: { id: program.id, name: program.name }, keyProblem: node! };
    },

    /** 原始问题 → 重点问题（可多个）→ 课题 → 报告 → 建议. */
    async question(actor: Actor, id: number): Promise<QuestionTrace> {
      requirePermission(actor, 'program:read');
      const q = await repo.findQuestion(db, id);
      if (!q) throw notFound('问题');
      const program = await programOf(db, actor, q.program_id, '问题');
      const keyProblems = await repo.listKeyProblems(db, await repo.listKeyProblemIdsOfQuestion(db, q.id));
      return {
        program: { id: program.id, name: program.name },
        question: presentQuestion(q),
        keyProblems: await keyProblemNodes(db, program.id, keyProblems),
      };
    },
  };
}
export type TraceService = ReturnType<typeof createTraceService>;
