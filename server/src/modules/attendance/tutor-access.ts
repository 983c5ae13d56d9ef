// Tutors (带班) act only for the classes they tutor: roll call for those classes' trainees and sessions, and
// leave decisions for them. Admins and program managers act for the whole program once it is in scope.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { forbidden } from '../../http/errors.ts';
import type { Actor } from '../auth/actor.ts';

/** 'all', or the ids of this program's classes the tutor is assigned to (possibly none). */
export type ClassReach = 'all' | ReadonlySet<number>;

export async function classReach(db: Kysely<Database>, actor: Actor, programId: number): Promise<ClassReach> {
  if (actor.role !== 'tutor') return 'all';
  const rows = await db
    .selectFrom('class_tutors as ct')
    .innerJoin('program_classes as pc', 'pc.id', 'ct.class_id')
    .select('ct.class_id')
    .where('pc.program_id', '=', programId)
    .where('ct.user_id', '=', actor.userId)
    .execute();
  return new Set(rows.map((r) => r.class_id));
}

export const reachesClass = (reach: ClassReach, classId: number | null): boolean => reach === 'all' || (classId !== null && reach.has(classId));

export const reachesAny = (reach: ClassReach): boolean => reach === 'all' || reach.size > 0;

/** Throws FORBIDDEN unless the tutor tutors some class of the program. */
export function requireSomeClass(reach: ClassReach): void {
  if (!reachesAny(reach)) throw forbidden('您不是该项目任何班级的带班老师');
}

/** The class a session belongs to (class or group audience), or null for a program-wide session. */
export async function sessionClassId(
  db: Kysely<Database>,
  session: { audience_kind: string; audience_class_id: number | null; audience_group_id: number | null },
): Promise<number | null> {
  if (session.audience_kind === 'class') return session.audience_class_id;
  if (session.audience_kind !== 'group' || session.audience_group_id === null) return null;
  const g = await db.selectFrom('class_groups').select('class_id').where('id', '=', session.audience_group_id).executeTakeFirst();
  return g?.class_id ?? null;
}
