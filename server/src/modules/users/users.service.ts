// Account management inside the caller's subtree: create, edit, reset passwords, unlock.
import type { CreateUserBody, ListUsersQuery, Page, Role, UpdateUserBody, User } from '@duibiao/contracts';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/schema.ts';
import { fromBool, isUniqueViolation, nowIso, toBool, inSubtree } from '../../db/dialect.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { hashPassword } from '../auth/password-hasher.ts';
import { passwordProblems } from '../auth/password.rules.ts';
import { assignableRoles } from '../auth/permissions.ts';
import { findOrgInScope } from '../orgs/orgs.repo.ts';
import { deleteSessionsOf, findUserInScope, insertUser, listUsers, newUserRow, updateUser, type UserWithOrg } from './users.repo.ts';

function present(row: UserWithOrg): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    org: { id: row.org_id, name: row.org_name },
    cadreId: row.cadre_id,
    isActive: toBool(row.is_active),
    lockedUntil: row.locked_until && Date.parse(row.locked_until) > Date.now() ? row.locked_until : null,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
  };
}

export function createUserService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  const getInScope = async (actor: Actor, id: number) => {
    const row = await findUserInScope(read, scopePrefix(actor), id);
    if (!row) throw notFound('用户');
    return row;
  };

  const checkRole = (actor: Actor, role: Role) => {
    if (!assignableRoles(actor.role).includes(role)) throw invalid([{ field: 'role', message: '无权分配该角色' }]);
  };

  const checkOrg = async (actor: Actor, orgId: number) => {
    const org = await findOrgInScope(read, scopePrefix(actor), orgId);
    if (!org) throw invalid([{ field: 'orgId', message: '单位不存在或不在管理范围内' }]);
    return org;
  };

  const checkCadre = async (trx: Kysely<Database>, actor: Actor, cadreId: number | null | undefined) => {
    if (!cadreId) return;
    const found = await trx
      .selectFrom('cadres as c')
      .innerJoin('organizations as o', 'o.id', 'c.org_id')
      .select('c.id')
      .where('c.id', '=', cadreId)
      .where(inSubtree('o.path', scopePrefix(actor)))
      .executeTakeFirst();
    if (!found) throw invalid([{ field: 'cadreId', message: '关联干部不存在或不在管理范围内' }]);
  };

  return {
    async list(actor: Actor, query: ListUsersQuery): Promise<Page<User>> {
      requirePermission(actor, 'user:read');
      const org = query.orgId ? await findOrgInScope(read, scopePrefix(actor), query.orgId) : undefined;
      if (query.orgId && !org) throw notFound('单位');
      const { items, total } = await listUsers(read, scopePrefix(actor), { orgPath: org?.path, role: query.role, q: query.q }, query.page, query.pageSize);
      return { items: items.map(present), total, page: query.page, pageSize: query.pageSize };
    },

    async get(actor: Actor, id: number): Promise<User> {
      requirePermission(actor, 'user:read');
      return present(await getInScope(actor, id));
    },

    async create(actor: Actor, input: CreateUserBody): Promise<User> {
      requirePermission(actor, 'user:write');
      checkRole(actor, input.role);
      await checkOrg(actor, input.orgId);
      const problems = passwordProblems(input.password, input.username);
      if (problems.length) throw invalid(problems.map((message) => ({ field: 'password', message })));
      const hash = await hashPassword(input.password);
      try {
        return await db.transaction().execute(async (trx) => {
          await checkCadre(trx, actor, input.cadreId);
          const at = nowIso();
          const id = await insertUser(
            trx,
            newUserRow(
              { username: input.username, displayName: input.displayName, passwordHash: hash, role: input.role, orgId: input.orgId, cadreId: input.cadreId },
              at,
            ),
          );
          const row = (await findUserInScope(trx, scopePrefix(actor), id))!;
          const user = present(row);
          await recordAudit(trx, actor, {
            action: 'user.create',
            entityType: 'user',
            entityId: id,
            scopePath: row.org_path,
            summary: `新增账号 ${input.username}`,
            after: user,
          });
          return user;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('用户名已存在', [{ field: 'username', message: '用户名已存在' }]);
        throw error;
      }
    },

    async update(actor: Actor, id: number, patch: UpdateUserBody): Promise<User> {
      requirePermission(actor, 'user:write');
      const row = await getInScope(actor, id);
      if (id === actor.userId && (patch.role !== undefined || patch.isActive === false || patch.orgId !== undefined)) {
        throw forbidden('不能修改自己的角色、单位或停用自己的账号');
      }
      // Editing an account whose role one could not grant would be a way to escalate.
      checkRole(actor, row.role as Role);
      if (patch.role) checkRole(actor, patch.role);
      if (patch.orgId) await checkOrg(actor, patch.orgId);
      return db.transaction().execute(async (trx) => {
        await checkCadre(trx, actor, patch.cadreId);
        await updateUser(trx, id, {
          ...(patch.displayName !== undefined && { display_name: patch.displayName }),
          ...(patch.role !== undefined && { role: patch.role }),
          ...(patch.orgId !== undefined && { org_id: patch.orgId }),
          ...(patch.cadreId !== undefined && { cadre_id: patch.cadreId }),
          ...(patch.isActive !== undefined && { is_active: fromBool(patch.isActive) }),
          updated_at: nowIso(),
        });
        if (patch.isActive === false || patch.role || patch.orgId) await deleteSessionsOf(trx, id);
        const after = present((await findUserInScope(trx, scopePrefix(actor), id))!);
        await recordAudit(trx, actor, {
          action: 'user.update',
          entityType: 'user',
          entityId: id,
          scopePath: row.org_path,
          summary: `修改账号 ${row.username}`,
          before: present(row),
          after,
        });
        return after;
      });
    },

    async resetPassword(actor: Actor, id: number, newPassword: string): Promise<void> {
      requirePermission(actor, 'user:write');
      const row = await getInScope(actor, id);
      checkRole(actor, row.role as Role);
      const problems = passwordProblems(newPassword, row.username);
      if (problems.length) throw invalid(problems.map((message) => ({ field: 'newPassword', message })));
      const hash = await hashPassword(newPassword);
      await db.transaction().execute(async (trx) => {
        await updateUser(trx, id, { password_hash: hash, failed_logins: 0, locked_until: null, updated_at: nowIso() });
        await deleteSessionsOf(trx, id);
        await recordAudit(trx, actor, {
          action: 'user.reset_password',
          entityType: 'user',
          entityId: id,
          scopePath: row.org_path,
          summary: `重置 ${row.username} 的密码`,
        });
      });
    },

    async unlock(actor: Actor, id: number): Promise<void> {
      requirePermission(actor, 'user:write');
      const row = await getInScope(actor, id);
      await db.transaction().execute(async (trx) => {
        await updateUser(trx, id, { failed_logins: 0, locked_until: null, updated_at: nowIso() });
        await recordAudit(trx, actor, {
          action: 'user.unlock',
          entityType: 'user',
          entityId: id,
          scopePath: row.org_path,
          summary: `解锁账号 ${row.username}`,
        });
      });
    },
  };
}
export type UserService = ReturnType<typeof createUserService>;
