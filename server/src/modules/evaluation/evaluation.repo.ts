// Queries of the evaluation module: the raw facts behind each component, per program, in a handful of set queries.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

export async function findScheme(db: Q, programId: number) {
  return db.selectFrom('evaluation_schemes').select(['weights', 'updated_at']).where('program_id', '=', programId).executeTakeFirst();
}

export async function listTrainees(db: Q, programId: number) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('cadres as c', 'c.id', 'e.cadre_id')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .select(['c.id as cadre_id', 'c.name', 'o.name as org_name'])
    .where('e.program_id', '=', programId)
    .where('e.status', '=', 'enrolled')
    .orderBy('c.name')
    .orderBy('c.id')
    .execute();
}

export async function listTopics(db: Q, programId: number) {
  return db.selectFrom('research_topics').select(['id', 'title']).where('program_id', '=', programId).orderBy('id').execute();
}

/** Trainees on task forces of the program's topics (lead or member). */
export async function listTopicMembers(db: Q, programId: number) {
  return db
    .selectFrom('task_force_members as m')
    .innerJoin('research_topics as t', 't.id', 'm.topic_id')
    .select(['m.topic_id', 'm.cadre_id'])
    .where('t.program_id', '=', programId)
    .where('m.cadre_id', 'is not', null)
    .orderBy('m.id')
    .execute();
}

/** Every panel score of the mid-term and final defences, with its milestone's rubric. */
export async function listDefenceScores(db: Q, programId: number) {
  return db
    .selectFrom('milestone_scores as s')
    .innerJoin('topic_milestones as m', 'm.id', 's.milestone_id')
    .innerJoin('research_topics as t', 't.id', 'm.topic_id')
    .select(['m.topic_id', 'm.rubric', 's.total'])
    .where('t.program_id', '=', programId)
    .where('m.kind', 'in', ['midterm', 'final'])
    .execute();
}

export async function listFinalHostReviews(db: Q, programId: number) {
  return db
    .selectFrom('placements as p')
    .innerJoin('placement_reviews as r', 'r.placement_id', 'p.id')
    .select(['p.cadre_id', 'r.score', 'r.result'])
    .where('p.program_id', '=', programId)
    .where('r.kind', '=', 'final')
    .execute();
}

export async function listAttendanceMarks(db: Q, programId: number) {
  return db
    .selectFrom('attendance as a')
    .innerJoin('program_sessions as s', 's.id', 'a.session_id')
    .innerJoin('enrolments as e', 'e.id', 'a.enrolment_id')
    .select(['a.cadre_id', 'a.status'])
    .where('s.program_id', '=', programId)
    .where('e.program_id', '=', programId)
    .execute();
}

export async function listReflections(db: Q, programId: number) {
  const reflections = await db.selectFrom('reflections').select(['id', 'cadre_id', 'status']).where('program_id', '=', programId).execute();
  const ids = reflections.map((r) => r.id);
  const items = ids.length === 0 ? [] : await db.selectFrom('action_items').select('reflection_id').where('reflection_id', 'in', ids).execute();
  return reflections.map((r) => ({ cadreId: r.cadre_id, status: r.status, actionItems: items.filter((i) => i.reflection_id === r.id).length }));
}

export async function listRecommendations(db: Q, programId: number) {
  return db.selectFrom('recommendations').select(['topic_id', 'report_id', 'status']).where('program_id', '=', programId).execute();
}

export async function listReports(db: Q, programId: number) {
  return db.selectFrom('research_reports').select(['id', 'topic_id', 'cadre_id']).where('program_id', '=', programId).execute();
}

export async function listPublished(db: Q, programId: number) {
  return db.selectFrom('evaluation_results').select(['cadre_id', 'score', 'grade', 'published_at']).where('program_id', '=', programId).execute();
}
