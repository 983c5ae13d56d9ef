// Queries of session ratings. Report queries never select `cadre_id`: who rated stays in the table only to stop
// double rating.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { sessionIsForEnrolment } from '../programs/audience.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** The session with what the audience rule needs, and the trainee's active enrolment in its program (if any). */
export async function findSessionForTrainee(db: Q, sessionId: number, cadreId: number) {
  return db
    .selectFrom('program_sessions as s')
    .innerJoin('programs as p', 'p.id', 's.program_id')
    .innerJoin('organizations as o', 'o.id', 'p.organizer_org_id')
    .innerJoin('enrolments as e', (j) => j.onRef('e.program_id', '=', 's.program_id').on('e.cadre_id', '=', cadreId).on('e.status', '=', 'enrolled'))
    .select([
      's.id',
      's.title',
      's.ends_at',
      's.audience_kind',
      's.audience_class_id',
      's.audience_group_id',
      'e.class_id',
      'e.group_id',
      'o.path as organizer_path',
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}

export async function insertRating(
  db: Q,
  row: { session_id: number; cadre_id: number; content: number; delivery: number; usefulness: number; comment: string | null; created_at: string },
): Promise<number> {
  const { id } = await db.insertInto('session_ratings').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Sessions for the trainee (audience rule, active enrolment) that they have not rated; the caller keeps ended ones. */
export function listUnratedSessions(db: Q, cadreId: number) {
  return db
    .selectFrom('program_sessions as s')
    .innerJoin('enrolments as e', (j) => j.onRef('e.program_id', '=', 's.program_id').on('e.cadre_id', '=', cadreId).on('e.status', '=', 'enrolled'))
    .where(sessionIsForEnrolment)
    .innerJoin('programs as p', 'p.id', 's.program_id')
    .leftJoin('venues as v', 'v.id', 's.venue_id')
    .leftJoin('session_ratings as r', (j) => j.onRef('r.session_id', '=', 's.id').on('r.cadre_id', '=', cadreId))
    .where('r.id', 'is', null)
    .select(['s.id', 's.program_id', 'p.name as program_name', 's.title', 's.type', 's.starts_at', 's.ends_at', 'v.name as venue_name'])
    .orderBy('s.starts_at', 'desc')
    .orderBy('s.id')
    .execute();
}

/** Instructor names per session, in a stable order. */
export async function instructorsOf(db: Q, sessionIds: readonly number[]) {
  if (sessionIds.length === 0) return [];
  return db
    .selectFrom('session_instructors as si')
    .innerJoin('instructors as i', 'i.id', 'si.instructor_id')
    .select(['si.session_id', 'i.id', 'i.name', 'i.title', 'i.unit'])
    .where('si.session_id', 'in', sessionIds)
    .orderBy('i.name')
    .orderBy('i.id')
    .execute();
}

export function listProgramSessions(db: Q, programId: number) {
  return db
    .selectFrom('program_sessions as s')
    .leftJoin('venues as v', 'v.id', 's.venue_id')
    .select(['s.id', 's.title', 's.type', 's.starts_at', 's.ends_at', 's.venue_id', 'v.name as venue_name', 'v.address as venue_address'])
    .where('s.program_id', '=', programId)
    .orderBy('s.starts_at')
    .orderBy('s.id')
    .execute();
}

/** Scores and comments of a program's sessions — deliberately without the rater. */
export function listAnonymousRatings(db: Q, programId: number) {
  return db
    .selectFrom('session_ratings as r')
    .innerJoin('program_sessions as s', 's.id', 'r.session_id')
    .select(['r.session_id', 'r.content', 'r.delivery', 'r.usefulness', 'r.comment'])
    .where('s.program_id', '=', programId)
    .execute();
}
