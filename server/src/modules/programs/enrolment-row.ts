// A new enrolment row with every bookkeeping column at its starting value, so callers state only what they decide.
import type { Insertable } from 'kysely';
import type { EnrolmentsTable } from '../../db/schema-programs.ts';

export interface NewEnrolment {
  programId: number;
  cadreId: number;
  classId?: number | null;
  groupId?: number | null;
  roles?: readonly string[];
}

export function newEnrolmentRow(e: NewEnrolment, at: string): Insertable<EnrolmentsTable> {
  return {
    program_id: e.programId,
    cadre_id: e.cadreId,
    class_id: e.classId ?? null,
    group_id: e.groupId ?? null,
    roles: JSON.stringify(e.roles ?? []),
    status: 'enrolled',
    withdrawal_flagged_at: null,
    assessment: null,
    assessment_reason: null,
    assessed_by: null,
    assessed_at: null,
    created_at: at,
    updated_at: at,
  };
}
