// Queries of the placement module. Host units are visible to their registering node's subtree and shared downwards
// (a district organizer may use a unit its city registered); posts, preferences, runs and placements hang off a
// program whose scope the service checks first.
import type { Kysely, Transaction } from 'kysely';
import { inSubtree } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { isAncestorOf } from '../feedback/questionnaires.repo.ts';

type Q = Kysely<Database> | Transaction<Database>;

const UNIT_COLUMNS = [
  'u.id',
  'u.org_id',
  'u.code',
  'u.name',
  'u.kind',
  'u.city',
  'u.field',
  'u.address',
  'u.capacity',
  'u.contact_user_id',
  'u.contact_name',
  'u.contact_phone',
  'u.mentor_name',
  'o.name as org_name',
  'o.path as org_path',
  'cu.display_name as contact_user_name',
] as const;

function visibleUnits(db: Q, scope: string, ownPath: string) {
  return db
    .selectFrom('host_units as u')
    .innerJoin('organizations as o', 'o.id', 'u.org_id')
    .leftJoin('users as cu', 'cu.id', 'u.contact_user_id')
    .where((eb) => eb.or([inSubtree('o.path', scope), isAncestorOf('o.path', ownPath)]))
    .select(UNIT_COLUMNS)
    .select((eb) => eb.selectFrom('host_posts as hp').select(eb.fn.countAll<number>().as('n')).whereRef('hp.host_unit_id', '=', 'u.id').as('post_count'));
}

export function listVisibleUnits(db: Q, scope: string, ownPath: string) {
  return visibleUnits(db, scope, ownPath).orderBy('o.path').orderBy('u.name').orderBy('u.id').execute();
}
export type HostUnitRow = Awaited<ReturnType<typeof listVisibleUnits>>[number];

export function findVisibleUnit(db: Q, scope: string, ownPath: string, id: number): Promise<HostUnitRow | undefined> {
  return visibleUnits(db, scope, ownPath).where('u.id', '=', id).executeTakeFirst();
}

/** A program's posts with their unit, in display order. */
export function listProgramPosts(db: Q, programId: number) {
  return db
    .selectFrom('host_posts as p')
    .innerJoin('host_units as u', 'u.id', 'p.host_unit_id')
    .select([
      'p.id',
      'p.program_id',
      'p.host_unit_id',
      'p.title',
      'p.seats',
      'p.specialty_tags',
      'p.requirements',
      'p.mentor_name',
      'u.name as unit_name',
      'u.city as unit_city',
      'u.field as unit_field',
      'u.contact_user_id',
    ])
    .where('p.program_id', '=', programId)
    .orderBy('p.sort_order')
    .orderBy('p.id')
    .execute();
}
export type PostRow = Awaited<ReturnType<typeof listProgramPosts>>[number];

/** Cadres enrolled (not withdrawn) in a program, in cadre id order: the solver's cadre list. */
export function listEnrolledCadres(db: Q, programId: number) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('cadres as c', 'c.id', 'e.cadre_id')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .select(['e.id as enrolment_id', 'c.id', 'c.name', 'c.specialties', 'c.experiences', 'c.work_start_date', 'o.name as org_name', 'o.path as org_path'])
    .where('e.program_id', '=', programId)
    .where('e.status', '=', 'enrolled')
    .orderBy('c.id')
    .execute();
}
export type EnrolledCadreRow = Awaited<ReturnType<typeof listEnrolledCadres>>[number];

/** Bans of the program's enrolled cadres (with any unit). */
export function listProgramBans(db: Q, programId: number) {
  return db
    .selectFrom('placement_bans as b')
    .innerJoin('cadres as c', 'c.id', 'b.cadre_id')
    .innerJoin('host_units as u', 'u.id', 'b.host_unit_id')
    .select(['b.id', 'b.cadre_id', 'b.host_unit_id', 'b.kind', 'b.reason', 'b.created_at', 'c.name as cadre_name', 'u.name as unit_name'])
    .where('b.cadre_id', 'in', (eb) => eb.selectFrom('enrolments').select('cadre_id').where('program_id', '=', programId).where('status', '=', 'enrolled'))
    .orderBy('c.name')
    .orderBy('b.id')
    .execute();
}

export function listPreferences(db: Q, programId: number, side: 'cadre' | 'host') {
  return db
    .selectFrom('placement_preferences')
    .select(['cadre_id', 'post_id', 'rank', 'score'])
    .where('program_id', '=', programId)
    .where('side', '=', side)
    .orderBy('rank')
    .orderBy('id')
    .execute();
}

const PLACEMENT_COLUMNS = [
  'pl.id',
  'pl.program_id',
  'pl.cadre_id',
  'pl.post_id',
  'pl.host_unit_id',
  'pl.run_id',
  'pl.status',
  'pl.choice',
  'pl.explanation',
  'pl.start_date',
  'pl.end_date',
  'pl.published_at',
  'c.name as cadre_name',
  'o.name as cadre_org_name',
  'p.title as post_title',
  'u.name as unit_name',
] as const;

function placementsQuery(db: Q) {
  return db
    .selectFrom('placements as pl')
    .innerJoin('cadres as c', 'c.id', 'pl.cadre_id')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .innerJoin('host_posts as p', 'p.id', 'pl.post_id')
    .innerJoin('host_units as u', 'u.id', 'pl.host_unit_id')
    .select(PLACEMENT_COLUMNS);
}

export function listProgramPlacements(db: Q, programId: number) {
  return placementsQuery(db).where('pl.program_id', '=', programId).orderBy('u.name').orderBy('p.id').orderBy('c.name').execute();
}
export type PlacementRow = Awaited<ReturnType<typeof listProgramPlacements>>[number];

export function findPlacement(db: Q, id: number): Promise<PlacementRow | undefined> {
  return placementsQuery(db).where('pl.id', '=', id).executeTakeFirst();
}

/** Whether a program already has placements past draft: trainees' choices and drafts are then frozen. */
export async function hasPublishedPlacements(db: Q, programId: number): Promise<boolean> {
  const row = await db.selectFrom('placements').select('id').where('program_id', '=', programId).where('status', '!=', 'draft').limit(1).executeTakeFirst();
  return row !== undefined;
}
