// Placement service (issue 4): host units, posts, bans, preferences, placement runs, explanations, publishing.
import type { AppContext } from '../../context.ts';

export function createPlacementService(_ctx: AppContext) {
  return {};
}
export type PlacementService = ReturnType<typeof createPlacementService>;
