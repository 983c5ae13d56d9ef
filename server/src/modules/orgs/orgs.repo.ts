// Organization-tree queries; every read takes the caller's scope pattern.
import { inSubtree } from '../../db/dialect.ts';
import type { Kysely } from 'kysely';
import type { OrgLevel } from '@duibiao/contracts';
import type { Db } from '../../db/database.ts';
import { prepared } from '../../db/prepared.ts';
import type { Database, NewOrgRow, OrgRow } from '../../db/schema.ts';

export interface OrgWithCount extends OrgRow {
  cadre_count: number;
}

export function listOrgsInScope(db: Kysely<Database>, scope: string): Promise<OrgWithCount[]> {
  return db
    .selectFrom('organizations as o')
    .leftJoin(
      db
        .selectFrom('cadres')
        .select(['org_id', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('org_id')
        .as('c'),
      'c.org_id',
      'o.id',
    )
    .selectAll('o')
    .select((eb) => eb.fn.coalesce('c.n', eb.lit(0)).as('cadre_count'))
    .where(inSubtree('o.path', scope))
    .orderBy('o.path')
    .orderBy('o.sort_order')
    .execute() as Promise<OrgWithCount[]>;
}

export function findOrgInScope(db: Kysely<Database>, scope: string, id: number): Promise<OrgRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).where(inSubtree('path', scope)).executeTakeFirst();
}

export function findOrgByCode(db: Kysely<Database>, code: string): Promise<OrgRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Inserts a node and sets its materialised path from the parent's. */
export async function insertOrg(db: Kysely<Database>, row: Omit<NewOrgRow, 'path'>, parentPath: string): Promise<OrgRow> {
  const { id } = await db
    .insertInto('organizations')
    .values({ ...row, path: '' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `${parentPath}${id}/`;
  await db.updateTable('organizations').set({ path }).where('id', '=', id).execute();
  return { ...(row as OrgRow), id, path };
}

export async function updateOrg(
  db: Kysely<Database>,
  id: number,
  patch: Partial<Pick<OrgRow, 'code' | 'name' | 'level' | 'kind' | 'updated_at'>>,
): Promise<void> {
  await db.updateTable('organizations').set(patch).where('id', '=', id).execute();
}

export async function deleteOrg(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('organizations').where('id', '=', id).execute();
}

/** What still hangs on a node: children, cadres, users. */
export async function countDependents(db: Kysely<Database>, id: number): Promise<{ children: number; cadres: number; users: number }> {
  const [children, cadres, users] = await Promise.all([
    db
      .selectFrom('organizations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parent_id', '=', id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('cadres')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', id)
      .executeTakeFirstOrThrow(),
  ]);
  return { children: Number(children.n), cadres: Number(cadres.n), users: Number(users.n) };
}

const MAX_DEPTH = 12;

/** Prepared lookup of ancestor names: fixed id slots (unused ones 0) keep it one compiled statement. */
export function createPathNames(handle: Db): (path: string) => Promise<string[]> {
  const slots = Array.from({ length: MAX_DEPTH }, (_, i) => `id${i}`);
  const query = prepared<Record<string, number>, { id: number; name: string }>(handle, (k, p) =>
    k
      .selectFrom('organizations')
      .select(['id', 'name'])
      .where(
        'id',
        'in',
        slots.map((s) => p<number>(s)),
      ),
  );
  return async (path) => {
    const ids = path.split('/').filter(Boolean).map(Number).slice(-MAX_DEPTH);
    if (ids.length === 0) return [];
    const rows = await query.execute(Object.fromEntries(slots.map((s, i) => [s, ids[i] ?? 0])));
    const byId = new Map(rows.map((r) => [r.id, r.name]));
    return ids.map((id) => byId.get(id) ?? '');
  };
}

/** The parent's level and the distinct levels of the direct children, to keep a level change consistent. */
export async function levelsAround(db: Kysely<Database>, row: OrgRow): Promise<{ parentLevel: OrgLevel | null; childLevels: OrgLevel[] }> {
  const [parent, children] = await Promise.all([
    row.parent_id === null ? undefined : db.selectFrom('organizations').select('level').where('id', '=', row.parent_id).executeTakeFirst(),
    db.selectFrom('organizations').select('level').distinct().where('parent_id', '=', row.id).execute(),
  ]);
  return { parentLevel: (parent?.level as OrgLevel | undefined) ?? null, childLevels: children.map((c) => c.level as OrgLevel) };
}
