// Rows of the trace queries mapped to the contract's chain pieces.
import type {
  KeyProblemKind,
  RecommendationSource,
  RecommendationStatus,
  ReportStatus,
  TopicStatus,
  TraceKeyProblem,
  TraceQuestion,
  TraceRecommendationSummary,
  TraceReport,
  TraceTopic,
} from '@duibiao/contracts';
import type { KeyProblemRow, ListVersionRow, QuestionRow, RecommendationSummaryRow, ReportRow, TopicRow } from './trace.repo.ts';
import { isOverdue, snapshotItemIds } from './trace.rules.ts';

export interface TaskForceRow {
  topic_id: number;
  name: string;
  role: string;
}

export const presentQuestion = (q: QuestionRow): TraceQuestion => ({
  id: q.id,
  text: q.text,
  field: q.field,
  source: q.source,
  submitterName: q.cadre_name ?? q.user_name ?? q.submitter_name,
  homeOrgName: q.home_org_name,
  createdAt: q.created_at,
});

/** The published versions whose snapshot lists `keyProblemId`, oldest first. */
export const versionsHolding = (versions: ListVersionRow[], keyProblemId: number) =>
  versions
    .filter((v) => snapshotItemIds(v.snapshot).includes(keyProblemId))
    .map((v) => ({ id: v.id, version: v.version, title: v.title, publishedAt: v.published_at }));

export const presentKeyProblem = (k: KeyProblemRow, versions: ListVersionRow[]): TraceKeyProblem => ({
  id: k.id,
  title: k.title,
  kind: k.kind as KeyProblemKind | null,
  status: k.status,
  versions: versionsHolding(versions, k.id),
});

export const presentTopic = (t: TopicRow, taskForce: TaskForceRow[]): TraceTopic => ({
  id: t.id,
  code: t.code,
  title: t.title,
  status: t.status as TopicStatus,
  leadName: taskForce.find((m) => m.topic_id === t.id && m.role === 'lead')?.name ?? null,
  ownerOrgName: t.owner_org_name,
});

/** Authors: the topic's task force (lead first, liaisons left out), else the cadre, else whoever wrote it. */
export function presentReport(r: ReportRow, taskForce: TaskForceRow[]): TraceReport {
  const team = taskForce
    .filter((m) => m.topic_id === r.topic_id && m.role !== 'liaison')
    .sort((a, b) => Number(b.role === 'lead') - Number(a.role === 'lead'))
    .map((m) => m.name);
  const single = r.cadre_name ?? r.author_name;
  return {
    id: r.id,
    title: r.title,
    status: r.status as ReportStatus,
    authors: team.length > 0 ? team : single ? [single] : [],
    submittedAt: r.submitted_at,
  };
}

export const presentRecommendationSummary = (r: RecommendationSummaryRow, today: string): TraceRecommendationSummary => ({
  id: r.id,
  title: r.title,
  source: r.source as RecommendationSource,
  status: r.status as RecommendationStatus,
  ownerName: r.owner_org_name ?? r.owner_name,
  deadline: r.deadline,
  landedAt: r.landed_at,
  overdue: isOverdue(r.deadline, r.status, today),
});
