// Queries of long placements: a placement with its program, host unit, post and cadre; its logs and reviews. Callers
// narrow by owner (cadre), host contact or program — every list here takes the narrowing as a where.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

function placementsWithContext(db: Q) {
  return db
    .selectFrom('placements as pl')
    .innerJoin('programs as p', 'p.id', 'pl.program_id')
    .innerJoin('organizations as po', 'po.id', 'p.organizer_org_id')
    .innerJoin('host_units as h', 'h.id', 'pl.host_unit_id')
    .innerJoin('host_posts as hp', 'hp.id', 'pl.post_id')
    .innerJoin('cadres as c', 'c.id', 'pl.cadre_id')
    .innerJoin('organizations as co', 'co.id', 'c.org_id')
    .select([
      'pl.id',
      'pl.program_id',
      'pl.cadre_id',
      'pl.status',
      'pl.choice',
      'pl.explanation',
      'pl.start_date',
      'pl.end_date',
      'pl.remote_checkin_at',
      'pl.remote_checkin_contacted',
      'pl.remote_checkin_tasks',
      'p.name as program_name',
      'po.path as organizer_path',
      'h.id as host_unit_id',
      'h.name as host_name',
      'h.city as host_city',
      'h.address as host_address',
      'h.contact_user_id',
      'h.contact_name',
      'h.contact_phone',
      'h.mentor_name as host_mentor',
      'hp.id as post_id',
      'hp.title as post_title',
      'hp.mentor_name as post_mentor',
      'c.name as cadre_name',
      'c.gender as cadre_gender',
      'c.birth_date as cadre_birth_date',
      'c.position as cadre_position',
      'c.specialties as cadre_specialties',
      'co.name as cadre_org_name',
    ]);
}

export type PlacementContextRow = Awaited<ReturnType<ReturnType<typeof placementsWithContext>['execute']>>[number];

export function findPlacement(db: Q, id: number): Promise<PlacementContextRow | undefined> {
  return placementsWithContext(db).where('pl.id', '=', id).executeTakeFirst();
}

/** A cadre's placements that have been published (drafts are the organizer's working copy). */
export function listCadrePlacements(db: Q, cadreId: number): Promise<PlacementContextRow[]> {
  return placementsWithContext(db)
    .where('pl.cadre_id', '=', cadreId)
    .where('pl.status', '!=', 'draft')
    .orderBy('pl.start_date', 'desc')
    .orderBy('pl.id', 'desc')
    .execute();
}

/** Published placements at the units whose contact account is `userId`. */
export function listHostPlacements(db: Q, userId: number): Promise<PlacementContextRow[]> {
  return placementsWithContext(db)
    .where('h.contact_user_id', '=', userId)
    .where('pl.status', '!=', 'draft')
    .orderBy('pl.start_date')
    .orderBy('c.name')
    .orderBy('pl.id')
    .execute();
}

export function listProgramPlacements(db: Q, programId: number): Promise<PlacementContextRow[]> {
  return placementsWithContext(db)
    .where('pl.program_id', '=', programId)
    .where('pl.status', '!=', 'draft')
    .orderBy('h.name')
    .orderBy('c.name')
    .orderBy('pl.id')
    .execute();
}

export async function logsOf(db: Q, placementIds: readonly number[]) {
  if (placementIds.length === 0) return [];
  return db.selectFrom('placement_logs').selectAll().where('placement_id', 'in', placementIds).orderBy('week_start', 'desc').execute();
}
export type LogRow = Awaited<ReturnType<typeof logsOf>>[number];

export async function reviewsOf(db: Q, placementIds: readonly number[]) {
  if (placementIds.length === 0) return [];
  return db.selectFrom('placement_reviews').selectAll().where('placement_id', 'in', placementIds).orderBy('kind', 'desc').execute();
}
export type ReviewRow = Awaited<ReturnType<typeof reviewsOf>>[number];

export function findLog(db: Q, placementId: number, weekStart: string) {
  return db.selectFrom('placement_logs').selectAll().where('placement_id', '=', placementId).where('week_start', '=', weekStart).executeTakeFirst();
}

export function findLogById(db: Q, placementId: number, logId: number) {
  return db.selectFrom('placement_logs').selectAll().where('placement_id', '=', placementId).where('id', '=', logId).executeTakeFirst();
}

export function findReview(db: Q, placementId: number, kind: 'midterm' | 'final') {
  return db.selectFrom('placement_reviews').selectAll().where('placement_id', '=', placementId).where('kind', '=', kind).executeTakeFirst();
}
