// Bans (回避): a cadre may never be placed with a unit they (or a close relative) worked for, or any manual ban.
// Detection proposes former-employer bans by matching unit names, never silently: `apply` writes them.
import type { BanDetectResult, BanKind, BanProposal, PlacementBan, PlacementBanInput } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import type { HostUnitService } from './host-units.service.ts';
import { cadreInScope, organizerProgram } from './placement-access.ts';
import { listEnrolledCadres, listProgramBans, listVisibleUnits } from './placement.repo.ts';

/** Spaces (half- and full-width) removed, full-width ASCII folded to half-width, lower case. */
export function normaliseUnitName(name: string): string {
  return name
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();
}

/** Two unit names denote the same unit when either contains the other (both at least two characters). */
export function sameUnit(a: string, b: string): boolean {
  const x = normaliseUnitName(a);
  const y = normaliseUnitName(b);
  return x.length >= 2 && y.length >= 2 && (x.includes(y) || y.includes(x));
}

type BanRow = Awaited<ReturnType<typeof listProgramBans>>[number];
const presentBan = (r: BanRow): PlacementBan => ({
  id: r.id,
  cadre: { id: r.cadre_id, name: r.cadre_name },
  hostUnit: { id: r.host_unit_id, name: r.unit_name },
  kind: r.kind as BanKind,
  reason: r.reason,
  createdAt: r.created_at,
});

export function createBanService(ctx: AppContext, units: HostUnitService) {
  const db = ctx.db.kysely;

  return {
    async list(actor: Actor, programId: number): Promise<PlacementBan[]> {
      await organizerProgram(db, actor, programId, false);
      return (await listProgramBans(db, programId)).map(presentBan);
    },

    async create(actor: Actor, input: PlacementBanInput): Promise<PlacementBan> {
      requirePermission(actor, 'program:write');
      const cadre = await cadreInScope(db, actor, input.cadreId);
      if (!cadre) throw invalid([{ field: 'cadreId', message: '干部不存在或不在管理范围内' }]);
      const unit = await units.usable(actor, input.hostUnitId, 'hostUnitId');
      const existing = await db
        .selectFrom('placement_bans')
        .select('id')
        .where('cadre_id', '=', cadre.id)
        .where('host_unit_id', '=', unit.id)
        .executeTakeFirst();
      if (existing) throw conflict(`${cadre.name} 与 ${unit.name} 已有回避关系`);
      const id = await db.transaction().execute(async (trx) => {
        const { id: newId } = await trx
          .insertInto('placement_bans')
          .values({
            cadre_id: cadre.id,
            host_unit_id: unit.id,
            kind: input.kind,
            reason: input.reason ?? null,
            created_by: actor.userId || null,
            created_at: nowIso(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'placement_ban.create',
          entityType: 'placement_ban',
          entityId: newId,
          scopePath: cadre.org_path,
          summary: `${cadre.name} 回避 ${unit.name}`,
          after: input,
        });
        return newId;
      });
      return {
        id,
        cadre: { id: cadre.id, name: cadre.name },
        hostUnit: { id: unit.id, name: unit.name },
        kind: input.kind,
        reason: input.reason ?? null,
        createdAt: nowIso(),
      };
    },

    async remove(actor: Actor, id: number): Promise<void> {
      requirePermission(actor, 'program:write');
      const ban = await db.selectFrom('placement_bans').selectAll().where('id', '=', id).executeTakeFirst();
      const cadre = ban ? await cadreInScope(db, actor, ban.cadre_id) : undefined;
      if (!ban || !cadre) throw notFound('回避关系');
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('placement_bans').where('id', '=', id).execute();
        await recordAudit(trx, actor, {
          action: 'placement_ban.delete',
          entityType: 'placement_ban',
          entityId: id,
          scopePath: cadre.org_path,
          summary: `取消 ${cadre.name} 的回避关系`,
          before: { cadreId: ban.cadre_id, hostUnitId: ban.host_unit_id, kind: ban.kind, reason: ban.reason },
        });
      });
    },

    /**
     * Former-employer proposals: each enrolled cadre's current unit and `experiences[].unitName` against the name of
     * every host unit the caller may use; pairs already banned are skipped. With `apply` the proposals are written.
     */
    async detect(actor: Actor, programId: number, apply: boolean): Promise<BanDetectResult> {
      const program = await organizerProgram(db, actor, programId, apply);
      const cadres = await listEnrolledCadres(db, programId);
      const hostUnits = await listVisibleUnits(db, scopePrefix(actor), actor.scopePath);
      const existing = new Set((await listProgramBans(db, programId)).map((b) => `${b.cadre_id}:${b.host_unit_id}`));
      const proposals: BanProposal[] = [];
      for (const cadre of cadres) {
        const experiences = JSON.parse(cadre.experiences) as { unitName?: string }[];
        const own = [cadre.org_name, ...experiences.map((e) => e.unitName ?? '')].filter((n) => n.length > 0);
        for (const unit of hostUnits) {
          if (existing.has(`${cadre.id}:${unit.id}`)) continue;
          const matched = own.find((name) => sameUnit(name, unit.name));
          if (matched === undefined) continue;
          const current = matched === cadre.org_name;
          proposals.push({
            cadre: { id: cadre.id, name: cadre.name },
            hostUnit: { id: unit.id, name: unit.name },
            kind: 'former_employer',
            matchedUnit: matched,
            reason: current ? `现工作单位为 ${matched}` : `曾在 ${matched} 任职`,
          });
        }
      }
      if (!apply || proposals.length === 0) return { proposals, applied: 0 };
      await db.transaction().execute(async (trx) => {
        const at = nowIso();
        await trx
          .insertInto('placement_bans')
          .values(
            proposals.map((p) => ({
              cadre_id: p.cadre.id,
              host_unit_id: p.hostUnit.id,
              kind: p.kind,
              reason: p.reason,
              created_by: actor.userId || null,
              created_at: at,
            })),
          )
          .execute();
        await recordAudit(trx, actor, {
          action: 'placement_ban.detect',
          entityType: 'placement_ban',
          entityId: null,
          scopePath: program.organizer_path,
          summary: `${program.name}：自动识别并新增 ${proposals.length} 条回避关系`,
          after: proposals.map((p) => ({ cadreId: p.cadre.id, hostUnitId: p.hostUnit.id, reason: p.reason })),
        });
      });
      return { proposals, applied: proposals.length };
    },
  };
}
