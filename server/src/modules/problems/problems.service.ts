// Problems service (issue 5): 问题清单：问题征集、相似问题合并、版本化重点问题清单.
import type { AppContext } from '../../context.ts';

export function createProblemsService(ctx: AppContext) {
  void ctx;
  return {};
}
export type ProblemsService = ReturnType<typeof createProblemsService>;
