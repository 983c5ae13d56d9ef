// /expert — the external-team account's home: the topics it is attached to, each opening /topics/:id.
import { Link } from 'react-router';
import { Alert, Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { getMyExternalTopics } from './api.ts';

export default function ExpertPage() {
  const t = useT();
  const label = useLabel();
  const { data, error, loading } = useRequest((signal) => getMyExternalTopics(signal), 'external-topics');
  return (
    <>
      <PageHeader title={t('milestones.expertTitle')} />
      <Typography.Paragraph type="secondary">{t('milestones.expertHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      {!loading && (data ?? []).length === 0 && <Empty description={t('milestones.expertNone')} />}
      <Row gutter={[16, 16]}>
        {(data ?? []).map((topic) => (
          <Col key={topic.id} xs={24} md={12} xl={8}>
            <Link to={`/topics/${topic.id}`}>
              <Card hoverable size="small" title={topic.title} loading={loading}>
                <Space orientation="vertical" size={4}>
                  <Typography.Text type="secondary">{topic.programName}</Typography.Text>
                  <Space wrap size={4}>
                    <Tag color="blue">{label('topicStatus', topic.status)}</Tag>
                    <Tag>{label('externalKind', topic.memberKind)}</Tag>
                    {topic.pendingScores > 0 && <Tag color="orange">{t('milestones.pendingScores', { n: topic.pendingScores })}</Tag>}
                  </Space>
                  {topic.nextMilestone && (
                    <Typography.Text>{t('milestones.next', { title: topic.nextMilestone.title, date: topic.nextMilestone.dueDate })}</Typography.Text>
                  )}
                </Space>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
