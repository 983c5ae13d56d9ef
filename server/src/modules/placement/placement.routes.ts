// /api/v1 routes of the placement module (issue 4): host units, posts, bans, preferences, placement runs, explanations, publishing.
import type { RoutesPlugin } from '../../http/types.ts';

export const placementRoutes: RoutesPlugin = (_app, _services) => {};
