// The live picture of a selection for the organizer: counts by status, quota usage, seats, and the shares of the
// approved (grassroots against the target, gender, average age, per sending unit).
import { NOMINATION_STATUSES, type NominationStatus, type SelectionSummary } from '@duibiao/contracts';
import { completedYears, selectionShares } from '@duibiao/core/selection/index';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../auth/actor.ts';
import { presentQuotas } from './quotas.service.ts';
import { requireOrganizer } from './selection-access.ts';
import { effectiveCapacity, loadSelectionProgram } from './selection-program.ts';
import { isGrassroots } from './selection.presenter.ts';
import { enrolledCount, listNominations, listProgramQuotas } from './selection.repo.ts';

export function createSummaryService(ctx: AppContext) {
  const read = ctx.db.read;
  return {
    async summary(actor: Actor, programId: number): Promise<SelectionSummary> {
      await requireOrganizer(read, actor, programId);
      const program = await loadSelectionProgram(read, programId);
      const [rows, quotas, capacity, enrolled] = await Promise.all([
        listNominations(read, programId, {}),
        listProgramQuotas(read, programId),
        effectiveCapacity(read, program),
        enrolledCount(read, programId),
      ]);
      const counts = Object.fromEntries(NOMINATION_STATUSES.map((s) => [s, 0])) as Record<NominationStatus, number>;
      for (const r of rows) counts[r.status as NominationStatus] += 1;
      const shares = selectionShares(
        rows.map((r) => ({
          status: r.status,
          grassroots: isGrassroots(r.cadre_org_level),
          gender: r.gender,
          age: r.birth_date ? completedYears(r.birth_date, program.referenceDay) : null,
          unit: r.nominating_org_name,
        })),
        program.rules.grassrootsShareMin ?? null,
      );
      return { programId, counts, capacity, enrolled, quotas: await presentQuotas(read, quotas), shares };
    },
  };
}
