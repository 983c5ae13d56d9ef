// Row → response mapping of the topics module.
import type { ProblemField, ProgramType, TaskForceMember, TaskForceRole, Topic, TopicStatus } from '@duibiao/contracts';
import type { TaskForceRow, TopicListRow } from './topics.repo.ts';

const ref = (id: number | null, name: string | null) => (id !== null && name !== null ? { id, name } : null);

export function presentTopic(row: TopicListRow, lead: { id: number; name: string } | undefined): Topic {
  return {
    id: row.id,
    program: { id: row.program_id, name: row.program_name, type: row.program_type as ProgramType },
    code: row.code,
    title: row.title,
    keyProblem: ref(row.key_problem_id, row.key_problem_title),
    goals: row.goals,
    expectedOutputs: row.expected_outputs,
    field: row.field as ProblemField | null,
    teamMin: row.team_min,
    teamMax: row.team_max,
    ownerOrg: ref(row.owner_org_id, row.owner_org_name),
    class: ref(row.class_id, row.class_name),
    group: ref(row.group_id, row.group_name),
    status: row.status as TopicStatus,
    biddingClosesOn: row.bidding_closes_on,
    teamSize: Number(row.team_size ?? 0),
    lead: lead ?? null,
    bidCount: Number(row.bid_count ?? 0),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentMember(row: TaskForceRow): TaskForceMember {
  return {
    id: row.id,
    cadreId: row.cadre_id,
    userId: row.user_id,
    name: row.name,
    org: ref(row.org_id, row.org_name),
    role: row.role as TaskForceRole,
    assignedRank: row.assigned_rank,
  };
}
