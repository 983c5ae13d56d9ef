// Evaluation service (issue 5): 综合评价：答辩、单位评价、出勤、心得、落地加权.
import type { AppContext } from '../../context.ts';

export function createEvaluationService(ctx: AppContext) {
  void ctx;
  return {};
}
export type EvaluationService = ReturnType<typeof createEvaluationService>;
