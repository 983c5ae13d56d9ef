// A recommendation's chain in a drawer (program tab, dashboards), with a link to the standalone page.
import { Alert, Drawer, Skeleton } from 'antd';
import { Link } from 'react-router';
import { useRequest } from '../../hooks/useRequest.ts';
import { useT } from '../../i18n/index.tsx';
import { getRecommendationTrace } from './api.ts';
import { ChainView } from './ChainView.tsx';

export function ChainDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const t = useT();
  const { data, error, loading } = useRequest((signal) => getRecommendationTrace(id!, signal), id ?? 0, id !== null);
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={640}
      title={data && !loading ? t('trace.chainOf', { title: data.recommendation.title }) : t('trace.chainTitle')}
      extra={id !== null && <Link to={`/trace/recommendations/${id}`}>{t('trace.openPage')}</Link>}
    >
      {error ? <Alert type="error" showIcon title={error.message} /> : loading || !data ? <Skeleton active /> : <ChainView trace={data} />}
    </Drawer>
  );
}
