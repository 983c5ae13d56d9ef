// Routes of the problems feature: `shellRoutes` inside the signed-in desktop layout, `mobileRoutes` under /m.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../../components/lazyPage.tsx';

const MobileQuestionsPage = lazy(() => import('./MobileQuestionsPage.tsx'));

export const shellRoutes: RouteObject[] = [];
export const mobileRoutes: RouteObject[] = [{ path: 'questions', element: page(MobileQuestionsPage) }];
