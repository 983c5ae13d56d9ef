// /api/v1 routes of the hours module (issue 3).
import type { RoutesPlugin } from '../../http/types.ts';

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- scaffold: the module fills this in
export const hoursRoutes: RoutesPlugin = (app, services) => {};
