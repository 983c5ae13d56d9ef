// Practicum service (issue 4): long placements — remote check-in, weekly logs, mentor comments, mid-term review,
// final assessment. Routes reach the parts as `practicum.trainee`, `practicum.host` and `practicum.overview`.
import type { PracticumOverview } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { beijingToday } from '../hours/time.ts';
import { programInScope } from '../programs/program-access.ts';
import { createHostPracticumService } from './host.service.ts';
import { logsPerWeek, presentRow } from './practicum.present.ts';
import { listProgramPlacements, logsOf, reviewsOf } from './practicum.repo.ts';
import { createTraineePracticumService } from './trainee.service.ts';

export function createPracticumService(ctx: AppContext) {
  const read = ctx.db.read;
  return {
    trainee: createTraineePracticumService(ctx),
    host: createHostPracticumService(ctx),

    /** The organizer's follow-up table of a program's published placements, with flags and logs per week. */
    async overview(actor: Actor, programId: number): Promise<PracticumOverview> {
      requirePermission(actor, 'program:read');
      await programInScope(read, actor, programId);
      const rows = await listProgramPlacements(read, programId);
      const ids = rows.map((r) => r.id);
      const [logs, reviews] = await Promise.all([logsOf(read, ids), reviewsOf(read, ids)]);
      const today = beijingToday();
      return { programId, rows: rows.map((r) => presentRow(r, logs, reviews, today)), logsPerWeek: logsPerWeek(rows, logs, today) };
    },
  };
}
export type PracticumService = ReturnType<typeof createPracticumService>;
