// 培训档案 tab: programs the cadre attended and the credited hours.
import { Alert, Empty, Skeleton, Table, Typography } from 'antd';
import { useT } from '../../i18n/index.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { getTrainingFile } from './api.ts';
import type { TrainingFile } from './api.ts';

export function TrainingFileTab({ cadreId }: { cadreId: number }) {
  const t = useT();
  const { data, error, loading } = useRequest((signal) => getTrainingFile(cadreId, signal), cadreId);
  if (loading && !data) return <Skeleton active />;
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!data || data.entries.length === 0) return <Empty description={t('cadres.trainingEmpty')} />;
  return (
    <>
      <Typography.Paragraph>{t('cadres.totalHours', { n: data.totalHours })}</Typography.Paragraph>
      <Table<TrainingFile['entries'][number]>
        rowKey={(e) => `${e.programName}-${e.startDate}`}
        size="small"
        pagination={false}
        scroll={{ x: 560 }}
        dataSource={data.entries}
        columns={[
          { title: t('cadres.program'), dataIndex: 'programName' },
          { title: t('cadres.startDate'), dataIndex: 'startDate', width: 120 },
          { title: t('cadres.endDate'), dataIndex: 'endDate', width: 120 },
          { title: t('cadres.hours'), dataIndex: 'hours', width: 90, align: 'right' },
        ]}
      />
    </>
  );
}
