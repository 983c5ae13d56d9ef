// Routes of the feedback feature: `shellRoutes` inside the signed-in desktop layout, `mobileRoutes` under /m (phone
// layout, signed in), `publicRoutes` outside any sign-in.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../../components/lazyPage.tsx';

const PracticesPage = lazy(() => import('./PracticesPage.tsx'));
const QuestionnairesPage = lazy(() => import('./QuestionnairesPage.tsx'));
const MobileEvaluationsPage = lazy(() => import('./MobileEvaluationsPage.tsx'));
const MobileReflectionsPage = lazy(() => import('./MobileReflectionsPage.tsx'));

export const shellRoutes: RouteObject[] = [
  { path: 'practices', element: page(PracticesPage, 'program:read') },
  { path: 'questionnaires', element: page(QuestionnairesPage, 'program:read') },
];
export const mobileRoutes: RouteObject[] = [
  { path: 'evaluations', element: page(MobileEvaluationsPage) },
  { path: 'reflections', element: page(MobileReflectionsPage) },
];
export const publicRoutes: RouteObject[] = [];
