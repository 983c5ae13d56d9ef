// Kysely queries of topic process control; callers have already passed topicAccess / programInScope.
import type { Kysely, Transaction } from 'kysely';
import { inSubtree } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

export const listMilestones = (db: Q, topicIds: number[]) =>
  topicIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('topic_milestones')
        .select(['id', 'topic_id', 'kind', 'title', 'due_date', 'status', 'rubric', 'decision_note', 'decided_by', 'decided_at'])
        .where('topic_id', 'in', topicIds)
        .orderBy('due_date')
        .orderBy('id')
        .execute();
export type MilestoneRow = Awaited<ReturnType<typeof listMilestones>>[number];

export const findMilestone = (db: Q, topicId: number, milestoneId: number) =>
  db
    .selectFrom('topic_milestones')
    .select(['id', 'topic_id', 'kind', 'title', 'due_date', 'status', 'rubric', 'decision_note', 'decided_by', 'decided_at'])
    .where('topic_id', '=', topicId)
    .where('id', '=', milestoneId)
    .executeTakeFirst();

export const findMilestoneByKind = (db: Q, topicId: number, kind: string) =>
  db
    .selectFrom('topic_milestones')
    .select(['id', 'topic_id', 'kind', 'title', 'due_date', 'status', 'rubric', 'decision_note', 'decided_by', 'decided_at'])
    .where('topic_id', '=', topicId)
    .where('kind', '=', kind)
    .executeTakeFirst();

export const listSubmissions = (db: Q, milestoneIds: number[]) =>
  milestoneIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('milestone_submissions as s')
        .leftJoin('users as u', 'u.id', 's.submitted_by')
        .select([
          's.id',
          's.milestone_id',
          's.version',
          's.file_name',
          's.file_path',
          's.size_bytes',
          's.mime',
          's.note',
          's.submitted_by',
          'u.display_name',
          's.created_at',
        ])
        .where('s.milestone_id', 'in', milestoneIds)
        .orderBy('s.version', 'desc')
        .execute();

export const listReviewers = (db: Q, milestoneIds: number[]) =>
  milestoneIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('milestone_reviewers as r')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .select(['r.milestone_id', 'r.user_id', 'u.display_name'])
        .where('r.milestone_id', 'in', milestoneIds)
        .orderBy('r.invited_at')
        .orderBy('r.user_id')
        .execute();

export const listScores = (db: Q, milestoneIds: number[]) =>
  milestoneIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('milestone_scores as s')
        .innerJoin('users as u', 'u.id', 's.reviewer_user_id')
        .select(['s.milestone_id', 's.reviewer_user_id', 'u.display_name', 's.scores', 's.total', 's.comment', 's.updated_at'])
        .where('s.milestone_id', 'in', milestoneIds)
        .orderBy('s.created_at')
        .orderBy('s.id')
        .execute();
export type ScoreRow = Awaited<ReturnType<typeof listScores>>[number];

export const listTaskForce = (db: Q, topicId: number) =>
  db.selectFrom('task_force_members').select(['id', 'name', 'role', 'cadre_id', 'user_id']).where('topic_id', '=', topicId).orderBy('id').execute();

/** Accounts of the task force (trainees' logins and liaison accounts), for notifications. */
export async function taskForceUserIds(db: Q, topicId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('task_force_members as m')
    .leftJoin('users as u', (j) => j.onRef('u.cadre_id', '=', 'm.cadre_id').on('u.is_active', '=', 1))
    .select(['m.user_id', 'u.id as cadre_user_id'])
    .where('m.topic_id', '=', topicId)
    .execute();
  return rows.flatMap((r) => [r.user_id, r.cadre_user_id]).filter((v): v is number => v !== null);
}

/** Milestones with their topic and program, for organizer dashboards inside a subtree (optionally one program). */
export const listScopedMilestones = (db: Q, scope: string, programId?: number) =>
  db
    .selectFrom('topic_milestones as m')
    .innerJoin('research_topics as t', 't.id', 'm.topic_id')
    .innerJoin('programs as p', 'p.id', 't.program_id')
    .innerJoin('organizations as o', 'o.id', 'p.organizer_org_id')
    .select([
      'm.id',
      'm.kind',
      'm.title',
      'm.due_date',
      'm.status',
      't.id as topic_id',
      't.title as topic_title',
      't.status as topic_status',
      'p.id as program_id',
      'p.name as program_name',
    ])
    .where(inSubtree('o.path', scope))
    .$if(programId !== undefined, (q) => q.where('p.id', '=', programId!))
    .orderBy('t.id')
    .orderBy('m.due_date')
    .execute();

export const findTopicExtras = (db: Q, keyProblemId: number | null, ownerOrgId: number | null) =>
  Promise.all([
    keyProblemId === null ? undefined : db.selectFrom('key_problems').select('title').where('id', '=', keyProblemId).executeTakeFirst(),
    ownerOrgId === null ? undefined : db.selectFrom('organizations').select('name').where('id', '=', ownerOrgId).executeTakeFirst(),
  ]);
