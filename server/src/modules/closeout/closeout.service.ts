// Closeout service (issue 3): filled in by the closeout module.
import type { AppContext } from '../../context.ts';

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- scaffold: the module fills this in
export function createCloseoutService(ctx: AppContext) {
  return {};
}
export type CloseoutService = ReturnType<typeof createCloseoutService>;
