// Routes of the branch feature: `shellRoutes` inside the signed-in desktop layout, `mobileRoutes` under /m.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../../components/lazyPage.tsx';

const MobilePartyPage = lazy(() => import('./MobilePartyPage.tsx'));

export const shellRoutes: RouteObject[] = [];
export const mobileRoutes: RouteObject[] = [{ path: 'party', element: page(MobilePartyPage) }];
