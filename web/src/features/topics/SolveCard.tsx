// 智能分配: solve from the bids (exact: minimum worst choice, then most first choices, …), show the worst choice, a
// histogram of choices met, every trainee's topic and choice, and adopt the run (forms the task forces).
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TopicRunDetail } from '@duibiao/contracts';
import { EChart } from '../../components/EChart.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useT } from '../../i18n/index.tsx';
import { adoptTopicRun, getTopicRun, listTopicRuns, solveTopics } from './api.ts';

function RunView({ run, canWrite, onAdopt, busy }: { run: TopicRunDetail; canWrite: boolean; onAdopt: () => void; busy: boolean }) {
  const t = useT();
  const categories = run.profile.map((_, k) => t('topics.solve.choiceN', { n: k + 1 }));
  return (
    <>
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col span={6}>
          <Statistic title={t('topics.solve.worstRank')} value={t('topics.solve.choiceN', { n: run.worstRank })} />
        </Col>
        <Col span={6}>
          <Statistic title={t('topics.solve.placed')} value={run.placed} />
        </Col>
        <Col span={6}>
          <Statistic title={t('topics.solve.unranked')} value={run.unranked} />
        </Col>
        <Col span={6} style={{ textAlign: 'right' }}>
          {run.adoptedAt ? (
            <Tag color="success">{t('topics.solve.adopted')}</Tag>
          ) : (
            canWrite && (
              <Button type="primary" loading={busy} onClick={onAdopt}>
                {t('topics.solve.adopt')}
              </Button>
            )
          )}
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Typography.Text strong>{t('topics.solve.histogram')}</Typography.Text>
          <EChart
            height={220}
            ariaLabel={t('topics.solve.histogram')}
            option={{
              tooltip: {},
              grid: { left: 40, right: 10, top: 20, bottom: 30 },
              xAxis: { type: 'category', data: categories },
              yAxis: { type: 'value', minInterval: 1 },
              series: [{ type: 'bar', data: run.profile, label: { show: true, position: 'top' }, itemStyle: { color: '#1677ff' } }],
            }}
          />
        </Col>
        <Col xs={24} md={14}>
          <Typography.Text strong>{t('topics.solve.perTrainee')}</Typography.Text>
          <Table
            size="small"
            rowKey="cadreId"
            pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
            dataSource={run.assignments}
            columns={[
              { title: t('topics.solve.trainee'), dataIndex: 'cadreName', width: 90 },
              { title: t('topics.bids.unit'), dataIndex: 'orgName', ellipsis: true },
              { title: t('topics.solve.topic'), dataIndex: 'topicTitle', ellipsis: true },
              {
                title: t('topics.bids.rank'),
                key: 'rank',
                width: 140,
                sorter: (a, b) => a.rank - b.rank,
                render: (_: unknown, a) => (
                  <Space size={4}>
                    {t('topics.solve.choiceN', { n: a.rank })}
                    {!a.bid && <Tag>{t('topics.solve.notBid')}</Tag>}
                  </Space>
                ),
              },
            ]}
          />
        </Col>
      </Row>
    </>
  );
}

export function SolveCard({ programId, canWrite, onAdopted }: { programId: number; canWrite: boolean; onAdopted: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [allowUnranked, setAllowUnranked] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const runs = useRequest((signal) => listTopicRuns(programId, signal), programId);
  const latest = runs.data?.[0]?.id ?? null;
  const run = useRequest((signal) => getTopicRun(latest!, signal), latest ?? 0, latest !== null);

  const solve = async () => {
    setBusy(true);
    setError(null);
    try {
      await solveTopics(programId, allowUnranked);
      runs.reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const adopt = async () => {
    setBusy(true);
    try {
      await adoptTopicRun(latest!);
      void message.success(t('topics.solve.adoptDone'));
      run.reload();
      onAdopted();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={run.data ? `${t('topics.solve.title')} · ${t('topics.solve.runN', { id: run.data.id })}` : t('topics.solve.title')}
      style={{ marginTop: 16 }}
      extra={
        canWrite && (
          <Space>
            <Checkbox checked={allowUnranked} onChange={(e) => setAllowUnranked(e.target.checked)}>
              {t('topics.solve.allowUnranked')}
            </Checkbox>
            <Button loading={busy} onClick={() => void solve()}>
              {t('topics.solve.run')}
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('topics.solve.help')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {run.data && <RunView run={run.data} canWrite={canWrite} busy={busy} onAdopt={() => void adopt()} />}
    </Card>
  );
}
