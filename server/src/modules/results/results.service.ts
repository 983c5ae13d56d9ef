// Results service (issue 5): 调研报告、对策建议与成果落地跟踪.
import type { AppContext } from '../../context.ts';

export function createResultsService(ctx: AppContext) {
  void ctx;
  return {};
}
export type ResultsService = ReturnType<typeof createResultsService>;
