// Routes of the selection feature: `shellRoutes` inside the signed-in desktop layout, `mobileRoutes` under /m, `publicRoutes`
// outside any sign-in.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../../components/lazyPage.tsx';

const NominationsPage = lazy(() => import('./NominationsPage.tsx'));

export const shellRoutes: RouteObject[] = [{ path: 'nominations', element: page(NominationsPage, 'nomination:write') }];
export const mobileRoutes: RouteObject[] = [];
export const publicRoutes: RouteObject[] = [];
