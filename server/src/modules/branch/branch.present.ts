// Builds the branch view (members, meetings with attendance, stats) shown to managers and to members.
import { BRANCH_ROLES, type BranchRole, type MeetingAttendance, type PartyBranch, type PartyMeetingKind } from '@duibiao/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { listAttendance, listMeetings, listMembers } from './branch.repo.ts';
import { branchStats } from './branch.rules.ts';

type Q = Kysely<Database> | Transaction<Database>;

const roleOrder = (role: string) => {
  const i = (BRANCH_ROLES as readonly string[]).indexOf(role);
  return i < 0 ? BRANCH_ROLES.length : i;
};

export interface BranchHead {
  id: number;
  program_id: number;
  name: string;
  formed_on: string;
  note: string | null;
  program_name: string;
  program_start_date: string;
}

export async function presentBranch(db: Q, branch: BranchHead, viewer: { canRecord: boolean; cadreId: number | null }): Promise<PartyBranch> {
  const [members, meetings] = await Promise.all([listMembers(db, branch.id), listMeetings(db, branch.id)]);
  const attendance = await listAttendance(
    db,
    meetings.map((m) => m.id),
  );
  const mine = viewer.cadreId === null ? undefined : members.find((m) => m.cadre_id === viewer.cadreId);
  return {
    id: branch.id,
    programId: branch.program_id,
    programName: branch.program_name,
    programStartDate: branch.program_start_date,
    name: branch.name,
    formedOn: branch.formed_on,
    note: branch.note,
    // Committee first, in BRANCH_ROLES order (书记 first), then members in joining order.
    members: [...members]
      .sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || a.id - b.id)
      .map((m) => ({
        id: m.id,
        cadreId: m.cadre_id,
        name: m.name,
        orgName: m.org_name,
        politicalStatus: m.political_status,
        role: m.role as BranchRole,
        partyGroup: m.party_group,
      })),
    meetings: meetings.map((m) => ({
      id: m.id,
      kind: m.kind as PartyMeetingKind,
      heldOn: m.held_on,
      title: m.title,
      location: m.location,
      agenda: m.agenda,
      minutes: m.minutes,
      attendance: attendance.filter((a) => a.meeting_id === m.id).map((a) => ({ cadreId: a.cadre_id, status: a.status as MeetingAttendance, note: a.note })),
    })),
    stats: branchStats(meetings, attendance),
    canRecord: viewer.canRecord,
    myRole: mine ? (mine.role as BranchRole) : null,
  };
}
