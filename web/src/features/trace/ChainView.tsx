// One recommendation's whole chain, top to bottom: 原始问题 → 重点问题 → 课题 → 调研报告 → 对策建议 → 落地 (with
// progress and evidence). Steps a chain does not pass through stay visible but greyed, so a manual recommendation
// reads as "no report, no topic" rather than as missing data. Reflection-sourced chains show the reflection instead.
// Exported for other features (the results page links here).
import { useState } from 'react';
import { Button, Descriptions, Empty, List, Space, Steps, Tag, Timeline, Typography } from 'antd';
import type { StepsProps } from 'antd';
import type { RecommendationStatus, RecommendationTrace } from '@duibiao/contracts';
import type { ReactNode } from 'react';
import { useLabel, useT } from '../../i18n/index.tsx';

export const STATUS_COLORS: Record<RecommendationStatus, string> = {
  proposed: 'default',
  accepted: 'blue',
  in_progress: 'processing',
  landed: 'success',
  rejected: 'error',
};

/** Questions listed before the rest fold away (a key problem may merge dozens). */
const QUESTIONS_SHOWN = 5;

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

type Item = NonNullable<StepsProps['items']>[number];

export function ChainView({ trace }: { trace: RecommendationTrace }) {
  const t = useT();
  const label = useLabel();
  const [allQuestions, setAllQuestions] = useState(false);
  const { recommendation: rec, report, topic, keyProblem, questions, reflection } = trace;
  const missing = <Typography.Text type="secondary">{t('trace.missing')}</Typography.Text>;
  const step = (title: string, present: boolean, content: ReactNode): Item => ({
    title,
    status: present ? 'finish' : 'wait',
    content: present ? content : missing,
  });

  const origin: Item[] = reflection
    ? [
        step(
          t('trace.stage.reflection'),
          true,
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('trace.stage.reflection')}>{reflection.title}</Descriptions.Item>
            <Descriptions.Item label={t('trace.author')}>{reflection.authorName ?? '—'}</Descriptions.Item>
            {reflection.actionItem && <Descriptions.Item label={t('trace.actionItem')}>{reflection.actionItem}</Descriptions.Item>}
          </Descriptions>,
        ),
      ]
    : [
        step(
          t('trace.stage.questions'),
          questions.length > 0,
          <List
            size="small"
            dataSource={allQuestions ? questions : questions.slice(0, QUESTIONS_SHOWN)}
            footer={
              questions.length > QUESTIONS_SHOWN && (
                <Button type="link" size="small" onClick={() => setAllQuestions((v) => !v)}>
                  {allQuestions ? t('trace.fewerQuestions') : t('trace.allQuestions', { n: questions.length })}
                </Button>
              )
            }
            renderItem={(q) => (
              <List.Item>
                <Space orientation="vertical" size={0}>
                  <Typography.Text>{q.text}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[...new Set([q.submitterName, q.homeOrgName])]
                      .concat(label('questionSource', q.source as never), day(q.createdAt))
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />,
        ),
        step(
          t('trace.stage.keyProblems'),
          keyProblem !== null,
          keyProblem && (
            <Space orientation="vertical" size={4}>
              <Space wrap>
                <Typography.Text strong>{keyProblem.title}</Typography.Text>
                {keyProblem.kind && <Tag color={keyProblem.kind === 'fixed' ? 'geekblue' : 'cyan'}>{label('keyProblemKind', keyProblem.kind)}</Tag>}
                {keyProblem.status !== 'active' && <Tag>{label('keyProblemStatus', keyProblem.status as never)}</Tag>}
              </Space>
              <Typography.Text type="secondary">
                {t('trace.versions')}：
                {keyProblem.versions.length > 0 ? keyProblem.versions.map((v) => `${v.version}（${day(v.publishedAt)}）`).join('、') : t('trace.notListed')}
              </Typography.Text>
            </Space>
          ),
        ),
        step(
          t('trace.stage.topics'),
          topic !== null,
          topic && (
            <Space orientation="vertical" size={4}>
              <Space wrap>
                <Typography.Text strong>{topic.code ? `${topic.code} ${topic.title}` : topic.title}</Typography.Text>
                <Tag>{label('topicStatus', topic.status)}</Tag>
              </Space>
              <Typography.Text type="secondary">
                {t('trace.lead')}：{topic.leadName ?? '—'} · {t('trace.ownerOrg')}：{topic.ownerOrgName ?? '—'}
              </Typography.Text>
            </Space>
          ),
        ),
        step(
          t('trace.stage.reports'),
          report !== null,
          report && (
            <Space orientation="vertical" size={4}>
              <Space wrap>
                <Typography.Text strong>{report.title}</Typography.Text>
                <Tag color={report.status === 'submitted' ? 'green' : 'default'}>{label('reportStatus', report.status)}</Tag>
              </Space>
              <Typography.Text type="secondary">
                {t('trace.authors')}：{report.authors.join('、') || '—'} · {t('trace.submittedAt')}：
                {report.submittedAt ? day(report.submittedAt) : t('trace.notSubmitted')}
              </Typography.Text>
            </Space>
          ),
        ),
      ];

  const recommendationStep: Item = {
    title: t('trace.stage.recommendations'),
    status: rec.status === 'rejected' ? 'error' : 'finish',
    content: (
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>{rec.title}</Typography.Text>
          <Tag color={STATUS_COLORS[rec.status]}>{label('recommendationStatus', rec.status)}</Tag>
          {rec.overdue && <Tag color="red">{t('trace.overdue')}</Tag>}
        </Space>
        {rec.content && <Typography.Paragraph style={{ marginBottom: 0 }}>{rec.content}</Typography.Paragraph>}
        <Typography.Text type="secondary">
          {t('trace.ownerOrg')}：{rec.ownerName ?? '—'} · {t('trace.deadline')}：{day(rec.deadline)} · {label('recommendationSource', rec.source)}
        </Typography.Text>
        {rec.expectedEffect && (
          <Typography.Text type="secondary">
            {t('trace.expectedEffect')}：{rec.expectedEffect}
          </Typography.Text>
        )}
        {rec.rejectReason && (
          <Typography.Text type="danger">
            {t('trace.rejectReason')}：{rec.rejectReason}
          </Typography.Text>
        )}
      </Space>
    ),
  };

  const landedStep: Item = {
    title: t('trace.stage.landed'),
    status: rec.status === 'landed' ? 'finish' : rec.status === 'rejected' ? 'wait' : 'process',
    content: (
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Text type={rec.status === 'landed' ? 'success' : 'secondary'}>
          {rec.status === 'landed' ? `${t('trace.landedAt')}：${day(rec.landedAt)}` : t('trace.notLanded')}
        </Typography.Text>
        <Typography.Text strong>{t('trace.updates')}</Typography.Text>
        {rec.updates.length > 0 ? (
          <Timeline
            items={rec.updates.map((u) => ({
              color: u.toStatus === 'landed' ? 'green' : u.toStatus === 'rejected' ? 'red' : 'blue',
              content: (
                <Space orientation="vertical" size={0}>
                  <Typography.Text>
                    <Typography.Text type="secondary">{day(u.createdAt)}</Typography.Text>{' '}
                    {u.fromStatus ? `${label('recommendationStatus', u.fromStatus)} → ` : ''}
                    {label('recommendationStatus', u.toStatus)}
                    {u.authorName ? ` · ${u.authorName}` : ''}
                  </Typography.Text>
                  {u.note && <Typography.Text type="secondary">{u.note}</Typography.Text>}
                </Space>
              ),
            }))}
          />
        ) : (
          <Typography.Text type="secondary">{t('trace.noUpdates')}</Typography.Text>
        )}
        <Typography.Text strong>{t('trace.evidence')}</Typography.Text>
        {rec.evidence.length > 0 ? (
          <List
            size="small"
            bordered
            dataSource={rec.evidence}
            renderItem={(e) => (
              <List.Item>
                {e.kind === 'figure' ? (
                  <Space>
                    <Tag color="gold">{e.label}</Tag>
                    <Typography.Text strong>
                      {e.value ?? '—'} {e.unit ?? ''}
                    </Typography.Text>
                  </Space>
                ) : (
                  <Space>
                    <Tag color="purple">{t('trace.document')}</Tag>
                    <Typography.Text>{e.label}</Typography.Text>
                    {e.fileName && <Typography.Text type="secondary">{e.fileName}</Typography.Text>}
                  </Space>
                )}
              </List.Item>
            )}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trace.noEvidence')} />
        )}
      </Space>
    ),
  };

  return <Steps orientation="vertical" size="small" current={-1} items={[...origin, recommendationStep, landedStep]} />;
}
