// Routes of the attendance feature: `shellRoutes` inside the signed-in desktop layout, `mobileRoutes` under /m (phone
// layout, signed in), `publicRoutes` outside any layout. The check-in screen is a top-level route (a projector
// needs the whole screen, no menu) but still behind sign-in and attendance:write.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../../components/lazyPage.tsx';
import { RequireAuth } from '../auth/RequireAuth.tsx';

const CheckinScreenPage = lazy(() => import('./CheckinScreenPage.tsx'));
const MobileTodayPage = lazy(() => import('./MobileTodayPage.tsx'));
const MobileCheckinPage = lazy(() => import('./MobileCheckinPage.tsx'));
const MobileLeavePage = lazy(() => import('./MobileLeavePage.tsx'));

export const shellRoutes: RouteObject[] = [];

export const mobileRoutes: RouteObject[] = [
  { index: true, element: page(MobileTodayPage) },
  { path: 'checkin', element: page(MobileCheckinPage) },
  { path: 'leave', element: page(MobileLeavePage) },
];

export const publicRoutes: RouteObject[] = [
  { path: '/programs/:pid/sessions/:sid/checkin-screen', element: <RequireAuth>{page(CheckinScreenPage, 'attendance:write')}</RequireAuth> },
];
