// Response objects of reports and recommendations, built from repository rows and what the viewer may do.
import type { Recommendation, RecommendationEvidence, RecommendationStatus, RecommendationSource, Report, ReportStatus } from '@duibiao/contracts';
import { isInScope, type Actor } from '../auth/actor.ts';
import { hasPermission } from '../auth/permissions.ts';
import type { RecommendationListRow, ReportListRow, evidenceOf } from './results.repo.ts';
import { NEXT_STATUSES, isOverdue } from './results.rules.ts';

export interface ReportRights {
  canEdit: boolean;
  canReturn: boolean;
  canRecommend: boolean;
}

/** Authors edit drafts; organizers with program:write edit drafts and return submitted reports. */
export const reportRights = (status: string, a: { canManage: boolean; isAuthor: boolean }): ReportRights => ({
  canEdit: status === 'draft' && (a.canManage || a.isAuthor),
  canReturn: status === 'submitted' && a.canManage,
  canRecommend: a.canManage || a.isAuthor,
});

export function presentReport(r: ReportListRow, rights: ReportRights): Report {
  return {
    id: r.id,
    programId: r.program_id,
    programName: r.program_name,
    topicId: r.topic_id,
    topicTitle: r.topic_title,
    groupId: r.group_id,
    groupName: r.group_name,
    cadreId: r.cadre_id,
    cadreName: r.cadre_name,
    title: r.title,
    summary: r.summary,
    status: r.status as ReportStatus,
    fileName: r.file_name,
    sizeBytes: r.size_bytes === null ? null : Number(r.size_bytes),
    authorName: r.author_name,
    submittedAt: r.submitted_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    recommendationCount: Number(r.recommendation_count ?? 0),
    ...rights,
  };
}

/** Organizer (program:write in scope) or owner unit (landing:write, owner inside the subtree) may act. */
export function canActOn(actor: Actor, r: { organizer_path: string; owner_path: string | null }): boolean {
  const manages = hasPermission(actor.role, 'program:write') && isInScope(actor, r.organizer_path);
  const owns = r.owner_path !== null && hasPermission(actor.role, 'landing:write') && isInScope(actor, r.owner_path);
  return manages || owns;
}

export function presentRecommendation(actor: Actor, r: RecommendationListRow, today: string): Recommendation {
  const status = r.status as RecommendationStatus;
  const canAct = canActOn(actor, r);
  return {
    id: r.id,
    programId: r.program_id,
    programName: r.program_name,
    source: r.source as RecommendationSource,
    reportId: r.report_id,
    reportTitle: r.report_title,
    topicId: r.topic_id,
    topicTitle: r.topic_title,
    actionItemId: r.action_item_id,
    title: r.title,
    content: r.content,
    ownerOrgId: r.owner_org_id,
    ownerName: r.owner_org_name ?? r.owner_name,
    deadline: r.deadline,
    expectedEffect: r.expected_effect,
    status,
    rejectReason: r.reject_reason,
    landedAt: r.landed_at,
    lastUpdateAt: r.last_update_at,
    createdAt: r.created_at,
    overdue: isOverdue(r, today),
    evidenceCount: Number(r.evidence_count ?? 0),
    nextStatuses: canAct ? [...NEXT_STATUSES[status]] : [],
    canAct,
  };
}

export const presentEvidence = (e: Awaited<ReturnType<typeof evidenceOf>>[number]): RecommendationEvidence => ({
  id: e.id,
  kind: e.kind === 'document' ? 'document' : 'figure',
  label: e.label,
  value: e.value === null ? null : Number(e.value),
  unit: e.unit,
  fileName: e.file_name,
  sizeBytes: e.size_bytes === null ? null : Number(e.size_bytes),
  createdAt: e.created_at,
});
