// /api/v1 routes of the selection module (issue 4): selection (选调/选派): quotas, eligibility rules, nominations, approval chain, waitlist.
import type { RoutesPlugin } from '../../http/types.ts';

export const selectionRoutes: RoutesPlugin = (_app, _services) => {};
