// A bell with the unread count; its popover lists the latest notifications. Polls once a minute while visible.
import { useEffect, useState } from 'react';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { NotificationDto } from '@duibiao/contracts';
import { useT } from '../../i18n/index.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { getNotifications, markAllNotificationsRead, markNotificationRead } from './api.ts';

const POLL_MS = 60_000;

export function NotificationBell({ color = '#fff' }: { color?: string }) {
  const t = useT();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const { data, reload } = useRequest((signal) => getNotifications(signal), 'notifications');

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  const unread = data?.unread ?? 0;

  const onItem = async (n: NotificationDto) => {
    if (!n.readAt) await markNotificationRead(n.id).catch(() => undefined);
    setOpen(false);
    reload();
    if (n.link) void navigate(n.link);
  };

  const content = (
    <div style={{ width: 'min(340px, 86vw)' }}>
      {data && data.items.length > 0 ? (
        <List
          size="small"
          dataSource={data.items.slice(0, 20)}
          style={{ maxHeight: 380, overflow: 'auto' }}
          renderItem={(n) => (
            <List.Item
              style={{ cursor: 'pointer', alignItems: 'flex-start', background: n.readAt ? undefined : '#f0f6ff', paddingInline: 8 }}
              onClick={() => void onItem(n)}
            >
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                {n.body && (
                  <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }} ellipsis={{ rows: 2 }}>
                    {n.body}
                  </Typography.Paragraph>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {new Date(n.createdAt).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' })}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notif.empty')} />
      )}
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <span>{t('notif.title')}</span>
          <Button size="small" type="link" disabled={unread === 0} onClick={() => void markAllNotificationsRead().then(reload)}>
            {t('notif.readAll')}
          </Button>
        </div>
      }
      content={content}
    >
      <button type="button" aria-label={t('notif.open', { n: unread })} style={{ all: 'unset', cursor: 'pointer', display: 'flex', alignItems: 'center' }}>
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18, color }} />
        </Badge>
      </button>
    </Popover>
  );
}
