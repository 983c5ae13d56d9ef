// /topics/:id (and /m/topics/:id, compact): one research topic's process — header with the task force, the milestone
// timeline (overdue in red), each milestone's versions, panel, scores and decision, the external team and the
// discussion. Organizers, the task force and the topic's external team all use this page; each sees only what they may do.
import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Card, Col, Descriptions, Empty, Row, Space, Steps, Tag, Typography } from 'antd';
import type { TopicProcess } from '@duibiao/contracts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { getProcess } from './api.ts';
import { CommentsCard } from './CommentsCard.tsx';
import { ExternalTeamCard } from './ExternalTeamCard.tsx';
import { MilestoneCard } from './MilestoneCard.tsx';
import { PlanCard } from './PlanCard.tsx';

const STEP_STATUS = { pending: 'wait', submitted: 'process', passed: 'finish', revise: 'error' } as const;

function Header({ view, compact }: { view: TopicProcess; compact: boolean }) {
  const t = useT();
  const label = useLabel();
  const { topic } = view;
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Descriptions size="small" column={compact ? 1 : 2}>
        <Descriptions.Item label={t('milestones.program')}>{topic.program.name}</Descriptions.Item>
        <Descriptions.Item label={t('milestones.keyProblem')}>{topic.keyProblem ?? t('milestones.none')}</Descriptions.Item>
        <Descriptions.Item label={t('milestones.ownerOrg')}>{topic.ownerOrg ?? t('milestones.none')}</Descriptions.Item>
        {topic.goals && <Descriptions.Item label={t('milestones.goals')}>{topic.goals}</Descriptions.Item>}
        <Descriptions.Item label={t('milestones.taskForce')} span={compact ? 1 : 2}>
          <Space wrap size={4}>
            {topic.taskForce.length === 0 && t('milestones.none')}
            {topic.taskForce.map((m) => (
              <Tag key={m.id} color={m.role === 'lead' ? 'gold' : undefined}>
                {m.name} · {label('taskForceRole', m.role as never)}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

export function TopicView({ compact }: { compact: boolean }) {
  const t = useT();
  const label = useLabel();
  const topicId = Number(useParams().id);
  const { data, error, loading } = useRequest((signal) => getProcess(topicId, signal), topicId, Number.isInteger(topicId) && topicId > 0);
  // A write answers with the fresh view; it stands until the next load replaces `data`.
  const [written, setWritten] = useState<{ base: TopicProcess | undefined; view: TopicProcess } | null>(null);
  const view = written && written.base === data ? written.view : data;
  const setView = (next: TopicProcess) => setWritten({ base: data, view: next });

  if (!view) return error ? <Alert type="error" showIcon title={error.message} /> : loading ? <PageLoading /> : <Empty />;
  const { topic, viewer, milestones } = view;
  const title = (
    <Space wrap size={6}>
      <span>{topic.title}</span>
      <Tag color={topic.status === 'completed' ? 'green' : 'blue'}>{label('topicStatus', topic.status)}</Tag>
    </Space>
  );
  const timeline =
    milestones.length === 0 ? (
      viewer.canManage ? (
        <PlanCard topicId={topicId} onChanged={setView} />
      ) : (
        <Empty description={t('milestones.noPlan')} style={{ marginBottom: 12 }} />
      )
    ) : (
      <>
        <Card size="small" title={t('milestones.timeline')} style={{ marginBottom: 12 }}>
          <Steps
            size="small"
            orientation={compact ? 'vertical' : 'horizontal'}
            items={milestones.map((m) => ({
              title: m.title,
              status: STEP_STATUS[m.status],
              content: (
                <Typography.Text type={m.overdue ? 'danger' : 'secondary'}>
                  {t('milestones.due', { date: m.dueDate })}
                  {m.overdue ? ` · ${t('milestones.overdue')}` : ` · ${label('milestoneStatus', m.status)}`}
                </Typography.Text>
              ),
            }))}
          />
        </Card>
        {milestones.map((m) => (
          <MilestoneCard key={m.id} topicId={topicId} m={m} viewer={viewer} onChanged={setView} />
        ))}
      </>
    );

  return (
    <>
      {compact ? <Typography.Title level={5}>{title}</Typography.Title> : <PageHeader title={title} />}
      <Header view={view} compact={compact} />
      {compact ? (
        <>
          {timeline}
          <ExternalTeamCard topicId={topicId} canManage={viewer.canManage} />
          <CommentsCard topicId={topicId} />
        </>
      ) : (
        <Row gutter={16}>
          <Col xs={24} lg={16}>
            {timeline}
          </Col>
          <Col xs={24} lg={8}>
            <ExternalTeamCard topicId={topicId} canManage={viewer.canManage} />
            <CommentsCard topicId={topicId} />
          </Col>
        </Row>
      )}
    </>
  );
}

export default function TopicPage() {
  return <TopicView compact={false} />;
}
