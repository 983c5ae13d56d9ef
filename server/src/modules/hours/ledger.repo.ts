// The ledger's queries. They run once per check-in (the 10,000-check-in burst calls them for one cadre each), so
// each is compiled once per dialect and then executed with fresh values inside the caller's transaction: no
// Kysely compile per call, a cached statement on SQLite and a named prepared statement on PostgreSQL.
import { CompiledQuery, sql, type Compilable, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { hotStatements } from '../../db/statement-cache.ts';
import type { LedgerSession } from './progress.rules.ts';

type Q = Kysely<Database> | Transaction<Database>;

export interface LedgerProgram {
  name: string;
  start_date: string;
  organizer_name: string;
  /** JSON of the nearest ancestor-or-self credit policy of the organizer, null when none is set. */
  policy: string | null;
}

export type { LedgerSession };

export interface LedgerEnrolment {
  id: number;
  class_id: number | null;
  group_id: number | null;
}

export interface LedgerMark {
  session_id: number;
  status: string;
  minutes_missed: number;
}

export interface LedgerRow {
  cadre_id: number;
  program_id: number;
  category: string;
  title: string;
  provider: string;
  date: string;
  hours: number;
  days: number;
  at: string;
}

const SENTINEL = '\u0000ledger:';
const p = <T = number>(name: string) => `${SENTINEL}${name}` as unknown as T;

interface Compiled {
  sql: string;
  slots: (string | null)[];
  fixed: readonly unknown[];
}

/**
 * A query compiled on first use per dialect adapter (SQLite and PostgreSQL compile differently) and reused.
 * Placeholders made with `p(name)` are filled from `params` on every run.
 */
function compiledOnce<P extends Record<string, unknown>, R>(build: (db: Kysely<Database>) => Compilable<R>) {
  const byAdapter = new WeakMap<object, Compiled>();
  return async (db: Q, params: P): Promise<R[]> => {
    const adapter = db.getExecutor().adapter;
    let c = byAdapter.get(adapter);
    if (!c) {
      const compiled = build(db).compile();
      const slots = compiled.parameters.map((v) => (typeof v === 'string' && v.startsWith(SENTINEL) ? v.slice(SENTINEL.length) : null));
      c = { sql: compiled.sql, slots, fixed: compiled.parameters };
      hotStatements.add(c.sql);
      byAdapter.set(adapter, c);
    }
    const { slots, fixed } = c;
    const values = slots.map((slot, i) => (slot === null ? fixed[i] : params[slot]));
    return (await db.executeQuery<R>(CompiledQuery.raw(c.sql, values))).rows;
  };
}

/** The program, its organizer, and the policy of the organizer's nearest node that has one. */
const programQuery = compiledOnce<{ programId: number }, LedgerProgram>((db) =>
  db
    .selectFrom('programs as p')
    .innerJoin('organizations as o', 'o.id', 'p.organizer_org_id')
    .select(['p.name', 'p.start_date', 'o.name as organizer_name'])
    .select((eb) =>
      eb
        .selectFrom('credit_policies as cp')
        .innerJoin('organizations as a', 'a.id', 'cp.org_id')
        .select('cp.policy')
        // a is an ancestor-or-self of o when a's path is a prefix of o's.
        .where(sql<boolean>`substr(o.path, 1, length(a.path)) = a.path`)
        .orderBy(sql`length(a.path)`, 'desc')
        .limit(1)
        .as('policy'),
    )
    .where('p.id', '=', p('programId')),
);

const sessionsQuery = compiledOnce<{ programId: number }, LedgerSession>((db) =>
  db
    .selectFrom('program_sessions')
    .select(['id', 'starts_at', 'ends_at', 'credited_hours', 'mode', 'audience_kind', 'audience_class_id', 'audience_group_id'])
    .where('program_id', '=', p('programId')),
);

type Nullable<T> = { [K in keyof T]: T[K] | null };

/** The cadre's enrolment with its stop-0 attendance marks (one row per mark; one row of null marks when none). */
const enrolmentQuery = compiledOnce<{ programId: number; cadreId: number }, LedgerEnrolment & Nullable<LedgerMark>>((db) =>
  db
    .selectFrom('enrolments as e')
    .leftJoin('attendance as a', (j) => j.onRef('a.enrolment_id', '=', 'e.id').on('a.stop_seq', '=', 0))
    .select(['e.id', 'e.class_id', 'e.group_id', 'a.session_id', 'a.status', 'a.minutes_missed'])
    .where('e.program_id', '=', p('programId'))
    .where('e.cadre_id', '=', p('cadreId')),
);

/** The cadre's current program rows, so an unchanged result writes nothing. */
const rowsQuery = compiledOnce<
  { programId: number; cadreId: number },
  { category: string; hours: number; days: number; title: string; provider: string | null; date: string }
>((db) =>
  db
    .selectFrom('hours_entries')
    .select(['category', 'hours', 'days', 'title', 'provider', 'date'])
    .where('cadre_id', '=', p('cadreId'))
    .where('program_id', '=', p('programId'))
    .where('source', '=', 'program')
    .orderBy('category'),
);

/**
 * Takes the enrolment's row lock before rewriting (a no-op update, portable to both dialects): on PostgreSQL two
 * concurrent recomputes for one cadre (a retried check-in) then run one after the other, and the second one's delete
 * sees the first one's rows instead of leaving both sets. SQLite serialises writers anyway.
 */
const lockQuery = compiledOnce<{ programId: number; cadreId: number }, never>((db) =>
  db
    .updateTable('enrolments')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('program_id', '=', p('programId'))
    .where('cadre_id', '=', p('cadreId')),
);

// By cadre first: hours_entries_cadre_idx narrows to one cadre's few rows, whatever the program's size.
const deleteQuery = compiledOnce<{ programId: number; cadreId: number }, never>((db) =>
  db.deleteFrom('hours_entries').where('cadre_id', '=', p('cadreId')).where('program_id', '=', p('programId')).where('source', '=', 'program'),
);

const insertQuery = compiledOnce<Record<keyof LedgerRow, unknown>, never>((db) =>
  db.insertInto('hours_entries').values({
    cadre_id: p('cadre_id'),
    program_id: p('program_id'),
    source: 'program',
    category: p<string>('category'),
    title: p<string>('title'),
    provider: p<string>('provider'),
    date: p<string>('date'),
    hours: p('hours'),
    days: p('days'),
    evidence_name: null,
    evidence_path: null,
    note: null,
    created_by: null,
    created_at: p<string>('at'),
    updated_at: p<string>('at'),
  }),
);

/** The program and its sessions, or undefined when the program does not exist. */
export async function loadProgramForLedger(db: Q, programId: number): Promise<{ program: LedgerProgram; sessions: LedgerSession[] } | undefined> {
  const [program] = await programQuery(db, { programId });
  if (!program) return undefined;
  return { program, sessions: await sessionsQuery(db, { programId }) };
}

/** The cadre's enrolment and stop-0 marks, or undefined when not enrolled. */
export async function loadEnrolmentMarks(db: Q, programId: number, cadreId: number): Promise<{ enrolment: LedgerEnrolment; marks: LedgerMark[] } | undefined> {
  const rows = await enrolmentQuery(db, { programId, cadreId });
  const first = rows[0];
  if (!first) return undefined;
  return {
    enrolment: { id: first.id, class_id: first.class_id, group_id: first.group_id },
    marks: rows.filter((r): r is typeof r & LedgerMark => r.session_id !== null),
  };
}

export const loadProgramRows = (db: Q, programId: number, cadreId: number) => rowsQuery(db, { programId, cadreId });
export const lockEnrolment = async (db: Q, programId: number, cadreId: number) => void (await lockQuery(db, { programId, cadreId }));
export const deleteProgramRows = async (db: Q, programId: number, cadreId: number) => void (await deleteQuery(db, { programId, cadreId }));
export const insertProgramRow = async (db: Q, row: LedgerRow) => void (await insertQuery(db, row));
