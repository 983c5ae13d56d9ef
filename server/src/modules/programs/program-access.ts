// Finding a program the caller may see, and the caller's own enrolment: the first line of every program-scoped
// service method. A program is in scope when its organizer node lies in the caller's subtree; otherwise 404.
import type { Kysely, Transaction } from 'kysely';
import { inSubtree } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import type { EnrolmentRow, ProgramRow } from '../../db/schema-programs.ts';
import { notFound } from '../../http/errors.ts';
import { scopePrefix, type Actor } from '../auth/actor.ts';

type Q = Kysely<Database> | Transaction<Database>;

export type ScopedProgram = ProgramRow & { organizer_path: string; organizer_name: string };

/** The program if its organizer is inside the actor's subtree, else NOT_FOUND (nothing leaks). */
export async function programInScope(db: Q, actor: Actor, programId: number): Promise<ScopedProgram> {
  const row = await db
    .selectFrom('programs as p')
    .innerJoin('organizations as o', 'o.id', 'p.organizer_org_id')
    .selectAll('p')
    .select(['o.path as organizer_path', 'o.name as organizer_name'])
    .where('p.id', '=', programId)
    .where(inSubtree('o.path', scopePrefix(actor)))
    .executeTakeFirst();
  if (!row) throw notFound('培训项目');
  return row;
}

/** The signed-in trainee's enrolment in a program, else NOT_FOUND (also for accounts without a cadre). */
export async function ownEnrolment(db: Q, actor: Actor, programId: number): Promise<EnrolmentRow> {
  if (actor.cadreId === null) throw notFound('报名记录');
  const row = await db.selectFrom('enrolments').selectAll().where('program_id', '=', programId).where('cadre_id', '=', actor.cadreId).executeTakeFirst();
  if (!row) throw notFound('报名记录');
  return row;
}

/** The program a session belongs to, checked against the actor's scope. */
export async function sessionInScope(db: Q, actor: Actor, sessionId: number): Promise<ScopedProgram & { session_id: number }> {
  const s = await db.selectFrom('program_sessions').select(['id', 'program_id']).where('id', '=', sessionId).executeTakeFirst();
  if (!s) throw notFound('课程');
  try {
    return { ...(await programInScope(db, actor, s.program_id)), session_id: s.id };
  } catch {
    throw notFound('课程');
  }
}
