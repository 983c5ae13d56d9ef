// Task force (工作专班) of a topic: trainees as lead/member, home-side liaisons (a user of the owner unit, or a name
// + org). Exactly one lead: naming a new lead demotes the old one in the same transaction.
import {
  taskForceMemberInputSchema,
  taskForceRoleInputSchema,
  type FieldError,
  type TaskForceMember,
  type TaskForceMemberInput,
  type TaskForceRoleInput,
} from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { inSubtree, nowIso } from '../../db/dialect.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import type { Actor } from '../auth/actor.ts';
import { topicAccess } from './topic-access.ts';
import { requireManage } from './topic-crud.service.ts';
import { presentMember } from './topics.present.ts';
import { cadresInOtherTaskForces, taskForceRows } from './topics.repo.ts';

export function createTaskForceService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const list = async (topicId: number) => (await taskForceRows(db, [topicId])).map(presentMember);

  /** Who the new member is: an enrolled trainee, a user of the owner unit's subtree, or a free name with an org. */
  async function resolve(programId: number, ownerOrgId: number | null, input: ReturnType<typeof taskForceMemberInputSchema.parse>) {
    const errors: FieldError[] = [];
    if (input.role !== 'liaison') {
      if (!input.cadreId) throw invalid([{ field: 'cadreId', message: '负责人和成员须为本项目学员' }]);
      const c = await db
        .selectFrom('enrolments as e')
        .innerJoin('cadres as c', 'c.id', 'e.cadre_id')
        .select(['c.id', 'c.name', 'c.org_id'])
        .where('e.program_id', '=', programId)
        .where('e.cadre_id', '=', input.cadreId)
        .where('e.status', '=', 'enrolled')
        .executeTakeFirst();
      if (!c) throw invalid([{ field: 'cadreId', message: '该干部不是本项目学员' }]);
      return { cadre_id: c.id, user_id: null, name: c.name, org_id: c.org_id };
    }
    if (input.userId) {
      const owner = ownerOrgId ? await db.selectFrom('organizations').select('path').where('id', '=', ownerOrgId).executeTakeFirst() : undefined;
      const u = owner
        ? await db
            .selectFrom('users as u')
            .innerJoin('organizations as o', 'o.id', 'u.org_id')
            .select(['u.id', 'u.display_name', 'u.org_id'])
            .where('u.id', '=', input.userId)
            .where(inSubtree('o.path', owner.path))
            .executeTakeFirst()
        : undefined;
      if (!u) throw invalid([{ field: 'userId', message: '联络人须为承接单位的用户' }]);
      return { cadre_id: null, user_id: u.id, name: u.display_name, org_id: u.org_id };
    }
    if (!input.name) errors.push({ field: 'name', message: '请填写联络人姓名或选择用户' });
    const orgId = input.orgId ?? ownerOrgId;
    if (!orgId) errors.push({ field: 'orgId', message: '请选择联络人所在单位' });
    else if (!(await db.selectFrom('organizations').select('id').where('id', '=', orgId).executeTakeFirst()))
      errors.push({ field: 'orgId', message: '单位不存在' });
    if (errors.length > 0) throw invalid(errors);
    return { cadre_id: null, user_id: null, name: input.name!, org_id: orgId };
  }

  return {
    async list(actor: Actor, topicId: number): Promise<TaskForceMember[]> {
      await topicAccess(db, actor, topicId);
      return list(topicId);
    },

    async add(actor: Actor, topicId: number, raw: TaskForceMemberInput): Promise<TaskForceMember[]> {
      const access = await topicAccess(db, actor, topicId);
      requireManage(access);
      const input = taskForceMemberInputSchema.parse(raw);
      const who = await resolve(access.topic.program_id, access.topic.owner_org_id, input);
      const members = await taskForceRows(db, [topicId]);
      if (who.cadre_id !== null && members.some((m) => m.cadre_id === who.cadre_id)) throw conflict(`${who.name} 已在本课题专班中`);
      if (who.user_id !== null && members.some((m) => m.user_id === who.user_id)) throw conflict(`${who.name} 已是本课题联络人`);
      if (who.cadre_id !== null && (await cadresInOtherTaskForces(db, access.topic.program_id, topicId, [who.cadre_id])).size > 0)
        throw conflict(`${who.name} 已在本项目其他课题专班中`);
      if (input.role === 'lead' && members.some((m) => m.role === 'lead')) throw conflict('本课题已有专班负责人，请改为调整角色');
      const team = members.filter((m) => m.role !== 'liaison').length;
      if (input.role !== 'liaison' && team >= access.topic.team_max) throw conflict(`专班已满（最多 ${access.topic.team_max} 人）`);
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('task_force_members')
          .values({ topic_id: topicId, ...who, role: input.role, assigned_rank: null, created_at: nowIso() })
          .execute();
        await recordAudit(trx, actor, {
          action: 'task_force.add',
          entityType: 'research_topic',
          entityId: topicId,
          scopePath: access.program.organizerPath,
          summary: `课题《${access.topic.title}》专班添加${input.role === 'liaison' ? '联络人' : '成员'} ${who.name}`,
          after: { ...who, role: input.role },
        });
      });
      return list(topicId);
    },

    async setRole(actor: Actor, topicId: number, memberId: number, raw: TaskForceRoleInput): Promise<TaskForceMember[]> {
      const access = await topicAccess(db, actor, topicId);
      requireManage(access);
      const { role } = taskForceRoleInputSchema.parse(raw);
      const members = await taskForceRows(db, [topicId]);
      const member = members.find((m) => m.id === memberId);
      if (!member) throw notFound('专班成员');
      if (role !== 'liaison' && member.cadre_id === null) throw conflict('负责人和成员须为学员，联络人只能担任联络');
      const lead = members.find((m) => m.role === 'lead');
      await db.transaction().execute(async (trx) => {
        if (role === 'lead' && lead && lead.id !== memberId)
          await trx.updateTable('task_force_members').set({ role: 'member' }).where('id', '=', lead.id).execute();
        await trx.updateTable('task_force_members').set({ role }).where('id', '=', memberId).execute();
        await recordAudit(trx, actor, {
          action: 'task_force.role',
          entityType: 'research_topic',
          entityId: topicId,
          scopePath: access.program.organizerPath,
          summary: `课题《${access.topic.title}》：${member.name} 改为 ${role}${role === 'lead' && lead && lead.id !== memberId ? `（原负责人 ${lead.name} 改为成员）` : ''}`,
          before: { role: member.role },
          after: { role },
        });
      });
      return list(topicId);
    },

    async remove(actor: Actor, topicId: number, memberId: number): Promise<void> {
      const access = await topicAccess(db, actor, topicId);
      requireManage(access);
      const member = (await taskForceRows(db, [topicId])).find((m) => m.id === memberId);
      if (!member) throw notFound('专班成员');
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('task_force_members').where('id', '=', memberId).execute();
        await recordAudit(trx, actor, {
          action: 'task_force.remove',
          entityType: 'research_topic',
          entityId: topicId,
          scopePath: access.program.organizerPath,
          summary: `课题《${access.topic.title}》专班移除 ${member.name}`,
          before: member,
        });
      });
    },
  };
}
export type TaskForceService = ReturnType<typeof createTaskForceService>;
