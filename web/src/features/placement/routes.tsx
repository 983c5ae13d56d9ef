// Routes of the placement feature: `shellRoutes` inside the signed-in desktop layout, `mobileRoutes` under /m, `publicRoutes`
// outside any sign-in.
import type { RouteObject } from 'react-router';

export const shellRoutes: RouteObject[] = [];
export const mobileRoutes: RouteObject[] = [];
export const publicRoutes: RouteObject[] = [];
