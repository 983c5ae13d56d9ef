// New research-topic and task-force rows with every optional column at its starting value, so callers state only
// what they decide (tests and the seed insert topics directly; the topics service writes the same shape).
import type { Insertable } from 'kysely';
import type { ResearchTopicsTable, TaskForceMembersTable } from '../../db/schema-results.ts';

export interface NewTopic {
  programId: number;
  title: string;
  status?: string;
  code?: string | null;
  keyProblemId?: number | null;
  classId?: number | null;
  groupId?: number | null;
  goals?: string | null;
  expectedOutputs?: string | null;
  field?: string | null;
  teamMin?: number;
  teamMax?: number;
  ownerOrgId?: number | null;
  biddingClosesOn?: string | null;
  createdBy?: number | null;
}

export function newTopicRow(t: NewTopic, at: string): Insertable<ResearchTopicsTable> {
  return {
    program_id: t.programId,
    key_problem_id: t.keyProblemId ?? null,
    class_id: t.classId ?? null,
    group_id: t.groupId ?? null,
    code: t.code ?? null,
    title: t.title,
    goals: t.goals ?? null,
    expected_outputs: t.expectedOutputs ?? null,
    field: t.field ?? null,
    team_min: t.teamMin ?? 1,
    team_max: t.teamMax ?? 10,
    owner_org_id: t.ownerOrgId ?? null,
    status: t.status ?? 'draft',
    bidding_closes_on: t.biddingClosesOn ?? null,
    created_by: t.createdBy ?? null,
    created_at: at,
    updated_at: at,
  };
}

export interface NewTaskForceMember {
  topicId: number;
  name: string;
  role: string;
  cadreId?: number | null;
  userId?: number | null;
  orgId?: number | null;
  assignedRank?: number | null;
}

export function newTaskForceMemberRow(m: NewTaskForceMember, at: string): Insertable<TaskForceMembersTable> {
  return {
    topic_id: m.topicId,
    cadre_id: m.cadreId ?? null,
    user_id: m.userId ?? null,
    name: m.name,
    org_id: m.orgId ?? null,
    role: m.role,
    assigned_rank: m.assignedRank ?? null,
    created_at: at,
  };
}
