// Class and group formation (分班建组, issue 4): solver proposal, manual moves with live violations, apply.
import { z } from 'zod';

export const FORMATION_AUDIT_ACTIONS = {} as const;

// Keeps `z` imported for the schemas that follow.
export const formationPlaceholder = z.never().optional();
