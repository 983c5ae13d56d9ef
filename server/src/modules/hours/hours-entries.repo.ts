// Ledger rows of one cadre, and the scoped lookups the manual-entry use-cases start with.
import type { HoursEntryView } from '@duibiao/contracts';
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { inSubtree } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import type { HoursEntriesTable } from '../../db/schema-programs.ts';

export type EntryRow = Selectable<HoursEntriesTable>;

export function presentEntry(r: EntryRow): HoursEntryView {
  return {
    id: r.id,
    cadreId: r.cadre_id,
    programId: r.program_id,
    source: r.source === 'program' || r.source === 'placement' ? r.source : 'manual',
    category: r.category === 'online' ? 'online' : 'offline',
    title: r.title,
    provider: r.provider,
    date: r.date,
    hours: Math.round(Number(r.hours) * 1000) / 1000,
    days: Number(r.days),
    evidenceName: r.evidence_name,
    note: r.note,
    updatedAt: r.updated_at,
  };
}

/** The cadre (with its unit's path) if it lies in the scope. */
export function findCadreInScope(db: Kysely<Database>, scope: string, cadreId: number) {
  return db
    .selectFrom('cadres as c')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.name', 'o.path as org_path'])
    .where('c.id', '=', cadreId)
    .where(inSubtree('o.path', scope))
    .executeTakeFirst();
}

/** The entry if its cadre lies in the scope, with the cadre's name and unit path. */
export function findEntryInScope(db: Kysely<Database>, scope: string, id: number) {
  return db
    .selectFrom('hours_entries as h')
    .innerJoin('cadres as c', 'c.id', 'h.cadre_id')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .selectAll('h')
    .select(['c.name as cadre_name', 'o.path as org_path'])
    .where('h.id', '=', id)
    .where(inSubtree('o.path', scope))
    .executeTakeFirst();
}

export function listEntries(db: Kysely<Database>, cadreId: number): Promise<EntryRow[]> {
  return db.selectFrom('hours_entries').selectAll().where('cadre_id', '=', cadreId).orderBy('date', 'desc').orderBy('id', 'desc').execute();
}

export async function insertEntry(db: Kysely<Database>, row: Insertable<HoursEntriesTable>): Promise<number> {
  const { id } = await db.insertInto('hours_entries').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateEntry(db: Kysely<Database>, id: number, patch: Updateable<HoursEntriesTable>): Promise<void> {
  await db.updateTable('hours_entries').set(patch).where('id', '=', id).where('source', '=', 'manual').execute();
}

export async function deleteEntry(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('hours_entries').where('id', '=', id).where('source', '=', 'manual').execute();
}

export function findEntry(db: Kysely<Database>, id: number): Promise<EntryRow | undefined> {
  return db.selectFrom('hours_entries').selectAll().where('id', '=', id).executeTakeFirst();
}
