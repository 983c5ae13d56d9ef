// Formation service (issue 4): class and group formation (分班建组): solver proposal, live violations, locks, apply.
import type { AppContext } from '../../context.ts';

export function createFormationService(_ctx: AppContext) {
  return {};
}
export type FormationService = ReturnType<typeof createFormationService>;
