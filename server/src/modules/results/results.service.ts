// Results service (issue 5): research reports, recommendations and their landing. Routes reach the parts as
// `results.reports`, `results.recommendations` and `results.landing`.
import { REPORT_FILE_MAX_BYTES } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { createLandingService } from './landing.service.ts';
import { createRecommendationsService } from './recommendations.service.ts';
import { createReportsService } from './reports.service.ts';
import { createResultsFileStore } from './results-files.ts';

export { remindDueRecommendations } from './landing.service.ts';

export function createResultsService(ctx: AppContext) {
  const files = createResultsFileStore(ctx.config.UPLOAD_DIR, REPORT_FILE_MAX_BYTES);
  return {
    reports: createReportsService(ctx, files),
    recommendations: createRecommendationsService(ctx, files),
    landing: createLandingService(ctx),
  };
}
export type ResultsService = ReturnType<typeof createResultsService>;
