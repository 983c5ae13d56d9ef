// Grouped counts behind the results funnel: one query per stage for any number of programs, and one per series for
// the monthly chart. The series are grouped by the hour of the stored UTC instant so the service can bucket them
// into Beijing months without dialect-specific date arithmetic.
import { sql, type Kysely, type Transaction } from 'kysely';
import { inSubtree } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** Programs whose organizer lies in the subtree, optionally just one. */
export const listProgramsInSubtree = (db: Q, prefix: string, programId: number | undefined) =>
  db
    .selectFrom('programs as p')
    .innerJoin('organizations as o', 'o.id', 'p.organizer_org_id')
    .select(['p.id', 'p.name', 'p.status', 'p.start_date'])
    .where(inSubtree('o.path', prefix))
    .$if(programId !== undefined, (q) => q.where('p.id', '=', programId!))
    .orderBy('p.start_date', 'desc')
    .orderBy('p.id', 'desc')
    .execute();

const n = (v: string | number | bigint | null | undefined): number => Number(v ?? 0);

/** program id → count, from rows of `{ program_id, count }`. */
const byProgram = (rows: { program_id: number; count: string | number | bigint }[]) => new Map(rows.map((r) => [r.program_id, n(r.count)]));

export async function countQuestions(db: Q, ids: number[]) {
  const rows = await db
    .selectFrom('problem_questions')
    .select((eb) => ['program_id', eb.fn.countAll().as('count')])
    .where('program_id', 'in', ids)
    .groupBy('program_id')
    .execute();
  return byProgram(rows);
}

export async function countTopics(db: Q, ids: number[]) {
  const rows = await db
    .selectFrom('research_topics')
    .select((eb) => ['program_id', eb.fn.countAll().as('count')])
    .where('program_id', 'in', ids)
    .groupBy('program_id')
    .execute();
  return byProgram(rows);
}

export async function countSubmittedReports(db: Q, ids: number[]) {
  const rows = await db
    .selectFrom('research_reports')
    .select((eb) => ['program_id', eb.fn.countAll().as('count')])
    .where('program_id', 'in', ids)
    .where('status', '=', 'submitted')
    .groupBy('program_id')
    .execute();
  return byProgram(rows);
}

/** Active working-list items per program and kind (kind null: unclassified). */
export async function countActiveKeyProblems(db: Q, ids: number[]) {
  const rows = await db
    .selectFrom('key_problems')
    .select((eb) => ['program_id', 'kind', eb.fn.countAll().as('count')])
    .where('program_id', 'in', ids)
    .where('status', '=', 'active')
    .groupBy(['program_id', 'kind'])
    .execute();
  return rows.map((r) => ({ programId: r.program_id, kind: r.kind, count: n(r.count) }));
}

/** The latest published list version of each program (by publication instant, then id). */
export async function latestVersions(db: Q, ids: number[]) {
  const rows = await db
    .selectFrom('problem_list_versions as v')
    .select(['v.program_id', 'v.version', 'v.snapshot'])
    .where('v.program_id', 'in', ids)
    .where((outer) =>
      outer.not(
        outer.exists(
          outer
            .selectFrom('problem_list_versions as w')
            .select('w.id')
            .whereRef('w.program_id', '=', 'v.program_id')
            .where((eb) =>
              eb.or([
                eb('w.published_at', '>', eb.ref('v.published_at')),
                eb.and([eb('w.published_at', '=', eb.ref('v.published_at')), eb('w.id', '>', eb.ref('v.id'))]),
              ]),
            ),
        ),
      ),
    )
    .execute();
  return new Map(rows.map((r) => [r.program_id, r]));
}

/** Recommendations per program and status, and how many of them are overdue on `today`. */
export async function countRecommendations(db: Q, ids: number[], today: string) {
  const [byStatus, overdue] = await Promise.all([
    db
      .selectFrom('recommendations')
      .select((eb) => ['program_id', 'status', eb.fn.countAll().as('count')])
      .where('program_id', 'in', ids)
      .groupBy(['program_id', 'status'])
      .execute(),
    db
      .selectFrom('recommendations')
      .select((eb) => ['program_id', eb.fn.countAll().as('count')])
      .where('program_id', 'in', ids)
      .where('deadline', 'is not', null)
      .where('deadline', '<', today)
      .where('status', 'not in', ['landed', 'rejected'])
      .groupBy('program_id')
      .execute(),
  ]);
  return { byStatus: byStatus.map((r) => ({ programId: r.program_id, status: r.status, count: n(r.count) })), overdue: byProgram(overdue) };
}

type MonthlyTable = 'problem_questions' | 'research_topics' | 'research_reports' | 'recommendations';
type MonthlyColumn = 'created_at' | 'submitted_at' | 'landed_at';

/** Rows per stored hour ('YYYY-MM-DDTHH', or the date for date-only values) of `column` in [fromInstant, beforeInstant). */
export async function countByHour(
  db: Q,
  table: MonthlyTable,
  column: MonthlyColumn,
  ids: number[],
  fromInstant: string,
  beforeInstant: string,
): Promise<{ hour: string; count: number }[]> {
  const hour = sql<string>`substr(${sql.ref(column)}, 1, 13)`;
  const rows = await db
    .selectFrom(table)
    .select([hour.as('hour'), sql<string | number>`count(*)`.as('count')])
    .where('program_id', 'in', ids)
    .where(sql.ref(column), '>=', fromInstant)
    .where(sql.ref(column), '<', beforeInstant)
    .groupBy(hour)
    .execute();
  return rows.map((r) => ({ hour: r.hour, count: n(r.count) }));
}
