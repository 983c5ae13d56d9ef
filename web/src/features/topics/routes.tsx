// Routes of the topics feature: `shellRoutes` inside the signed-in desktop layout, `mobileRoutes` under /m.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../../components/lazyPage.tsx';

const TopicsPage = lazy(() => import('./TopicsPage.tsx'));
const MobileTopicsPage = lazy(() => import('./MobileTopicsPage.tsx'));

export const shellRoutes: RouteObject[] = [{ path: 'topics', element: page(TopicsPage, 'program:read') }];
export const mobileRoutes: RouteObject[] = [{ path: 'topics', element: page(MobileTopicsPage) }];
