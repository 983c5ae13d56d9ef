// Builds the topic process view: milestones with versions, panel and the scores the viewer may see.
import type { MilestoneKind, MilestoneStatus, MilestoneView, TopicProcess, TopicStatus } from '@duibiao/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { beijingToday } from '../hours/time.ts';
import type { TopicAccess } from '../topics/topic-access.ts';
import { findTopicExtras, listMilestones, listReviewers, listScores, listSubmissions, listTaskForce, type ScoreRow } from './milestones.repo.ts';
import { averages, isOverdue, parseRubric, parseScores } from './milestones.rules.ts';

export const SUBMITTING_ROLES = ['lead', 'member'];

export const canSubmit = (access: TopicAccess): boolean => access.canManage || (access.as === 'member' && SUBMITTING_ROLES.includes(access.memberRole ?? ''));

export const presentScore = (s: ScoreRow) => ({
  reviewer: { id: s.reviewer_user_id, name: s.display_name },
  scores: parseScores(s.scores),
  total: s.total,
  comment: s.comment,
  updatedAt: s.updated_at,
});

export async function presentMilestones(db: Kysely<Database>, actor: Actor, access: TopicAccess): Promise<MilestoneView[]> {
  const rows = await listMilestones(db, [access.topic.id]);
  const ids = rows.map((r) => r.id);
  const [submissions, reviewers, scores] = await Promise.all([listSubmissions(db, ids), listReviewers(db, ids), listScores(db, ids)]);
  const today = beijingToday();
  const organizer = access.as === 'organizer';
  return rows.map((m) => {
    const rubric = parseRubric(m.rubric);
    const all = scores.filter((s) => s.milestone_id === m.id);
    const visible = (organizer ? all : all.filter((s) => s.reviewer_user_id === actor.userId)).map(presentScore);
    const panel = reviewers.filter((r) => r.milestone_id === m.id);
    return {
      id: m.id,
      kind: m.kind as MilestoneKind,
      title: m.title,
      dueDate: m.due_date,
      status: m.status as MilestoneStatus,
      overdue: isOverdue(m, today),
      rubric,
      decisionNote: m.decision_note,
      decidedAt: m.decided_at,
      submissions: submissions
        .filter((s) => s.milestone_id === m.id)
        .map((s) => ({
          id: s.id,
          version: s.version,
          fileName: s.file_name,
          sizeBytes: s.size_bytes,
          note: s.note,
          submittedBy: s.submitted_by === null ? null : { id: s.submitted_by, name: s.display_name ?? '' },
          createdAt: s.created_at,
        })),
      reviewers: panel.map((r) => ({ id: r.user_id, name: r.display_name, hasScored: all.some((s) => s.reviewer_user_id === r.user_id) })),
      scores: visible,
      ...averages(rubric, visible),
      canScore: m.status === 'submitted' && rubric.length > 0 && panel.some((r) => r.user_id === actor.userId),
    };
  });
}

export async function presentProcess(db: Kysely<Database>, actor: Actor, access: TopicAccess): Promise<TopicProcess> {
  const t = access.topic;
  const [[keyProblem, owner], taskForce, milestones] = await Promise.all([
    findTopicExtras(db, t.key_problem_id, t.owner_org_id),
    listTaskForce(db, t.id),
    presentMilestones(db, actor, access),
  ]);
  return {
    topic: {
      id: t.id,
      title: t.title,
      code: t.code,
      status: t.status as TopicStatus,
      goals: t.goals,
      program: { id: access.program.id, name: access.program.name },
      keyProblem: keyProblem?.title ?? null,
      ownerOrg: owner?.name ?? null,
      taskForce: taskForce.map((m) => ({ id: m.id, name: m.name, role: m.role, cadreId: m.cadre_id })),
    },
    viewer: { as: access.as, canManage: access.canManage, canSubmit: canSubmit(access) },
    milestones,
  };
}
