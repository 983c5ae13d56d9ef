// Trace service (issue 5): 成果溯源与转化漏斗.
import type { AppContext } from '../../context.ts';

export function createTraceService(ctx: AppContext) {
  void ctx;
  return {};
}
export type TraceService = ReturnType<typeof createTraceService>;
