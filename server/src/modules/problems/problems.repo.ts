// Kysely queries of the problems module: questions, working-list items, their source links and published versions.
// Every query is scoped by program_id; the caller has already checked the program is in scope.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

export interface QuestionRow {
  id: number;
  program_id: number;
  text: string;
  field: string | null;
  source: string;
  submitter_cadre_id: number | null;
  submitter_user_id: number | null;
  submitter_name: string | null;
  home_org_id: number | null;
  home_org_name: string | null;
  created_at: string;
}

export interface KeyProblemRow {
  id: number;
  program_id: number;
  title: string;
  description: string | null;
  field: string | null;
  kind: string | null;
  priority: number;
  status: string;
  merged_into_id: number | null;
}

export interface SourceLinkRow {
  key_problem_id: number;
  question_id: number;
}

const QUESTION_COLUMNS = [
  'q.id',
  'q.program_id',
  'q.text',
  'q.field',
  'q.source',
  'q.submitter_cadre_id',
  'q.submitter_user_id',
  'q.submitter_name',
  'q.home_org_id',
  'o.name as home_org_name',
  'q.created_at',
] as const;

const KEY_PROBLEM_COLUMNS = ['id', 'program_id', 'title', 'description', 'field', 'kind', 'priority', 'status', 'merged_into_id'] as const;

export interface QuestionQuery {
  field?: string;
  source?: string;
  homeOrgId?: number;
  cadreId?: number;
}

export function listQuestions(db: Q, programId: number, f: QuestionQuery = {}): Promise<QuestionRow[]> {
  return db
    .selectFrom('problem_questions as q')
    .leftJoin('organizations as o', 'o.id', 'q.home_org_id')
    .select(QUESTION_COLUMNS)
    .where('q.program_id', '=', programId)
    .$if(f.field !== undefined, (qb) => qb.where('q.field', '=', f.field!))
    .$if(f.source !== undefined, (qb) => qb.where('q.source', '=', f.source!))
    .$if(f.homeOrgId !== undefined, (qb) => qb.where('q.home_org_id', '=', f.homeOrgId!))
    .$if(f.cadreId !== undefined, (qb) => qb.where('q.submitter_cadre_id', '=', f.cadreId!))
    .orderBy('q.id')
    .execute();
}

export function findQuestion(db: Q, programId: number, questionId: number): Promise<QuestionRow | undefined> {
  return db
    .selectFrom('problem_questions as q')
    .leftJoin('organizations as o', 'o.id', 'q.home_org_id')
    .select(QUESTION_COLUMNS)
    .where('q.program_id', '=', programId)
    .where('q.id', '=', questionId)
    .executeTakeFirst();
}

export function questionsByIds(db: Q, programId: number, ids: readonly number[]): Promise<QuestionRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('problem_questions as q')
    .leftJoin('organizations as o', 'o.id', 'q.home_org_id')
    .select(QUESTION_COLUMNS)
    .where('q.program_id', '=', programId)
    .where('q.id', 'in', [...ids])
    .orderBy('q.id')
    .execute();
}

export function listKeyProblems(db: Q, programId: number, status?: string): Promise<KeyProblemRow[]> {
  return db
    .selectFrom('key_problems')
    .select(KEY_PROBLEM_COLUMNS)
    .where('program_id', '=', programId)
    .$if(status !== undefined, (qb) => qb.where('status', '=', status!))
    .orderBy('priority')
    .orderBy('id')
    .execute();
}

export function findKeyProblem(db: Q, programId: number, id: number): Promise<KeyProblemRow | undefined> {
  return db.selectFrom('key_problems').select(KEY_PROBLEM_COLUMNS).where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();
}

/** Source links of every key problem of a program. */
export function listSourceLinks(db: Q, programId: number): Promise<SourceLinkRow[]> {
  return db
    .selectFrom('key_problem_sources as s')
    .innerJoin('key_problems as k', 'k.id', 's.key_problem_id')
    .select(['s.key_problem_id', 's.question_id'])
    .where('k.program_id', '=', programId)
    .orderBy('s.question_id')
    .execute();
}

export async function maxPriority(db: Q, programId: number): Promise<number> {
  const row = await db
    .selectFrom('key_problems')
    .select((eb) => eb.fn.max('priority').as('p'))
    .where('program_id', '=', programId)
    .executeTakeFirst();
  return Number(row?.p ?? 0);
}

export interface NewKeyProblem {
  programId: number;
  title: string;
  description: string | null;
  field: string | null;
  kind: string | null;
  priority: number;
  searchTerms: string;
  at: string;
}

const keyProblemValues = (row: NewKeyProblem) => ({
  program_id: row.programId,
  title: row.title,
  description: row.description,
  field: row.field,
  kind: row.kind,
  priority: row.priority,
  status: 'active',
  merged_into_id: null,
  search_terms: row.searchTerms,
  created_at: row.at,
  updated_at: row.at,
});

export async function insertKeyProblem(db: Q, row: NewKeyProblem): Promise<number> {
  const { id } = await db.insertInto('key_problems').values(keyProblemValues(row)).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Several items in one statement; ids come back with their (distinct) priorities, since row order is not promised. */
export async function insertKeyProblems(db: Q, rows: readonly NewKeyProblem[]): Promise<{ id: number; priority: number }[]> {
  if (rows.length === 0) return [];
  return db.insertInto('key_problems').values(rows.map(keyProblemValues)).returning(['id', 'priority']).execute();
}

/** Source links of many items at once. */
export async function insertSourceLinks(db: Q, links: readonly { keyProblemId: number; questionId: number }[]): Promise<void> {
  if (links.length === 0) return;
  await db
    .insertInto('key_problem_sources')
    .values(links.map((l) => ({ key_problem_id: l.keyProblemId, question_id: l.questionId })))
    .execute();
}

export async function linkSources(db: Q, keyProblemId: number, questionIds: readonly number[]): Promise<void> {
  if (questionIds.length === 0) return;
  await db
    .insertInto('key_problem_sources')
    .values(questionIds.map((question_id) => ({ key_problem_id: keyProblemId, question_id })))
    .execute();
}

/** Distinct source questions of several items, in one query. */
export async function sourceIdsOfMany(db: Q, keyProblemIds: readonly number[]): Promise<number[]> {
  if (keyProblemIds.length === 0) return [];
  const rows = await db
    .selectFrom('key_problem_sources')
    .select('question_id')
    .distinct()
    .where('key_problem_id', 'in', keyProblemIds)
    .orderBy('question_id')
    .execute();
  return rows.map((r) => r.question_id);
}

export async function sourceIdsOf(db: Q, keyProblemId: number): Promise<number[]> {
  const rows = await db.selectFrom('key_problem_sources').select('question_id').where('key_problem_id', '=', keyProblemId).orderBy('question_id').execute();
  return rows.map((r) => r.question_id);
}

export interface VersionRow {
  id: number;
  program_id: number;
  version: string;
  title: string;
  note: string | null;
  snapshot: string;
  published_at: string;
  published_by_name: string | null;
}

const VERSION_COLUMNS = [
  'v.id',
  'v.program_id',
  'v.version',
  'v.title',
  'v.note',
  'v.snapshot',
  'v.published_at',
  'u.display_name as published_by_name',
] as const;

export function listVersions(db: Q, programId: number): Promise<VersionRow[]> {
  return db
    .selectFrom('problem_list_versions as v')
    .leftJoin('users as u', 'u.id', 'v.published_by')
    .select(VERSION_COLUMNS)
    .where('v.program_id', '=', programId)
    .orderBy('v.published_at')
    .orderBy('v.id')
    .execute();
}

export function findVersion(db: Q, programId: number, versionId: number): Promise<VersionRow | undefined> {
  return db
    .selectFrom('problem_list_versions as v')
    .leftJoin('users as u', 'u.id', 'v.published_by')
    .select(VERSION_COLUMNS)
    .where('v.program_id', '=', programId)
    .where('v.id', '=', versionId)
    .executeTakeFirst();
}

// ---- For the traceability view (issue 5 scope 9) ------------------------------------------------------------------

/** The key problems a question feeds (any status), in list order. */
export function keyProblemsOfQuestion(db: Q, questionId: number): Promise<KeyProblemRow[]> {
  return db
    .selectFrom('key_problems as k')
    .innerJoin('key_problem_sources as s', 's.key_problem_id', 'k.id')
    .select(['k.id', 'k.program_id', 'k.title', 'k.description', 'k.field', 'k.kind', 'k.priority', 'k.status', 'k.merged_into_id'])
    .where('s.question_id', '=', questionId)
    .orderBy('k.priority')
    .orderBy('k.id')
    .execute();
}

/** The original questions a key problem came from (kept through merges and splits). */
export function questionsOfKeyProblem(db: Q, keyProblemId: number): Promise<QuestionRow[]> {
  return db
    .selectFrom('problem_questions as q')
    .innerJoin('key_problem_sources as s', 's.question_id', 'q.id')
    .leftJoin('organizations as o', 'o.id', 'q.home_org_id')
    .select(QUESTION_COLUMNS)
    .where('s.key_problem_id', '=', keyProblemId)
    .orderBy('q.id')
    .execute();
}
