// /api/v1 routes of the formation module (issue 4): class and group formation (分班建组): solver proposal, live violations, locks, apply.
import type { RoutesPlugin } from '../../http/types.ts';

export const formationRoutes: RoutesPlugin = (_app, _services) => {};
