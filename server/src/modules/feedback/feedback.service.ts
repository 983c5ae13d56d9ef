// Feedback service (issue 3): filled in by the feedback module.
import type { AppContext } from '../../context.ts';

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- scaffold: the module fills this in
export function createFeedbackService(ctx: AppContext) {
  return {};
}
export type FeedbackService = ReturnType<typeof createFeedbackService>;
