// Timetable queries: a program's sessions with venues, instructors and stops; registries; writes.
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import { inSubtree } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import type { ProgramSessionsTable } from '../../db/schema-programs.ts';
import type { ClassInfo, GroupInfo, SessionRow, SessionRows } from './timetable.rules.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** Columns of a session row joined with its venue (`program_sessions as s`, `venues as v`); the calendar feed uses them too. */
export const SESSION_COLUMNS = [
  's.id',
  's.program_id',
  's.title',
  's.type',
  's.starts_at',
  's.ends_at',
  's.venue_id',
  'v.name as venue_name',
  'v.address as venue_address',
  'v.lat as venue_lat',
  'v.lng as venue_lng',
  'v.offsite as venue_offsite',
  's.audience_kind',
  's.audience_class_id',
  's.audience_group_id',
  's.credited_hours',
  's.mode',
  's.checkin_enabled',
  's.geofence_m',
  's.notes',
  's.updated_at',
] as const;

/** Sessions of one program (or one session when `sessionId` is given), with instructors and stops, in start order. */
export async function loadSessions(db: Q, programId: number, sessionId?: number): Promise<SessionRows> {
  const sessions = (await db
    .selectFrom('program_sessions as s')
    .leftJoin('venues as v', 'v.id', 's.venue_id')
    .select(SESSION_COLUMNS)
    .where('s.program_id', '=', programId)
    .$if(sessionId !== undefined, (q) => q.where('s.id', '=', sessionId!))
    .orderBy('s.starts_at')
    .orderBy('s.ends_at')
    .orderBy('s.id')
    .execute()) as SessionRow[];
  const instructors = await db
    .selectFrom('session_instructors as si')
    .innerJoin('program_sessions as s', 's.id', 'si.session_id')
    .innerJoin('instructors as i', 'i.id', 'si.instructor_id')
    .select(['si.session_id', 'si.instructor_id', 'i.name', 'i.title', 'i.unit'])
    .where('s.program_id', '=', programId)
    .$if(sessionId !== undefined, (q) => q.where('s.id', '=', sessionId!))
    .orderBy('si.session_id')
    .orderBy('i.name')
    .execute();
  const stops = await db
    .selectFrom('session_stops as st')
    .innerJoin('program_sessions as s', 's.id', 'st.session_id')
    .leftJoin('venues as v', 'v.id', 'st.venue_id')
    .select(['st.id', 'st.session_id', 'st.seq', 'st.name', 'st.venue_id', 'v.name as venue_name', 'st.planned_at'])
    .where('s.program_id', '=', programId)
    .$if(sessionId !== undefined, (q) => q.where('s.id', '=', sessionId!))
    .execute();
  return { sessions, instructors, stops };
}

/** Sessions of other programs, organized inside `scope`, in [from, to) that use one of these instructors or venues. */
export async function loadSharedSessions(
  db: Q,
  programId: number,
  scope: string,
  range: { from: string; to: string },
  instructorIds: number[],
  venueIds: number[],
): Promise<SessionRows & { programs: Map<number, string> }> {
  if (!instructorIds.length && !venueIds.length) return { sessions: [], instructors: [], stops: [], programs: new Map() };
  const ids = await db
    .selectFrom('program_sessions as s')
    .innerJoin('programs as p', 'p.id', 's.program_id')
    .innerJoin('organizations as o', 'o.id', 'p.organizer_org_id')
    .select(['s.id', 's.program_id', 'p.name as program_name'])
    .where('s.program_id', '!=', programId)
    .where(inSubtree('o.path', scope))
    .where('s.starts_at', '<', range.to)
    .where('s.ends_at', '>', range.from)
    .where((eb) =>
      eb.or([
        ...(venueIds.length ? [eb('s.venue_id', 'in', venueIds)] : []),
        ...(instructorIds.length
          ? [
              eb.exists(
                eb
                  .selectFrom('session_instructors as si')
                  .select('si.session_id')
                  .whereRef('si.session_id', '=', 's.id')
                  .where('si.instructor_id', 'in', instructorIds),
              ),
            ]
          : []),
      ]),
    )
    .execute();
  const programs = new Map(ids.map((r) => [r.program_id, r.program_name]));
  if (!ids.length) return { sessions: [], instructors: [], stops: [], programs };
  const sessionIds = ids.map((r) => r.id);
  const sessions = (await db
    .selectFrom('program_sessions as s')
    .leftJoin('venues as v', 'v.id', 's.venue_id')
    .select(SESSION_COLUMNS)
    .where('s.id', 'in', sessionIds)
    .execute()) as SessionRow[];
  const instructors = await db
    .selectFrom('session_instructors as si')
    .innerJoin('instructors as i', 'i.id', 'si.instructor_id')
    .select(['si.session_id', 'si.instructor_id', 'i.name', 'i.title', 'i.unit'])
    .where('si.session_id', 'in', sessionIds)
    .execute();
  return { sessions, instructors, stops: [], programs };
}

export async function listClasses(db: Q, programId: number): Promise<ClassInfo[]> {
  return db.selectFrom('program_classes').select(['id', 'name']).where('program_id', '=', programId).orderBy('sort_order').orderBy('id').execute();
}

export async function listGroups(db: Q, programId: number): Promise<GroupInfo[]> {
  return db
    .selectFrom('class_groups as g')
    .innerJoin('program_classes as c', 'c.id', 'g.class_id')
    .select(['g.id', 'g.class_id', 'g.name'])
    .where('c.program_id', '=', programId)
    .orderBy('c.sort_order')
    .orderBy('g.sort_order')
    .orderBy('g.id')
    .execute();
}

/** Registry rows (venues or instructors) with the path of the org that registered them. */
export async function findRegistryOrgPaths(db: Q, table: 'venues' | 'instructors', ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows =
    table === 'venues'
      ? await db.selectFrom('venues as r').innerJoin('organizations as o', 'o.id', 'r.org_id').select(['r.id', 'o.path']).where('r.id', 'in', ids).execute()
      : await db
          .selectFrom('instructors as r')
          .innerJoin('organizations as o', 'o.id', 'r.org_id')
          .select(['r.id', 'o.path'])
          .where('r.id', 'in', ids)
          .execute();
  return new Map(rows.map((r) => [r.id, r.path]));
}

export async function findSessionRow(db: Q, sessionId: number) {
  return db.selectFrom('program_sessions').selectAll().where('id', '=', sessionId).executeTakeFirst();
}

export async function insertSession(trx: Q, row: Insertable<ProgramSessionsTable>): Promise<number> {
  const { id } = await trx.insertInto('program_sessions').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateSession(trx: Q, id: number, row: Updateable<ProgramSessionsTable>): Promise<void> {
  await trx.updateTable('program_sessions').set(row).where('id', '=', id).execute();
}

export async function deleteSession(trx: Q, id: number): Promise<void> {
  await trx.deleteFrom('program_sessions').where('id', '=', id).execute();
}

export async function replaceInstructors(trx: Q, sessionId: number, instructorIds: number[]): Promise<void> {
  await trx.deleteFrom('session_instructors').where('session_id', '=', sessionId).execute();
  if (instructorIds.length) {
    await trx
      .insertInto('session_instructors')
      .values(instructorIds.map((instructor_id) => ({ session_id: sessionId, instructor_id })))
      .execute();
  }
}

export async function instructorIdsOf(db: Q, sessionId: number): Promise<number[]> {
  const rows = await db.selectFrom('session_instructors').select('instructor_id').where('session_id', '=', sessionId).orderBy('instructor_id').execute();
  return rows.map((r) => r.instructor_id);
}

export async function replaceStops(
  trx: Q,
  sessionId: number,
  stops: { seq: number; name: string; venue_id: number | null; planned_at: string | null }[],
): Promise<void> {
  await trx.deleteFrom('session_stops').where('session_id', '=', sessionId).execute();
  if (stops.length) {
    await trx
      .insertInto('session_stops')
      .values(stops.map((s) => ({ ...s, session_id: sessionId })))
      .execute();
  }
}

/** Cadres with an attendance row on this session (optionally only on stops other than `keepSeqs`). */
export async function attendedCadres(db: Q, sessionId: number, onlyStopsNotIn?: number[]): Promise<number[]> {
  const rows = await db
    .selectFrom('attendance')
    .select('cadre_id')
    .distinct()
    .where('session_id', '=', sessionId)
    .$if(onlyStopsNotIn !== undefined, (q) =>
      q.where('stop_seq', '>', 0).$if(onlyStopsNotIn!.length > 0, (q2) => q2.where('stop_seq', 'not in', onlyStopsNotIn!)),
    )
    .execute();
  return rows.map((r) => r.cadre_id);
}

/** Whether anything recorded against the session (attendance, leave, ratings) would be lost by deleting it. */
export async function sessionHasRecords(db: Q, sessionId: number): Promise<boolean> {
  const [a, l, r] = await Promise.all([
    db.selectFrom('attendance').select('id').where('session_id', '=', sessionId).limit(1).executeTakeFirst(),
    db.selectFrom('leave_request_sessions').select('leave_id').where('session_id', '=', sessionId).limit(1).executeTakeFirst(),
    db.selectFrom('session_ratings').select('id').where('session_id', '=', sessionId).limit(1).executeTakeFirst(),
  ]);
  return !!(a || l || r);
}
