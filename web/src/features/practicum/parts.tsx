// Pieces shared by the trainee's, the host's and the organizer's views: status tag, the weekly logs with mentor
// comments, the reviews.
import type { ReactNode } from 'react';
import { Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import type { PlacementLog, PlacementReview, PlacementStatus } from '@duibiao/contracts';
import { useLabel, useT } from '../../i18n/index.tsx';

const STATUS_COLOR: Record<PlacementStatus, string> = { draft: 'default', published: 'blue', reported: 'cyan', completed: 'green' };

export function StatusTag({ status }: { status: PlacementStatus }) {
  const label = useLabel();
  return <Tag color={STATUS_COLOR[status]}>{label('placementStatus', status)}</Tag>;
}

/** Logs newest week first; `commentSlot` renders the host's comment form under a log (host and organizer views). */
export function LogList({ logs, commentSlot }: { logs: PlacementLog[]; commentSlot?: (log: PlacementLog) => ReactNode }) {
  const t = useT();
  if (logs.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('practicum.noLogs')} />;
  return (
    <List
      dataSource={logs}
      rowKey="id"
      renderItem={(log) => (
        <List.Item style={{ display: 'block' }}>
          <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
            <Typography.Text strong>{t('practicum.weekOf', { date: log.weekStart })}</Typography.Text>
            {log.mentorComment === null ? <Tag>{t('practicum.awaitingComment')}</Tag> : <Tag color="green">{t('practicum.mentorComment')}</Tag>}
          </Space>
          <Typography.Paragraph style={{ margin: '6px 0', whiteSpace: 'pre-wrap' }}>{log.content}</Typography.Paragraph>
          {log.nextPlan && (
            <Typography.Paragraph type="secondary" style={{ margin: '0 0 6px', whiteSpace: 'pre-wrap' }}>
              {t('practicum.nextPlan')}：{log.nextPlan}
            </Typography.Paragraph>
          )}
          {log.mentorComment !== null && (
            <div style={{ background: '#f6ffed', border: '1px solid #b7eb8f', borderRadius: 6, padding: '6px 10px', marginBottom: 6 }}>
              <Typography.Text type="secondary">{t('practicum.mentorComment')}：</Typography.Text>
              <span style={{ whiteSpace: 'pre-wrap' }}>{log.mentorComment}</span>
            </div>
          )}
          {commentSlot?.(log)}
        </List.Item>
      )}
    />
  );
}

export function ReviewList({ reviews }: { reviews: PlacementReview[] }) {
  const t = useT();
  const label = useLabel();
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {reviews.map((r) => (
        <Descriptions key={r.kind} size="small" column={1} bordered title={label('reviewKind', r.kind)}>
          <Descriptions.Item label={t('practicum.score')}>{r.score ?? '—'}</Descriptions.Item>
          {r.result && <Descriptions.Item label={t('practicum.result')}>{label('reviewResult', r.result)}</Descriptions.Item>}
          {r.hours !== null && <Descriptions.Item label={t('practicum.hours')}>{t('practicum.hoursValue', { n: r.hours })}</Descriptions.Item>}
          <Descriptions.Item label={t('practicum.hostFeedback')}>{r.hostFeedback ?? '—'}</Descriptions.Item>
        </Descriptions>
      ))}
    </Space>
  );
}
