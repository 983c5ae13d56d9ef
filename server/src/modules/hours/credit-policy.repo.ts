// Credit-policy rows (one per org node at most) and the programs a policy change affects.
import { sql, type Kysely } from 'kysely';
import { inSubtree } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';

export interface PolicyOnPath {
  org_id: number;
  org_name: string;
  path: string;
  policy: string;
  updated_at: string;
}

/** Policies set on the node at `path` or any ancestor, nearest first. */
export function policiesOnPath(db: Kysely<Database>, path: string): Promise<PolicyOnPath[]> {
  return db
    .selectFrom('credit_policies as cp')
    .innerJoin('organizations as a', 'a.id', 'cp.org_id')
    .select(['cp.org_id', 'a.name as org_name', 'a.path', 'cp.policy', 'cp.updated_at'])
    .where(sql<boolean>`substr(${path}, 1, length(a.path)) = a.path`)
    .orderBy(sql`length(a.path)`, 'desc')
    .execute();
}

export async function upsertPolicy(db: Kysely<Database>, orgId: number, policy: string, userId: number | null, at: string): Promise<void> {
  const updated = await db.updateTable('credit_policies').set({ policy, updated_by: userId, updated_at: at }).where('org_id', '=', orgId).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await db.insertInto('credit_policies').values({ org_id: orgId, policy, updated_by: userId, updated_at: at }).execute();
  }
}

export async function deletePolicy(db: Kysely<Database>, orgId: number): Promise<void> {
  await db.deleteFrom('credit_policies').where('org_id', '=', orgId).execute();
}

/** Programs organized in a subtree that are not closed yet: their hours follow a policy change. */
export async function openProgramsInSubtree(db: Kysely<Database>, path: string): Promise<number[]> {
  const rows = await db
    .selectFrom('programs as p')
    .innerJoin('organizations as o', 'o.id', 'p.organizer_org_id')
    .select('p.id')
    .where(inSubtree('o.path', path))
    .where('p.status', 'in', ['draft', 'enrolling', 'running'])
    .execute();
  return rows.map((r) => r.id);
}
