// /trace/recommendations/:id — one recommendation's whole chain, for organizers and the owner unit that lands it.
import { Alert, Card, Skeleton, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useT } from '../../i18n/index.tsx';
import { getRecommendationTrace } from './api.ts';
import { ChainView } from './ChainView.tsx';

export default function ChainPage() {
  const t = useT();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const { data, error, loading } = useRequest((signal) => getRecommendationTrace(id, signal), id, valid);
  return (
    <>
      <PageHeader title={data ? t('trace.chainOf', { title: data.recommendation.title }) : t('trace.chainTitle')} />
      {error ? (
        <Alert type="error" showIcon title={error.message} />
      ) : !valid ? (
        <Alert type="error" showIcon title={t('trace.chainTitle')} />
      ) : loading || !data ? (
        <Skeleton active />
      ) : (
        <Card>
          <Typography.Paragraph type="secondary">
            {t('trace.program')}：<Link to={`/programs/${data.program.id}?tab=trace`}>{data.program.name}</Link>
          </Typography.Paragraph>
          <ChainView trace={data} />
        </Card>
      )}
    </>
  );
}
