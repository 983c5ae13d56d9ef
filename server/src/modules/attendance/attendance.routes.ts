// /api/v1 routes of the attendance module (issue 3).
import type { RoutesPlugin } from '../../http/types.ts';

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- scaffold: the module fills this in
export const attendanceRoutes: RoutesPlugin = (app, services) => {};
