// Builds the program's scorecard (per trainee and per topic) from the facts in evaluation.repo.ts.
//
// Who belongs where: a trainee's topic is the first task force they sit on in the program. Recommendations count for a
// topic when they name it or come from one of its reports; for a trainee, also those from reports they wrote alone.
import type { EvaluationOverview, ProgramType, ReviewResult, TopicScorecard, TraineeScorecard } from '@duibiao/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { groupBy } from '../hours/program-hours.repo.ts';
import {
  listAttendanceMarks,
  listDefenceScores,
  listFinalHostReviews,
  listPublished,
  listRecommendations,
  listReflections,
  listReports,
  listTopicMembers,
  listTopics,
  listTrainees,
} from './evaluation.repo.ts';
import {
  attendanceScore,
  average,
  defenceScore,
  gradeOf,
  hostScore,
  landingScore,
  reflectionScore,
  rubricMax,
  weightedScore,
  type Weights,
} from './evaluation.rules.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** Programs without host placements: the host component never applies. */
const CLASS_TYPES: readonly ProgramType[] = ['centralized_class'];

export async function buildScorecard(db: Q, program: { id: number; type: string }, weights: Weights): Promise<EvaluationOverview> {
  const [trainees, topics, members, defence, hostReviews, marks, reflections, recs, reports, published] = await Promise.all([
    listTrainees(db, program.id),
    listTopics(db, program.id),
    listTopicMembers(db, program.id),
    listDefenceScores(db, program.id),
    listFinalHostReviews(db, program.id),
    listAttendanceMarks(db, program.id),
    listReflections(db, program.id),
    listRecommendations(db, program.id),
    listReports(db, program.id),
    listPublished(db, program.id),
  ]);
  const isClass = CLASS_TYPES.includes(program.type as ProgramType);

  const topicOf = new Map<number, number>();
  for (const m of members) if (m.cadre_id !== null && !topicOf.has(m.cadre_id)) topicOf.set(m.cadre_id, m.topic_id);
  const topicTitle = new Map(topics.map((t) => [t.id, t.title]));

  const defenceBy = groupBy(defence, (d) => d.topic_id);
  const defenceOfTopic = (topicId: number) => defenceScore((defenceBy.get(topicId) ?? []).map((d) => ({ total: Number(d.total), max: rubricMax(d.rubric) })));

  const reportTopic = new Map(reports.map((r) => [r.id, r.topic_id]));
  const reportCadre = new Map(reports.map((r) => [r.id, r.cadre_id]));
  const recTopic = (r: (typeof recs)[number]) => r.topic_id ?? (r.report_id !== null ? (reportTopic.get(r.report_id) ?? null) : null);
  const landingOfTopic = (topicId: number) => landingScore(recs.filter((r) => recTopic(r) === topicId).map((r) => r.status));

  const hostBy = new Map(hostReviews.map((r) => [r.cadre_id, r]));
  const marksBy = groupBy(marks, (m) => m.cadre_id);
  const reflectionsBy = groupBy(reflections, (r) => r.cadreId);
  const publishedBy = new Map(published.map((p) => [p.cadre_id, p]));

  const rows: TraineeScorecard[] = trainees.map((t) => {
    const topicId = topicOf.get(t.cadre_id) ?? null;
    const own = recs.filter((r) => (topicId !== null && recTopic(r) === topicId) || (r.report_id !== null && reportCadre.get(r.report_id) === t.cadre_id));
    const components = {
      defence: topicId === null ? null : defenceOfTopic(topicId),
      host: isClass ? null : hostScore(hostBy.get(t.cadre_id)),
      attendance: attendanceScore((marksBy.get(t.cadre_id) ?? []).map((m) => m.status)),
      // Reflections count only once the program collects them (someone has written one); before that they are not applicable.
      reflection: reflections.length === 0 ? null : reflectionScore(reflectionsBy.get(t.cadre_id) ?? []),
      landing: landingScore(own.map((r) => r.status)),
    };
    const score = weightedScore(components, weights);
    const pub = publishedBy.get(t.cadre_id);
    return {
      cadreId: t.cadre_id,
      name: t.name,
      orgName: t.org_name,
      topicId,
      topicTitle: topicId === null ? null : (topicTitle.get(topicId) ?? null),
      components,
      score,
      grade: score === null ? null : gradeOf(score),
      published: pub ? { score: Number(pub.score), grade: pub.grade as ReviewResult, publishedAt: pub.published_at } : null,
    };
  });

  const topicCards: TopicScorecard[] = topics.map((topic) => {
    const mine = rows.filter((r) => r.topicId === topic.id);
    return {
      topicId: topic.id,
      title: topic.title,
      memberCount: mine.length,
      averageScore: average(mine.map((r) => r.score)),
      defence: defenceOfTopic(topic.id),
      landingRate: landingOfTopic(topic.id),
    };
  });

  const publishedAt = published.reduce<string | null>((max, p) => (max === null || p.published_at > max ? p.published_at : max), null);
  return { programId: program.id, programType: program.type as ProgramType, weights, trainees: rows, topics: topicCards, publishedAt };
}
