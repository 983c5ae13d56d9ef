// Shared pieces of the issue-5 demo loaders: lookups by natural key, instants on a date, batched inserts.
import { tokenize } from '@duibiao/core/text/index';
import { sql, type InsertObject, type Insertable, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export type Trx = Kysely<Database>;

/** An instant on a demo date: hour in UTC (Beijing 8 hours later), so 01:00 is 09:00 Beijing. */
export const at = (date: string, hourUtc = 1, minute = 0): string => `${date}T${String(hourUtc).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;

/** The `search_terms` form of schema-results.ts: ' ' + tokenize(text).join(' ') + ' '. */
export const searchTerms = (...texts: (string | null | undefined)[]): string => ` ${tokenize(texts.filter(Boolean).join('\n')).join(' ')} `;

/** Inserts rows whose ids nobody needs, in chunks small enough for either database's parameter limit. */
export async function insertMany<T extends keyof Database>(trx: Trx, table: T, rows: Insertable<Database[T]>[], chunk = 200): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    // A generic table's row type is not resolvable by Kysely; callers pass Insertable rows of that very table.
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + chunk) as unknown as InsertObject<Database, T>[])
      .execute();
  }
}

/** Inserts one row and returns its id (rows other rows point at). */
export async function insertId<T extends keyof Database>(trx: Trx, table: T, row: Insertable<Database[T]>): Promise<number> {
  const r = await trx
    .insertInto(table)
    .values(row as unknown as InsertObject<Database, T>)
    .returning(sql<number>`id`.as('id'))
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export interface Org {
  id: number;
  code: string;
  name: string;
}

export async function orgsByCode(trx: Trx, prefix: string): Promise<Map<string, Org>> {
  const rows = await trx
    .selectFrom('organizations')
    .select(['id', 'code', 'name'])
    .where((eb) => eb.or([eb('code', '=', prefix), eb('code', 'like', `${prefix}-%`)]))
    .execute();
  return new Map(rows.map((r) => [r.code, r]));
}

export async function userIds(trx: Trx): Promise<Map<string, number>> {
  const rows = await trx.selectFrom('users').select(['id', 'username']).execute();
  return new Map(rows.map((r) => [r.username, r.id]));
}

export interface Trainee {
  cadreId: number;
  enrolmentId: number;
  name: string;
  orgId: number;
  politicalStatus: string | null;
  classId: number | null;
  groupId: number | null;
  roles: string[];
}

/** Enrolled trainees of a program in enrolment order. */
export async function traineesOf(trx: Trx, programId: number): Promise<Trainee[]> {
  const rows = await trx
    .selectFrom('enrolments as e')
    .innerJoin('cadres as c', 'c.id', 'e.cadre_id')
    .select([
      'e.id as enrolmentId',
      'e.cadre_id as cadreId',
      'c.name',
      'c.org_id as orgId',
      'c.political_status as politicalStatus',
      'e.class_id as classId',
      'e.group_id as groupId',
      'e.roles',
    ])
    .where('e.program_id', '=', programId)
    .where('e.status', '=', 'enrolled')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({ ...r, roles: JSON.parse(r.roles) as string[] }));
}

export const isPartyMember = (status: string | null): boolean => status === '中共党员' || status === '中共预备党员';
