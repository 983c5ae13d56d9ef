// Routes of the placement feature: `shellRoutes` inside the signed-in desktop layout, `mobileRoutes` under /m, `publicRoutes`
// outside any sign-in.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../../components/lazyPage.tsx';

const HostUnitsPage = lazy(() => import('./HostUnitsPage.tsx'));
const MobileChoicesPage = lazy(() => import('./MobileChoicesPage.tsx'));

export const shellRoutes: RouteObject[] = [{ path: 'host-units', element: page(HostUnitsPage, 'program:write') }];
export const mobileRoutes: RouteObject[] = [{ path: 'choices', element: page(MobileChoicesPage) }];
export const publicRoutes: RouteObject[] = [];
