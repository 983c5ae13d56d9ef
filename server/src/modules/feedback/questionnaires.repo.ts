// Queries of questionnaire templates and responses. A template is visible to its org's subtree (shared downwards)
// and to the callers whose subtree contains its org; responses are read without the respondent.
import { sql, type Kysely, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import { inSubtree } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** `column` (an org path) is an ancestor-or-self of `path`: the record is shared down to the caller. */
export function isAncestorOf(column: string, path: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`substr(cast(${path} as text), 1, length(${sql.ref(column)})) = ${sql.ref(column)}`;
}

/** Templates in the caller's subtree or owned by one of the caller's ancestors, with their response counts. */
export function listVisibleTemplates(db: Q, scope: string, ownPath: string) {
  return db
    .selectFrom('questionnaire_templates as t')
    .innerJoin('organizations as o', 'o.id', 't.org_id')
    .select((eb) => [
      't.id',
      't.org_id',
      't.name',
      't.questions',
      't.created_at',
      't.updated_at',
      'o.name as org_name',
      'o.path as org_path',
      eb
        .selectFrom('questionnaire_responses as r')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('r.template_id', '=', 't.id')
        .as('responses'),
    ])
    .where((eb) => eb.or([inSubtree('o.path', scope), isAncestorOf('o.path', ownPath)]))
    .orderBy('o.path')
    .orderBy('t.id')
    .execute();
}

export type TemplateRow = Awaited<ReturnType<typeof listVisibleTemplates>>[number];

export async function findVisibleTemplate(db: Q, scope: string, ownPath: string, id: number): Promise<TemplateRow | undefined> {
  return (await listVisibleTemplates(db, scope, ownPath)).find((t) => t.id === id);
}

export function findTemplate(db: Q, id: number) {
  return db.selectFrom('questionnaire_templates').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findTemplateByName(db: Q, orgId: number, name: string) {
  return db.selectFrom('questionnaire_templates').selectAll().where('org_id', '=', orgId).where('name', '=', name).orderBy('id').executeTakeFirst();
}

export async function insertTemplate(db: Q, row: { org_id: number; name: string; questions: string; created_at: string; updated_at: string }): Promise<number> {
  const { id } = await db.insertInto('questionnaire_templates').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function countTemplateUse(db: Q, id: number): Promise<{ responses: number; programs: number }> {
  const r = await db
    .selectFrom('questionnaire_responses')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('template_id', '=', id)
    .executeTakeFirstOrThrow();
  const p = await db
    .selectFrom('programs')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('questionnaire_template_id', '=', id)
    .executeTakeFirstOrThrow();
  return { responses: Number(r.n), programs: Number(p.n) };
}

export function countProgramResponses(db: Q, programId: number): Promise<number> {
  return db
    .selectFrom('questionnaire_responses')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('program_id', '=', programId)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

/** Answers of a program's questionnaire — deliberately without the respondent. */
export function listAnswers(db: Q, programId: number) {
  return db.selectFrom('questionnaire_responses').select(['answers']).where('program_id', '=', programId).execute();
}

/** Programs the trainee is actively enrolled in, with their questionnaire template and own submission time. */
export function listMyQuestionnairePrograms(db: Q, cadreId: number, statuses: readonly string[]) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('programs as p', 'p.id', 'e.program_id')
    .leftJoin('questionnaire_templates as t', 't.id', 'p.questionnaire_template_id')
    .leftJoin('questionnaire_responses as r', (j) => j.onRef('r.program_id', '=', 'p.id').on('r.cadre_id', '=', cadreId))
    .select(['p.id', 'p.name', 'p.status', 'p.start_date', 't.name as template_name', 't.questions as template_questions', 'r.created_at as submitted_at'])
    .where('e.cadre_id', '=', cadreId)
    .where('e.status', '=', 'enrolled')
    .where('p.status', 'in', statuses)
    .orderBy('p.start_date', 'desc')
    .orderBy('p.id')
    .execute();
}

export function findOwnResponse(db: Q, programId: number, cadreId: number) {
  return db.selectFrom('questionnaire_responses').select(['id']).where('program_id', '=', programId).where('cadre_id', '=', cadreId).executeTakeFirst();
}
