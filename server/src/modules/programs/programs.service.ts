// Programs service (issue 3): filled in by the programs module.
import type { AppContext } from '../../context.ts';

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- scaffold: the module fills this in
export function createProgramsService(ctx: AppContext) {
  return {};
}
export type ProgramsService = ReturnType<typeof createProgramsService>;
