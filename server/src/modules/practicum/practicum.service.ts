// Practicum service (issue 4): long placements: remote check-in, weekly logs, mentor comments, mid-term review, final assessment.
import type { AppContext } from '../../context.ts';

export function createPracticumService(_ctx: AppContext) {
  return {};
}
export type PracticumService = ReturnType<typeof createPracticumService>;
