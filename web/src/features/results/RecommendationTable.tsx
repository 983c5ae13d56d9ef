// The recommendations table of the program tab and of /landing: status tags, deadlines in red when overdue, click to
// open the drawer.
import { Empty, Table, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import type { Recommendation } from '@duibiao/contracts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { RecStatusTag } from './parts.tsx';

export function RecommendationTable({
  rows,
  loading,
  showProgram,
  onOpen,
  pagination,
}: {
  rows: Recommendation[];
  loading: boolean;
  showProgram?: boolean;
  onOpen: (id: number) => void;
  pagination?: TablePaginationConfig | false;
}) {
  const t = useT();
  const label = useLabel();
  return (
    <Table<Recommendation>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={pagination ?? { pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 1000 }}
      locale={{ emptyText: <Empty description={t('results.noRecommendations')} /> }}
      onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
      columns={[
        {
          title: t('results.recTitle'),
          dataIndex: 'title',
          render: (_: unknown, r) => (
            <div>
              <Typography.Link>{r.title}</Typography.Link>
              {showProgram && <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{r.programName}</div>}
            </div>
          ),
        },
        {
          title: t('results.source'),
          width: 180,
          render: (_: unknown, r) => (
            <span>
              {label('recommendationSource', r.source)}
              {r.reportTitle || r.topicTitle ? <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{r.reportTitle ?? r.topicTitle}</div> : null}
            </span>
          ),
        },
        { title: t('results.ownerUnit'), width: 160, render: (_: unknown, r) => r.ownerName ?? '—' },
        {
          title: t('results.deadline'),
          width: 110,
          render: (_: unknown, r) => <span style={r.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>{r.deadline ?? '—'}</span>,
        },
        { title: t('results.status'), width: 150, render: (_: unknown, r) => <RecStatusTag status={r.status} overdue={r.overdue} /> },
        {
          title: t('results.evidence'),
          width: 80,
          render: (_: unknown, r) => (r.evidenceCount > 0 ? t('results.evidenceCount', { n: r.evidenceCount }) : '—'),
        },
        { title: t('results.lastUpdate'), width: 110, render: (_: unknown, r) => r.lastUpdateAt?.slice(0, 10) ?? '—' },
      ]}
    />
  );
}
