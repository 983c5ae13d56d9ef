// /m — the trainee's day: sessions with time, venue, my attendance and where check-in stands; arrows move by day.
import { Alert, Button, Card, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { EnvironmentOutlined, LeftOutlined, QrcodeOutlined, RightOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import type { MySession } from '@duibiao/contracts';
import { useLabel, useLang, useT } from '../../i18n/index.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { getMyPrograms, getMySessions } from './api.ts';
import { AttendanceTag, beijingToday, CheckinStateTag, clock, shiftDate } from './attendance-ui.tsx';

export default function MobileTodayPage() {
  const t = useT();
  const { lang } = useLang();
  const [params, setParams] = useSearchParams();
  const today = beijingToday();
  const date = params.get('date') ?? today;
  const sessions = useRequest((signal) => getMySessions(date, signal), date);
  const programs = useRequest((signal) => getMyPrograms(signal), 'mine');
  const go = (days: number) => {
    const next = shiftDate(date, days);
    setParams(next === today ? {} : { date: next }, { replace: true });
  };

  const weekday = new Date(`${date}T00:00:00Z`).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB', { weekday: 'short', timeZone: 'UTC' });
  const flagged = programs.data?.filter((p) => p.withdrawalFlagged) ?? [];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {flagged.length > 0 && <Alert type="error" showIcon title={t('mobile.withdrawal')} description={flagged.map((p) => p.name).join('、')} />}
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <Button aria-label={t('mobile.prevDay')} icon={<LeftOutlined />} onClick={() => go(-1)} />
        <div style={{ textAlign: 'center' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {date === today ? t('mobile.today') : date.slice(5)}
          </Typography.Title>
          <Typography.Text type="secondary">
            {date} {weekday}
          </Typography.Text>
        </div>
        <Button aria-label={t('mobile.nextDay')} icon={<RightOutlined />} onClick={() => go(1)} />
      </div>
      {sessions.error && <Alert type="error" showIcon title={sessions.error.message} />}
      {sessions.loading && !sessions.data ? (
        <Skeleton active />
      ) : sessions.data && sessions.data.sessions.length > 0 ? (
        sessions.data.sessions.map((s) => <SessionCard key={s.id} session={s} />)
      ) : (
        <Card>
          <Empty description={t('mobile.noSessions')} />
        </Card>
      )}
      {sessions.data?.sessions.some((s) => (s.state === 'open' || s.state === 'late') && !s.mark) && (
        <Alert type="info" showIcon icon={<QrcodeOutlined />} title={t('mobile.scanHint')} />
      )}
    </Space>
  );
}

function SessionCard({ session: s }: { session: MySession }) {
  const t = useT();
  const label = useLabel();
  return (
    <Card size="small" styles={{ body: { padding: 12 } }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {clock(s.startsAt)}–{clock(s.endsAt)}
        </Typography.Text>
        {s.mark ? <AttendanceTag status={s.mark.status} /> : <CheckinStateTag state={s.state} />}
      </div>
      <Typography.Paragraph style={{ margin: '6px 0 4px', fontSize: 15 }}>{s.title}</Typography.Paragraph>
      <Space size={[4, 4]} wrap>
        <Tag>{label('sessionType', s.type)}</Tag>
        <Tag>{t('mobile.hours', { n: s.creditedHours })}</Tag>
        {s.mark?.checkedInAt && <Tag color="green">{t('checkin.at', { at: clock(s.mark.checkedInAt) })}</Tag>}
      </Space>
      {s.venue && (
        <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0', fontSize: 13 }}>
          <EnvironmentOutlined /> {s.venue.name}
          {s.venue.address ? ` · ${s.venue.address}` : ''}
        </Typography.Paragraph>
      )}
      {s.stops.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 13 }}>
          {s.stops.map((st) => `${st.seq}. ${st.name}`).join(' → ')}
        </Typography.Paragraph>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {s.programName}
      </Typography.Text>
    </Card>
  );
}
