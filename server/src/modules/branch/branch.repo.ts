// Queries of the Party branch module (临时党支部): the branch of a program, its members, meetings and attendance.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

export async function findBranchOfProgram(db: Q, programId: number) {
  return db.selectFrom('party_branches').selectAll().where('program_id', '=', programId).executeTakeFirst();
}

export async function findBranchWithProgram(db: Q, branchId: number) {
  return db
    .selectFrom('party_branches as b')
    .innerJoin('programs as p', 'p.id', 'b.program_id')
    .innerJoin('organizations as o', 'o.id', 'p.organizer_org_id')
    .selectAll('b')
    .select(['p.name as program_name', 'p.start_date as program_start_date', 'o.path as organizer_path'])
    .where('b.id', '=', branchId)
    .executeTakeFirst();
}

export async function listMembers(db: Q, branchId: number) {
  return db
    .selectFrom('party_branch_members as m')
    .innerJoin('cadres as c', 'c.id', 'm.cadre_id')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .select(['m.id', 'm.cadre_id', 'm.role', 'm.party_group', 'c.name', 'c.political_status', 'o.name as org_name'])
    .where('m.branch_id', '=', branchId)
    .orderBy('m.id')
    .execute();
}
export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

export async function findMembership(db: Q, branchId: number, cadreId: number) {
  return db.selectFrom('party_branch_members').selectAll().where('branch_id', '=', branchId).where('cadre_id', '=', cadreId).executeTakeFirst();
}

export async function findMember(db: Q, branchId: number, memberId: number) {
  return db.selectFrom('party_branch_members').selectAll().where('branch_id', '=', branchId).where('id', '=', memberId).executeTakeFirst();
}

export async function findSecretary(db: Q, branchId: number) {
  return db.selectFrom('party_branch_members').select(['id', 'cadre_id']).where('branch_id', '=', branchId).where('role', '=', 'secretary').executeTakeFirst();
}

export async function listMeetings(db: Q, branchId: number) {
  return db.selectFrom('party_meetings').selectAll().where('branch_id', '=', branchId).orderBy('held_on', 'desc').orderBy('id', 'desc').execute();
}

export async function findMeeting(db: Q, branchId: number, meetingId: number) {
  return db.selectFrom('party_meetings').selectAll().where('branch_id', '=', branchId).where('id', '=', meetingId).executeTakeFirst();
}

export async function listAttendance(db: Q, meetingIds: readonly number[]) {
  if (meetingIds.length === 0) return [];
  return db.selectFrom('party_meeting_attendance').select(['meeting_id', 'cadre_id', 'status', 'note']).where('meeting_id', 'in', meetingIds).execute();
}

/** The program's enrolled cadres with their political status (政治面貌). */
export async function listEnrolledCadres(db: Q, programId: number) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('cadres as c', 'c.id', 'e.cadre_id')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.name', 'c.political_status', 'o.name as org_name'])
    .where('e.program_id', '=', programId)
    .where('e.status', '=', 'enrolled')
    .orderBy('c.name')
    .orderBy('c.id')
    .execute();
}

/** The branches the cadre belongs to, with their program and meeting count. */
export async function listBranchesOfCadre(db: Q, cadreId: number) {
  return db
    .selectFrom('party_branch_members as m')
    .innerJoin('party_branches as b', 'b.id', 'm.branch_id')
    .innerJoin('programs as p', 'p.id', 'b.program_id')
    .select((eb) => [
      'b.id',
      'b.name',
      'b.program_id',
      'p.name as program_name',
      'm.role',
      eb.selectFrom('party_meetings as pm').select(eb.fn.countAll<number>().as('n')).whereRef('pm.branch_id', '=', 'b.id').as('meetings'),
    ])
    .where('m.cadre_id', '=', cadreId)
    .orderBy('p.start_date', 'desc')
    .execute();
}
