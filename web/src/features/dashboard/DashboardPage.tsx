// 工作台: headline counts and three charts from /cadres/stats for the caller's subtree, then the training-program
// overview (ProgramsOverview) for roles that read programs.
import { useMemo } from 'react';
import { Alert, Card, Col, Empty, Grid, Result, Row, Skeleton, Statistic } from 'antd';
import { TeamOutlined, EnvironmentOutlined, RiseOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { CadreStats } from '@duibiao/contracts';
import { api } from '../../api/client.ts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useLang, useT } from '../../i18n/index.tsx';
import { EChart } from '../../components/EChart.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCan, useMe } from '../auth/session.ts';
import { agePieOption, rankBarOption, unitBarOption } from './charts.ts';
import { ProgramsOverview } from './ProgramsOverview.tsx';
import { OverdueMilestonesAlert } from '../milestones/OverdueMilestonesAlert.tsx';

/** The server labels age bands in Chinese ("30岁及以下", "31–35岁", "51岁及以上"). */
const ageBandInEnglish = (band: string) => band.replace('岁及以下', ' and under').replace('岁及以上', ' and over').replace('岁', '');

const share = (part: number, total: number) => (total > 0 ? `${((part / total) * 100).toFixed(1)}%` : '—');

export default function DashboardPage() {
  const can = useCan();
  const me = useMe();
  const t = useT();
  const seesPrograms = can('program:read');
  if (!can('cadre:read')) {
    if (!seesPrograms) return <Result status="info" title={t('dashboard.welcome', { name: me.displayName })} subTitle={me.org.name} />;
    return (
      <>
        <PageHeader title={t('nav.dashboard')} />
        <OverdueMilestonesAlert />
        <ProgramsOverview />
      </>
    );
  }
  return (
    <>
      <CadreDashboard />
      {seesPrograms && <OverdueMilestonesAlert />}
      {seesPrograms && <ProgramsOverview />}
    </>
  );
}

function CadreDashboard() {
  const t = useT();
  const label = useLabel();
  const { lang } = useLang();
  const me = useMe();
  const compact = !(Grid.useBreakpoint().md ?? true);
  const { data, error, loading } = useRequest((signal) => api.get<CadreStats>('/cadres/stats', undefined, signal), '');

  const options = useMemo(() => {
    if (!data) return null;
    const count = t('dashboard.count');
    return {
      rank: rankBarOption(data.byRank, (r) => (r ? label('rank', r) : t('common.unset')), count),
      age: agePieOption(lang === 'en' ? data.byAgeBand.map((b) => ({ ...b, band: ageBandInEnglish(b.band) })) : data.byAgeBand, count, compact),
      unit: unitBarOption(data.byUnit, count),
    };
  }, [data, t, label, compact, lang]);

  const cards = [
    { key: 'total', title: t('dashboard.total'), value: data?.total, icon: <TeamOutlined />, to: '/cadres', note: me.org.name },
    {
      key: 'grassroots',
      title: t('dashboard.grassroots'),
      value: data?.grassroots,
      icon: <EnvironmentOutlined />,
      to: '/cadres?grassroots=true',
      note: data ? t('dashboard.share', { share: share(data.grassroots, data.total) }) : '',
    },
    {
      key: 'young',
      title: t('dashboard.young'),
      value: data?.young,
      icon: <RiseOutlined />,
      to: '/cadres?young=true',
      note: data ? t('dashboard.share', { share: share(data.young, data.total) }) : '',
    },
  ];

  return (
    <>
      <PageHeader title={t('nav.dashboard')} />
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        {cards.map((c) => (
          <Col xs={8} key={c.key}>
            <Link to={c.to} aria-label={c.title}>
              <Card hoverable loading={loading && !data} size={compact ? 'small' : 'default'}>
                <Statistic title={c.title} value={c.value ?? 0} prefix={compact ? undefined : c.icon} />
                <div style={{ color: 'rgba(0,0,0,0.45)', marginTop: 4, minHeight: 22, fontSize: compact ? 12 : 14 }}>{c.note}</div>
              </Card>
            </Link>
          </Col>
        ))}
        <Col xs={24} lg={12}>
          <Card title={t('dashboard.byRank')}>{chartOrEmpty(options?.rank, loading, t('common.noData'), t('dashboard.byRank'))}</Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('dashboard.byAge')}>{chartOrEmpty(options?.age, loading, t('common.noData'), t('dashboard.byAge'))}</Card>
        </Col>
        <Col xs={24}>
          <Card title={t('dashboard.byUnit')}>{chartOrEmpty(options?.unit, loading, t('common.noData'), t('dashboard.byUnit'), 360)}</Card>
        </Col>
      </Row>
    </>
  );

  function chartOrEmpty(option: Parameters<typeof EChart>[0]['option'] | undefined, isLoading: boolean, empty: string, aria: string, height = 300) {
    if (!option) return isLoading ? <Skeleton active /> : <Empty description={empty} />;
    if (data?.total === 0) return <Empty description={empty} />;
    return <EChart option={option} height={height} ariaLabel={aria} />;
  }
}
