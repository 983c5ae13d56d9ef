// Temporary Party branches (临时党支部): members with roles and 党小组, meetings with agenda, minutes and attendance.
import type { BranchRole, PartyMeetingKind } from '@duibiao/contracts';
import type { Rng } from '../prng.ts';
import { at, insertId, insertMany, type Trx } from './common.ts';

export interface BranchPlan {
  programId: number;
  name: string;
  formedOn: string;
  note: string;
  members: { cadreId: number; role: BranchRole; group: string | null }[];
  meetings: MeetingPlan[];
  createdBy: number | null;
}

export interface MeetingPlan {
  kind: PartyMeetingKind;
  on: string;
  title: string;
  location: string;
  agenda: string;
  minutes: string;
  /** Cadre ids expected; null = every member. */
  attendees: number[] | null;
}

const EXCUSES = ['实训单位工作安排，已请假', '陪同实训单位外出调研，已请假', '因公返青，已请假'];

/** The committee of a branch: the first five members get these roles, the rest are members. */
export const COMMITTEE: BranchRole[] = ['secretary', 'deputy_secretary', 'organization_member', 'propaganda_member', 'discipline_member'];

export async function seedBranch(trx: Trx, plan: BranchPlan, rng: Rng): Promise<number> {
  const formed = at(plan.formedOn, 2);
  const branchId = await insertId(trx, 'party_branches', {
    program_id: plan.programId,
    name: plan.name,
    formed_on: plan.formedOn,
    note: plan.note,
    created_at: formed,
    updated_at: formed,
  });
  await insertMany(
    trx,
    'party_branch_members',
    plan.members.map((m) => ({ branch_id: branchId, cadre_id: m.cadreId, role: m.role, party_group: m.group, created_at: formed })),
  );
  const attendance = [];
  for (const m of plan.meetings) {
    const held = at(m.on, 11);
    const meetingId = await insertId(trx, 'party_meetings', {
      branch_id: branchId,
      kind: m.kind,
      held_on: m.on,
      title: m.title,
      location: m.location,
      agenda: m.agenda,
      minutes: m.minutes,
      created_by: plan.createdBy,
      created_at: held,
      updated_at: held,
    });
    for (const cadreId of m.attendees ?? plan.members.map((x) => x.cadreId)) {
      const excused = rng.chance(0.04);
      attendance.push({ meeting_id: meetingId, cadre_id: cadreId, status: excused ? 'excused' : 'present', note: excused ? rng.pick(EXCUSES) : null });
    }
  }
  await insertMany(trx, 'party_meeting_attendance', attendance);
  return branchId;
}
