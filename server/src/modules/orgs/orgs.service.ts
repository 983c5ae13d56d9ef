// Use-cases of the organization tree: read the caller's subtree, add, rename and remove nodes inside it.
import type { CreateOrgBody, OrgLevel, OrgNode, UpdateOrgBody } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { isUniqueViolation, nowIso } from '../../db/dialect.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { countDependents, deleteOrg, findOrgInScope, insertOrg, levelsAround, listOrgsInScope, updateOrg } from './orgs.repo.ts';
import { levelProblem, presentOrg, subtreeCounts } from './orgs.rules.ts';

const codeTaken = () => conflict('编码已被使用', [{ field: 'code', message: '编码已被使用' }]);

export function createOrgService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  return {
    async tree(actor: Actor): Promise<{ nodes: OrgNode[] }> {
      requirePermission(actor, 'org:read');
      const rows = await listOrgsInScope(read, scopePrefix(actor));
      const totals = subtreeCounts(rows);
      return { nodes: rows.map((r) => presentOrg(r, r.cadre_count, totals.get(r.id))) };
    },

    async get(actor: Actor, id: number): Promise<OrgNode> {
      requirePermission(actor, 'org:read');
      const row = await findOrgInScope(read, scopePrefix(actor), id);
      if (!row) throw notFound('单位');
      return presentOrg(row);
    },

    async create(actor: Actor, input: CreateOrgBody): Promise<OrgNode> {
      requirePermission(actor, 'org:write');
      const parent = await findOrgInScope(read, scopePrefix(actor), input.parentId);
      if (!parent) throw invalid([{ field: 'parentId', message: '上级单位不存在或不在管理范围内' }]);
      const problem = levelProblem(parent.level as OrgLevel, input.level);
      if (problem) throw invalid([{ field: 'level', message: problem }]);
      try {
        return await db.transaction().execute(async (trx) => {
          const at = nowIso();
          const row = await insertOrg(
            trx,
            {
              parent_id: parent.id,
              code: input.code,
              name: input.name,
              level: input.level,
              kind: input.kind,
              region_code: parent.region_code,
              sort_order: 0,
              created_at: at,
              updated_at: at,
            },
            parent.path,
          );
          const node = presentOrg(row);
          await recordAudit(trx, actor, {
            action: 'org.create',
            entityType: 'org',
            entityId: row.id,
            scopePath: row.path,
            summary: `新增单位 ${row.name}`,
            after: node,
          });
          return node;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw codeTaken();
        throw error;
      }
    },

    async update(actor: Actor, id: number, patch: UpdateOrgBody): Promise<OrgNode> {
      requirePermission(actor, 'org:write');
      const row = await findOrgInScope(read, scopePrefix(actor), id);
      if (!row) throw notFound('单位');
      // An admin manages what is below their node; their own node belongs to the level above.
      if (row.path === actor.scopePath && actor.role !== 'sys_admin') throw forbidden('不能修改本级单位，请联系上级组织部门');
      if (patch.level && patch.level !== row.level) {
        const { parentLevel, childLevels } = await levelsAround(read, row);
        if (parentLevel && levelProblem(parentLevel, patch.level)) throw invalid([{ field: 'level', message: '层级不能高于上级单位' }]);
        if (childLevels.some((child) => levelProblem(patch.level!, child))) throw invalid([{ field: 'level', message: '层级不能低于其下级单位' }]);
      }
      const before = presentOrg(row);
      try {
        return await db.transaction().execute(async (trx) => {
          await updateOrg(trx, id, { ...patch, updated_at: nowIso() });
          const after = presentOrg({ ...row, ...patch });
          await recordAudit(trx, actor, {
            action: 'org.update',
            entityType: 'org',
            entityId: id,
            scopePath: row.path,
            summary: `修改单位 ${after.name}`,
            before,
            after,
          });
          return after;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw codeTaken();
        throw error;
      }
    },

    async remove(actor: Actor, id: number): Promise<void> {
      requirePermission(actor, 'org:write');
      const row = await findOrgInScope(read, scopePrefix(actor), id);
      if (!row) throw notFound('单位');
      if (row.path === actor.scopePath && actor.role !== 'sys_admin') throw forbidden('不能删除本级单位');
      const deps = await countDependents(read, id);
      if (deps.children || deps.cadres || deps.users) {
        throw conflict(`该单位下还有 ${deps.children} 个下级单位、${deps.cadres} 名干部、${deps.users} 个账号，不能删除`);
      }
      await db.transaction().execute(async (trx) => {
        await deleteOrg(trx, id);
        await recordAudit(trx, actor, {
          action: 'org.delete',
          entityType: 'org',
          entityId: id,
          scopePath: row.path,
          summary: `删除单位 ${row.name}`,
          before: presentOrg(row),
        });
      });
    },
  };
}
export type OrgService = ReturnType<typeof createOrgService>;
