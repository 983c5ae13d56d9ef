// Program detail tab for organizers (long placements): per placed cadre the check-in, weekly logs against elapsed
// weeks, comments and reviews, with cadres silent for two weeks flagged; a bar chart of logs filed per week. Opening
// a cadre shows the same drawer as the host's; with program:write the organizer may comment and review on their behalf.
import { useState } from 'react';
import { Alert, Card, Checkbox, Empty, Space, Statistic, Table, Typography } from 'antd';
import type { PracticumOverview } from '@duibiao/contracts';
import { EChart } from '../../components/EChart.tsx';
import type { EChartOption } from '../../components/EChart.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import type { TFunction } from '../../i18n/index.tsx';
import { useCan } from '../auth/session.ts';
import { getPracticumOverview } from './api.ts';
import { rowColumns } from './columns.tsx';
import { PlacementDrawer } from './PlacementDrawer.tsx';

function weeklyOption(weeks: PracticumOverview['logsPerWeek'], t: TFunction): EChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: weeks.map((w) => w.weekStart.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('practicum.chartExpected'), type: 'bar', data: weeks.map((w) => w.placements), itemStyle: { color: '#d9d9d9' }, barGap: '-100%' },
      { name: t('practicum.chartLogs'), type: 'bar', data: weeks.map((w) => w.logs), itemStyle: { color: '#1e5bb8' } },
    ],
  };
}

export default function PracticumTab({ programId }: { programId: number }) {
  const t = useT();
  const label = useLabel();
  const can = useCan();
  const { data, error, loading, reload } = useRequest((signal) => getPracticumOverview(programId, signal), programId);
  const [openId, setOpenId] = useState<number | null>(null);
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  if (error) return <Alert type="error" showIcon title={error.message} />;
  const all = data?.rows ?? [];
  const flagged = all.filter((r) => r.flagNoRecentLog).length;
  const rows = flaggedOnly ? all.filter((r) => r.flagNoRecentLog) : all;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('practicum.overviewHint')}</Typography.Text>
      {all.length > 0 && (
        <Space size={32} wrap>
          <Statistic title={t('practicum.placed')} value={all.length} />
          <Statistic title={t('practicum.checkinDone')} value={all.filter((r) => r.remoteCheckinDone).length} suffix={`/ ${all.length}`} />
          <Statistic title={t('practicum.midterm')} value={all.filter((r) => r.midterm.done).length} suffix={`/ ${all.length}`} />
          <Statistic title={t('practicum.final')} value={all.filter((r) => r.final.done).length} suffix={`/ ${all.length}`} />
          <Statistic title={t('practicum.flagNoLog')} value={flagged} valueStyle={{ color: flagged > 0 ? '#cf1322' : 'inherit' }} />
        </Space>
      )}
      {data && data.logsPerWeek.length > 0 && (
        <Card size="small" title={t('practicum.chart')}>
          <EChart option={weeklyOption(data.logsPerWeek, t)} height={220} ariaLabel={t('practicum.chart')} />
        </Card>
      )}
      <Checkbox checked={flaggedOnly} onChange={(e) => setFlaggedOnly(e.target.checked)}>
        {t('practicum.flaggedOnly')}
      </Checkbox>
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 1300 }}
        locale={{ emptyText: <Empty description={t('practicum.empty')} /> }}
        onRow={(r) => ({ style: r.flagNoRecentLog ? { background: '#fff1f0' } : {} })}
        columns={rowColumns(
          t,
          (g, c) => label(g, c as never),
          (r) => setOpenId(r.id),
        )}
      />
      <PlacementDrawer id={openId} canWrite={can('program:write')} onClose={() => setOpenId(null)} onChanged={reload} />
    </Space>
  );
}
