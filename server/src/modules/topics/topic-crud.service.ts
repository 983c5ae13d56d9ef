// Research topics (课题) of a program: list, overview across programs, detail, create, edit, delete, status moves.
import {
  topicInputSchema,
  topicPatchSchema,
  topicStatusInputSchema,
  type FieldError,
  type Topic,
  type TopicDetail,
  type TopicInput,
  type TopicListQuery,
  type TopicPatch,
  type TopicStatus,
  type TopicStatusInput,
  type TaskForceRole,
} from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { inSubtree, nowIso } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { conflict, forbidden, invalid } from '../../http/errors.ts';
import type { Transaction } from 'kysely';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { programInScope } from '../programs/program-access.ts';
import { topicAccess, type TopicAccess } from './topic-access.ts';
import { presentMember, presentTopic } from './topics.present.ts';
import { enrolledTrainees, leadsOf, taskForceRows, topicRows } from './topics.repo.ts';
import { canMove, chooseLead } from './topics.rules.ts';
import { newTaskForceMemberRow, newTopicRow } from './topic-row.ts';

/** Organizers with program:write manage a topic; everyone else who can see it gets 403. */
export function requireManage(access: TopicAccess): void {
  if (!access.canManage) throw forbidden();
}

export function createTopicCrudService(ctx: AppContext) {
  const db = ctx.db.kysely;

  async function present(rows: Awaited<ReturnType<ReturnType<typeof topicRows>['execute']>>): Promise<Topic[]> {
    const leads = await leadsOf(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => presentTopic(r, leads.get(r.id)));
  }

  async function one(topicId: number): Promise<Topic> {
    return (await present(await topicRows(db).where('t.id', '=', topicId).execute()))[0]!;
  }

  /** Cross-field checks shared by create and edit; names every bad field. */
  async function checkFields(
    programId: number,
    v: { keyProblemId?: number | null; title?: string | null; teamMin: number; teamMax: number; ownerOrgId?: number | null; groupId?: number | null },
  ) {
    const errors: FieldError[] = [];
    let keyProblemTitle: string | null = null;
    if (v.teamMax < v.teamMin) errors.push({ field: 'teamMax', message: '专班最多人数不能少于最少人数' });
    if (v.keyProblemId) {
      const k = await db
        .selectFrom('key_problems')
        .select(['title', 'status'])
        .where('id', '=', v.keyProblemId)
        .where('program_id', '=', programId)
        .executeTakeFirst();
      if (!k || k.status === 'removed') errors.push({ field: 'keyProblemId', message: '重点问题不存在或不属于本项目' });
      else keyProblemTitle = k.title;
    }
    if (!v.title && !keyProblemTitle && !errors.some((e) => e.field === 'keyProblemId'))
      errors.push({ field: 'title', message: '请填写课题名称或选择重点问题' });
    if (v.ownerOrgId) {
      const o = await db.selectFrom('organizations').select('id').where('id', '=', v.ownerOrgId).executeTakeFirst();
      if (!o) errors.push({ field: 'ownerOrgId', message: '承接单位不存在' });
    }
    let classId: number | null = null;
    if (v.groupId) {
      const g = await db
        .selectFrom('class_groups as g')
        .innerJoin('program_classes as c', 'c.id', 'g.class_id')
        .select('c.id')
        .where('g.id', '=', v.groupId)
        .where('c.program_id', '=', programId)
        .executeTakeFirst();
      if (!g) errors.push({ field: 'groupId', message: '小组不存在或不属于本项目' });
      else classId = g.id;
    }
    if (errors.length > 0) throw invalid(errors);
    return { keyProblemTitle, classId };
  }

  return {
    async listProgram(actor: Actor, programId: number): Promise<Topic[]> {
      requirePermission(actor, 'program:read');
      await programInScope(db, actor, programId);
      return present(await topicRows(db).where('t.program_id', '=', programId).orderBy('t.code').orderBy('t.id').execute());
    },

    /** All topics of programs in the caller's subtree, for the /topics page. */
    async overview(actor: Actor, query: TopicListQuery): Promise<Topic[]> {
      requirePermission(actor, 'program:read');
      const rows = await topicRows(db)
        .where(inSubtree('po.path', scopePrefix(actor)))
        .$if(query.programId !== undefined, (q) => q.where('t.program_id', '=', query.programId!))
        .$if(query.status !== undefined, (q) => q.where('t.status', '=', query.status!))
        .orderBy('p.start_date', 'desc')
        .orderBy('t.program_id', 'desc')
        .orderBy('t.code')
        .orderBy('t.id')
        .limit(2000)
        .execute();
      return present(rows);
    },

    async detail(actor: Actor, topicId: number): Promise<TopicDetail> {
      const access = await topicAccess(db, actor, topicId);
      const members = await taskForceRows(db, [topicId]);
      return {
        ...(await one(topicId)),
        members: members.map(presentMember),
        access: { as: access.as, canManage: access.canManage, memberRole: access.memberRole as TaskForceRole | null },
      };
    },

    async create(actor: Actor, programId: number, raw: TopicInput): Promise<Topic> {
      requirePermission(actor, 'program:write');
      const program = await programInScope(db, actor, programId);
      const input = topicInputSchema.parse(raw);
      const { keyProblemTitle, classId } = await checkFields(programId, input);
      const at = nowIso();
      const id = await db.transaction().execute(async (trx) => {
        const { id: newId } = await trx
          .insertInto('research_topics')
          .values(
            newTopicRow(
              {
                programId,
                keyProblemId: input.keyProblemId,
                classId,
                groupId: input.groupId,
                code: input.code,
                title: input.title ?? keyProblemTitle!,
                goals: input.goals,
                expectedOutputs: input.expectedOutputs,
                field: input.field,
                teamMin: input.teamMin,
                teamMax: input.teamMax,
                ownerOrgId: input.ownerOrgId,
                createdBy: actor.userId || null,
              },
              at,
            ),
          )
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'topic.create',
          entityType: 'research_topic',
          entityId: newId,
          scopePath: program.organizer_path,
          summary: `${program.name}：新建课题《${input.title ?? keyProblemTitle}》`,
          after: input,
        });
        return newId;
      });
      return one(id);
    },

    async update(actor: Actor, topicId: number, raw: TopicPatch): Promise<Topic> {
      const access = await topicAccess(db, actor, topicId);
      requireManage(access);
      const patch = topicPatchSchema.parse(raw);
      const t = access.topic;
      const merged = {
        keyProblemId: patch.keyProblemId !== undefined ? patch.keyProblemId : t.key_problem_id,
        title: patch.title ?? t.title,
        teamMin: patch.teamMin ?? t.team_min,
        teamMax: patch.teamMax ?? t.team_max,
        ownerOrgId: patch.ownerOrgId !== undefined ? patch.ownerOrgId : t.owner_org_id,
        groupId: patch.groupId !== undefined ? patch.groupId : t.group_id,
      };
      // Only a changed reference is re-checked, so a later-removed key problem does not block other edits.
      const { classId } = await checkFields(t.program_id, {
        ...merged,
        keyProblemId: patch.keyProblemId !== undefined ? patch.keyProblemId : null,
        ownerOrgId: patch.ownerOrgId !== undefined ? patch.ownerOrgId : null,
      });
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('research_topics')
          .set({
            key_problem_id: merged.keyProblemId,
            title: merged.title,
            ...(patch.code !== undefined ? { code: patch.code } : {}),
            ...(patch.goals !== undefined ? { goals: patch.goals } : {}),
            ...(patch.expectedOutputs !== undefined ? { expected_outputs: patch.expectedOutputs } : {}),
            ...(patch.field !== undefined ? { field: patch.field } : {}),
            team_min: merged.teamMin,
            team_max: merged.teamMax,
            owner_org_id: merged.ownerOrgId,
            group_id: merged.groupId,
            class_id: merged.groupId ? (classId ?? t.class_id) : null,
            updated_at: nowIso(),
          })
          .where('id', '=', topicId)
          .execute();
        await recordAudit(trx, actor, {
          action: 'topic.update',
          entityType: 'research_topic',
          entityId: topicId,
          scopePath: access.program.organizerPath,
          summary: `修改课题《${t.title}》`,
          before: t,
          after: patch,
        });
      });
      return one(topicId);
    },

    /** Only drafts can be deleted; later stages carry bids and task forces. */
    async remove(actor: Actor, topicId: number): Promise<void> {
      const access = await topicAccess(db, actor, topicId);
      requireManage(access);
      if (access.topic.status !== 'draft') throw conflict('只能删除草拟状态的课题');
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('topic_bids').where('topic_id', '=', topicId).execute();
        await trx.deleteFrom('task_force_members').where('topic_id', '=', topicId).execute();
        await trx.deleteFrom('research_topics').where('id', '=', topicId).execute();
        await recordAudit(trx, actor, {
          action: 'topic.delete',
          entityType: 'research_topic',
          entityId: topicId,
          scopePath: access.program.organizerPath,
          summary: `删除课题《${access.topic.title}》`,
          before: access.topic,
        });
      });
    },

    async setStatus(actor: Actor, topicId: number, raw: TopicStatusInput): Promise<Topic> {
      const access = await topicAccess(db, actor, topicId);
      requireManage(access);
      const input = topicStatusInputSchema.parse(raw);
      const t = access.topic;
      const from = t.status as TopicStatus;
      if (!canMove(from, input.status)) throw conflict(`课题状态不能从“${from}”变为“${input.status}”`);
      const closesOn = input.biddingClosesOn ?? t.bidding_closes_on;
      if (input.status === 'bidding' && !closesOn) throw invalid([{ field: 'biddingClosesOn', message: '开放投标须设置截止日期' }]);
      const team = (await taskForceRows(db, [topicId])).filter((m) => m.role !== 'liaison');
      if (input.status === 'assigned' && from === 'draft' && t.group_id === null) throw conflict('未绑定小组的课题须先开放投标');
      if (input.status === 'assigned' && from === 'bidding' && team.length === 0) throw conflict('请先选定揭榜人或采用分配方案');
      if (input.status === 'in_progress' && !team.some((m) => m.role === 'lead')) throw conflict('请先指定专班负责人');
      await db.transaction().execute(async (trx) => {
        if (input.status === 'assigned' && from === 'draft' && team.length === 0) await claimByGroup(trx, t.program_id, topicId, t.group_id!);
        await trx
          .updateTable('research_topics')
          .set({ status: input.status, bidding_closes_on: input.status === 'bidding' ? closesOn : t.bidding_closes_on, updated_at: nowIso() })
          .where('id', '=', topicId)
          .execute();
        await recordAudit(trx, actor, {
          action: 'topic.status',
          entityType: 'research_topic',
          entityId: topicId,
          scopePath: access.program.organizerPath,
          summary: `课题《${t.title}》：${from} → ${input.status}`,
          before: { status: from },
          after: input,
        });
      });
      return one(topicId);
    },
  };

  /** S2: the claiming group's members become the task force; the most senior one leads. */
  async function claimByGroup(trx: Transaction<Database>, programId: number, topicId: number, groupId: number): Promise<void> {
    const members = (await enrolledTrainees(trx, programId)).filter((m) => m.group_id === groupId);
    if (members.length === 0) throw conflict('认领小组还没有学员');
    const lead = chooseLead(members.map((m) => ({ cadreId: m.cadre_id, rank: null, workStart: m.work_start_date })));
    const at = nowIso();
    await trx
      .insertInto('task_force_members')
      .values(
        members.map((m) =>
          newTaskForceMemberRow({ topicId, cadreId: m.cadre_id, name: m.name, orgId: m.org_id, role: m.cadre_id === lead?.cadreId ? 'lead' : 'member' }, at),
        ),
      )
      .execute();
  }
}
export type TopicCrudService = ReturnType<typeof createTopicCrudService>;
