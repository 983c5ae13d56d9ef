// Long placements (issue 4): remote check-in, weekly logs, mentor comments, mid-term review, final assessment.
import { z } from 'zod';

export const PRACTICUM_AUDIT_ACTIONS = {} as const;

// Keeps `z` imported for the schemas that follow.
export const practicumPlaceholder = z.never().optional();
