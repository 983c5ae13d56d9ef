// Pure rules of the final comprehensive evaluation (综合评价): component scores from raw facts, the weighted score with
// renormalisation over the components that apply, and the grade bands.
import { EVALUATION_COMPONENTS, type EvaluationComponent, type ReviewResult } from '@duibiao/contracts';

export type Components = Record<EvaluationComponent, number | null>;
export type Weights = Record<EvaluationComponent, number>;

const round2 = (n: number) => Math.round(n * 100) / 100;
const mean = (xs: readonly number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Host result → score when the final review has no numeric score. */
export const HOST_RESULT_SCORES: Record<ReviewResult, number> = { excellent: 95, good: 85, pass: 70, fail: 40 };

/**
 * Reflection rule: a submitted reflection earns 80, plus 5 per action item, capped at 100; none submitted earns 0 —
 * once the program collects reflections (before anyone has written one the component is not applicable).
 */
export const REFLECTION_BASE = 80;
export const REFLECTION_PER_ACTION = 5;

/** Each panel score's total as a % of its milestone's rubric maximum, averaged; null without scores. */
export function defenceScore(scores: readonly { total: number; max: number }[]): number | null {
  const pcts = scores.filter((s) => s.max > 0).map((s) => (100 * s.total) / s.max);
  const m = mean(pcts);
  return m === null ? null : round2(Math.min(100, Math.max(0, m)));
}

/** The rubric maximum: the sum of the criteria's `max` (0 when the JSON is unusable). */
export function rubricMax(rubricJson: string): number {
  try {
    const parsed: unknown = JSON.parse(rubricJson);
    if (!Array.isArray(parsed)) return 0;
    return parsed.reduce<number>((sum, c: unknown) => {
      const max = typeof c === 'object' && c !== null && 'max' in c ? Number((c as { max: unknown }).max) : 0;
      return sum + (Number.isFinite(max) ? max : 0);
    }, 0);
  } catch {
    return 0;
  }
}

export function hostScore(review: { score: number | null; result: string | null } | undefined): number | null {
  if (!review) return null;
  if (review.score !== null) return round2(review.score);
  return review.result && review.result in HOST_RESULT_SCORES ? HOST_RESULT_SCORES[review.result as ReviewResult] : null;
}

/** present, late and left_early attend; absent misses; excused is out of the denominator. Null without marks. */
export function attendanceScore(statuses: readonly string[]): number | null {
  const counted = statuses.filter((s) => s !== 'excused');
  if (counted.length === 0) return null;
  const attended = counted.filter((s) => s === 'present' || s === 'late' || s === 'left_early').length;
  return round2((100 * attended) / counted.length);
}

/** The best of the trainee's reflections in the program (a trainee may write more than one). */
export function reflectionScore(reflections: readonly { status: string; actionItems: number }[]): number {
  const scores = reflections.filter((r) => r.status === 'submitted').map((r) => Math.min(100, REFLECTION_BASE + REFLECTION_PER_ACTION * r.actionItems));
  return scores.length === 0 ? 0 : Math.max(...scores);
}

/** Landed share of the recommendations that were not rejected; null when there are none. */
export function landingScore(statuses: readonly string[]): number | null {
  const live = statuses.filter((s) => s !== 'rejected');
  if (live.length === 0) return null;
  return round2((100 * live.filter((s) => s === 'landed').length) / live.length);
}

/**
 * Σ wᵢ·sᵢ / Σ wᵢ over the components that apply (non-null score and weight > 0), so a missing component neither
 * counts as 0 nor changes the relative weight of the others. Null when nothing applies.
 */
export function weightedScore(components: Components, weights: Weights): number | null {
  let num = 0;
  let den = 0;
  for (const c of EVALUATION_COMPONENTS) {
    const s = components[c];
    if (s === null || weights[c] <= 0) continue;
    num += weights[c] * s;
    den += weights[c];
  }
  return den === 0 ? null : round2(num / den);
}

/** ≥ 90 优秀, ≥ 80 良好, ≥ 60 合格, else 不合格 — on the score rounded to two decimals. */
export function gradeOf(score: number): ReviewResult {
  const s = round2(score);
  if (s >= 90) return 'excellent';
  if (s >= 80) return 'good';
  if (s >= 60) return 'pass';
  return 'fail';
}

export function average(xs: readonly (number | null)[]): number | null {
  const m = mean(xs.filter((x): x is number => x !== null));
  return m === null ? null : round2(m);
}

/** 400 details for weights that do not sum to 100 (component ranges are checked by the schema). */
export function weightsProblems(weights: Weights): { field: string; message: string }[] {
  const sum = EVALUATION_COMPONENTS.reduce((n, c) => n + weights[c], 0);
  return sum === 100 ? [] : [{ field: 'weights', message: `各项权重之和应为 100，当前为 ${sum}` }];
}
