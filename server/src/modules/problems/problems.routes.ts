// /api/v1 routes of the problems module (issue 5): 问题清单：问题征集、相似问题合并、版本化重点问题清单.
import type { RoutesPlugin } from '../../http/types.ts';

export const problemsRoutes: RoutesPlugin = (app, services) => {
  void app;
  void services;
};
