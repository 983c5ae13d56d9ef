// /api/v1 routes of the branch module (issue 5): 临时党支部：支委、党员、组织生活.
import type { RoutesPlugin } from '../../http/types.ts';

export const branchRoutes: RoutesPlugin = (app, services) => {
  void app;
  void services;
};
