// Routes of the programs feature: `shellRoutes` inside the signed-in desktop layout, `mobileRoutes` under /m (phone
// layout, signed in), `publicRoutes` outside any sign-in.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../../components/lazyPage.tsx';

const ProgramsPage = lazy(() => import('./ProgramsPage.tsx'));
const ProgramDetailPage = lazy(() => import('./ProgramDetailPage.tsx'));
const RegistryPage = lazy(() => import('./RegistryPage.tsx'));

export const shellRoutes: RouteObject[] = [
  { path: 'programs', element: page(ProgramsPage, 'program:read') },
  // Before :id, so "registry" is not read as a program id.
  { path: 'programs/registry', element: page(RegistryPage, 'program:read') },
  { path: 'programs/:id', element: page(ProgramDetailPage, 'program:read') },
];
export const mobileRoutes: RouteObject[] = [];
export const publicRoutes: RouteObject[] = [];
