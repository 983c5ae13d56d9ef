// Milestones service (issue 5): 课题过程管控：节点、提交版本、评审打分、外挂团队.
import type { AppContext } from '../../context.ts';

export function createMilestonesService(ctx: AppContext) {
  void ctx;
  return {};
}
export type MilestonesService = ReturnType<typeof createMilestonesService>;
