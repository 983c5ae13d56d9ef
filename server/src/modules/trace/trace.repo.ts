// Queries behind the trace chains. Every list takes a batch of ids so one chain or tree costs a fixed handful of
// queries, whatever its width. Scope is checked by the service on the program before any of these run.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** A recommendation with its program's organizer path and its owner unit (name and path, for owner-unit access). */
export const findRecommendation = (db: Q, id: number) =>
  db
    .selectFrom('recommendations as r')
    .innerJoin('programs as p', 'p.id', 'r.program_id')
    .innerJoin('organizations as po', 'po.id', 'p.organizer_org_id')
    .leftJoin('organizations as oo', 'oo.id', 'r.owner_org_id')
    .select([
      'r.id',
      'r.program_id',
      'r.source',
      'r.report_id',
      'r.topic_id',
      'r.action_item_id',
      'r.title',
      'r.content',
      'r.owner_name',
      'r.deadline',
      'r.expected_effect',
      'r.status',
      'r.reject_reason',
      'r.landed_at',
      'r.created_at',
      'p.name as program_name',
      'po.path as organizer_path',
      'oo.name as owner_org_name',
      'oo.path as owner_org_path',
    ])
    .where('r.id', '=', id)
    .executeTakeFirst();

export type RecommendationRow = NonNullable<Awaited<ReturnType<typeof findRecommendation>>>;

export const listUpdates = (db: Q, recommendationId: number) =>
  db
    .selectFrom('recommendation_updates as u')
    .leftJoin('users as a', 'a.id', 'u.author_user_id')
    .select(['u.id', 'u.from_status', 'u.to_status', 'u.note', 'u.created_at', 'a.display_name as author_name'])
    .where('u.recommendation_id', '=', recommendationId)
    .orderBy('u.created_at')
    .orderBy('u.id')
    .execute();

export const listEvidence = (db: Q, recommendationId: number) =>
  db
    .selectFrom('recommendation_evidence')
    .select(['id', 'update_id', 'kind', 'label', 'value', 'unit', 'file_name', 'created_at'])
    .where('recommendation_id', '=', recommendationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

/** Recommendation summaries drawn from any of these topics or reports. */
export function listRecommendationsFrom(db: Q, topicIds: number[], reportIds: number[]) {
  if (topicIds.length === 0 && reportIds.length === 0) return Promise.resolve([]);
  return recommendationSummaries(db)
    .where((eb) =>
      eb.or([...(topicIds.length > 0 ? [eb('r.topic_id', 'in', topicIds)] : []), ...(reportIds.length > 0 ? [eb('r.report_id', 'in', reportIds)] : [])]),
    )
    .orderBy('r.id')
    .execute();
}

/** Every recommendation of a program, for its list in the funnel tab. */
export const listRecommendationsOfProgram = (db: Q, programId: number) =>
  recommendationSummaries(db).where('r.program_id', '=', programId).orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').execute();

const recommendationSummaries = (db: Q) =>
  db
    .selectFrom('recommendations as r')
    .leftJoin('organizations as oo', 'oo.id', 'r.owner_org_id')
    .select(['r.id', 'r.title', 'r.source', 'r.status', 'r.deadline', 'r.landed_at', 'r.topic_id', 'r.report_id', 'r.owner_name', 'oo.name as owner_org_name']);

export type RecommendationSummaryRow = Awaited<ReturnType<typeof listRecommendationsOfProgram>>[number];

const reports = (db: Q) =>
  db
    .selectFrom('research_reports as rr')
    .leftJoin('users as a', 'a.id', 'rr.author_user_id')
    .leftJoin('cadres as c', 'c.id', 'rr.cadre_id')
    .select(['rr.id', 'rr.topic_id', 'rr.title', 'rr.status', 'rr.submitted_at', 'a.display_name as author_name', 'c.name as cadre_name']);

export type ReportRow = Awaited<ReturnType<typeof listReportsOfTopics>>[number];

export const findReport = (db: Q, id: number) => reports(db).where('rr.id', '=', id).executeTakeFirst();

export function listReportsOfTopics(db: Q, topicIds: number[]) {
  if (topicIds.length === 0) return Promise.resolve([]);
  return reports(db).where('rr.topic_id', 'in', topicIds).orderBy('rr.id').execute();
}

const topics = (db: Q) =>
  db
    .selectFrom('research_topics as t')
    .leftJoin('organizations as oo', 'oo.id', 't.owner_org_id')
    .select(['t.id', 't.key_problem_id', 't.code', 't.title', 't.status', 'oo.name as owner_org_name']);

export type TopicRow = Awaited<ReturnType<typeof listTopicsOfKeyProblems>>[number];

export const findTopic = (db: Q, id: number) => topics(db).where('t.id', '=', id).executeTakeFirst();

export function listTopicsOfKeyProblems(db: Q, keyProblemIds: number[]) {
  if (keyProblemIds.length === 0) return Promise.resolve([]);
  return topics(db).where('t.key_problem_id', 'in', keyProblemIds).orderBy('t.id').execute();
}

/** Task-force members of these topics, lead first, for author and lead names. */
export function listTaskForces(db: Q, topicIds: number[]) {
  if (topicIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('task_force_members').select(['topic_id', 'name', 'role']).where('topic_id', 'in', topicIds).orderBy('topic_id').orderBy('id').execute();
}

export const findKeyProblem = (db: Q, id: number) =>
  db.selectFrom('key_problems').select(['id', 'program_id', 'title', 'kind', 'status']).where('id', '=', id).executeTakeFirst();

export function listKeyProblems(db: Q, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('key_problems')
    .select(['id', 'program_id', 'title', 'kind', 'status'])
    .where('id', 'in', ids)
    .orderBy('priority')
    .orderBy('id')
    .execute();
}

export type KeyProblemRow = Awaited<ReturnType<typeof listKeyProblems>>[number];

export const listKeyProblemIdsOfQuestion = async (db: Q, questionId: number): Promise<number[]> =>
  (await db.selectFrom('key_problem_sources').select('key_problem_id').where('question_id', '=', questionId).execute()).map((r) => r.key_problem_id);

const questions = (db: Q) =>
  db
    .selectFrom('problem_questions as q')
    .leftJoin('cadres as c', 'c.id', 'q.submitter_cadre_id')
    .leftJoin('users as u', 'u.id', 'q.submitter_user_id')
    .leftJoin('organizations as ho', 'ho.id', 'q.home_org_id')
    .select([
      'q.id',
      'q.program_id',
      'q.text',
      'q.field',
      'q.source',
      'q.submitter_name',
      'q.created_at',
      'c.name as cadre_name',
      'u.display_name as user_name',
      'ho.name as home_org_name',
    ]);

export const findQuestion = (db: Q, id: number) => questions(db).where('q.id', '=', id).executeTakeFirst();

export type QuestionRow = NonNullable<Awaited<ReturnType<typeof findQuestion>>>;

/** Source questions of these key problems, each tagged with the key problem it feeds. */
export function listQuestionsOfKeyProblems(db: Q, keyProblemIds: number[]) {
  if (keyProblemIds.length === 0) return Promise.resolve([]);
  return questions(db)
    .innerJoin('key_problem_sources as s', 's.question_id', 'q.id')
    .select('s.key_problem_id')
    .where('s.key_problem_id', 'in', keyProblemIds)
    .orderBy('q.created_at')
    .orderBy('q.id')
    .execute();
}

export const listVersionsOfProgram = (db: Q, programId: number) =>
  db
    .selectFrom('problem_list_versions')
    .select(['id', 'version', 'title', 'snapshot', 'published_at'])
    .where('program_id', '=', programId)
    .orderBy('published_at')
    .orderBy('id')
    .execute();

export type ListVersionRow = Awaited<ReturnType<typeof listVersionsOfProgram>>[number];

export const findReflectionOfActionItem = (db: Q, actionItemId: number) =>
  db
    .selectFrom('action_items as ai')
    .innerJoin('reflections as rf', 'rf.id', 'ai.reflection_id')
    .leftJoin('cadres as c', 'c.id', 'rf.cadre_id')
    .select(['rf.id', 'rf.title', 'ai.content', 'c.name as author_name'])
    .where('ai.id', '=', actionItemId)
    .executeTakeFirst();
