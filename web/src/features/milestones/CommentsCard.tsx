// The topic's discussion thread: everyone with access (task force, organizers, external team) reads and posts.
import { useState } from 'react';
import { Button, Card, Input, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { useAction } from '../../hooks/useAction.ts';
import { getComments, postComment } from './api.ts';

export function CommentsCard({ topicId }: { topicId: number }) {
  const t = useT();
  const label = useLabel();
  const run = useAction();
  const [body, setBody] = useState('');
  const { data, loading, reload } = useRequest((signal) => getComments(topicId, signal), `comments-${topicId}`);
  return (
    <Card size="small" title={t('milestones.comments')} style={{ marginBottom: 12 }}>
      <List
        size="small"
        loading={loading}
        dataSource={data ?? []}
        locale={{ emptyText: t('milestones.noComments') }}
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <span>{c.author.name}</span>
                  <Tag>{label('role', c.author.role as never)}</Tag>
                  <Typography.Text type="secondary">{dayjs(c.createdAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
                </Space>
              }
              description={<Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{c.body}</Typography.Paragraph>}
            />
          </List.Item>
        )}
      />
      <Input.TextArea
        rows={3}
        maxLength={2000}
        showCount
        placeholder={t('milestones.commentPlaceholder')}
        value={body}
        onChange={(e) => setBody(e.target.value)}
      />
      <Button
        type="primary"
        style={{ marginTop: 8 }}
        disabled={!body.trim()}
        onClick={() =>
          void run(async () => {
            await postComment(topicId, { body });
            setBody('');
            reload();
          }, t('milestones.posted'))
        }
      >
        {t('milestones.post')}
      </Button>
    </Card>
  );
}
