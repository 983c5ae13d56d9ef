// Routes of the trace feature: `shellRoutes` inside the signed-in desktop layout, `mobileRoutes` under /m. The chain
// page has no permission gate of its own: owner units (landing:write) may open it too and the server decides.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../../components/lazyPage.tsx';

const DashboardPage = lazy(() => import('./DashboardPage.tsx'));
const ChainPage = lazy(() => import('./ChainPage.tsx'));

export const shellRoutes: RouteObject[] = [
  { path: 'trace', element: page(DashboardPage, 'program:read') },
  { path: 'trace/recommendations/:id', element: page(ChainPage) },
];
export const mobileRoutes: RouteObject[] = [];
