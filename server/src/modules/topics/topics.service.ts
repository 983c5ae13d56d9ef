// Topics service (issue 5): 研究课题：招拍挂投标、课题分配、工作专班.
import type { AppContext } from '../../context.ts';

export function createTopicsService(ctx: AppContext) {
  void ctx;
  return {};
}
export type TopicsService = ReturnType<typeof createTopicsService>;
