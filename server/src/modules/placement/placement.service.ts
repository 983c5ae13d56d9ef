// Placement service (issue 4): host units, posts, bans, preferences, placement runs, explanations, publishing.
// Each part lives in its own file; routes reach them as `placement.units`, `placement.posts`, …
import type { AppContext } from '../../context.ts';
import { createBanService } from './bans.service.ts';
import { createHostRankingService } from './host-ranking.service.ts';
import { createHostUnitService } from './host-units.service.ts';
import { createPlacementsService } from './placements.service.ts';
import { createPostService } from './posts.service.ts';
import { createPreferenceImport } from './preferences-import.ts';
import { createPreferenceService } from './preferences.service.ts';
import { createRunService } from './runs.service.ts';

export function createPlacementService(ctx: AppContext) {
  const units = createHostUnitService(ctx);
  const runs = createRunService(ctx);
  return {
    units,
    posts: createPostService(ctx, units),
    bans: createBanService(ctx, units),
    preferences: createPreferenceService(ctx),
    preferencesImport: createPreferenceImport(ctx),
    hostRanking: createHostRankingService(ctx),
    runs,
    placements: createPlacementsService(ctx, runs),
  };
}
export type PlacementService = ReturnType<typeof createPlacementService>;
