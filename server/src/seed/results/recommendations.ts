// A recommendation with its whole history, as the landing service would have written it: one update row per status
// change (the first one null → proposed at creation) and the evidence of landing attached to the landing update.
import type { RecommendationStatus } from '@duibiao/contracts';
import { at, insertId, insertMany, type Trx } from './common.ts';

export interface RecommendationPlan {
  programId: number;
  source: 'report' | 'topic';
  reportId: number | null;
  topicId: number | null;
  title: string;
  content: string;
  ownerOrgId: number;
  deadline: string | null;
  expectedEffect: string | null;
  createdOn: string;
  createdBy: number | null;
  /** Status changes after 'proposed', in order. */
  steps: { to: RecommendationStatus; on: string; note: string; by: number | null }[];
  rejectReason?: string;
  evidence?: { kind: 'figure' | 'document'; label: string; value?: number; unit?: string }[];
}

export async function seedRecommendation(trx: Trx, plan: RecommendationPlan): Promise<number> {
  const last = plan.steps.at(-1);
  const status = last?.to ?? 'proposed';
  const lastAt = last ? at(last.on, 6) : at(plan.createdOn, 2);
  const landed = plan.steps.find((s) => s.to === 'landed');
  const id = await insertId(trx, 'recommendations', {
    program_id: plan.programId,
    source: plan.source,
    report_id: plan.reportId,
    topic_id: plan.topicId,
    action_item_id: null,
    title: plan.title,
    content: plan.content,
    owner_org_id: plan.ownerOrgId,
    owner_name: null,
    deadline: plan.deadline,
    expected_effect: plan.expectedEffect,
    status,
    reject_reason: status === 'rejected' ? (plan.rejectReason ?? null) : null,
    landed_at: landed ? at(landed.on, 6) : null,
    last_update_at: lastAt,
    reminded_for: null,
    created_by: plan.createdBy,
    created_at: at(plan.createdOn, 2),
    updated_at: lastAt,
  });
  await insertId(trx, 'recommendation_updates', {
    recommendation_id: id,
    from_status: null,
    to_status: 'proposed',
    note: '提出建议',
    author_user_id: plan.createdBy,
    created_at: at(plan.createdOn, 2),
  });
  let from: RecommendationStatus = 'proposed';
  let landingUpdate: number | null = null;
  for (const step of plan.steps) {
    const updateId = await insertId(trx, 'recommendation_updates', {
      recommendation_id: id,
      from_status: from,
      to_status: step.to,
      note: step.to === 'rejected' ? (plan.rejectReason ?? step.note) : step.note,
      author_user_id: step.by,
      created_at: at(step.on, 6),
    });
    if (step.to === 'landed') landingUpdate = updateId;
    from = step.to;
  }
  if (plan.evidence?.length && landed) {
    await insertMany(
      trx,
      'recommendation_evidence',
      plan.evidence.map((e) => ({
        recommendation_id: id,
        update_id: landingUpdate,
        kind: e.kind,
        label: e.label,
        value: e.value ?? null,
        unit: e.unit ?? null,
        // Demo documents are named in the label only: no file is written to UPLOAD_DIR, so nothing to download.
        file_name: null,
        file_path: null,
        size_bytes: null,
        mime: null,
        created_by: landed.by,
        created_at: at(landed.on, 6),
      })),
    );
  }
  return id;
}
