// Routes of the closeout feature: `shellRoutes` inside the signed-in desktop layout, `mobileRoutes` under /m (phone
// layout, signed in), `publicRoutes` outside any sign-in.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../../components/lazyPage.tsx';

const VerifyPage = lazy(() => import('./VerifyPage.tsx'));
const MyCertificatesPage = lazy(() => import('./MyCertificatesPage.tsx'));

export const shellRoutes: RouteObject[] = [];
export const mobileRoutes: RouteObject[] = [{ path: 'certificates', element: page(MyCertificatesPage) }];
export const publicRoutes: RouteObject[] = [{ path: '/verify/:code', element: page(VerifyPage) }];
