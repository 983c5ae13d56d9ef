// Routes: /login outside the shell; every other page inside the signed-in layout, lazy-loaded per feature.
import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { setUnauthorizedHandler } from './api/client.ts';
import { AppLayout } from './components/AppLayout.tsx';
import { page } from './components/lazyPage.tsx';
import { RequireAuth } from './features/auth/RequireAuth.tsx';
import { MobileLayout } from './features/mobile/MobileLayout.tsx';
import * as programs from './features/programs/routes.tsx';
import * as timetable from './features/timetable/routes.tsx';
import * as attendance from './features/attendance/routes.tsx';
import * as hours from './features/hours/routes.tsx';
import * as feedback from './features/feedback/routes.tsx';
import * as closeout from './features/closeout/routes.tsx';
import * as selection from './features/selection/routes.tsx';
import * as formation from './features/formation/routes.tsx';
import * as placement from './features/placement/routes.tsx';
import * as practicum from './features/practicum/routes.tsx';
import * as problems from './features/problems/routes.tsx';
import * as topics from './features/topics/routes.tsx';
import * as milestones from './features/milestones/routes.tsx';
import * as results from './features/results/routes.tsx';
import * as evaluation from './features/evaluation/routes.tsx';
import * as branch from './features/branch/routes.tsx';
import * as trace from './features/trace/routes.tsx';
import { clearSession } from './features/auth/session.ts';

const LoginPage = lazy(() => import('./features/auth/LoginPage.tsx'));
const DashboardPage = lazy(() => import('./features/dashboard/DashboardPage.tsx'));
const OrgsPage = lazy(() => import('./features/orgs/OrgsPage.tsx'));
const UsersPage = lazy(() => import('./features/users/UsersPage.tsx'));
const CadresPage = lazy(() => import('./features/cadres/CadresPage.tsx'));
const CadreDetailPage = lazy(() => import('./features/cadres/CadreDetailPage.tsx'));
const ImportPage = lazy(() => import('./features/imports/ImportPage.tsx'));
const AuditPage = lazy(() => import('./features/audit/AuditPage.tsx'));
const MobileResearchPage = lazy(() => import('./features/mobile/MobileResearchPage.tsx'));
const NotFoundPage = lazy(() => import('./components/NotFoundPage.tsx'));

export const router = createBrowserRouter([
  { path: '/login', element: page(LoginPage) },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: page(DashboardPage) },
      { path: 'orgs', element: page(OrgsPage, 'org:read') },
      { path: 'users', element: page(UsersPage, 'user:read') },
      { path: 'cadres', element: page(CadresPage, 'cadre:read') },
      { path: 'cadres/import', element: page(ImportPage, 'cadre:import') },
      { path: 'cadres/:id', element: page(CadreDetailPage, 'cadre:read') },
      { path: 'audit', element: page(AuditPage, 'audit:read') },
      ...programs.shellRoutes,
      ...timetable.shellRoutes,
      ...attendance.shellRoutes,
      ...hours.shellRoutes,
      ...feedback.shellRoutes,
      ...closeout.shellRoutes,
      ...selection.shellRoutes,
      ...formation.shellRoutes,
      ...placement.shellRoutes,
      ...practicum.shellRoutes,
      ...problems.shellRoutes,
      ...topics.shellRoutes,
      ...milestones.shellRoutes,
      ...results.shellRoutes,
      ...evaluation.shellRoutes,
      ...branch.shellRoutes,
      ...trace.shellRoutes,
      { path: '*', element: page(NotFoundPage) },
    ],
  },
  {
    path: '/m',
    element: (
      <RequireAuth>
        <MobileLayout />
      </RequireAuth>
    ),
    children: [
      { path: 'research', element: page(MobileResearchPage) },
      ...programs.mobileRoutes,
      ...timetable.mobileRoutes,
      ...attendance.mobileRoutes,
      ...hours.mobileRoutes,
      ...feedback.mobileRoutes,
      ...closeout.mobileRoutes,
      ...selection.mobileRoutes,
      ...formation.mobileRoutes,
      ...placement.mobileRoutes,
      ...practicum.mobileRoutes,
      ...problems.mobileRoutes,
      ...topics.mobileRoutes,
      ...milestones.mobileRoutes,
      ...results.mobileRoutes,
      ...evaluation.mobileRoutes,
      ...branch.mobileRoutes,
      ...trace.mobileRoutes,
    ],
  },
  ...programs.publicRoutes,
  ...timetable.publicRoutes,
  ...attendance.publicRoutes,
  ...hours.publicRoutes,
  ...feedback.publicRoutes,
  ...closeout.publicRoutes,
  ...selection.publicRoutes,
  ...formation.publicRoutes,
  ...placement.publicRoutes,
  ...practicum.publicRoutes,
]);

// A 401 from any request: drop the local session and go to sign-in, coming back here afterwards.
setUnauthorizedHandler(() => {
  clearSession();
  const { pathname, search } = window.location;
  if (pathname === '/login') return;
  void router.navigate(`/login?next=${encodeURIComponent(pathname + search)}`, { replace: true });
});
