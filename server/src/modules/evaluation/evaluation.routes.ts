// /api/v1 routes of the evaluation module (issue 5): 综合评价：答辩、单位评价、出勤、心得、落地加权.
import type { RoutesPlugin } from '../../http/types.ts';

export const evaluationRoutes: RoutesPlugin = (app, services) => {
  void app;
  void services;
};
