// Selection service (issue 4): selection (选调/选派): quotas, eligibility rules, nominations, approval chain, waitlist.
import type { AppContext } from '../../context.ts';

export function createSelectionService(_ctx: AppContext) {
  return {};
}
export type SelectionService = ReturnType<typeof createSelectionService>;
