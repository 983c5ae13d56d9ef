// Routes of the results feature: `shellRoutes` inside the signed-in desktop layout, `mobileRoutes` under /m.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../../components/lazyPage.tsx';

const LandingPage = lazy(() => import('./LandingPage.tsx'));
const MobileReportsPage = lazy(() => import('./MobileReportsPage.tsx'));

export const shellRoutes: RouteObject[] = [{ path: 'landing', element: page(LandingPage, 'landing:write') }];
export const mobileRoutes: RouteObject[] = [{ path: 'reports', element: page(MobileReportsPage) }];
