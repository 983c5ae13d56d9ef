// Branch statistics: meetings, attendance rate, meetings per kind and per month (ECharts bar).
import { Card, Col, Row, Statistic } from 'antd';
import type { BranchStats } from '@duibiao/contracts';
import { EChart, type EChartOption } from '../../components/EChart.tsx';
import { useLabel, useT } from '../../i18n/index.tsx';

export function BranchStatsCard({ stats }: { stats: BranchStats }) {
  const t = useT();
  const label = useLabel();
  const option = (data: { name: string; value: number }[], color: string): EChartOption => ({
    tooltip: { trigger: 'axis' },
    grid: { left: 32, right: 8, top: 12, bottom: 40 },
    xAxis: { type: 'category', data: data.map((d) => d.name), axisLabel: { interval: 0, rotate: data.length > 4 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: data.map((d) => d.value), itemStyle: { color }, barMaxWidth: 28 }],
  });
  return (
    <Card size="small" title={t('branch.stats')}>
      <Row gutter={16}>
        <Col xs={12} md={4}>
          <Statistic title={t('branch.statMeetings')} value={stats.meetings} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('branch.statRate')} value={stats.attendanceRate === null ? '—' : `${(stats.attendanceRate * 100).toFixed(1)}%`} />
        </Col>
        {stats.meetings > 0 && (
          <>
            <Col xs={24} md={8}>
              <EChart
                option={option(
                  stats.byKind.map((k) => ({ name: label('partyMeetingKind', k.kind), value: k.count })),
                  '#c41d1d',
                )}
                height={160}
                ariaLabel={t('branch.byKind')}
              />
            </Col>
            <Col xs={24} md={8}>
              <EChart
                option={option(
                  stats.byMonth.map((m) => ({ name: m.month, value: m.count })),
                  '#d48806',
                )}
                height={160}
                ariaLabel={t('branch.byMonth')}
              />
            </Col>
          </>
        )}
      </Row>
    </Card>
  );
}
