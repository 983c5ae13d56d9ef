// 工作台 section for roles with program:read: the year's programs in the caller's subtree by type and status,
// trainees per program, hours compliance by requirement, and the next sessions (GET /dashboard/programs).
import { useMemo, useState } from 'react';
import { Alert, Card, Col, Empty, Grid, List, Row, Select, Skeleton, Space, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { EChart, type EChartOption } from '../../components/EChart.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useLang, useT } from '../../i18n/index.tsx';
import { getOrgDashboard } from '../closeout/api.ts';
import { categoryBarOption, pieOption } from '../closeout/charts.ts';
import { percent } from '../closeout/format.ts';

const thisYear = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));

export function ProgramsOverview() {
  const t = useT();
  const label = useLabel();
  const { lang } = useLang();
  const compact = !(Grid.useBreakpoint().md ?? true);
  const [year, setYear] = useState(thisYear);
  const { data, error, loading } = useRequest((signal) => getOrgDashboard(year, signal), year);

  const charts = useMemo(() => {
    if (!data) return null;
    const byType = data.byType.filter((x) => x.count > 0);
    return {
      type:
        byType.length > 0
          ? pieOption(
              byType.map((x) => ({ name: label('programType', x.type), value: x.count })),
              t('orgDash.byType'),
              compact,
            )
          : null,
      status:
        data.programs > 0
          ? categoryBarOption(
              data.byStatus.map((x) => ({ name: label('programStatus', x.status), value: x.count })),
              t('orgDash.count'),
            )
          : null,
      trainees:
        data.traineesPerProgram.length > 0
          ? categoryBarOption(
              data.traineesPerProgram
                .slice(0, 10)
                .reverse()
                .map((p) => ({ name: p.name, value: p.trainees })),
              t('orgDash.trainees'),
              { horizontal: true },
            )
          : null,
      rules:
        data.compliance.rules.length > 0
          ? categoryBarOption(
              data.compliance.rules.map((r) => ({ name: r.name[lang], value: r.rate === null ? 0 : Math.round(r.rate * 1000) / 10 })),
              t('orgDash.rate'),
              { horizontal: true, unit: '%' },
            )
          : null,
    };
  }, [data, label, t, compact, lang]);

  const chart = (option: EChartOption | null | undefined, aria: string, height = 280) =>
    option ? <EChart option={option} height={height} ariaLabel={aria} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noData')} />;

  const years = Array.from({ length: 6 }, (_, i) => thisYear() + 1 - i);
  return (
    <Card
      title={t('orgDash.title')}
      style={{ marginTop: 16 }}
      extra={
        <Space>
          <span>{t('orgDash.year')}</span>
          <Select
            aria-label={t('orgDash.year')}
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 96 }}
          />
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      {!data || !charts ? (
        <Skeleton active loading={loading} />
      ) : (
        <Row gutter={[16, 16]}>
          {[
            { key: 'programs', title: t('orgDash.programs'), value: data.programs },
            { key: 'trainees', title: t('orgDash.trainees'), value: data.trainees },
            { key: 'sessions', title: t('orgDash.sessions'), value: data.sessions },
          ].map((c) => (
            <Col xs={8} lg={6} key={c.key}>
              <Card size="small">
                <Statistic title={c.title} value={c.value} />
              </Card>
            </Col>
          ))}
          <Col xs={24} lg={6}>
            <Card size="small">
              <Statistic
                title={t('orgDash.compliance')}
                value={data.compliance.rate === null ? '—' : percent(data.compliance.rate)}
                styles={{ content: { color: (data.compliance.rate ?? 1) < 0.8 ? '#cf1322' : '#389e0d' } }}
              />
              <Typography.Text type="secondary">
                {t('orgDash.complianceNote', { compliant: data.compliance.compliant, cadres: data.compliance.cadres })}
              </Typography.Text>
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Card size="small" title={t('orgDash.byType')}>
              {chart(charts.type, t('orgDash.byType'), 260)}
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Card size="small" title={t('orgDash.byStatus')}>
              {chart(charts.status, t('orgDash.byStatus'), 260)}
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Card size="small" title={t('orgDash.complianceByRule')}>
              {chart(charts.rules, t('orgDash.complianceByRule'), 260)}
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card size="small" title={t('orgDash.traineesPerProgram')}>
              {chart(charts.trainees, t('orgDash.traineesPerProgram'), Math.max(220, Math.min(10, data.traineesPerProgram.length) * 34 + 40))}
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title={t('orgDash.upcoming')}>
              {data.upcomingSessions.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orgDash.noUpcoming')} />
              ) : (
                <List
                  size="small"
                  dataSource={data.upcomingSessions}
                  renderItem={(s) => (
                    <List.Item>
                      <List.Item.Meta
                        title={<Link to={`/programs/${s.programId}`}>{s.title}</Link>}
                        description={`${s.startsAt.slice(5, 16).replace('T', ' ')}–${s.endsAt.slice(11, 16)} · ${label('sessionType', s.type as 'lecture')} · ${s.programName}${s.venue ? ` · ${s.venue}` : ''}`}
                      />
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Col>
        </Row>
      )}
    </Card>
  );
}
