// Host units, posts, bans, preferences, placement runs (stable / rank-optimal), explanations, publishing (issue 4).
import { z } from 'zod';

export const PLACEMENT_AUDIT_ACTIONS = {} as const;

// Keeps `z` imported for the schemas that follow.
export const placementPlaceholder = z.never().optional();
