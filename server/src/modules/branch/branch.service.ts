// Branch service (issue 5): 临时党支部：支委、党员、组织生活.
import type { AppContext } from '../../context.ts';

export function createBranchService(ctx: AppContext) {
  void ctx;
  return {};
}
export type BranchService = ReturnType<typeof createBranchService>;
