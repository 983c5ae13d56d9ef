// External teams (外挂团队) of a topic, their accounts and contributions, the topic's comment thread, and the
// external account's own list of topics.
import type {
  TopicCommentInput,
  TopicComment,
  ExternalContributions,
  ExternalKind,
  ExternalMemberInput,
  ExternalMemberView,
  ExternalTopic,
  MilestoneStatus,
  TopicStatus,
} from '@duibiao/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../context.ts';
import { inSubtree, isUniqueViolation, nowIso } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { scopePrefix, type Actor } from '../auth/actor.ts';
import { hashPassword } from '../auth/password-hasher.ts';
import { passwordProblems } from '../auth/password.rules.ts';
import { insertUser, newUserRow } from '../users/users.repo.ts';
import { topicAccess } from '../topics/topic-access.ts';
import { presentScore } from './milestones.present.ts';
import { listScores } from './milestones.repo.ts';
import { requireManage } from './plan.service.ts';

type Q = Kysely<Database> | Transaction<Database>;

const memberRows = (db: Q, topicId: number) =>
  db
    .selectFrom('external_members as e')
    .leftJoin('users as u', 'u.id', 'e.user_id')
    .select(['e.id', 'e.kind', 'e.name', 'e.organization', 'e.contact', 'e.user_id', 'u.username', 'e.created_at'])
    .where('e.topic_id', '=', topicId)
    .orderBy('e.id');

type MemberRow = Awaited<ReturnType<ReturnType<typeof memberRows>['execute']>>[number];

const presentMember = (r: MemberRow): ExternalMemberView => ({
  id: r.id,
  kind: r.kind as ExternalKind,
  name: r.name,
  organization: r.organization,
  contact: r.contact,
  account: r.user_id !== null ? { id: r.user_id, username: r.username ?? '' } : null,
  createdAt: r.created_at,
});

const commentRows = (db: Q, topicId: number) =>
  db
    .selectFrom('topic_comments as c')
    .innerJoin('users as u', 'u.id', 'c.author_user_id')
    .select(['c.id', 'c.body', 'c.milestone_id', 'c.author_user_id', 'u.display_name', 'u.role', 'c.created_at'])
    .where('c.topic_id', '=', topicId)
    .orderBy('c.created_at')
    .orderBy('c.id');

const presentComment = (r: Awaited<ReturnType<ReturnType<typeof commentRows>['execute']>>[number]): TopicComment => ({
  id: r.id,
  body: r.body,
  milestoneId: r.milestone_id,
  author: { id: r.author_user_id, name: r.display_name, role: r.role },
  createdAt: r.created_at,
});

export function createExternalService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  /** The account a new member is linked to: an existing external_expert in scope, or one created now. */
  async function accountFor(trx: Q, actor: Actor, organizerOrgId: number, input: ExternalMemberInput, hash: string | null): Promise<number | null> {
    if (input.account && hash) {
      return insertUser(
        trx as Kysely<Database>,
        newUserRow(
          { username: input.account.username, displayName: input.account.displayName, passwordHash: hash, role: 'external_expert', orgId: organizerOrgId },
          nowIso(),
        ),
      ).catch((e: unknown) => {
        throw isUniqueViolation(e) ? conflict('用户名已存在', [{ field: 'account.username', message: '用户名已存在' }]) : e;
      });
    }
    if (input.userId) {
      const user = await trx
        .selectFrom('users as u')
        .innerJoin('organizations as o', 'o.id', 'u.org_id')
        .select('u.id')
        .where('u.id', '=', input.userId)
        .where('u.role', '=', 'external_expert')
        .where('u.is_active', '=', 1)
        .where(inSubtree('o.path', scopePrefix(actor)))
        .executeTakeFirst();
      if (!user) throw invalid([{ field: 'userId', message: '只能关联管理范围内的外挂团队账号' }]);
      return user.id;
    }
    return null;
  }

  return {
    async list(actor: Actor, topicId: number): Promise<ExternalMemberView[]> {
      await topicAccess(read, actor, topicId);
      return (await memberRows(read, topicId).execute()).map(presentMember);
    },

    async attach(actor: Actor, topicId: number, input: ExternalMemberInput): Promise<ExternalMemberView> {
      const access = await topicAccess(read, actor, topicId);
      requireManage(access);
      if (input.userId && input.account) throw invalid([{ field: 'account', message: '关联已有账号和新建账号只能二选一' }]);
      const problems = input.account ? passwordProblems(input.account.password, input.account.username) : [];
      if (problems.length) throw invalid(problems.map((message) => ({ field: 'account.password', message })));
      const hash = input.account ? await hashPassword(input.account.password) : null;
      const id = await db.transaction().execute(async (trx) => {
        const userId = await accountFor(trx, actor, access.program.organizerOrgId, input, hash);
        if (
          userId !== null &&
          (await trx.selectFrom('external_members').select('id').where('topic_id', '=', topicId).where('user_id', '=', userId).executeTakeFirst())
        ) {
          throw conflict('该账号已在本课题的外挂团队中', [{ field: 'userId', message: '该账号已在本课题的外挂团队中' }]);
        }
        const at = nowIso();
        const row = await trx
          .insertInto('external_members')
          .values({
            topic_id: topicId,
            kind: input.kind,
            name: input.name,
            organization: input.organization ?? null,
            contact: input.contact ?? null,
            user_id: userId,
            created_by: actor.userId || null,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'external_member.attach',
          entityType: 'external_member',
          entityId: row.id,
          scopePath: access.program.organizerPath,
          summary: `为课题「${access.topic.title}」添加外挂团队成员 ${input.name}${input.account ? `（新建账号 ${input.account.username}）` : ''}`,
          after: { kind: input.kind, name: input.name, organization: input.organization, userId, username: input.account?.username },
        });
        return row.id;
      });
      return presentMember((await memberRows(read, topicId).where('e.id', '=', id).executeTakeFirst())!);
    },

    /** Removes the member from the topic; the account (if any) stays but no longer opens the topic. */
    async detach(actor: Actor, topicId: number, memberId: number): Promise<void> {
      const access = await topicAccess(read, actor, topicId);
      requireManage(access);
      const row = await memberRows(read, topicId).where('e.id', '=', memberId).executeTakeFirst();
      if (!row) throw notFound('外挂团队成员');
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('external_members').where('id', '=', memberId).execute();
        await recordAudit(trx, actor, {
          action: 'external_member.detach',
          entityType: 'external_member',
          entityId: memberId,
          scopePath: access.program.organizerPath,
          summary: `从课题「${access.topic.title}」移除外挂团队成员 ${row.name}`,
          before: presentMember(row),
        });
      });
    },

    /** A member's comments and scores on this topic: for organizers and the member themself. */
    async contributions(actor: Actor, topicId: number, memberId: number): Promise<ExternalContributions> {
      const access = await topicAccess(read, actor, topicId);
      const row = await memberRows(read, topicId).where('e.id', '=', memberId).executeTakeFirst();
      if (!row) throw notFound('外挂团队成员');
      if (access.as !== 'organizer' && access.externalMemberId !== memberId) throw forbidden('只能查看自己的贡献');
      if (row.user_id === null) return { member: presentMember(row), comments: [], scores: [] };
      const milestones = await read.selectFrom('topic_milestones').select(['id', 'title']).where('topic_id', '=', topicId).execute();
      const [comments, scores] = await Promise.all([
        commentRows(read, topicId).where('c.author_user_id', '=', row.user_id).execute(),
        listScores(
          read,
          milestones.map((m) => m.id),
        ),
      ]);
      return {
        member: presentMember(row),
        comments: comments.map(presentComment),
        scores: scores
          .filter((s) => s.reviewer_user_id === row.user_id)
          .map((s) => ({ ...presentScore(s), milestoneId: s.milestone_id, milestoneTitle: milestones.find((m) => m.id === s.milestone_id)?.title ?? '' })),
      };
    },

    /** The topics an external account is attached to (anyone else: none). */
    async myTopics(actor: Actor): Promise<ExternalTopic[]> {
      if (actor.role !== 'external_expert') return [];
      const rows = await read
        .selectFrom('external_members as e')
        .innerJoin('research_topics as t', 't.id', 'e.topic_id')
        .innerJoin('programs as p', 'p.id', 't.program_id')
        .select(['t.id', 't.title', 't.status', 'p.name as program_name', 'e.kind'])
        .where('e.user_id', '=', actor.userId)
        .orderBy('t.id')
        .execute();
      const topicIds = rows.map((r) => r.id);
      const milestones = topicIds.length
        ? await read
            .selectFrom('topic_milestones')
            .select(['id', 'topic_id', 'title', 'due_date', 'status'])
            .where('topic_id', 'in', topicIds)
            .orderBy('due_date')
            .execute()
        : [];
      const invited = milestones.length
        ? await read
            .selectFrom('milestone_reviewers as r')
            .leftJoin('milestone_scores as s', (j) => j.onRef('s.milestone_id', '=', 'r.milestone_id').onRef('s.reviewer_user_id', '=', 'r.user_id'))
            .select(['r.milestone_id', 's.id as score_id'])
            .where('r.user_id', '=', actor.userId)
            .where(
              'r.milestone_id',
              'in',
              milestones.map((m) => m.id),
            )
            .execute()
        : [];
      return rows.map((r) => {
        const own = milestones.filter((m) => m.topic_id === r.id);
        const next = own.find((m) => m.status !== 'passed');
        return {
          id: r.id,
          title: r.title,
          status: r.status as TopicStatus,
          programName: r.program_name,
          memberKind: r.kind as ExternalKind,
          nextMilestone: next ? { title: next.title, dueDate: next.due_date, status: next.status as MilestoneStatus } : null,
          pendingScores: invited.filter((i) => i.score_id === null && own.some((m) => m.id === i.milestone_id && m.status === 'submitted')).length,
        };
      });
    },

    async comments(actor: Actor, topicId: number): Promise<TopicComment[]> {
      await topicAccess(read, actor, topicId);
      return (await commentRows(read, topicId).execute()).map(presentComment);
    },

    async comment(actor: Actor, topicId: number, input: TopicCommentInput): Promise<TopicComment> {
      const access = await topicAccess(read, actor, topicId);
      const milestoneId = input.milestoneId ?? null;
      if (
        milestoneId !== null &&
        !(await read.selectFrom('topic_milestones').select('id').where('id', '=', milestoneId).where('topic_id', '=', topicId).executeTakeFirst())
      ) {
        throw invalid([{ field: 'milestoneId', message: '节点不属于该课题' }]);
      }
      const id = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('topic_comments')
          .values({ topic_id: topicId, milestone_id: milestoneId, author_user_id: actor.userId, body: input.body, created_at: nowIso() })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'topic_comment.create',
          entityType: 'topic_comment',
          entityId: row.id,
          scopePath: access.program.organizerPath,
          summary: `对课题「${access.topic.title}」发表意见`,
          after: { body: input.body.slice(0, 200), milestoneId },
        });
        return row.id;
      });
      return presentComment((await commentRows(read, topicId).where('c.id', '=', id).executeTakeFirst())!);
    },
  };
}
