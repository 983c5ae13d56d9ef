// Close-out service (issue 3): assessments, certificates, documents and dashboards, one use-case file each.
import type { AppContext } from '../../context.ts';
import { createAssessmentService } from './assessments.ts';
import { createCertificateService } from './certificates.ts';
import { createDashboardService } from './dashboards.ts';
import { createDocumentService } from './documents.ts';

export function createCloseoutService(ctx: AppContext) {
  return {
    ...createAssessmentService(ctx),
    ...createCertificateService(ctx),
    ...createDocumentService(ctx),
    ...createDashboardService(ctx),
  };
}
export type CloseoutService = ReturnType<typeof createCloseoutService>;
