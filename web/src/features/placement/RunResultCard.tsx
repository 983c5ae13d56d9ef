// One solver run: headline numbers, the host-proposing audit, rank histogram (ECharts), seats used per post, and every
// trainee's outcome with the reasons (原因) behind it.
import type { ReactNode } from 'react';
import { Button, Card, Col, Popover, Progress, Row, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import type { PlacementRunDetail, RunOutcome } from '@duibiao/contracts';
import { EChart } from '../../components/EChart.tsx';
import { useLabel, useT } from '../../i18n/index.tsx';

export function ReasonList({ outcome }: { outcome: RunOutcome }) {
  const t = useT();
  return (
    <div style={{ maxWidth: 360 }}>
      <Typography.Paragraph style={{ marginBottom: outcome.reasons.length ? 8 : 0 }}>{outcome.explanation}</Typography.Paragraph>
      {outcome.reasons.map((r) => (
        <div key={r.choice} style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
          {t(`placement.why.${r.why}`, { n: r.choice, post: r.postLabel })}
        </div>
      ))}
    </div>
  );
}

export function RunResultCard({ run, extra }: { run: PlacementRunDetail; extra?: ReactNode }) {
  const t = useT();
  const label = useLabel();
  const { stats } = run;
  const histogram = stats.rankHistogram.map((n, i) => ({ name: t('placement.solve.choiceN', { n: i + 1 }), n }));
  return (
    <Card size="small" title={`#${run.id} · ${label('placementMode', run.mode)} · ${t('placement.solve.seed')} ${run.seed}`} extra={extra}>
      <Row gutter={[16, 16]}>
        <Col xs={12} sm={8} md={4}>
          <Statistic title={t('placement.solve.placed')} value={stats.placed} suffix={`/ ${stats.placed + stats.unplaced}`} />
        </Col>
        <Col xs={12} sm={8} md={4}>
          <Statistic title={t('placement.solve.unplaced')} value={stats.unplaced} />
        </Col>
        <Col xs={12} sm={8} md={4}>
          <Statistic title={t('placement.solve.seats')} value={stats.seats} />
        </Col>
        <Col xs={12} sm={8} md={4}>
          <Statistic
            title={t('placement.solve.blocking')}
            value={stats.blockingPairs}
            valueStyle={{ color: stats.blockingPairs === 0 ? '#389e0d' : '#d46b08' }}
          />
        </Col>
        <Col xs={12} sm={8} md={4}>
          <Statistic title={t('placement.solve.totalRank')} value={stats.totalRank} />
        </Col>
        {run.hostProposingDiffers !== null && (
          <Col xs={24} sm={8} md={4}>
            <Tooltip title={t('placement.solve.auditHelp')}>
              <Tag color={run.hostProposingDiffers === 0 ? 'green' : 'orange'} style={{ marginTop: 24 }}>
                {t('placement.solve.audit', { n: run.hostProposingDiffers })} <QuestionCircleOutlined />
              </Tag>
            </Tooltip>
          </Col>
        )}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 8 }}>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('placement.solve.histogram')}</Typography.Text>
          <EChart
            height={220}
            ariaLabel={t('placement.solve.histogram')}
            option={{
              tooltip: { trigger: 'axis' },
              grid: { left: 40, right: 16, top: 16, bottom: 28 },
              xAxis: { type: 'category', data: histogram.map((h) => h.name) },
              yAxis: { type: 'value', minInterval: 1, name: t('placement.solve.people') },
              series: [{ type: 'bar', data: histogram.map((h) => h.n), itemStyle: { color: '#1677ff' }, label: { show: true, position: 'top' } }],
            }}
          />
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('placement.solve.fill')}</Typography.Text>
          <Table
            rowKey="postId"
            size="small"
            pagination={false}
            scroll={{ y: 200 }}
            dataSource={run.hostFill}
            columns={[
              { title: t('placement.solve.post'), dataIndex: 'postLabel' },
              {
                title: t('placement.solve.filled'),
                key: 'fill',
                width: 160,
                render: (_: unknown, f) => (
                  <Progress size="small" percent={Math.round((100 * f.filled) / Math.max(1, f.capacity))} format={() => `${f.filled}/${f.capacity}`} />
                ),
              },
            ]}
          />
        </Col>
      </Row>
      <Table<RunOutcome>
        style={{ marginTop: 16 }}
        rowKey="cadreId"
        size="small"
        dataSource={run.outcomes}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 700 }}
        columns={[
          { title: t('placement.prefs.cadre'), dataIndex: 'cadreName', width: 100 },
          { title: t('placement.units.org'), dataIndex: 'orgName', width: 160 },
          {
            title: t('placement.solve.result'),
            key: 'post',
            render: (_: unknown, o) => (o.post ? `${o.post.hostUnitName}·${o.post.title}` : <Tag color="red">{t('placement.solve.notPlaced')}</Tag>),
          },
          {
            title: t('placement.solve.choice'),
            dataIndex: 'choice',
            width: 90,
            render: (c: number | null) =>
              c === null ? '—' : <Tag color={c === 1 ? 'green' : c === 2 ? 'blue' : 'default'}>{t('placement.solve.choiceN', { n: c })}</Tag>,
          },
          {
            title: t('placement.solve.why'),
            key: 'why',
            width: 80,
            render: (_: unknown, o) => (
              <Popover content={<ReasonList outcome={o} />} title={o.cadreName} trigger="click">
                <Button type="link" size="small">
                  {t('placement.solve.why')}
                </Button>
              </Popover>
            ),
          },
        ]}
      />
      {run.lottery && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }} ellipsis={{ rows: 2, expandable: true }}>
          {t('placement.solve.lottery')}：{run.lottery.join(' → ')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
