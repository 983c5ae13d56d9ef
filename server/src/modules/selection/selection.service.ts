// Selection service (issue 4): 选调/选派 — rules and quotas (organizer), calls, candidates and nominations (nominating
// unit), the approval chain and waitlist, and the live summary. Each part lives in its own file.
import type { AppContext } from '../../context.ts';
import { createDecisionService } from './decisions.service.ts';
import { createNominationService } from './nominations.service.ts';
import { createQuotaService } from './quotas.service.ts';
import { createSummaryService } from './summary.service.ts';

export function createSelectionService(ctx: AppContext) {
  return {
    quotas: createQuotaService(ctx),
    nominations: createNominationService(ctx),
    decisions: createDecisionService(ctx),
    summary: createSummaryService(ctx),
  };
}
export type SelectionService = ReturnType<typeof createSelectionService>;
