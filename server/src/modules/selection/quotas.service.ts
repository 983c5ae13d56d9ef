// The organizer's side of a selection: eligibility rules as data, and quotas per sending unit or unit category.
import type { Quota, QuotaInput, QuotaPatch, SelectionRulesInput, SelectionRulesView, UnitCategory } from '@duibiao/contracts';
import { quotaUsage, validateSelectionRules } from '@duibiao/core/selection/index';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import type { Actor } from '../auth/actor.ts';
import { quotaLabel, requireOrganizer } from './selection-access.ts';
import { effectiveCapacity, loadSelectionProgram } from './selection-program.ts';
import { findQuota, listProgramQuotas, nominationQuotaStatuses, type QuotaRow } from './selection.repo.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** Quotas with used/remaining places. */
export async function presentQuotas(db: Q, quotas: readonly QuotaRow[]): Promise<Quota[]> {
  const programIds = [...new Set(quotas.map((q) => q.program_id))];
  const statuses = await nominationQuotaStatuses(db, programIds);
  const usage = new Map(quotaUsage(quotas, statuses).map((u) => [u.quotaId, u]));
  return quotas.map((q) => ({
    id: q.id,
    programId: q.program_id,
    orgId: q.org_id,
    orgName: q.org_name,
    unitCategory: q.unit_category as UnitCategory | null,
    label: quotaLabel(q),
    quota: q.quota,
    used: usage.get(q.id)!.used,
    remaining: usage.get(q.id)!.remaining,
    note: q.note,
  }));
}

export function createQuotaService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  async function rulesView(programId: number): Promise<SelectionRulesView> {
    const program = await loadSelectionProgram(read, programId);
    return { programId, rules: program.rules, effectiveCapacity: await effectiveCapacity(read, program), referenceDay: program.referenceDay };
  }

  /** A quota of a program the caller organizes, else 404. */
  async function organizedQuota(actor: Actor, quotaId: number) {
    const quota = await findQuota(read, quotaId);
    if (!quota) throw notFound('推荐名额');
    try {
      return { quota, program: await requireOrganizer(read, actor, quota.program_id) };
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') throw notFound('推荐名额');
      throw error;
    }
  }

  return {
    async getRules(actor: Actor, programId: number): Promise<SelectionRulesView> {
      await requireOrganizer(read, actor, programId);
      return rulesView(programId);
    },

    async setRules(actor: Actor, programId: number, input: SelectionRulesInput): Promise<SelectionRulesView> {
      const program = await requireOrganizer(read, actor, programId);
      const { rules, problems } = validateSelectionRules(input, { startDate: program.start_date });
      if (!rules) throw invalid(problems.map((p) => ({ field: p.path, message: p.message })));
      const before = await loadSelectionProgram(read, programId);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('programs')
          .set({ selection_rules: JSON.stringify(rules), updated_at: nowIso() })
          .where('id', '=', programId)
          .execute();
        await recordAudit(trx, actor, {
          action: 'selection.rules',
          entityType: 'program',
          entityId: programId,
          scopePath: program.organizer_path,
          summary: `${program.name}：设置选调条件`,
          before: before.rules,
          after: rules,
        });
      });
      return rulesView(programId);
    },

    async list(actor: Actor, programId: number): Promise<Quota[]> {
      await requireOrganizer(read, actor, programId);
      return presentQuotas(read, await listProgramQuotas(read, programId));
    },

    async create(actor: Actor, programId: number, input: QuotaInput): Promise<Quota> {
      const program = await requireOrganizer(read, actor, programId);
      const orgId = input.orgId ?? null;
      const category = orgId === null ? (input.unitCategory ?? null) : null;
      let orgName: string | null = null;
      if (orgId !== null) {
        // The sending unit must lie in the organizer's own tree: a city selects from its districts, not another city's.
        const org = await read.selectFrom('organizations').select(['name', 'path']).where('id', '=', orgId).executeTakeFirst();
        if (!org || !org.path.startsWith(program.organizer_path)) throw invalid([{ field: 'orgId', message: '推荐单位不在主办单位管辖范围内' }]);
        orgName = org.name;
      }
      const existing = await listProgramQuotas(read, programId);
      if (existing.some((q) => q.org_id === orgId && q.unit_category === category))
        throw conflict('该单位（类别）已有推荐名额，请修改原名额', [{ field: orgId === null ? 'unitCategory' : 'orgId', message: '已有名额' }]);
      const id = await db.transaction().execute(async (trx) => {
        const at = nowIso();
        const row = await trx
          .insertInto('nomination_quotas')
          .values({
            program_id: programId,
            org_id: orgId,
            unit_category: category,
            quota: input.quota,
            note: input.note ?? null,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const label = quotaLabel({ org_name: orgName, unit_category: category });
        await recordAudit(trx, actor, {
          action: 'selection.quota_create',
          entityType: 'nomination_quota',
          entityId: row.id,
          scopePath: program.organizer_path,
          summary: `${program.name}：${label} 推荐名额 ${input.quota} 人`,
          after: { orgId, unitCategory: category, quota: input.quota, note: input.note ?? null },
        });
        return row.id;
      });
      return (await presentQuotas(read, [(await findQuota(read, id))!]))[0]!;
    },

    async update(actor: Actor, quotaId: number, patch: QuotaPatch): Promise<Quota> {
      const { quota, program } = await organizedQuota(actor, quotaId);
      const [current] = await presentQuotas(read, [quota]);
      if (patch.quota !== undefined && patch.quota < current!.used)
        throw conflict(`已推荐 ${current!.used} 人，名额不能少于 ${current!.used}`, [{ field: 'quota', message: `不能少于 ${current!.used}` }]);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('nomination_quotas')
          .set({ quota: patch.quota ?? quota.quota, note: patch.note === undefined ? quota.note : patch.note, updated_at: nowIso() })
          .where('id', '=', quotaId)
          .execute();
        await recordAudit(trx, actor, {
          action: 'selection.quota_update',
          entityType: 'nomination_quota',
          entityId: quotaId,
          scopePath: program.organizer_path,
          summary: `${program.name}：修改 ${current!.label} 推荐名额`,
          before: { quota: quota.quota, note: quota.note },
          after: patch,
        });
      });
      return (await presentQuotas(read, [(await findQuota(read, quotaId))!]))[0]!;
    },

    /** Deletes a quota nobody holds a place of; rejected and withdrawn nominations keep their history without it. */
    async remove(actor: Actor, quotaId: number): Promise<void> {
      const { quota, program } = await organizedQuota(actor, quotaId);
      const [current] = await presentQuotas(read, [quota]);
      if (current!.used > 0) throw conflict(`该名额下有 ${current!.used} 名推荐人选，不能删除`);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('nominations').set({ quota_id: null }).where('quota_id', '=', quotaId).execute();
        await trx.deleteFrom('nomination_quotas').where('id', '=', quotaId).execute();
        await recordAudit(trx, actor, {
          action: 'selection.quota_delete',
          entityType: 'nomination_quota',
          entityId: quotaId,
          scopePath: program.organizer_path,
          summary: `${program.name}：删除 ${current!.label} 推荐名额`,
          before: current,
        });
      });
    },
  };
}
