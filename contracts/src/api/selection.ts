// Selection (选调/选派, issue 4): quotas, eligibility rules, nominations and the approval chain, waitlist.
import { z } from 'zod';

export const SELECTION_AUDIT_ACTIONS = {} as const;

// Keeps `z` imported for the schemas that follow.
export const selectionPlaceholder = z.never().optional();
