// /api/v1 routes of the milestones module (issue 5): 课题过程管控：节点、提交版本、评审打分、外挂团队.
import type { RoutesPlugin } from '../../http/types.ts';

export const milestonesRoutes: RoutesPlugin = (app, services) => {
  void app;
  void services;
};
