// Thin orange strip on every page when the server runs in demo mode.
import type { SystemInfo } from '@duibiao/contracts';
import { api } from '../api/client.ts';
import { useRequest } from '../hooks/useRequest.ts';
import { useT } from '../i18n/index.tsx';

export function DemoBanner() {
  const t = useT();
  const { data } = useRequest((signal) => api.get<SystemInfo>('/system/info', undefined, signal), '');
  if (!data?.demoMode) return null;
  return (
    <div role="note" style={{ background: '#fa8c16', color: '#fff', fontSize: 12, lineHeight: '22px', padding: '0 12px', textAlign: 'center' }}>
      {t('demo.banner')}
    </div>
  );
}
