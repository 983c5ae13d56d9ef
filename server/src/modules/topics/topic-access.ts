// Who may open a research topic, and as whom: the first line of every topic-scoped service method (topics, milestones,
// external teams, reports, trace). Organizers see topics of programs in their subtree; a trainee sees the topics whose
// task force they belong to; an external-team account (外挂团队) sees only the topics it is attached to. Anyone else
// gets 404, so nothing leaks.
import type { Kysely, Transaction } from 'kysely';
import { inSubtree } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import type { ResearchTopicsTable } from '../../db/schema-results.ts';
import type { Selectable } from 'kysely';
import { notFound } from '../../http/errors.ts';
import { scopePrefix, type Actor } from '../auth/actor.ts';
import { hasPermission } from '../auth/permissions.ts';

type Q = Kysely<Database> | Transaction<Database>;

export type TopicRow = Selectable<ResearchTopicsTable>;

export interface TopicAccess {
  topic: TopicRow;
  program: { id: number; name: string; type: string; status: string; organizerOrgId: number; organizerPath: string };
  /** organizer: staff of the organizing subtree; member: a trainee in the task force; external: an attached external account. */
  as: 'organizer' | 'member' | 'external';
  /** Organizers with program:write manage the topic (milestones, panel, decisions, external members). */
  canManage: boolean;
  /** The task-force role of a member (lead | member | liaison), else null. */
  memberRole: string | null;
  /** The external_members row of an external account, else null. */
  externalMemberId: number | null;
}

/** The topic as the actor may see it, else NOT_FOUND. */
export async function topicAccess(db: Q, actor: Actor, topicId: number): Promise<TopicAccess> {
  const row = await db
    .selectFrom('research_topics as t')
    .innerJoin('programs as p', 'p.id', 't.program_id')
    .innerJoin('organizations as o', 'o.id', 'p.organizer_org_id')
    .selectAll('t')
    .select(['p.name as program_name', 'p.type as program_type', 'p.status as program_status', 'p.organizer_org_id', 'o.path as organizer_path'])
    .where('t.id', '=', topicId)
    .executeTakeFirst();
  if (!row) throw notFound('课题');
  const { program_name, program_type, program_status, organizer_org_id, organizer_path, ...topic } = row;
  const program = {
    id: topic.program_id,
    name: program_name,
    type: program_type,
    status: program_status,
    organizerOrgId: organizer_org_id,
    organizerPath: organizer_path,
  };
  const base = { topic, program, memberRole: null, externalMemberId: null };

  if (hasPermission(actor.role, 'program:read') && organizer_path.startsWith(scopePrefix(actor))) {
    return { ...base, as: 'organizer', canManage: hasPermission(actor.role, 'program:write') };
  }
  if (actor.cadreId !== null) {
    const m = await db.selectFrom('task_force_members').select('role').where('topic_id', '=', topicId).where('cadre_id', '=', actor.cadreId).executeTakeFirst();
    if (m) return { ...base, as: 'member', canManage: false, memberRole: m.role };
  }
  if (actor.role === 'external_expert') {
    const e = await db.selectFrom('external_members').select('id').where('topic_id', '=', topicId).where('user_id', '=', actor.userId).executeTakeFirst();
    if (e) return { ...base, as: 'external', canManage: false, externalMemberId: e.id };
  }
  throw notFound('课题');
}

/** Topic ids of a program that an organizer query may list (all) — kept here so scope rules live in one file. */
export const topicsOfProgramInScope = (db: Q, actor: Actor, programId: number) =>
  db
    .selectFrom('research_topics as t')
    .innerJoin('programs as p', 'p.id', 't.program_id')
    .innerJoin('organizations as o', 'o.id', 'p.organizer_org_id')
    .select('t.id')
    .where('t.program_id', '=', programId)
    .where(inSubtree('o.path', scopePrefix(actor)));
