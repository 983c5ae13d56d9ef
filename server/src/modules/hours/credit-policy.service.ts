// Credit policy per organizer node: read the effective one (own, inherited or national default), set or revert it.
import { DEFAULT_CREDIT_POLICY } from '@duibiao/core/hours/index';
import type { CreditPolicyInput, EffectiveCreditPolicy } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import type { OrgRow } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { findOrgInScope } from '../orgs/orgs.repo.ts';
import { deletePolicy, openProgramsInSubtree, policiesOnPath, upsertPolicy } from './credit-policy.repo.ts';
import { parsePolicy } from './credit-policy.rules.ts';
import { recomputeWholeProgram } from './ledger.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** The policy in force at `org`, and where it was set. */
export async function effectivePolicy(db: Kysely<Database>, org: Pick<OrgRow, 'id' | 'path'>): Promise<EffectiveCreditPolicy> {
  const [nearest] = await policiesOnPath(db, org.path);
  if (!nearest) return { orgId: org.id, policy: { ...DEFAULT_CREDIT_POLICY }, source: 'default', from: null, updatedAt: null };
  return {
    orgId: org.id,
    policy: parsePolicy(nearest.policy),
    source: nearest.org_id === org.id ? 'own' : 'inherited',
    from: { orgId: nearest.org_id, name: nearest.org_name },
    updatedAt: nearest.updated_at,
  };
}

export function createCreditPolicyService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  async function orgInScope(actor: Actor, orgId: number): Promise<OrgRow> {
    const org = await findOrgInScope(read, scopePrefix(actor), orgId);
    if (!org) throw notFound('单位');
    return org;
  }

  /** Programs still open under the node are recomputed in the same transaction; closed programs keep their hours. */
  async function recomputeOpenPrograms(trx: Kysely<Database>, path: string): Promise<number> {
    const programs = await openProgramsInSubtree(trx, path);
    for (const id of programs) await recomputeWholeProgram(trx, id);
    return programs.length;
  }

  return {
    async get(actor: Actor, orgId: number): Promise<EffectiveCreditPolicy> {
      requirePermission(actor, 'hours:read');
      return effectivePolicy(read, await orgInScope(actor, orgId));
    },

    async put(actor: Actor, orgId: number, policy: CreditPolicyInput): Promise<EffectiveCreditPolicy> {
      requirePermission(actor, 'hours:write');
      const org = await orgInScope(actor, orgId);
      const before = await effectivePolicy(read, org);
      await db.transaction().execute(async (trx) => {
        await upsertPolicy(trx, org.id, JSON.stringify(policy), actor.userId || null, nowIso());
        const recomputed = await recomputeOpenPrograms(trx, org.path);
        await recordAudit(trx, actor, {
          action: 'hours.policy_update',
          entityType: 'credit_policy',
          entityId: org.id,
          scopePath: org.path,
          summary: `修改 ${org.name} 的学时折算办法（重算 ${recomputed} 个未结业项目）`,
          before: before.policy,
          after: policy,
        });
      });
      return effectivePolicy(db, org);
    },

    async reset(actor: Actor, orgId: number): Promise<EffectiveCreditPolicy> {
      requirePermission(actor, 'hours:write');
      const org = await orgInScope(actor, orgId);
      const before = await effectivePolicy(read, org);
      if (before.source !== 'own') return before;
      await db.transaction().execute(async (trx) => {
        await deletePolicy(trx, org.id);
        const recomputed = await recomputeOpenPrograms(trx, org.path);
        await recordAudit(trx, actor, {
          action: 'hours.policy_reset',
          entityType: 'credit_policy',
          entityId: org.id,
          scopePath: org.path,
          summary: `${org.name} 恢复使用上级学时折算办法（重算 ${recomputed} 个未结业项目）`,
          before: before.policy,
        });
      });
      return effectivePolicy(db, org);
    },
  };
}
