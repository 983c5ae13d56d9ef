// Program detail tab: anonymous session ratings (bars per session, radar of the three dimensions, instructor and
// venue tables, comments) and the end-of-program questionnaire results.
import { Alert, Card, Col, Empty, Grid, List, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { InstructorEvaluation, RatingSummary, SessionEvaluation, VenueEvaluation } from '@duibiao/contracts';
import { EChart } from '../../components/EChart.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { getEvaluation } from './api.ts';
import { dailyAverages, dimensionRadarOption, DIMENSIONS, MAX_SESSION_BARS, sessionBarOption } from './charts.ts';
import { countSame } from './count-same.ts';
import { QuestionnaireResultsCard } from './QuestionnaireResultsCard.tsx';

/** Average cell: the score, or "too few" while the group is under the anonymity threshold. */
function ScoreCell({ summary, dim }: { summary: RatingSummary; dim: 'content' | 'delivery' | 'usefulness' | 'overall' }) {
  const t = useT();
  if (summary.tooFew || !summary.averages) return <Typography.Text type="secondary">{t('feedback.tooFew')}</Typography.Text>;
  return <span>{summary.averages[dim].toFixed(2)}</span>;
}

/** A name with a smaller grey line under it (title and unit, or address). */
function TwoLines({ main, sub }: { main: string; sub: string }) {
  return (
    <Space orientation="vertical" size={0}>
      <span>{main}</span>
      {sub && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {sub}
        </Typography.Text>
      )}
    </Space>
  );
}

function scoreColumns<T extends RatingSummary>(t: ReturnType<typeof useT>): TableColumnsType<T> {
  return [
    { title: t('feedback.n'), dataIndex: 'n', width: 90, align: 'right' },
    ...(['overall', ...DIMENSIONS] as const).map((d) => ({
      title: t(`feedback.dim.${d}`),
      key: d,
      width: 110,
      align: 'right' as const,
      render: (_: unknown, row: T) => <ScoreCell summary={row} dim={d} />,
    })),
  ];
}

export default function EvaluationsTab({ programId }: { programId: number }) {
  const t = useT();
  const label = useLabel();
  const compact = !(Grid.useBreakpoint().md ?? true);
  const { data, error, loading } = useRequest((signal) => getEvaluation(programId, signal), programId);
  const dim = (d: (typeof DIMENSIONS)[number]) => t(`feedback.dim.${d}`);

  if (error) return <Alert type="error" showIcon title={error.message} />;

  const sessionColumns: TableColumnsType<SessionEvaluation> = [
    {
      title: t('feedback.session'),
      dataIndex: 'title',
      render: (title: string, s) => (
        <Space orientation="vertical" size={0}>
          <span>{title}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {label('sessionType', s.type)} · {s.startsAt.slice(0, 16).replace('T', ' ')}
            {s.instructorNames.length > 0 ? ` · ${s.instructorNames.join('、')}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    ...scoreColumns<SessionEvaluation>(t),
  ];
  const instructorColumns: TableColumnsType<InstructorEvaluation> = [
    {
      title: t('feedback.instructor'),
      dataIndex: 'name',
      width: 320,
      render: (name: string, i) => <TwoLines main={name} sub={[i.title, i.unit].filter(Boolean).join(' · ')} />,
    },
    { title: t('feedback.sessions'), dataIndex: 'sessions', width: 80, align: 'right' },
    ...scoreColumns<InstructorEvaluation>(t),
  ];
  const venueColumns: TableColumnsType<VenueEvaluation> = [
    { title: t('feedback.venue'), dataIndex: 'name', width: 320, render: (name: string, v) => <TwoLines main={name} sub={v.address ?? ''} /> },
    { title: t('feedback.sessions'), dataIndex: 'sessions', width: 80, align: 'right' },
    ...scoreColumns<VenueEvaluation>(t),
  ];
  const commented = (data?.sessions ?? []).filter((s) => s.comments.length > 0);
  const perDay = (data?.sessions.length ?? 0) > MAX_SESSION_BARS;
  const bars = data ? (perDay ? dailyAverages(data.sessions) : data.sessions) : [];
  const barTitle = perDay ? t('feedback.byDay') : t('feedback.bySession');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('feedback.anonymityNote', { n: data?.minRatingsToShow ?? 3 })} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={6}>
          <Card loading={loading && !data} title={t('feedback.overall')} style={{ height: '100%' }}>
            {data && (
              <Space orientation="vertical">
                <Statistic
                  value={data.overall.averages ? data.overall.averages.overall.toFixed(2) : t('feedback.tooFew')}
                  suffix={data.overall.averages ? '/ 5' : undefined}
                />
                <Typography.Text type="secondary">
                  {data.overall.n} {t('feedback.ratings')}
                </Typography.Text>
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card loading={loading && !data} title={barTitle}>
            {data && data.sessions.length > 0 ? (
              <EChart option={sessionBarOption(bars, dim, compact)} height={280} ariaLabel={barTitle} />
            ) : (
              <Empty description={t('feedback.noRatings')} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={6}>
          <Card loading={loading && !data} title={t('feedback.radar')} style={{ height: '100%' }}>
            {data?.overall.averages ? (
              <EChart option={dimensionRadarOption(data.overall.averages, dim, t('feedback.overall'))} height={260} ariaLabel={t('feedback.radar')} />
            ) : (
              <Empty description={t('feedback.tooFew')} />
            )}
          </Card>
        </Col>
      </Row>
      <Card title={t('feedback.session')} size="small">
        <Table
          rowKey="sessionId"
          size="small"
          columns={sessionColumns}
          dataSource={data?.sessions ?? []}
          loading={loading}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 720 }}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Card title={t('feedback.instructors')} size="small">
            <Table
              rowKey="instructorId"
              size="small"
              columns={instructorColumns}
              dataSource={data?.instructors ?? []}
              loading={loading}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ x: 960 }}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('feedback.venues')} size="small">
            <Table
              rowKey="venueId"
              size="small"
              columns={venueColumns}
              dataSource={data?.venues ?? []}
              loading={loading}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ x: 960 }}
            />
          </Card>
        </Col>
      </Row>
      <Card title={t('feedback.comments')} size="small">
        {commented.length === 0 ? (
          <Empty description={t('feedback.noComments')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <List
            dataSource={commented}
            pagination={{ pageSize: 5, hideOnSinglePage: true, showSizeChanger: false, size: 'small' }}
            renderItem={(s) => (
              <List.Item key={s.sessionId} style={{ display: 'block' }}>
                <Typography.Text strong>{s.title}</Typography.Text> <Tag>{s.comments.length}</Tag>
                <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                  {countSame(s.comments).map((c) => (
                    <li key={c.text}>
                      “{c.text}”{c.count > 1 && <Typography.Text type="secondary"> ×{c.count}</Typography.Text>}
                    </li>
                  ))}
                </ul>
              </List.Item>
            )}
          />
        )}
      </Card>
      <QuestionnaireResultsCard programId={programId} />
    </Space>
  );
}
