// The host-unit registry (实训/挂职单位库): registered by an organizer node, used by its and its subtree's programs.
import type { HostUnit, HostUnitInput, HostUnitPatch } from '@duibiao/contracts';
import { hostUnitInputSchema, hostUnitPatchSchema, type HostUnitKind } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { inSubtree, nowIso } from '../../db/dialect.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { isInScope, requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { findOrgInScope } from '../orgs/orgs.repo.ts';
import { findVisibleUnit, listVisibleUnits, type HostUnitRow } from './placement.repo.ts';

export function presentUnit(actor: Actor, r: HostUnitRow): HostUnit {
  return {
    id: r.id,
    org: { id: r.org_id, name: r.org_name },
    code: r.code,
    name: r.name,
    kind: r.kind as HostUnitKind,
    city: r.city,
    field: r.field,
    address: r.address,
    capacity: r.capacity,
    contactUser: r.contact_user_id !== null ? { id: r.contact_user_id, name: r.contact_user_name ?? '' } : null,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    mentorName: r.mentor_name,
    postCount: Number(r.post_count ?? 0),
    canEdit: isInScope(actor, r.org_path),
  };
}

export function createHostUnitService(ctx: AppContext) {
  const db = ctx.db.kysely;

  async function visible(actor: Actor, id: number): Promise<HostUnitRow> {
    const row = await findVisibleUnit(db, scopePrefix(actor), actor.scopePath, id);
    if (!row) throw notFound('实训单位');
    return row;
  }

  async function editable(actor: Actor, id: number): Promise<HostUnitRow> {
    requirePermission(actor, 'program:write');
    const row = await visible(actor, id);
    if (!isInScope(actor, row.org_path)) throw notFound('实训单位');
    return row;
  }

  /** The contact must be an active host_contact account inside the caller's subtree. */
  async function checkContact(actor: Actor, userId: number | null | undefined): Promise<void> {
    if (userId === null || userId === undefined) return;
    const user = await db
      .selectFrom('users as u')
      .innerJoin('organizations as o', 'o.id', 'u.org_id')
      .select('u.id')
      .where('u.id', '=', userId)
      .where('u.role', '=', 'host_contact')
      .where(inSubtree('o.path', scopePrefix(actor)))
      .executeTakeFirst();
    if (!user) throw invalid([{ field: 'contactUserId', message: '联系人须为管理范围内的实训单位联系人账号' }]);
  }

  return {
    async list(actor: Actor): Promise<HostUnit[]> {
      requirePermission(actor, 'program:read');
      return (await listVisibleUnits(db, scopePrefix(actor), actor.scopePath)).map((r) => presentUnit(actor, r));
    },

    async create(actor: Actor, raw: HostUnitInput): Promise<HostUnit> {
      requirePermission(actor, 'program:write');
      const input = hostUnitInputSchema.parse(raw);
      const org = await findOrgInScope(db, scopePrefix(actor), input.orgId ?? actor.orgId);
      if (!org) throw invalid([{ field: 'orgId', message: '单位不存在或不在管理范围内' }]);
      await checkContact(actor, input.contactUserId);
      const id = await db.transaction().execute(async (trx) => {
        const at = nowIso();
        const { id: newId } = await trx
          .insertInto('host_units')
          .values({
            org_id: org.id,
            code: input.code,
            name: input.name,
            kind: input.kind,
            city: input.city,
            field: input.field,
            address: input.address,
            capacity: input.capacity,
            contact_user_id: input.contactUserId ?? null,
            contact_name: input.contactName,
            contact_phone: input.contactPhone,
            mentor_name: input.mentorName,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'host_unit.create',
          entityType: 'host_unit',
          entityId: newId,
          scopePath: org.path,
          summary: `新增实训单位 ${input.name}`,
          after: input,
        });
        return newId;
      });
      return presentUnit(actor, await visible(actor, id));
    },

    async update(actor: Actor, id: number, raw: HostUnitPatch): Promise<HostUnit> {
      const row = await editable(actor, id);
      const patch = hostUnitPatchSchema.parse(raw);
      await checkContact(actor, patch.contactUserId);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('host_units')
          .set({
            ...(patch.name !== undefined && { name: patch.name }),
            ...(patch.kind !== undefined && { kind: patch.kind }),
            ...(patch.capacity !== undefined && { capacity: patch.capacity }),
            ...('code' in raw && { code: patch.code ?? null }),
            ...('city' in raw && { city: patch.city ?? null }),
            ...('field' in raw && { field: patch.field ?? null }),
            ...('address' in raw && { address: patch.address ?? null }),
            ...('contactUserId' in raw && { contact_user_id: patch.contactUserId ?? null }),
            ...('contactName' in raw && { contact_name: patch.contactName ?? null }),
            ...('contactPhone' in raw && { contact_phone: patch.contactPhone ?? null }),
            ...('mentorName' in raw && { mentor_name: patch.mentorName ?? null }),
            updated_at: nowIso(),
          })
          .where('id', '=', id)
          .execute();
        await recordAudit(trx, actor, {
          action: 'host_unit.update',
          entityType: 'host_unit',
          entityId: id,
          scopePath: row.org_path,
          summary: `修改实训单位 ${patch.name ?? row.name}`,
          before: presentUnit(actor, row),
          after: patch,
        });
      });
      return presentUnit(actor, await visible(actor, id));
    },

    async remove(actor: Actor, id: number): Promise<void> {
      const row = await editable(actor, id);
      if (Number(row.post_count ?? 0) > 0) throw conflict(`实训单位 ${row.name} 仍有 ${row.post_count} 个岗位，不能删除`);
      await db.transaction().execute(async (trx) => {
        // Placements reference posts, so a unit without posts has no placements either; bans go with the unit.
        await trx.deleteFrom('placement_bans').where('host_unit_id', '=', id).execute();
        await trx.deleteFrom('host_units').where('id', '=', id).execute();
        await recordAudit(trx, actor, {
          action: 'host_unit.delete',
          entityType: 'host_unit',
          entityId: id,
          scopePath: row.org_path,
          summary: `删除实训单位 ${row.name}`,
          before: presentUnit(actor, row),
        });
      });
    },

    /** A unit the caller may use in a program (own subtree or shared by an ancestor), else 400 naming `field`. */
    async usable(actor: Actor, id: number, field: string): Promise<HostUnitRow> {
      const row = await findVisibleUnit(db, scopePrefix(actor), actor.scopePath, id);
      if (!row) throw invalid([{ field, message: '实训单位不存在或不在管理范围内' }]);
      return row;
    },
  };
}
export type HostUnitService = ReturnType<typeof createHostUnitService>;
