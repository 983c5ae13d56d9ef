// Queries of reflections (心得体会) and their action items. Reflections are signed, so lists carry the author.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { hasTerm } from './practices.repo.ts';

type Q = Kysely<Database> | Transaction<Database>;

function reflectionsWithAuthor(db: Q) {
  return db
    .selectFrom('reflections as f')
    .innerJoin('programs as p', 'p.id', 'f.program_id')
    .innerJoin('cadres as c', 'c.id', 'f.cadre_id')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .select([
      'f.id',
      'f.program_id',
      'f.cadre_id',
      'f.title',
      'f.learned',
      'f.body',
      'f.created_at',
      'f.updated_at',
      'p.name as program_name',
      'c.name as cadre_name',
      'c.position as cadre_position',
      'o.name as cadre_org_name',
    ]);
}

export type ReflectionRow = Awaited<ReturnType<ReturnType<typeof reflectionsWithAuthor>['execute']>>[number];

/** A program's reflections by author; with `terms`, only those whose stored terms contain every one. */
export function listProgramReflections(db: Q, programId: number, terms: readonly string[] = []): Promise<ReflectionRow[]> {
  return reflectionsWithAuthor(db)
    .where('f.program_id', '=', programId)
    .$if(terms.length > 0, (q) => q.where((eb) => eb.and(terms.map((t) => hasTerm('f.search_terms', t)))))
    .orderBy('c.name')
    .orderBy('f.id')
    .execute();
}

export function listCadreReflections(db: Q, cadreId: number): Promise<ReflectionRow[]> {
  return reflectionsWithAuthor(db).where('f.cadre_id', '=', cadreId).orderBy('f.created_at', 'desc').orderBy('f.id', 'desc').execute();
}

export function findReflection(db: Q, id: number): Promise<ReflectionRow | undefined> {
  return reflectionsWithAuthor(db).where('f.id', '=', id).executeTakeFirst();
}

export async function actionItemsOf(db: Q, reflectionIds: readonly number[]) {
  if (reflectionIds.length === 0) return [];
  return db.selectFrom('action_items').selectAll().where('reflection_id', 'in', reflectionIds).orderBy('id').execute();
}

export async function practiceIdsOf(db: Q, reflectionIds: readonly number[]) {
  if (reflectionIds.length === 0) return [];
  return db.selectFrom('good_practices').select(['id', 'reflection_id']).where('reflection_id', 'in', reflectionIds).orderBy('id').execute();
}

export async function insertReflection(
  db: Q,
  row: {
    program_id: number;
    cadre_id: number;
    title: string;
    learned: string;
    body: string | null;
    search_terms: string;
    created_at: string;
    updated_at: string;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('reflections')
    .values({ ...row, status: 'submitted' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export interface ActionItemDraft {
  id?: number | undefined;
  content: string;
  owner: string;
  deadline?: string | null | undefined;
}

/**
 * Makes a reflection's items equal to `items`: listed ids are updated (keeping their status), new ones inserted,
 * the rest deleted. Ids that are not this reflection's are treated as new.
 */
export async function replaceActionItems(db: Q, reflectionId: number, items: readonly ActionItemDraft[], at: string): Promise<void> {
  const current = new Set((await db.selectFrom('action_items').select('id').where('reflection_id', '=', reflectionId).execute()).map((r) => r.id));
  const kept = items.filter((i) => i.id !== undefined && current.has(i.id)).map((i) => i.id!);
  const removed = [...current].filter((id) => !kept.includes(id));
  if (removed.length > 0) await db.deleteFrom('action_items').where('id', 'in', removed).execute();
  for (const item of items) {
    const values = { content: item.content, owner: item.owner, deadline: item.deadline ?? null, updated_at: at };
    if (item.id !== undefined && current.has(item.id)) await db.updateTable('action_items').set(values).where('id', '=', item.id).execute();
    else
      await db
        .insertInto('action_items')
        .values({ ...values, reflection_id: reflectionId, status: 'planned', created_at: at })
        .execute();
  }
}

/** An action item with the program it belongs to (for the scope check). */
export function findActionItem(db: Q, id: number) {
  return db
    .selectFrom('action_items as a')
    .innerJoin('reflections as f', 'f.id', 'a.reflection_id')
    .select(['a.id', 'a.content', 'a.status', 'a.reflection_id', 'f.program_id'])
    .where('a.id', '=', id)
    .executeTakeFirst();
}
