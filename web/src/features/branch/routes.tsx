// Routes of the branch feature: `shellRoutes` inside the signed-in desktop layout, `mobileRoutes` under /m.
import type { RouteObject } from 'react-router';

export const shellRoutes: RouteObject[] = [];
export const mobileRoutes: RouteObject[] = [];
