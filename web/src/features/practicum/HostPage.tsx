// /host — the host contact's page (their only menu item): the cadres placed with their units, each opening a drawer
// with weekly logs (导师点评), the mid-term review and the final assessment. Cards on a phone, a table otherwise. Below,
// while placements are unpublished, 候选人排序: the contact ranks the trainees who chose the unit's posts.
import { useState } from 'react';
import { Alert, Empty, Grid, Space, Table, Typography } from 'antd';
import { PageHeader } from '../../components/PageHeader.tsx';
import { HostRankingCard } from '../placement/HostRankingCard.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { getHostPlacements } from './api.ts';
import { RowCard, rowColumns } from './columns.tsx';
import { PlacementDrawer } from './PlacementDrawer.tsx';

export default function HostPage() {
  const t = useT();
  const label = useLabel();
  const isPhone = !(Grid.useBreakpoint().sm ?? true);
  const { data, error, loading, reload } = useRequest((signal) => getHostPlacements(signal), 'host-placements');
  const [openId, setOpenId] = useState<number | null>(null);
  const rows = data ?? [];

  return (
    <>
      <PageHeader title={t('practicum.hostTitle')} />
      <Typography.Paragraph type="secondary">{t('practicum.hostHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      {isPhone ? (
        rows.length === 0 && !loading ? (
          <Empty description={t('practicum.hostNone')} />
        ) : (
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            {rows.map((r) => (
              <RowCard key={r.id} row={r} t={t} onOpen={() => setOpenId(r.id)} />
            ))}
          </Space>
        )
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1200 }}
          locale={{ emptyText: t('practicum.hostNone') }}
          columns={rowColumns(
            t,
            (g, c) => label(g, c as never),
            (r) => setOpenId(r.id),
          )}
        />
      )}
      <HostRankingCard />
      <PlacementDrawer id={openId} canWrite onClose={() => setOpenId(null)} onChanged={reload} />
    </>
  );
}
