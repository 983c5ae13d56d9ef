// Reads behind a program's hours tab and a cadre's training file: enrolments, attendance marks, approved leave, ledger sums.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { LedgerSession } from './progress.rules.ts';

export function programEnrolments(db: Kysely<Database>, programId: number) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('cadres as c', 'c.id', 'e.cadre_id')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .leftJoin('program_classes as pc', 'pc.id', 'e.class_id')
    .select(['e.id', 'e.cadre_id', 'e.class_id', 'e.group_id', 'e.status', 'e.withdrawal_flagged_at', 'c.name', 'o.name as org_name', 'pc.name as class_name'])
    .where('e.program_id', '=', programId)
    .orderBy('pc.sort_order')
    .orderBy('c.name')
    .orderBy('e.id')
    .execute();
}

/** Stop-0 attendance marks of these enrolments. */
export function marksOf(db: Kysely<Database>, enrolmentIds: readonly number[]) {
  if (enrolmentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('attendance')
    .select(['enrolment_id', 'session_id', 'status'])
    .where('enrolment_id', 'in', enrolmentIds)
    .where('stop_seq', '=', 0)
    .execute();
}

/** Sessions covered by approved leave, per enrolment. */
export function approvedLeaveOf(db: Kysely<Database>, enrolmentIds: readonly number[]) {
  if (enrolmentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('leave_requests as lr')
    .innerJoin('leave_request_sessions as ls', 'ls.leave_id', 'lr.id')
    .select(['lr.enrolment_id', 'ls.session_id'])
    .where('lr.enrolment_id', 'in', enrolmentIds)
    .where('lr.status', '=', 'approved')
    .execute();
}

export function sessionsOfPrograms(db: Kysely<Database>, programIds: readonly number[]): Promise<(LedgerSession & { program_id: number })[]> {
  if (programIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('program_sessions')
    .select(['id', 'program_id', 'starts_at', 'ends_at', 'credited_hours', 'mode', 'audience_kind', 'audience_class_id', 'audience_group_id'])
    .where('program_id', 'in', programIds)
    .execute();
}

/** The program's ledger rows (what attendance earned so far). */
export function programLedger(db: Kysely<Database>, programId: number) {
  return db
    .selectFrom('hours_entries')
    .select(['cadre_id', 'category', 'hours', 'days'])
    .where('program_id', '=', programId)
    .where('source', '=', 'program')
    .execute();
}

/** Groups rows into a map of lists by a key. */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}
