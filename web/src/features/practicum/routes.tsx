// Routes of the practicum feature: `shellRoutes` inside the signed-in desktop layout, `mobileRoutes` under /m, `publicRoutes`
// outside any sign-in.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../../components/lazyPage.tsx';

const HostPage = lazy(() => import('./HostPage.tsx'));
const MobilePlacementPage = lazy(() => import('./MobilePlacementPage.tsx'));

export const shellRoutes: RouteObject[] = [{ path: 'host', element: page(HostPage, 'placement:host') }];
export const mobileRoutes: RouteObject[] = [{ path: 'placement', element: page(MobilePlacementPage) }];
export const publicRoutes: RouteObject[] = [];
