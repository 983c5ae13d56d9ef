// Routes of the timetable feature: `shellRoutes` inside the signed-in desktop layout, `mobileRoutes` under /m (phone
// layout, signed in), `publicRoutes` outside any sign-in. The timetable itself is a tab of the program detail page.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../../components/lazyPage.tsx';

const CalendarFeedPage = lazy(() => import('./CalendarFeedPage.tsx'));

export const shellRoutes: RouteObject[] = [];
export const mobileRoutes: RouteObject[] = [{ path: 'calendar', element: page(CalendarFeedPage) }];
export const publicRoutes: RouteObject[] = [];
