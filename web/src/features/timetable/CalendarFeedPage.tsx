// Phone page /m/calendar: the trainee's personal iCal feed address, to subscribe in a phone calendar app.
import { Alert, App, Button, Card, Input, Space, Typography } from 'antd';
import { CalendarOutlined, CopyOutlined } from '@ant-design/icons';
import { useRequest } from '../../hooks/useRequest.ts';
import { useT } from '../../i18n/index.tsx';
import { getMyCalendar } from './api.ts';

export default function CalendarFeedPage() {
  const t = useT();
  const { message } = App.useApp();
  const feed = useRequest((s) => getMyCalendar(s), 'me');
  if (feed.error) return <Alert type="warning" showIcon message={feed.error.message} />;
  if (!feed.data) return null;
  const url = `${window.location.origin}${feed.data.url}`;
  // webcal:// makes iOS and macOS offer "subscribe" instead of a one-off download.
  const webcal = url.replace(/^https?:/, 'webcal:');
  return (
    <Card title={t('timetable.calendarFeed')} variant="borderless">
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('timetable.calendarFeedHint')}
        </Typography.Paragraph>
        <Input.TextArea value={url} readOnly autoSize aria-label={t('timetable.calendarFeed')} />
        <Typography.Text type="secondary">{t('timetable.feedSessions', { n: feed.data.sessions })}</Typography.Text>
        <Space wrap>
          <Button
            icon={<CopyOutlined />}
            onClick={() =>
              void navigator.clipboard.writeText(url).then(
                () => message.success(t('timetable.copied')),
                () => message.info(url),
              )
            }
          >
            {t('timetable.copy')}
          </Button>
          <Button type="primary" icon={<CalendarOutlined />} href={webcal}>
            {t('timetable.calendarFeed')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
