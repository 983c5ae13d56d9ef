// Queries of the good-practice library (经验做法). A practice is visible to its org's whole subtree (shared
// downwards) and to every caller whose subtree contains its org; only the latter may change it.
import { sql, type Kysely, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import { inSubtree } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { isAncestorOf } from './questionnaires.repo.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** `column LIKE '%|term|%'` with the term's own % _ \ taken literally: identical on SQLite and PostgreSQL. */
export function hasTerm(column: string, term: string): RawBuilder<SqlBool> {
  const pattern = `%|${term.replace(/[\\%_]/g, (c) => `\\${c}`)}|%`;
  return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

export interface PracticeFilter {
  /** Every one of these terms must be in `search_terms` (AND). */
  terms: readonly string[];
  field?: string | undefined;
  city?: string | undefined;
}

function visiblePractices(db: Q, scope: string, ownPath: string) {
  return db
    .selectFrom('good_practices as g')
    .innerJoin('organizations as o', 'o.id', 'g.org_id')
    .leftJoin('programs as p', 'p.id', 'g.program_id')
    .where((eb) => eb.or([inSubtree('o.path', scope), isAncestorOf('o.path', ownPath)]));
}

const COLUMNS = [
  'g.id',
  'g.org_id',
  'g.title',
  'g.summary',
  'g.body',
  'g.fields',
  'g.source_city',
  'g.program_id',
  'g.reflection_id',
  'g.created_at',
  'g.updated_at',
  'o.name as org_name',
  'o.path as org_path',
  'p.name as program_name',
] as const;

/** Matching practices, newest first (ranking by relevance happens in memory). */
export function listPractices(db: Q, scope: string, ownPath: string, filter: PracticeFilter) {
  return visiblePractices(db, scope, ownPath)
    .select(COLUMNS)
    .$if(!!filter.field, (q) => q.where(hasTerm('g.fields_index', filter.field!)))
    .$if(!!filter.city, (q) => q.where('g.source_city', '=', filter.city!))
    .$if(filter.terms.length > 0, (q) => q.where((eb) => eb.and(filter.terms.map((t) => hasTerm('g.search_terms', t)))))
    .orderBy('g.updated_at', 'desc')
    .orderBy('g.id', 'desc')
    .execute();
}

export type PracticeRow = Awaited<ReturnType<typeof listPractices>>[number];

export function findVisiblePractice(db: Q, scope: string, ownPath: string, id: number): Promise<PracticeRow | undefined> {
  return visiblePractices(db, scope, ownPath).select(COLUMNS).where('g.id', '=', id).executeTakeFirst();
}

/** The whole visible library's stored terms, in id order: the BM25 corpus. */
export function listLibraryTerms(db: Q, scope: string, ownPath: string) {
  return visiblePractices(db, scope, ownPath).select(['g.id', 'g.search_terms']).orderBy('g.id').execute();
}

/** A cheap fingerprint of the visible library: when it changes, the cached ranking index is rebuilt. */
export async function libraryVersion(db: Q, scope: string, ownPath: string): Promise<string> {
  const r = await visiblePractices(db, scope, ownPath)
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('g.id').as('max_id'), eb.fn.max('g.updated_at').as('max_at')])
    .executeTakeFirstOrThrow();
  return `${Number(r.n)}:${String(r.max_id)}:${String(r.max_at)}`;
}

export function listFacetSource(db: Q, scope: string, ownPath: string) {
  return visiblePractices(db, scope, ownPath).select(['g.fields', 'g.source_city']).execute();
}
