// Kysely queries of the topics module: topic rows with their names and counts, task forces, bids.
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** Topic rows joined with everything the list and detail show; filter further with the returned builder. */
export const topicRows = (db: Q) =>
  db
    .selectFrom('research_topics as t')
    .innerJoin('programs as p', 'p.id', 't.program_id')
    .innerJoin('organizations as po', 'po.id', 'p.organizer_org_id')
    .leftJoin('key_problems as k', 'k.id', 't.key_problem_id')
    .leftJoin('organizations as oo', 'oo.id', 't.owner_org_id')
    .leftJoin('program_classes as c', 'c.id', 't.class_id')
    .leftJoin('class_groups as g', 'g.id', 't.group_id')
    .select([
      't.id',
      't.program_id',
      't.key_problem_id',
      't.class_id',
      't.group_id',
      't.code',
      't.title',
      't.goals',
      't.expected_outputs',
      't.field',
      't.team_min',
      't.team_max',
      't.owner_org_id',
      't.status',
      't.bidding_closes_on',
      't.created_at',
      't.updated_at',
      'p.name as program_name',
      'p.type as program_type',
      'k.title as key_problem_title',
      'oo.name as owner_org_name',
      'c.name as class_name',
      'g.name as group_name',
    ])
    .select((eb) => [
      eb
        .selectFrom('task_force_members as m')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('m.topic_id', '=', 't.id')
        .where('m.cadre_id', 'is not', null)
        .where('m.role', 'in', ['lead', 'member'])
        .as('team_size'),
      eb
        .selectFrom('topic_bids as b')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('b.topic_id', '=', 't.id')
        .where('b.status', '!=', 'withdrawn')
        .as('bid_count'),
    ]);

export type TopicListRow = Awaited<ReturnType<ReturnType<typeof topicRows>['executeTakeFirstOrThrow']>>;

/** Leads of the given topics, by topic id. */
export async function leadsOf(db: Q, topicIds: number[]): Promise<Map<number, { id: number; name: string }>> {
  if (topicIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('task_force_members')
    .select(['topic_id', 'id', 'name'])
    .where('topic_id', 'in', topicIds)
    .where('role', '=', 'lead')
    .execute();
  return new Map(rows.map((r) => [r.topic_id, { id: r.id, name: r.name }]));
}

export const taskForceRows = (db: Q, topicIds: number[]) =>
  db
    .selectFrom('task_force_members as m')
    .leftJoin('organizations as o', 'o.id', 'm.org_id')
    .select(['m.id', 'm.topic_id', 'm.cadre_id', 'm.user_id', 'm.name', 'm.org_id', 'o.name as org_name', 'm.role', 'm.assigned_rank'])
    .where('m.topic_id', 'in', topicIds.length > 0 ? topicIds : [-1])
    .orderBy('m.topic_id')
    .orderBy(sql`case m.role when 'lead' then 0 when 'member' then 1 else 2 end`)
    .orderBy('m.assigned_rank')
    .orderBy('m.id')
    .execute();

export type TaskForceRow = Awaited<ReturnType<typeof taskForceRows>>[number];

/** Enrolled (not withdrawn) trainees of a program with name, unit and seniority. */
export const enrolledTrainees = (db: Q, programId: number) =>
  db
    .selectFrom('enrolments as e')
    .innerJoin('cadres as c', 'c.id', 'e.cadre_id')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .select(['c.id as cadre_id', 'c.name', 'c.org_id', 'o.name as org_name', 'c.work_start_date', 'e.group_id'])
    .where('e.program_id', '=', programId)
    .where('e.status', '=', 'enrolled')
    .orderBy('c.id')
    .execute();

/** Cadres already in a task force (lead/member) of another topic of the program. */
export async function cadresInOtherTaskForces(db: Q, programId: number, exceptTopicId: number, cadreIds: number[]): Promise<Set<number>> {
  if (cadreIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('task_force_members as m')
    .innerJoin('research_topics as t', 't.id', 'm.topic_id')
    .select('m.cadre_id')
    .where('t.program_id', '=', programId)
    .where('t.id', '!=', exceptTopicId)
    .where('m.role', 'in', ['lead', 'member'])
    .where('m.cadre_id', 'in', cadreIds)
    .execute();
  return new Set(rows.map((r) => r.cadre_id!));
}
