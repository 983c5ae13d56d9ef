// The formation draft of a program (one row per program in formation_drafts): read and upsert.
import type { FormationLock, FormationSolution, FormationStats } from '@duibiao/contracts';
import type { Kysely } from 'kysely';
import { nowIso } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';

export interface StoredDraft {
  id: number;
  seed: number;
  groupSize: { min: number; max: number };
  solution: FormationSolution;
  locks: FormationLock[];
  stats: Partial<FormationStats>;
  appliedAt: string | null;
  updatedAt: string;
}

function parse<T>(json: string, fallback: T): T {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

export async function findDraft(db: Kysely<Database>, programId: number): Promise<StoredDraft | null> {
  const row = await db.selectFrom('formation_drafts').selectAll().where('program_id', '=', programId).executeTakeFirst();
  if (!row) return null;
  const solution = parse<FormationSolution>(row.solution, { classes: [] });
  return {
    id: row.id,
    seed: row.seed,
    groupSize: { min: row.group_min, max: row.group_max },
    solution: Array.isArray(solution.classes) ? solution : { classes: [] },
    locks: parse<FormationLock[]>(row.locks, []),
    stats: parse<Partial<FormationStats>>(row.stats, {}),
    appliedAt: row.applied_at,
    updatedAt: row.updated_at,
  };
}

export interface DraftWrite {
  seed: number;
  groupSize: { min: number; max: number };
  solution: FormationSolution;
  locks: FormationLock[];
  stats: FormationStats;
  appliedAt: string | null;
}

/** Inserts or replaces the program's draft; returns its id. Call inside the write transaction. */
export async function upsertDraft(trx: Kysely<Database>, programId: number, userId: number, d: DraftWrite): Promise<number> {
  const at = nowIso();
  const values = {
    seed: d.seed,
    group_min: d.groupSize.min,
    group_max: d.groupSize.max,
    solution: JSON.stringify(d.solution),
    locks: JSON.stringify(d.locks),
    stats: JSON.stringify(d.stats),
    updated_by: userId || null,
    applied_at: d.appliedAt,
    updated_at: at,
  };
  const existing = await trx.selectFrom('formation_drafts').select('id').where('program_id', '=', programId).executeTakeFirst();
  if (existing) {
    await trx.updateTable('formation_drafts').set(values).where('id', '=', existing.id).execute();
    return existing.id;
  }
  const { id } = await trx
    .insertInto('formation_drafts')
    .values({ ...values, program_id: programId, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
