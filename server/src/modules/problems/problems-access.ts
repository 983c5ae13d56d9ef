// Access to a program's problem list: organizers in scope (program:read to view, program:write to curate); a trainee
// only through their own enrolment. Out of scope answers 404, a missing permission 403.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { programInScope, type ScopedProgram } from '../programs/program-access.ts';

export async function organizerProgram(db: Kysely<Database>, actor: Actor, programId: number, write: boolean): Promise<ScopedProgram> {
  requirePermission(actor, write ? 'program:write' : 'program:read');
  return programInScope(db, actor, programId);
}
