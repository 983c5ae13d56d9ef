// /api/v1 routes of the results module (issue 5): 调研报告、对策建议与成果落地跟踪.
import type { RoutesPlugin } from '../../http/types.ts';

export const resultsRoutes: RoutesPlugin = (app, services) => {
  void app;
  void services;
};
