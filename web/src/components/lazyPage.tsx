// Suspense around a lazy page, optionally behind a permission: how every route mounts its page.
import { Suspense } from 'react';
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { Permission } from '@duibiao/contracts';
import { RequirePermission } from '../features/auth/RequireAuth.tsx';
import { PageLoading } from './PageLoading.tsx';

export function page(Page: LazyExoticComponent<ComponentType>, permission?: Permission): ReactNode {
  const content = (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
  return permission ? <RequirePermission permission={permission}>{content}</RequirePermission> : content;
}
