// Routes of the hours feature: `shellRoutes` inside the signed-in desktop layout, `mobileRoutes` under /m (phone
// layout, signed in), `publicRoutes` outside any sign-in.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../../components/lazyPage.tsx';

const CompliancePage = lazy(() => import('./CompliancePage.tsx'));
const RulesPage = lazy(() => import('./RulesPage.tsx'));
const PolicyPage = lazy(() => import('./PolicyPage.tsx'));
const MobileHoursPage = lazy(() => import('./MobileHoursPage.tsx'));

export const shellRoutes: RouteObject[] = [
  { path: 'hours', element: page(CompliancePage, 'hours:read') },
  { path: 'hours/rules', element: page(RulesPage, 'hours:read') },
  { path: 'hours/policy', element: page(PolicyPage, 'hours:read') },
];
export const mobileRoutes: RouteObject[] = [{ path: 'hours', element: page(MobileHoursPage) }];
export const publicRoutes: RouteObject[] = [];
