// /api/v1 routes of the topics module (issue 5): 研究课题：招拍挂投标、课题分配、工作专班.
import type { RoutesPlugin } from '../../http/types.ts';

export const topicsRoutes: RoutesPlugin = (app, services) => {
  void app;
  void services;
};
