// The first line of every organizer-side placement method: the permission, then the program in the caller's scope.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { programInScope, type ScopedProgram } from '../programs/program-access.ts';
import { inSubtree } from '../../db/dialect.ts';

/** Program types whose trainees are placed at host units (体悟实训, 跟班学习, 挂职锻炼). */
export const PLACEMENT_PROGRAM_TYPES = ['embedded_practicum', 'follow_along', 'secondment'];

export async function organizerProgram(db: Kysely<Database>, actor: Actor, programId: number, write: boolean): Promise<ScopedProgram> {
  requirePermission(actor, write ? 'program:write' : 'program:read');
  return programInScope(db, actor, programId);
}

/** Posts and runs only make sense for programs that place cadres with hosts. */
export function requirePlacementProgram(program: ScopedProgram): void {
  if (!PLACEMENT_PROGRAM_TYPES.includes(program.type)) throw conflict('只有体悟实训、跟班学习、挂职锻炼项目可以安排实训单位');
}

/** A post and its program, the program checked against the caller's scope (404 otherwise). */
export async function postInScope(db: Kysely<Database>, actor: Actor, postId: number, write: boolean) {
  requirePermission(actor, write ? 'program:write' : 'program:read');
  const post = await db.selectFrom('host_posts').selectAll().where('id', '=', postId).executeTakeFirst();
  if (!post) throw notFound('实训岗位');
  const program = await programInScope(db, actor, post.program_id).catch(() => {
    throw notFound('实训岗位');
  });
  return { post, program };
}

/** A cadre in the caller's subtree, else undefined. */
export function cadreInScope(db: Kysely<Database>, actor: Actor, cadreId: number) {
  return db
    .selectFrom('cadres as c')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.name', 'o.path as org_path'])
    .where('c.id', '=', cadreId)
    .where(inSubtree('o.path', scopePrefix(actor)))
    .executeTakeFirst();
}
