// /api/v1 routes of the practicum module (issue 4): long placements: remote check-in, weekly logs, mentor comments, mid-term review, final assessment.
import type { RoutesPlugin } from '../../http/types.ts';

export const practicumRoutes: RoutesPlugin = (_app, _services) => {};
