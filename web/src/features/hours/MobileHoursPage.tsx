// /m/hours — my hours this year against each rule (progress bars), this year's totals and what they came from.
import { RightOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, List, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useRequest } from '../../hooks/useRequest.ts';
import { useT } from '../../i18n/index.tsx';
import { getMyTrainingFile } from './api.ts';
import { fmtHours } from './format.ts';
import { RuleProgress } from './RuleProgress.tsx';

export default function MobileHoursPage() {
  const t = useT();
  const { data, error, loading } = useRequest((signal) => getMyTrainingFile(undefined, signal), 'me');
  if (loading && !data) return <Skeleton active />;
  if (error) return <Alert type="error" showIcon title={error.code === 'NOT_FOUND' ? t('hours.mobile.noFile') : error.message} />;
  if (!data) return null;
  const year = data.compliance.year;
  const totals = data.years.find((y) => y.year === year) ?? { hours: 0, onlineHours: 0, days: 0 };
  const items = [
    ...data.programs
      .filter((p) => p.startDate.startsWith(String(year)))
      .map((p) => ({ key: `p${p.programId}`, title: p.name, date: p.startDate, hours: p.hours, online: false })),
    ...data.manualEntries
      .filter((e) => e.date.startsWith(String(year)))
      .map((e) => ({ key: `m${e.id}`, title: e.title, date: e.date, hours: e.hours, online: e.category === 'online' })),
  ].sort((a, b) => b.date.localeCompare(a.date));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('hours.mobile.title', { year })}
        </Typography.Title>
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
          <Statistic title={t('hours.file.hours')} value={fmtHours(totals.hours)} />
          <Statistic title={t('hours.col.online')} value={fmtHours(totals.onlineHours)} />
          <Statistic title={t('hours.col.days')} value={totals.days} />
        </div>
      </Card>
      <Card size="small" title={t('hours.mobile.rules')}>
        {data.compliance.results.length === 0 ? (
          <Empty description={t('hours.file.noRules')} />
        ) : (
          data.compliance.results.map((r) => <RuleProgress key={r.ruleId} rule={data.compliance.rules.find((x) => x.id === r.ruleId)} result={r} />)
        )}
      </Card>
      <Card size="small" title={t('hours.mobile.sources')}>
        <List
          dataSource={items}
          locale={{ emptyText: t('hours.mobile.none') }}
          renderItem={(i) => (
            <List.Item key={i.key} extra={<strong>{t('hours.mobile.hoursValue', { n: fmtHours(i.hours) })}</strong>}>
              <List.Item.Meta
                title={i.title}
                description={
                  <Space size={6}>
                    {i.date}
                    {i.online && <Tag color="blue">{t('hours.category.online')}</Tag>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <Card size="small">
        <List
          size="small"
          dataSource={[
            { to: '/m/certificates', label: t('hours.mobile.certificates') },
            { to: '/m/calendar', label: t('hours.mobile.calendar') },
          ]}
          renderItem={(link) => (
            <List.Item extra={<RightOutlined />}>
              <Link to={link.to}>{link.label}</Link>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
