// Program detail tab 溯源漏斗: the stage funnel with conversion rates, landing rate and overdue counts, and a
// searchable list of the program's recommendations; picking one opens its whole chain.
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Empty, Input, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { RECOMMENDATION_STATUSES, type RecommendationStatus, type TraceRecommendationSummary } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useLabelOptions, useT } from '../../i18n/index.tsx';
import { getProgramFunnel } from './api.ts';
import { ChainDrawer } from './ChainDrawer.tsx';
import { STATUS_COLORS } from './ChainView.tsx';
import { StageFunnel } from './charts.tsx';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

export default function TraceTab({ programId }: { programId: number }) {
  const t = useT();
  const label = useLabel();
  const options = useLabelOptions();
  const { data, error, loading } = useRequest((signal) => getProgramFunnel(programId, signal), programId);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<RecommendationStatus | undefined>();
  const [openId, setOpenId] = useState<number | null>(null);

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (data?.recommendations ?? []).filter(
      (r) => (!status || r.status === status) && (!q || r.title.toLowerCase().includes(q) || (r.ownerName ?? '').toLowerCase().includes(q)),
    );
  }, [data, search, status]);

  if (error) return <Alert type="error" showIcon title={error.message} />;
  const f = data?.funnel;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('trace.tabHint')}</Typography.Text>
      {f && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card size="small" title={t('trace.funnel')}>
              <StageFunnel funnel={f} t={t} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('trace.stage.keyProblems')}：{t('trace.fixedOpen', { fixed: f.fixed, open: f.open })} ·{' '}
                {f.listVersion ? t('trace.listVersion', { v: f.listVersion }) : t('trace.workingList')}
              </Typography.Text>
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Row gutter={[16, 16]}>
              <Col span={12}>
                <Card size="small">
                  <Statistic title={t('trace.landingRate')} value={percent(f.landingRate)} styles={{ content: { color: '#2f9e44' } }} />
                </Card>
              </Col>
              <Col span={12}>
                <Card size="small">
                  <Statistic title={t('trace.overdue')} value={f.overdue} styles={{ content: { color: f.overdue > 0 ? '#cf1322' : undefined } }} />
                </Card>
              </Col>
              <Col span={12}>
                <Card size="small">
                  <Statistic title={t('trace.inProgress')} value={f.inProgress} />
                </Card>
              </Col>
              <Col span={12}>
                <Card size="small">
                  <Statistic title={t('trace.rejected')} value={f.rejected} />
                </Card>
              </Col>
              <Col span={12}>
                <Card size="small">
                  <Statistic title={t('trace.stage.recommendations')} value={f.recommendations} />
                </Card>
              </Col>
              <Col span={12}>
                <Card size="small">
                  <Statistic title={t('trace.stage.landed')} value={f.landed} />
                </Card>
              </Col>
            </Row>
          </Col>
        </Row>
      )}
      <Card
        size="small"
        title={t('trace.recommendations')}
        extra={
          <Space wrap>
            <Input.Search
              allowClear
              placeholder={t('trace.search')}
              aria-label={t('trace.search')}
              style={{ width: 240 }}
              onSearch={setSearch}
              onChange={(e) => setSearch(e.target.value)}
            />
            <Select
              allowClear
              placeholder={t('trace.allStatuses')}
              aria-label={t('trace.col.status')}
              style={{ width: 140 }}
              value={status}
              onChange={setStatus}
              options={options('recommendationStatus').filter((o) => (RECOMMENDATION_STATUSES as readonly string[]).includes(o.value))}
            />
          </Space>
        }
      >
        <Table<TraceRecommendationSummary>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={rows}
          pagination={{ pageSize: 15, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={t('trace.noRecommendations')} /> }}
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('trace.col.title'), dataIndex: 'title', ellipsis: true },
            { title: t('trace.col.source'), dataIndex: 'source', width: 110, render: (_, r) => label('recommendationSource', r.source) },
            { title: t('trace.col.owner'), dataIndex: 'ownerName', width: 160, ellipsis: true, render: (v: string | null) => v ?? '—' },
            {
              title: t('trace.col.deadline'),
              dataIndex: 'deadline',
              width: 200,
              render: (_, r) => (
                <Space size={4} style={{ whiteSpace: 'nowrap' }}>
                  {r.deadline?.slice(0, 10) ?? '—'}
                  {r.overdue && <Tag color="red">{t('trace.overdue')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('trace.col.status'),
              dataIndex: 'status',
              width: 100,
              render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{label('recommendationStatus', r.status)}</Tag>,
            },
            {
              title: '',
              key: 'open',
              width: 70,
              render: (_, r) => (
                <Button type="link" size="small" onClick={() => setOpenId(r.id)}>
                  {t('trace.openChain')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <ChainDrawer id={openId} onClose={() => setOpenId(null)} />
    </Space>
  );
}
