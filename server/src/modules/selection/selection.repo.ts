// Queries of the selection module: quotas with their unit, nominations with the cadre and units they concern, the
// approval-chain events, candidate cadres and the facts eligibility needs. Callers pass the scope prefixes.
import type { Kysely, Transaction } from 'kysely';
import { containsText, inSubtree } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

function quotasWithUnit(db: Q) {
  return db
    .selectFrom('nomination_quotas as q')
    .innerJoin('programs as p', 'p.id', 'q.program_id')
    .innerJoin('organizations as po', 'po.id', 'p.organizer_org_id')
    .leftJoin('organizations as qo', 'qo.id', 'q.org_id')
    .select([
      'q.id',
      'q.program_id',
      'q.org_id',
      'q.unit_category',
      'q.quota',
      'q.note',
      'qo.name as org_name',
      'qo.path as org_path',
      'po.path as organizer_path',
      'po.id as organizer_org_id',
    ]);
}
export type QuotaRow = Awaited<ReturnType<ReturnType<typeof quotasWithUnit>['execute']>>[number];

export const listProgramQuotas = (db: Q, programId: number): Promise<QuotaRow[]> =>
  quotasWithUnit(db).where('q.program_id', '=', programId).orderBy('q.id').execute();

export const findQuota = (db: Q, quotaId: number): Promise<QuotaRow | undefined> => quotasWithUnit(db).where('q.id', '=', quotaId).executeTakeFirst();

/** Quotas of programs open for nomination (status enrolling), for the calls list. */
export const listOpenQuotas = (db: Q): Promise<QuotaRow[]> =>
  quotasWithUnit(db).where('p.status', '=', 'enrolling').orderBy('q.program_id').orderBy('q.id').execute();

/** quota id and status of every nomination of a program (for used/remaining). */
export const nominationQuotaStatuses = (db: Q, programIds: readonly number[]) =>
  programIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('nominations').select(['program_id', 'quota_id as quotaId', 'status']).where('program_id', 'in', programIds).execute();

function nominationsWithPeople(db: Q) {
  return db
    .selectFrom('nominations as n')
    .innerJoin('cadres as c', 'c.id', 'n.cadre_id')
    .innerJoin('organizations as co', 'co.id', 'c.org_id')
    .innerJoin('organizations as no', 'no.id', 'n.nominating_org_id')
    .leftJoin('nomination_quotas as q', 'q.id', 'n.quota_id')
    .leftJoin('organizations as qo', 'qo.id', 'q.org_id')
    .select([
      'n.id',
      'n.program_id',
      'n.cadre_id',
      'n.quota_id',
      'n.nominating_org_id',
      'n.status',
      'n.waitlist_position',
      'n.statement',
      'n.decision_reason',
      'n.enrolment_id',
      'n.created_at',
      'n.updated_at',
      'no.name as nominating_org_name',
      'no.path as nominating_org_path',
      'q.unit_category as quota_category',
      'qo.name as quota_org_name',
      'c.name as cadre_name',
      'c.gender',
      'c.birth_date',
      'c.position',
      'c.rank',
      'c.specialties',
      'c.org_id as cadre_org_id',
      'co.name as cadre_org_name',
      'co.level as cadre_org_level',
    ]);
}
export type NominationFullRow = Awaited<ReturnType<ReturnType<typeof nominationsWithPeople>['execute']>>[number];

/** A program's nominations; with `nominatorPrefix`, only those of nominating units inside that subtree. */
export function listNominations(db: Q, programId: number, filter: { status?: string | undefined; nominatorPrefix?: string | undefined; ids?: number[] }) {
  return nominationsWithPeople(db)
    .where('n.program_id', '=', programId)
    .$if(filter.status !== undefined, (q) => q.where('n.status', '=', filter.status!))
    .$if(filter.nominatorPrefix !== undefined, (q) => q.where(inSubtree('no.path', filter.nominatorPrefix!)))
    .$if(filter.ids !== undefined, (q) => q.where('n.id', 'in', filter.ids!.length ? filter.ids! : [0]))
    .orderBy('n.id')
    .execute();
}

export const findNomination = (db: Q, id: number): Promise<NominationFullRow | undefined> =>
  nominationsWithPeople(db).where('n.id', '=', id).executeTakeFirst();

export async function eventsOf(db: Q, nominationIds: readonly number[]) {
  if (nominationIds.length === 0) return [];
  return db.selectFrom('nomination_events').selectAll().where('nomination_id', 'in', nominationIds).orderBy('id').execute();
}

export async function insertEvent(
  db: Q,
  e: {
    nominationId: number;
    action: string;
    from: string | null;
    to: string;
    reason: string | null;
    actorId: number | null;
    actorName: string | null;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('nomination_events')
    .values({
      nomination_id: e.nominationId,
      action: e.action,
      from_status: e.from,
      to_status: e.to,
      reason: e.reason,
      actor_id: e.actorId,
      actor_name: e.actorName,
      at: e.at,
    })
    .execute();
}

/** Cadres inside every given subtree (and of a grassroots level or org kind when asked), by name. */
export function candidateCadres(
  db: Q,
  filter: { prefixes: readonly string[]; category: string | null; q?: string | undefined; ids?: readonly number[] },
  limit: number,
  offset: number,
) {
  let query = db
    .selectFrom('cadres as c')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .select([
      'c.id',
      'c.name',
      'c.gender',
      'c.birth_date',
      'c.work_start_date',
      'c.position',
      'c.rank',
      'c.specialties',
      'c.org_id',
      'o.name as org_name',
      'o.level as org_level',
      'o.path as org_path',
      'o.kind as org_kind',
    ]);
  for (const p of filter.prefixes) query = query.where(inSubtree('o.path', p));
  if (filter.category === 'grassroots') query = query.where('o.level', 'in', ['township', 'village']);
  else if (filter.category !== null) query = query.where('o.kind', '=', filter.category);
  if (filter.q) query = query.where(containsText('c.name', filter.q));
  if (filter.ids) query = query.where('c.id', 'in', filter.ids.length ? [...filter.ids] : [0]);
  return query.orderBy('o.path').orderBy('c.name').orderBy('c.id').limit(limit).offset(offset).execute();
}
export type CandidateRow = Awaited<ReturnType<typeof candidateCadres>>[number];

export async function countCandidateCadres(db: Q, filter: { prefixes: readonly string[]; category: string | null; q?: string | undefined }): Promise<number> {
  let query = db
    .selectFrom('cadres as c')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .select((eb) => eb.fn.countAll<string | number>().as('n'));
  for (const p of filter.prefixes) query = query.where(inSubtree('o.path', p));
  if (filter.category === 'grassroots') query = query.where('o.level', 'in', ['township', 'village']);
  else if (filter.category !== null) query = query.where('o.kind', '=', filter.category);
  if (filter.q) query = query.where(containsText('c.name', filter.q));
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** Programs each cadre is enrolled in (status enrolled), for the overlap rule. */
export async function enrolledProgramsOf(db: Q, cadreIds: readonly number[]) {
  if (cadreIds.length === 0) return [];
  return db
    .selectFrom('enrolments as e')
    .innerJoin('programs as p', 'p.id', 'e.program_id')
    .select(['e.cadre_id', 'p.id', 'p.name', 'p.start_date', 'p.end_date'])
    .where('e.cadre_id', 'in', [...cadreIds])
    .where('e.status', '=', 'enrolled')
    .execute();
}

export async function nominatedCadreIds(db: Q, programId: number, cadreIds: readonly number[]): Promise<Map<number, string>> {
  if (cadreIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('nominations')
    .select(['cadre_id', 'status'])
    .where('program_id', '=', programId)
    .where('cadre_id', 'in', [...cadreIds])
    .execute();
  return new Map(rows.map((r) => [r.cadre_id, r.status]));
}

export async function enrolledCount(db: Q, programId: number): Promise<number> {
  const r = await db
    .selectFrom('enrolments')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('program_id', '=', programId)
    .where('status', '=', 'enrolled')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function classCapacityTotal(db: Q, programId: number): Promise<number | null> {
  const r = await db
    .selectFrom('program_classes')
    .select((eb) => [eb.fn.sum<string | number | null>('capacity').as('total'), eb.fn.countAll<string | number>().as('n')])
    .where('program_id', '=', programId)
    .executeTakeFirstOrThrow();
  return Number(r.n) > 0 ? Number(r.total) : null;
}

/** Cadres among `cadreIds` already enrolled (status enrolled) in the program. */
export async function enrolledInProgram(db: Q, programId: number, cadreIds: readonly number[]): Promise<Set<number>> {
  if (cadreIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('enrolments')
    .select('cadre_id')
    .where('program_id', '=', programId)
    .where('status', '=', 'enrolled')
    .where('cadre_id', 'in', [...cadreIds])
    .execute();
  return new Set(rows.map((r) => r.cadre_id));
}
