// Program detail tab 看板: headline figures, attendance by session, curriculum targets (✓/✗), evaluation scores,
// leave, hours distribution and assessment results.
import { useMemo } from 'react';
import { Alert, Card, Col, Empty, Grid, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { MIN_RATINGS_TO_SHOW, SESSION_TYPES, type ProgramDashboard } from '@duibiao/contracts';
import { EChart, type EChartOption } from '../../components/EChart.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useLang, useT } from '../../i18n/index.tsx';
import { getProgramDashboard } from './api.ts';
import { attendanceBarOption, categoryBarOption, pieOption, ratingRadarOption } from './charts.ts';
import { hours, percent } from './format.ts';

const LEAVE_COLORS: Record<string, string> = { pending: '#faad14', approved: '#52c41a', rejected: '#ff4d4f', cancelled: '#bfbfbf' };
const RESULT_COLORS: Record<string, string> = { excellent: '#1e5bb8', pass: '#52c41a', fail: '#ff4d4f', none: '#bfbfbf' };

/** Beyond this many sessions, attendance is shown per day and ratings only for the weakest sessions. */
const MAX_BARS = 30;
const LOWEST = 15;

type AttendanceRow = ProgramDashboard['attendanceBySession'][number];

/** One bar per day: attended ÷ expected over the day's sessions that had attendance taken. */
function attendanceByDay(rows: readonly AttendanceRow[]): AttendanceRow[] {
  const days = new Map<string, AttendanceRow>();
  for (const r of rows) {
    const day = r.startsAt.slice(0, 10);
    const d = days.get(day) ?? { sessionId: 0, title: day, startsAt: `${day}T00:00`, expected: 0, attended: 0, excused: 0, rate: null };
    if (r.rate !== null) {
      d.expected += r.expected;
      d.attended += r.attended;
      d.excused += r.excused;
      d.rate = d.expected > 0 ? d.attended / d.expected : null;
    }
    days.set(day, d);
  }
  return [...days.values()];
}

export default function ProgramDashboardTab({ programId }: { programId: number }) {
  const t = useT();
  const label = useLabel();
  const { lang } = useLang();
  const compact = !(Grid.useBreakpoint().md ?? true);
  const { data, error, loading } = useRequest((signal) => getProgramDashboard(programId, signal), programId);

  const charts = useMemo(() => {
    if (!data) return null;
    const ev = data.evaluations;
    const overall = ev.content !== null && ev.delivery !== null && ev.usefulness !== null ? (ev.content + ev.delivery + ev.usefulness) / 3 : null;
    // A long program (S2: 238 sessions) reads better per day and by its weakest sessions than bar by bar.
    const attendanceRows = data.attendanceBySession.length > MAX_BARS ? attendanceByDay(data.attendanceBySession) : data.attendanceBySession;
    const allRated = ev.bySession.filter((s) => s.average !== null);
    const rated = allRated.length > MAX_BARS ? [...allRated].sort((a, b) => a.average! - b.average!).slice(0, LOWEST) : allRated;
    return {
      byDay: attendanceRows !== data.attendanceBySession,
      lowestOnly: rated !== allRated,
      overall,
      attendance: attendanceRows.length > 0 ? attendanceBarOption(attendanceRows, t('closeout.dash.rate')) : null,
      byType: categoryBarOption(
        SESSION_TYPES.filter((type) => (data.curriculum.hoursByType[type] ?? 0) > 0).map((type) => ({
          name: label('sessionType', type),
          value: data.curriculum.hoursByType[type]!,
        })),
        t('closeout.dash.hoursUnit'),
        { horizontal: true },
      ),
      radar:
        overall !== null
          ? ratingRadarOption(
              [
                { name: t('closeout.dash.content'), value: ev.content! },
                { name: t('closeout.dash.delivery'), value: ev.delivery! },
                { name: t('closeout.dash.usefulness'), value: ev.usefulness! },
              ],
              t('closeout.dash.score'),
            )
          : null,
      // Horizontal bars run bottom-up: reversed, the first session reads at the top.
      ratingBars:
        rated.length > 0
          ? categoryBarOption(
              [...rated].reverse().map((s) => ({ name: s.title, value: s.average! })),
              t('closeout.dash.score'),
              { horizontal: true },
            )
          : null,
      ratingHeight: Math.max(280, Math.min(rated.length, 60) * 22 + 40),
      leave:
        data.leaveByStatus.length > 0
          ? pieOption(
              data.leaveByStatus.map((l) => ({ name: label('leaveStatus', l.key as 'pending'), value: l.count, color: LEAVE_COLORS[l.key] })),
              t('closeout.dash.leave'),
              compact,
            )
          : null,
      hours:
        data.hours.distribution.length > 0
          ? categoryBarOption(
              data.hours.distribution.map((b) => ({ name: b.band, value: b.count })),
              t('closeout.dash.people'),
            )
          : null,
      results: pieOption(
        data.assessments.map((a) => ({
          name: a.key === 'none' ? t('closeout.dash.none') : label('assessment', a.key as 'pass'),
          value: a.count,
          color: RESULT_COLORS[a.key],
        })),
        t('closeout.dash.assessments'),
        compact,
      ),
    };
  }, [data, t, label, compact]);

  if (error && !data) return <Alert type="error" showIcon title={error.message} />;
  if (!data || !charts) return <Skeleton active loading={loading} />;

  const chart = (option: EChartOption | null, aria: string, height = 280) =>
    option ? <EChart option={option} height={height} ariaLabel={aria} /> : <Empty description={t('common.noData')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} lg={6}>
        <Card size="small">
          <Statistic title={t('closeout.dash.trainees')} value={data.trainees} />
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card size="small">
          <Statistic title={t('closeout.dash.attendance')} value={data.overallAttendanceRate === null ? '—' : percent(data.overallAttendanceRate)} />
          <Typography.Text type="secondary">{t('closeout.dash.attendanceNote', { ended: data.endedSessions, total: data.sessions })}</Typography.Text>
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card size="small">
          <Statistic title={t('closeout.dash.hours')} value={data.hours.average === null ? '—' : hours(data.hours.average)} />
          <Typography.Text type="secondary">{t('closeout.dash.hoursNote', { total: hours(data.hours.total) })}</Typography.Text>
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card size="small">
          <Statistic
            title={t('closeout.dash.rating')}
            value={charts.overall === null ? '—' : charts.overall.toFixed(2)}
            suffix={charts.overall === null ? undefined : '/ 5'}
          />
          <Typography.Text type="secondary">{t('closeout.dash.ratingNote', { n: data.evaluations.responses })}</Typography.Text>
        </Card>
      </Col>

      <Col xs={24}>
        <Card size="small" title={charts.byDay ? t('closeout.dash.attendanceByDay') : t('closeout.dash.attendanceBySession')}>
          {chart(charts.attendance, t('closeout.dash.attendanceBySession'), 300)}
        </Card>
      </Col>

      <Col xs={24} lg={10}>
        <Card size="small" title={t('closeout.dash.curriculum')} style={{ height: '100%' }}>
          {data.curriculum.checks.length === 0 ? (
            <Typography.Text type="secondary">{t('closeout.dash.noTargets')}</Typography.Text>
          ) : (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {data.curriculum.checks.map((c) => (
                <Card key={c.key} size="small" style={{ borderColor: c.met ? '#b7eb8f' : '#ffa39e', background: c.met ? '#f6ffed' : '#fff2f0' }}>
                  <Space>
                    {c.met ? (
                      <CheckCircleFilled style={{ color: '#52c41a', fontSize: 20 }} />
                    ) : (
                      <CloseCircleFilled style={{ color: '#ff4d4f', fontSize: 20 }} />
                    )}
                    <Typography.Text strong>{c.label[lang]}</Typography.Text>
                  </Space>
                </Card>
              ))}
            </Space>
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('closeout.dash.hoursNote', { total: hours(data.curriculum.totalHours) })}
          </Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('closeout.dash.hoursByType')}>
          {chart(data.curriculum.totalHours > 0 ? charts.byType : null, t('closeout.dash.hoursByType'))}
        </Card>
      </Col>

      <Col xs={24} lg={10}>
        <Card size="small" title={t('closeout.dash.evaluation')}>
          {charts.radar ? (
            chart(charts.radar, t('closeout.dash.evaluation'))
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('closeout.dash.tooFew', { min: MIN_RATINGS_TO_SHOW })} />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title={charts.lowestOnly ? t('closeout.dash.evaluationLowest', { n: LOWEST }) : t('closeout.dash.evaluationBySession')}>
          {chart(charts.ratingBars, t('closeout.dash.evaluationBySession'), charts.ratingHeight)}
        </Card>
      </Col>

      <Col xs={24} lg={8}>
        <Card size="small" title={t('closeout.dash.leave')}>
          {chart(charts.leave, t('closeout.dash.leave'), 240)}
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" title={t('closeout.dash.hoursDistribution')}>
          {chart(charts.hours, t('closeout.dash.hoursDistribution'), 240)}
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" title={t('closeout.dash.assessments')}>
          {chart(charts.results, t('closeout.dash.assessments'), 240)}
        </Card>
      </Col>
    </Row>
  );
}
