// What became of a key problem or a question ("去向"): the forward tree 重点问题 → 课题 → 调研报告 → 对策建议, each
// recommendation with its status, owner unit and deadline, linking to its backward chain. A question may feed several
// key problems, so it shows one tree per key problem. Empty branches say so in words: "no topic yet" is an answer the
// curator needs, not missing data.
import { Alert, Card, Drawer, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { KeyProblemTrace, QuestionTrace, TraceKeyProblemNode, TraceQuestion, TraceRecommendationSummary, TraceTopicNode } from '@duibiao/contracts';
import type { ReactNode } from 'react';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { getKeyProblemTrace, getQuestionTrace } from './api.ts';
import { STATUS_COLORS } from './ChainView.tsx';

export type ForwardTarget = { kind: 'keyProblem' | 'question'; id: number };

type Forward = ({ kind: 'keyProblem' } & KeyProblemTrace) | ({ kind: 'question' } & QuestionTrace);

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

export function ForwardTraceDrawer({ target, onClose }: { target: ForwardTarget | null; onClose: () => void }) {
  const t = useT();
  const key = target ? `${target.kind}:${target.id}` : '';
  const { data, error, loading } = useRequest<Forward>(
    (signal) =>
      target!.kind === 'keyProblem'
        ? getKeyProblemTrace(target!.id, signal).then((d) => ({ kind: 'keyProblem' as const, ...d }))
        : getQuestionTrace(target!.id, signal).then((d) => ({ kind: 'question' as const, ...d })),
    key,
    target !== null,
  );
  const title =
    !data || loading ? t('trace.fwd.title') : data.kind === 'keyProblem' ? t('trace.fwd.of', { title: data.keyProblem.title }) : t('trace.fwd.ofQuestion');
  return (
    <Drawer open={target !== null} onClose={onClose} size={640} title={title}>
      {error ? (
        <Alert type="error" showIcon title={error.message} />
      ) : loading || !data ? (
        <Skeleton active />
      ) : data.kind === 'keyProblem' ? (
        <KeyProblemTree node={data.keyProblem} />
      ) : (
        <QuestionForward question={data.question} keyProblems={data.keyProblems} />
      )}
    </Drawer>
  );
}

function QuestionForward({ question, keyProblems }: { question: TraceQuestion; keyProblems: TraceKeyProblemNode[] }) {
  const t = useT();
  const label = useLabel();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('trace.stage.questions')}>
        <Typography.Paragraph style={{ marginBottom: 4 }}>{question.text}</Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[...new Set([question.submitterName, question.homeOrgName])]
            .concat(label('questionSource', question.source as never), day(question.createdAt))
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
      </Card>
      {keyProblems.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trace.fwd.noKeyProblems')} />
      ) : (
        <>
          <Typography.Text strong>{t('trace.fwd.feeds', { n: keyProblems.length })}</Typography.Text>
          {/* Active items first: a merged-away singleton is history, the item it merged into carries the work. */}
          {[...keyProblems]
            .sort((a, b) => Number(a.status !== 'active') - Number(b.status !== 'active'))
            .map((k) => (
              <Card key={k.id} size="small">
                <KeyProblemTree node={k} />
              </Card>
            ))}
        </>
      )}
    </Space>
  );
}

function KeyProblemTree({ node }: { node: TraceKeyProblemNode }) {
  const t = useT();
  const label = useLabel();
  const recommendations = node.topics.flatMap((tp) => [...tp.recommendations, ...tp.reports.flatMap((r) => r.recommendations)]);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space orientation="vertical" size={4}>
        <Space wrap>
          <Tag color="geekblue">{t('trace.stage.keyProblems')}</Tag>
          <Typography.Text strong>{node.title}</Typography.Text>
          {node.kind && <Tag color={node.kind === 'fixed' ? 'red' : 'green'}>{label('keyProblemKind', node.kind)}</Tag>}
          {node.status !== 'active' && <Tag>{label('keyProblemStatus', node.status as never)}</Tag>}
        </Space>
        <Typography.Text type="secondary">
          {t('trace.versions')}：
          {node.versions.length > 0 ? node.versions.map((v) => `${v.version}（${day(v.publishedAt)}）`).join('、') : t('trace.notListed')}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('trace.fwd.sources', { n: node.questions.length })} ·{' '}
          {t('trace.fwd.summary', {
            topics: node.topics.length,
            reports: node.topics.reduce((n, tp) => n + tp.reports.length, 0),
            recs: recommendations.length,
            landed: recommendations.filter((r) => r.status === 'landed').length,
          })}
        </Typography.Text>
      </Space>
      {node.topics.length === 0 ? (
        <Missing text={node.status === 'merged' ? t('trace.fwd.merged') : node.status === 'removed' ? t('trace.fwd.removed') : t('trace.fwd.noTopics')} />
      ) : (
        node.topics.map((tp) => <TopicBranch key={tp.id} topic={tp} />)
      )}
    </Space>
  );
}

/** One level of the tree: a coloured rule on the left so nesting reads at a glance without antd Tree's fixed rows. */
function Branch({ color, children }: { color: string; children: ReactNode }) {
  return <div style={{ borderLeft: `3px solid ${color}`, paddingLeft: 12, marginLeft: 4 }}>{children}</div>;
}

function Missing({ text }: { text: string }) {
  return <Typography.Text type="secondary">{text}</Typography.Text>;
}

function TopicBranch({ topic }: { topic: TraceTopicNode }) {
  const t = useT();
  const label = useLabel();
  const empty = topic.reports.length === 0 && topic.recommendations.length === 0;
  return (
    <Branch color="#1677ff">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Space orientation="vertical" size={0}>
          <Space wrap>
            <Tag color="blue">{t('trace.stage.topics')}</Tag>
            <Typography.Text strong>{topic.code ? `${topic.code} ${topic.title}` : topic.title}</Typography.Text>
            <Tag>{label('topicStatus', topic.status)}</Tag>
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('trace.lead')}：{topic.leadName ?? '—'} · {t('trace.ownerOrg')}：{topic.ownerOrgName ?? '—'}
          </Typography.Text>
        </Space>
        {empty && <Missing text={t('trace.fwd.noReports')} />}
        {topic.reports.map((r) => (
          <Branch key={r.id} color="#52c41a">
            <Space orientation="vertical" size={6} style={{ width: '100%' }}>
              <Space orientation="vertical" size={0}>
                <Space wrap>
                  <Tag color="green">{t('trace.stage.reports')}</Tag>
                  <Typography.Text strong>{r.title}</Typography.Text>
                  <Tag color={r.status === 'submitted' ? 'green' : 'default'}>{label('reportStatus', r.status)}</Tag>
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('trace.authors')}：{r.authors.join('、') || '—'} · {t('trace.submittedAt')}：{r.submittedAt ? day(r.submittedAt) : t('trace.notSubmitted')}
                </Typography.Text>
              </Space>
              {r.recommendations.length === 0 ? (
                <Missing text={t('trace.fwd.noRecommendations')} />
              ) : (
                r.recommendations.map((rec) => <RecommendationLeaf key={rec.id} rec={rec} />)
              )}
            </Space>
          </Branch>
        ))}
        {topic.recommendations.length > 0 && (
          <Branch color="#d9d9d9">
            <Space orientation="vertical" size={6} style={{ width: '100%' }}>
              <Typography.Text type="secondary">{t('trace.fwd.direct')}</Typography.Text>
              {topic.recommendations.map((rec) => (
                <RecommendationLeaf key={rec.id} rec={rec} />
              ))}
            </Space>
          </Branch>
        )}
      </Space>
    </Branch>
  );
}

function RecommendationLeaf({ rec }: { rec: TraceRecommendationSummary }) {
  const t = useT();
  const label = useLabel();
  return (
    <Branch color="#faad14">
      <Space orientation="vertical" size={0} style={{ width: '100%' }}>
        <Space wrap>
          <Tag color="gold">{t('trace.stage.recommendations')}</Tag>
          <Typography.Text>{rec.title}</Typography.Text>
          <Tag color={STATUS_COLORS[rec.status]}>{label('recommendationStatus', rec.status)}</Tag>
          {rec.overdue && <Tag color="red">{t('trace.overdue')}</Tag>}
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('trace.ownerOrg')}：{rec.ownerName ?? '—'} · {t('trace.deadline')}：
          <Typography.Text type={rec.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
            {day(rec.deadline)}
          </Typography.Text>
          {rec.status === 'landed' && ` · ${t('trace.landedAt')}：${day(rec.landedAt)}`} ·{' '}
          <Link to={`/trace/recommendations/${rec.id}`}>{t('trace.fwd.chainLink')}</Link>
        </Typography.Text>
      </Space>
    </Branch>
  );
}
