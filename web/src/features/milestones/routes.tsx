// Routes of the milestones feature: the topic page (desktop and phone) and the external team's portal /expert.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../../components/lazyPage.tsx';

const TopicPage = lazy(() => import('./TopicPage.tsx'));
const MobileTopicPage = lazy(() => import('./MobileTopicPage.tsx'));
const ExpertPage = lazy(() => import('./ExpertPage.tsx'));

// No permission gate: the server decides per topic (organizers, task force, attached external accounts).
export const shellRoutes: RouteObject[] = [
  { path: 'topics/:id', element: page(TopicPage) },
  { path: 'expert', element: page(ExpertPage) },
];
export const mobileRoutes: RouteObject[] = [{ path: 'topics/:id', element: page(MobileTopicPage) }];
