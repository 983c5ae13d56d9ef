// Hours service (issue 3): filled in by the hours module.
import type { AppContext } from '../../context.ts';

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- scaffold: the module fills this in
export function createHoursService(ctx: AppContext) {
  return {};
}
export type HoursService = ReturnType<typeof createHoursService>;
