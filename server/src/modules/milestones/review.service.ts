// Submissions with versions, the review panel, scoring against the rubric and the organizer's decision.
import type { MilestoneDecision, ReviewerCandidate, MilestoneReviewersInput, MilestoneScoreInput, TopicProcess } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { inSubtree, isUniqueViolation, nowIso } from '../../db/dialect.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { notifyUsers } from '../attendance/notifications.repo.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import type { Actor } from '../auth/actor.ts';
import { PERMISSIONS_BY_ROLE } from '../auth/permissions.ts';
import { topicAccess, type TopicAccess } from '../topics/topic-access.ts';
import { canSubmit, presentProcess } from './milestones.present.ts';
import { findMilestone, taskForceUserIds } from './milestones.repo.ts';
import { parseRubric, scoreProblems, totalOf } from './milestones.rules.ts';
import { createSubmissionStore } from './submission-store.ts';
import { requireManage } from './plan.service.ts';

/** Staff roles that may sit on a panel: those who read programs (organizer side). */
const STAFF_ROLES = Object.entries(PERMISSIONS_BY_ROLE)
  .filter(([role, perms]) => role !== 'sys_admin' && perms.includes('program:read'))
  .map(([role]) => role);

export function createReviewService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;
  const store = createSubmissionStore(ctx.config.UPLOAD_DIR);

  async function milestoneOf(access: TopicAccess, milestoneId: number) {
    const m = await findMilestone(read, access.topic.id, milestoneId);
    if (!m) throw notFound('课题节点');
    return m;
  }

  const refresh = async (actor: Actor, topicId: number) => presentProcess(read, actor, await topicAccess(read, actor, topicId));

  /** Users who may be invited: active staff of the organizing subtree and accounts of this topic's external team. */
  async function candidates(access: TopicAccess): Promise<ReviewerCandidate[]> {
    const staff = await read
      .selectFrom('users as u')
      .innerJoin('organizations as o', 'o.id', 'u.org_id')
      .select(['u.id', 'u.display_name', 'u.role', 'o.name as org_name'])
      .where('u.is_active', '=', 1)
      .where('u.role', 'in', STAFF_ROLES)
      .where(inSubtree('o.path', access.program.organizerPath))
      .orderBy('u.id')
      .execute();
    const externals = await read
      .selectFrom('external_members as e')
      .innerJoin('users as u', 'u.id', 'e.user_id')
      .select(['u.id', 'u.display_name', 'u.role', 'e.organization as org_name'])
      .where('e.topic_id', '=', access.topic.id)
      .where('u.is_active', '=', 1)
      .orderBy('u.id')
      .execute();
    const seen = new Set<number>();
    return [...staff, ...externals]
      .filter((u) => !seen.has(u.id) && seen.add(u.id))
      .map((u) => ({ id: u.id, name: u.display_name, role: u.role, orgName: u.org_name ?? '' }));
  }

  return {
    async submit(
      actor: Actor,
      topicId: number,
      milestoneId: number,
      upload: { fileName: string; file: NodeJS.ReadableStream; note: string | null },
    ): Promise<TopicProcess> {
      const access = await topicAccess(read, actor, topicId);
      if (!canSubmit(access)) {
        upload.file.resume();
        throw forbidden('只有工作专班成员和项目管理人员可以提交材料');
      }
      const m = await milestoneOf(access, milestoneId);
      if (m.status === 'passed') {
        upload.file.resume();
        throw conflict('该节点已评审通过，不能再提交新版本');
      }
      if (upload.note !== null && upload.note.length > 2000) {
        upload.file.resume();
        throw invalid([{ field: 'note', message: '说明不超过2000字' }]);
      }
      const saved = await store.save(upload.fileName, upload.file);
      try {
        await db.transaction().execute(async (trx) => {
          const last = await trx
            .selectFrom('milestone_submissions')
            .select((eb) => eb.fn.max('version').as('v'))
            .where('milestone_id', '=', m.id)
            .executeTakeFirst();
          const version = Number(last?.v ?? 0) + 1;
          const at = nowIso();
          await trx
            .insertInto('milestone_submissions')
            .values({
              milestone_id: m.id,
              version,
              file_name: saved.fileName,
              file_path: saved.path,
              size_bytes: saved.sizeBytes,
              mime: saved.mime,
              note: upload.note,
              submitted_by: actor.userId || null,
              created_at: at,
            })
            .execute();
          if (m.status !== 'submitted') await trx.updateTable('topic_milestones').set({ status: 'submitted', updated_at: at }).where('id', '=', m.id).execute();
          await recordAudit(trx, actor, {
            action: 'milestone.submit',
            entityType: 'topic_milestone',
            entityId: m.id,
            scopePath: access.program.organizerPath,
            summary: `提交课题「${access.topic.title}」${m.title}材料第 ${version} 版「${saved.fileName}」`,
            before: { status: m.status },
            after: { status: 'submitted', version, fileName: saved.fileName, note: upload.note },
          });
        });
      } catch (error) {
        await store.remove(saved.path);
        throw isUniqueViolation(error) ? conflict('同时有人提交了新版本，请刷新后重试') : error;
      }
      return refresh(actor, topicId);
    },

    /** Any version, for everyone with topic access (task force, organizers, the topic's external team). */
    async file(actor: Actor, topicId: number, milestoneId: number, submissionId: number) {
      const access = await topicAccess(read, actor, topicId);
      await milestoneOf(access, milestoneId);
      const s = await read
        .selectFrom('milestone_submissions')
        .select(['file_name', 'file_path', 'mime'])
        .where('id', '=', submissionId)
        .where('milestone_id', '=', milestoneId)
        .executeTakeFirst();
      if (!s?.file_path || !s.file_name) throw notFound('提交材料');
      return { name: s.file_name, path: store.absolute(s.file_path), contentType: s.mime ?? 'application/octet-stream' };
    },

    async candidates(actor: Actor, topicId: number): Promise<ReviewerCandidate[]> {
      const access = await topicAccess(read, actor, topicId);
      requireManage(access);
      return candidates(access);
    },

    /** Sets the panel; reviewers who already scored cannot be dropped (their sheet would vanish). */
    async setReviewers(actor: Actor, topicId: number, milestoneId: number, input: MilestoneReviewersInput): Promise<TopicProcess> {
      const access = await topicAccess(read, actor, topicId);
      requireManage(access);
      const m = await milestoneOf(access, milestoneId);
      if (m.status === 'passed') throw conflict('该节点已评审通过，不能再调整评审专家');
      const allowed = new Set((await candidates(access)).map((c) => c.id));
      const problems = input.userIds.flatMap((id, i) =>
        allowed.has(id) ? [] : [{ field: `userIds.${i}`, message: '只能邀请本级及下级工作人员或本课题外挂团队账号' }],
      );
      if (problems.length) throw invalid(problems);
      const wanted = [...new Set(input.userIds)];
      const current = (await read.selectFrom('milestone_reviewers').select('user_id').where('milestone_id', '=', m.id).execute()).map((r) => r.user_id);
      const scored = (await read.selectFrom('milestone_scores').select('reviewer_user_id').where('milestone_id', '=', m.id).execute()).map(
        (r) => r.reviewer_user_id,
      );
      const dropped = current.filter((id) => !wanted.includes(id));
      if (dropped.some((id) => scored.includes(id))) throw conflict('已打分的评审专家不能移除');
      const added = wanted.filter((id) => !current.includes(id));
      await db.transaction().execute(async (trx) => {
        const at = nowIso();
        if (dropped.length) await trx.deleteFrom('milestone_reviewers').where('milestone_id', '=', m.id).where('user_id', 'in', dropped).execute();
        if (added.length) {
          await trx
            .insertInto('milestone_reviewers')
            .values(added.map((user_id) => ({ milestone_id: m.id, user_id, invited_by: actor.userId || null, invited_at: at })))
            .execute();
          await notifyUsers(trx, added, {
            kind: 'milestone.reviewers',
            title: `邀请您评审课题「${access.topic.title}」${m.title}`,
            link: `/topics/${topicId}`,
          });
        }
        await recordAudit(trx, actor, {
          action: 'milestone.reviewers',
          entityType: 'topic_milestone',
          entityId: m.id,
          scopePath: access.program.organizerPath,
          summary: `设置课题「${access.topic.title}」${m.title}的评审专家（${wanted.length} 人）`,
          before: { userIds: current },
          after: { userIds: wanted },
        });
      });
      return refresh(actor, topicId);
    },

    /** An invited reviewer's sheet; scoring again replaces it. Only while submitted and undecided. */
    async score(actor: Actor, topicId: number, milestoneId: number, input: MilestoneScoreInput): Promise<TopicProcess> {
      const access = await topicAccess(read, actor, topicId);
      const m = await milestoneOf(access, milestoneId);
      const invited = await read
        .selectFrom('milestone_reviewers')
        .select('user_id')
        .where('milestone_id', '=', m.id)
        .where('user_id', '=', actor.userId)
        .executeTakeFirst();
      if (!invited) throw forbidden('您未受邀评审该节点');
      const rubric = parseRubric(m.rubric);
      if (rubric.length === 0) throw conflict('该节点没有评分表，无需打分');
      if (m.status !== 'submitted') throw conflict(m.status === 'passed' ? '该节点已评审通过，不能再打分' : '材料尚未提交或已退回修改，暂不能打分');
      const problems = scoreProblems(rubric, input.scores);
      if (problems.length) throw invalid(problems);
      const scores = Object.fromEntries(rubric.map((r) => [r.key, input.scores[r.key]!]));
      const total = totalOf(rubric, scores);
      await db.transaction().execute(async (trx) => {
        const at = nowIso();
        const existing = await trx
          .selectFrom('milestone_scores')
          .select(['id', 'scores', 'total'])
          .where('milestone_id', '=', m.id)
          .where('reviewer_user_id', '=', actor.userId)
          .executeTakeFirst();
        if (existing) {
          await trx
            .updateTable('milestone_scores')
            .set({ scores: JSON.stringify(scores), total, comment: input.comment ?? null, updated_at: at })
            .where('id', '=', existing.id)
            .execute();
        } else {
          await trx
            .insertInto('milestone_scores')
            .values({
              milestone_id: m.id,
              reviewer_user_id: actor.userId,
              scores: JSON.stringify(scores),
              total,
              comment: input.comment ?? null,
              created_at: at,
              updated_at: at,
            })
            .execute()
            .catch((e: unknown) => {
              throw isUniqueViolation(e) ? conflict('您的评分刚刚已提交，请刷新后再修改') : e;
            });
        }
        await recordAudit(trx, actor, {
          action: 'milestone.score',
          entityType: 'topic_milestone',
          entityId: m.id,
          scopePath: access.program.organizerPath,
          summary: `评审课题「${access.topic.title}」${m.title}：${total} 分`,
          before: existing ? { scores: JSON.parse(existing.scores) as unknown, total: existing.total } : undefined,
          after: { scores, total, comment: input.comment ?? null },
        });
      });
      return refresh(actor, topicId);
    },

    /** pass → passed (the final defence completes the topic); revise → back to the task force. */
    async decide(actor: Actor, topicId: number, milestoneId: number, input: MilestoneDecision): Promise<TopicProcess> {
      const access = await topicAccess(read, actor, topicId);
      requireManage(access);
      const m = await milestoneOf(access, milestoneId);
      if (m.status !== 'submitted') throw conflict(m.status === 'passed' ? '该节点已评审通过' : '材料尚未提交，不能作出评审结论');
      const status = input.result === 'pass' ? 'passed' : 'revise';
      const completes = status === 'passed' && m.kind === 'final';
      await db.transaction().execute(async (trx) => {
        const at = nowIso();
        const done = await trx
          .updateTable('topic_milestones')
          .set({ status, decision_note: input.note ?? null, decided_by: actor.userId || null, decided_at: at, updated_at: at })
          .where('id', '=', m.id)
          .where('status', '=', 'submitted')
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) === 0) throw conflict('该节点刚刚已作出结论，请刷新');
        if (completes) await trx.updateTable('research_topics').set({ status: 'completed', updated_at: at }).where('id', '=', topicId).execute();
        await recordAudit(trx, actor, {
          action: 'milestone.decide',
          entityType: 'topic_milestone',
          entityId: m.id,
          scopePath: access.program.organizerPath,
          summary: `课题「${access.topic.title}」${m.title}：${status === 'passed' ? '通过' : '退回修改'}${completes ? '，课题结题' : ''}`,
          before: { status: m.status },
          after: { status, note: input.note ?? null, topicStatus: completes ? 'completed' : undefined },
        });
        await notifyUsers(trx, await taskForceUserIds(trx, topicId), {
          kind: 'milestone.decide',
          title: `课题「${access.topic.title}」${m.title}${status === 'passed' ? '已通过评审' : '需修改后重新提交'}`,
          body: input.note ?? null,
          link: `/topics/${topicId}`,
        });
      });
      return refresh(actor, topicId);
    },
  };
}
