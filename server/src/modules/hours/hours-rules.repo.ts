// Stored compliance-rule rows. The table is small (a few rows per node that changed anything), so readers load it whole.
import type { HoursRule } from '@duibiao/core/hours/index';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { StoredRule } from './hours-rules.rules.ts';

export async function loadAllRules(db: Kysely<Database>): Promise<StoredRule[]> {
  const rows = await db.selectFrom('hours_rules').select(['org_id', 'code', 'rule', 'active']).orderBy('id').execute();
  return rows.map((r) => ({ orgId: r.org_id, code: r.code, rule: JSON.parse(r.rule) as HoursRule, active: r.active === 1 }));
}

export function findOwnRule(db: Kysely<Database>, orgId: number, code: string) {
  return db
    .selectFrom('hours_rules')
    .select(['id', 'rule', 'active'])
    .where('org_id', '=', orgId)
    .where('code', '=', code)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** Sets the node's row for a code (active or switched off), replacing any earlier rows for it. */
export async function saveOwnRule(db: Kysely<Database>, orgId: number, rule: HoursRule, active: boolean, userId: number | null, at: string): Promise<void> {
  await db.deleteFrom('hours_rules').where('org_id', '=', orgId).where('code', '=', rule.id).execute();
  await db
    .insertInto('hours_rules')
    .values({ org_id: orgId, code: rule.id, rule: JSON.stringify(rule), active: active ? 1 : 0, updated_by: userId, created_at: at, updated_at: at })
    .execute();
}

export async function deleteOwnRule(db: Kysely<Database>, orgId: number, code: string): Promise<void> {
  await db.deleteFrom('hours_rules').where('org_id', '=', orgId).where('code', '=', code).execute();
}

export async function deleteAllOwnRules(db: Kysely<Database>, orgId: number): Promise<number> {
  const res = await db.deleteFrom('hours_rules').where('org_id', '=', orgId).executeTakeFirst();
  return Number(res.numDeletedRows);
}
