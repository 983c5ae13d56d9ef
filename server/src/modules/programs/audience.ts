// Who a session is for: the whole program, one class, or one group of a class. Attendance, leave and the ledger
// all ask "which sessions must this trainee attend", so the rule lives here once, in SQL and in TypeScript.
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface AudienceFields {
  audience_kind: string;
  audience_class_id: number | null;
  audience_group_id: number | null;
}

/** Whether a session's audience includes a trainee placed in this class and group (either may be null). */
export function sessionIsFor(session: AudienceFields, placement: { class_id: number | null; group_id: number | null }): boolean {
  if (session.audience_kind === 'program') return true;
  if (session.audience_kind === 'class') return session.audience_class_id !== null && session.audience_class_id === placement.class_id;
  return session.audience_group_id !== null && session.audience_group_id === placement.group_id;
}

/**
 * The same rule as a where-clause on `program_sessions as s`, against enrolment columns (e.g. 'e.class_id'),
 * for queries that join sessions to enrolments.
 */
export function sessionIsForEnrolment(
  eb: ExpressionBuilder<Database & { s: Database['program_sessions']; e: Database['enrolments'] }, 's' | 'e'>,
): Expression<SqlBool> {
  return eb.or([
    eb('s.audience_kind', '=', 'program'),
    eb.and([eb('s.audience_kind', '=', 'class'), eb('s.audience_class_id', '=', eb.ref('e.class_id'))]),
    eb.and([eb('s.audience_kind', '=', 'group'), eb('s.audience_group_id', '=', eb.ref('e.group_id'))]),
  ]);
}
