// Route guards: signed in (else → /login?next=…) and holding a permission (else a 403 result).
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { Link, Navigate, useLocation } from 'react-router';
import type { Permission } from '@duibiao/contracts';
import { useT } from '../../i18n/index.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { loadSession, useCan, useSession } from './session.ts';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  useEffect(() => {
    if (status === 'unknown') void loadSession();
  }, [status]);
  if (status === 'unknown') return <PageLoading fullScreen />;
  if (status === 'signedOut') {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <>{children}</>;
}

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const can = useCan();
  const t = useT();
  if (can(permission)) return <>{children}</>;
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('error.forbiddenPage')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
