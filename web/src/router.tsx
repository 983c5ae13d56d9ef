// Routes: /login outside the shell; every other page inside the signed-in layout, lazy-loaded per feature.
import { lazy, Suspense } from 'react';
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import type { Permission } from '@duibiao/contracts';
import { setUnauthorizedHandler } from './api/client.ts';
import { AppLayout } from './components/AppLayout.tsx';
import { PageLoading } from './components/PageLoading.tsx';
import { RequireAuth, RequirePermission } from './features/auth/RequireAuth.tsx';
import { clearSession } from './features/auth/session.ts';

const LoginPage = lazy(() => import('./features/auth/LoginPage.tsx'));
const DashboardPage = lazy(() => import('./features/dashboard/DashboardPage.tsx'));
const OrgsPage = lazy(() => import('./features/orgs/OrgsPage.tsx'));
const UsersPage = lazy(() => import('./features/users/UsersPage.tsx'));
const CadresPage = lazy(() => import('./features/cadres/CadresPage.tsx'));
const CadreDetailPage = lazy(() => import('./features/cadres/CadreDetailPage.tsx'));
const ImportPage = lazy(() => import('./features/imports/ImportPage.tsx'));
const AuditPage = lazy(() => import('./features/audit/AuditPage.tsx'));
const NotFoundPage = lazy(() => import('./components/NotFoundPage.tsx'));

/** Suspense around a lazy page, optionally behind a permission. */
function page(Page: LazyExoticComponent<ComponentType>, permission?: Permission): ReactNode {
  const content = (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
  return permission ? <RequirePermission permission={permission}>{content}</RequirePermission> : content;
}

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
      { path: '*', element: page(NotFoundPage) },
    ],
  },
]);

// A 401 from any request: drop the local session and go to sign-in, coming back here afterwards.
setUnauthorizedHandler(() => {
  clearSession();
  const { pathname, search } = window.location;
  if (pathname === '/login') return;
  void router.navigate(`/login?next=${encodeURIComponent(pathname + search)}`, { replace: true });
});
