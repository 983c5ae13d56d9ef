// /api/v1 routes of the trace module (issue 5): 成果溯源与转化漏斗.
import type { RoutesPlugin } from '../../http/types.ts';

export const traceRoutes: RoutesPlugin = (app, services) => {
  void app;
  void services;
};
