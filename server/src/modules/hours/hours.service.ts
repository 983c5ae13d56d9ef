// Hours service (issue 3): the training-hours ledger's read and admin side, one sub-service per use-case group.
import type { TrainingFile } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { createComplianceService } from './compliance.service.ts';
import { createCreditPolicyService } from './credit-policy.service.ts';
import { createEndedSessionsRefresher } from './ended-sessions.ts';
import { createHoursEntriesService } from './hours-entries.service.ts';
import { createHoursRulesService } from './hours-rules.service.ts';
import { createProgramHoursService } from './program-hours.service.ts';
import { loadTrainingFile } from './training-file.ts';

export function createHoursService(ctx: AppContext) {
  return {
    policy: createCreditPolicyService(ctx),
    rules: createHoursRulesService(ctx),
    entries: createHoursEntriesService(ctx),
    compliance: createComplianceService(ctx),
    programHours: createProgramHoursService(ctx),
    /** Housekeeping: credit programs whose sessions ended since the last call (see ended-sessions.ts). */
    creditEndedSessions: createEndedSessionsRefresher(ctx.db),

    /** The signed-in trainee's own training file; the cadre comes from the session, never from the request. */
    async myTrainingFile(actor: Actor, year?: number): Promise<TrainingFile> {
      if (actor.cadreId === null) throw notFound('培训档案');
      return loadTrainingFile(ctx.db.read, actor.cadreId, year);
    },
  };
}
export type HoursService = ReturnType<typeof createHoursService>;
