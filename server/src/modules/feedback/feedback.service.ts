// Feedback service (issue 3): session ratings and evaluations, questionnaires, reflections, the good-practice library.
// Each part lives in its own file; routes reach them as `feedback.ratings`, `feedback.questionnaires`, …
import type { AppContext } from '../../context.ts';
import { createPracticeService } from './practices.service.ts';
import { createQuestionnaireService } from './questionnaires.service.ts';
import { createRatingService } from './ratings.service.ts';
import { createReflectionService } from './reflections.service.ts';

export function createFeedbackService(ctx: AppContext) {
  return {
    ratings: createRatingService(ctx),
    questionnaires: createQuestionnaireService(ctx),
    reflections: createReflectionService(ctx),
    practices: createPracticeService(ctx),
  };
}
export type FeedbackService = ReturnType<typeof createFeedbackService>;
