// Pure rules of reports and landing: the status machine, overdue and reminder windows, the landing rate, the evidence
// summary of the ledger, and finding candidate recommendations in a report's text.
import { RECOMMENDATION_STATUSES, type LandingStats, type RecommendationCandidate, type RecommendationStatus } from '@duibiao/contracts';

/** proposed → accepted → in_progress → landed; any open status may be rejected; landed and rejected are final. */
export const NEXT_STATUSES: Record<RecommendationStatus, readonly RecommendationStatus[]> = {
  proposed: ['accepted', 'rejected'],
  accepted: ['in_progress', 'rejected'],
  in_progress: ['landed', 'rejected'],
  landed: [],
  rejected: [],
};

export const isClosed = (status: string): boolean => status === 'landed' || status === 'rejected';

export const canMove = (from: RecommendationStatus, to: RecommendationStatus): boolean => NEXT_STATUSES[from].includes(to);

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const isOverdue = (r: { status: string; deadline: string | null }, today: string): boolean =>
  r.deadline !== null && r.deadline < today && !isClosed(r.status);

/** Due within `days` or past, still open, and this deadline not yet reminded. */
export const needsReminder = (r: { status: string; deadline: string | null; reminded_for: string | null }, today: string, days: number): boolean =>
  r.deadline !== null && r.deadline <= addDays(today, days) && !isClosed(r.status) && r.reminded_for !== r.deadline;

export function landingStats(rows: readonly { status: string; deadline: string | null }[], today: string): LandingStats {
  const byStatus = Object.fromEntries(RECOMMENDATION_STATUSES.map((s) => [s, 0])) as Record<RecommendationStatus, number>;
  for (const r of rows) byStatus[r.status as RecommendationStatus] += 1;
  const total = rows.length;
  const open = total - byStatus.rejected;
  return {
    total,
    byStatus,
    landed: byStatus.landed,
    landingRate: open === 0 ? null : Math.round((byStatus.landed / open) * 10_000) / 10_000,
    overdue: rows.filter((r) => isOverdue(r, today)).length,
  };
}

/** 签约项目 20 个；到位资金 3.2 亿元；文件 2 份 — figures first, then the count of documents. */
export function evidenceSummary(items: readonly { kind: string; label: string; value: number | null; unit: string | null }[]): string {
  const figures = items.filter((e) => e.kind === 'figure').map((e) => `${e.label} ${e.value ?? ''}${e.unit ? ` ${e.unit}` : ''}`.trim());
  const documents = items.filter((e) => e.kind === 'document').length;
  return [...figures, ...(documents > 0 ? [`文件 ${documents} 份`] : [])].join('；');
}

/** Action-item status of issue 3 → landing status. */
export const STATUS_FROM_ACTION_ITEM: Record<string, RecommendationStatus> = { planned: 'accepted', in_progress: 'in_progress', done: 'landed' };

// 建议… / 一是… / （一）… / 1. … / 1、… / (1) … / 第一，… — not 一、… which heads sections of a report.
const MARKER =
  /^\s*(?:(?:建议|对策|措施)[：:，,]?|[一二三四五六七八九十]+是[：:，,]?|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．)）]|第[一二三四五六七八九十]+[，,、：:])\s*/;

/**
 * Candidate recommendations in a report body: every paragraph that opens with a recommendation marker. The title is
 * the paragraph's first sentence (marker removed, ≤ 60 chars), the content the whole paragraph. Suggestions only.
 */
export function extractCandidates(body: string | null): RecommendationCandidate[] {
  if (!body) return [];
  const out: RecommendationCandidate[] = [];
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    const marker = MARKER.exec(line);
    if (!marker) continue;
    const rest = line.slice(marker[0].length).trim();
    if (rest.length < 4) continue;
    const sentence = /^[^。；;！!？?]+/.exec(rest)?.[0] ?? rest;
    out.push({ title: sentence.slice(0, 60), content: rest.slice(0, 5000) });
  }
  return out;
}
