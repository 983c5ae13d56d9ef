// /trace — department dashboard: the funnel of one program or of all programs in the caller's subtree, the monthly
// trend over a chosen range, and a table of every program's stages with totals.
import { useState } from 'react';
import { Alert, Card, Col, DatePicker, Empty, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router';
import type { FunnelCounts } from '@duibiao/contracts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useT } from '../../i18n/index.tsx';
import { getFunnelDashboard } from './api.ts';
import { MonthlyTrend, StageFunnel } from './charts.tsx';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

interface ProgramRow extends FunnelCounts {
  key: string;
  programId: number | null;
  programName: string;
}

export default function DashboardPage() {
  const t = useT();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(11, 'month').startOf('month'), dayjs().startOf('month')]);
  const [programId, setProgramId] = useState<number | undefined>();
  const from = range[0].format('YYYY-MM');
  const to = range[1].format('YYYY-MM');
  // The program list comes from the unfiltered call, so picking one program keeps the others selectable.
  const all = useRequest((signal) => getFunnelDashboard({ from, to }, signal), `${from}|${to}`);
  const one = useRequest((signal) => getFunnelDashboard({ from, to, programId }, signal), `${from}|${to}|${programId}`, programId !== undefined);
  const data = programId !== undefined ? one.data : all.data;
  const error = all.error ?? one.error;
  const loading = all.loading || (programId !== undefined && one.loading);

  const rows: ProgramRow[] = (all.data?.programs ?? []).map((p) => ({
    key: String(p.programId),
    programId: p.programId,
    programName: p.programName,
    ...p.funnel,
  }));
  const totals: ProgramRow | null = all.data && rows.length > 1 ? { key: 'total', programId: null, programName: t('trace.total'), ...all.data.totals } : null;
  const f = data?.totals;

  return (
    <>
      <PageHeader
        title={t('trace.dashboardTitle')}
        extra={
          <>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('trace.allPrograms')}
              aria-label={t('trace.col.program')}
              style={{ width: 280 }}
              value={programId}
              onChange={setProgramId}
              options={(all.data?.programs ?? []).map((p) => ({ value: p.programId, label: p.programName }))}
            />
            <DatePicker.RangePicker
              picker="month"
              allowClear={false}
              aria-label={t('trace.months')}
              value={range}
              onChange={(v) => {
                if (v?.[0] && v[1]) setRange([v[0], v[1]]);
              }}
            />
          </>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('trace.dashboardHint')}</Typography.Text>
        {error && <Alert type="error" showIcon title={error.message} />}
        {f && (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('trace.funnel')} loading={loading}>
                <StageFunnel funnel={f} t={t} height={320} />
                <Space size={32} wrap style={{ marginTop: 8 }}>
                  <Statistic title={t('trace.landingRate')} value={percent(f.landingRate)} styles={{ content: { color: '#2f9e44' } }} />
                  <Statistic title={t('trace.overdue')} value={f.overdue} styles={{ content: { color: f.overdue > 0 ? '#cf1322' : undefined } }} />
                  <Statistic title={t('trace.inProgress')} value={f.inProgress} />
                </Space>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('trace.trend')} loading={loading}>
                <MonthlyTrend months={data.months} t={t} />
              </Card>
            </Col>
          </Row>
        )}
        <Card size="small" title={t('trace.totals')}>
          <Table<ProgramRow>
            rowKey="key"
            size="small"
            loading={all.loading}
            dataSource={totals ? [...rows, totals] : rows}
            pagination={false}
            scroll={{ x: 1000 }}
            locale={{ emptyText: <Empty description={t('trace.noPrograms')} /> }}
            onRow={(r) => ({
              style: r.programId === null ? { fontWeight: 600, background: '#fafafa' } : r.programId === programId ? { background: '#e6f4ff' } : {},
            })}
            columns={[
              {
                title: t('trace.col.program'),
                dataIndex: 'programName',
                fixed: 'left',
                width: 240,
                render: (name: string, r) => (r.programId === null ? name : <Link to={`/programs/${r.programId}?tab=trace`}>{name}</Link>),
              },
              { title: t('trace.stage.questions'), dataIndex: 'questions', align: 'right' },
              { title: t('trace.stage.keyProblems'), dataIndex: 'keyProblems', align: 'right' },
              { title: t('trace.stage.topics'), dataIndex: 'topics', align: 'right' },
              { title: t('trace.stage.reports'), dataIndex: 'reports', align: 'right' },
              { title: t('trace.stage.recommendations'), dataIndex: 'recommendations', align: 'right' },
              { title: t('trace.stage.landed'), dataIndex: 'landed', align: 'right' },
              { title: t('trace.landingRate'), dataIndex: 'landingRate', align: 'right', render: (v: number | null) => percent(v) },
              {
                title: t('trace.overdue'),
                dataIndex: 'overdue',
                align: 'right',
                render: (v: number) => <Typography.Text type={v > 0 ? 'danger' : undefined}>{v}</Typography.Text>,
              },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
