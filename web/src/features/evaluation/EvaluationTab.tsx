// Program detail tab 综合评价: weights with a live sum, the per-trainee scorecard (components, weighted score, grade),
// topic scorecards, a radar of the selected trainee's components, publishing into the training file and the export.
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, InputNumber, Popconfirm, Row, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, SendOutlined } from '@ant-design/icons';
import {
  DEFAULT_EVALUATION_WEIGHTS,
  EVALUATION_COMPONENTS,
  type EvaluationWeights,
  type ReviewResult,
  type TopicScorecard,
  type TraineeScorecard,
} from '@duibiao/contracts';
import { ApiError } from '../../api/client.ts';
import { EChart, type EChartOption } from '../../components/EChart.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { useCan } from '../auth/session.ts';
import { GRADE_COLORS } from './grades.ts';
import { exportUrl, getEvaluation, publishEvaluation, saveWeights } from './api.ts';

const fmt = (n: number | null) => (n === null ? null : n.toFixed(n % 1 === 0 ? 0 : 1));

function radarOption(row: TraineeScorecard, names: Record<string, string>): EChartOption {
  return {
    tooltip: {},
    radar: { indicator: EVALUATION_COMPONENTS.map((c) => ({ name: names[c]!, max: 100 })), radius: '65%' },
    series: [
      {
        type: 'radar',
        data: [{ name: row.name, value: EVALUATION_COMPONENTS.map((c) => row.components[c] ?? 0), areaStyle: { opacity: 0.2 } }],
      },
    ],
  };
}

export default function EvaluationTab({ programId }: { programId: number }) {
  const t = useT();
  const label = useLabel();
  const can = useCan();
  const { message } = App.useApp();
  const canWrite = can('program:write');
  const { data, error, loading, reload } = useRequest((signal) => getEvaluation(programId, signal), programId);
  // Unsaved edits; null shows the program's saved weights.
  const [draft, setDraft] = useState<EvaluationWeights | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [writeError, setWriteError] = useState<string | null>(null);

  if (error) return <Alert type="error" showIcon title={error.message} />;
  const weights = draft ?? data?.weights ?? DEFAULT_EVALUATION_WEIGHTS;
  const setWeights = (update: (w: EvaluationWeights) => EvaluationWeights) => setDraft(update(weights));
  const sum = EVALUATION_COMPONENTS.reduce((n, c) => n + (weights[c] ?? 0), 0);
  const names = Object.fromEntries(EVALUATION_COMPONENTS.map((c) => [c, label('evaluationComponent', c)]));
  const trainees = data?.trainees ?? [];
  const chosen = trainees.find((r) => r.cadreId === selected) ?? trainees[0];

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setWriteError(null);
    try {
      await action();
      reload();
    } catch (e) {
      setWriteError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const grade = (g: ReviewResult | null) =>
    g ? <Tag color={GRADE_COLORS[g]}>{label('reviewResult', g)}</Tag> : <Typography.Text type="secondary">—</Typography.Text>;
  const cell = (n: number | null) => (n === null ? <Typography.Text type="secondary">{t('evaluation.notApplicable')}</Typography.Text> : fmt(n));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('evaluation.rules')} description={t('evaluation.rulesDetail')} />
      {writeError && <Alert type="error" showIcon title={writeError} closable onClose={() => setWriteError(null)} />}
      <Card
        size="small"
        title={t('evaluation.weights')}
        extra={
          <Space>
            <Tag color={sum === 100 ? 'green' : 'red'}>{t(sum === 100 ? 'evaluation.weightSum' : 'evaluation.weightSumBad', { sum })}</Tag>
            {canWrite && (
              <>
                <Button size="small" onClick={() => setDraft(DEFAULT_EVALUATION_WEIGHTS)}>
                  {t('evaluation.weightsDefault')}
                </Button>
                <Button
                  size="small"
                  type="primary"
                  disabled={sum !== 100}
                  loading={busy}
                  onClick={() =>
                    void run(async () => {
                      await saveWeights(programId, weights);
                      setDraft(null);
                      void message.success(t('evaluation.weightsSaved'));
                    })
                  }
                >
                  {t('evaluation.saveWeights')}
                </Button>
              </>
            )}
          </Space>
        }
      >
        <Space size={24} wrap>
          {EVALUATION_COMPONENTS.map((c) => (
            <Space key={c} size={6}>
              <Typography.Text>{names[c]}</Typography.Text>
              <InputNumber
                aria-label={names[c]}
                min={0}
                max={100}
                precision={0}
                value={weights[c]}
                disabled={!canWrite}
                suffix="%"
                style={{ width: 90 }}
                onChange={(v) => setWeights((w) => ({ ...w, [c]: v ?? 0 }))}
              />
            </Space>
          ))}
        </Space>
      </Card>

      <Space wrap>
        {canWrite && (
          <Popconfirm
            title={t('evaluation.publish')}
            description={<div style={{ maxWidth: 320 }}>{t('evaluation.publishConfirm')}</div>}
            onConfirm={() =>
              void run(async () => {
                const r = await publishEvaluation(programId);
                void message.success(t('evaluation.publishedCount', { n: r.published, skipped: r.skipped }));
              })
            }
          >
            <Button type="primary" icon={<SendOutlined />} loading={busy} disabled={trainees.length === 0}>
              {t('evaluation.publish')}
            </Button>
          </Popconfirm>
        )}
        <Button icon={<DownloadOutlined />} href={exportUrl(programId)}>
          {t('evaluation.export')}
        </Button>
        <Typography.Text type="secondary">
          {data?.publishedAt ? t('evaluation.lastPublished', { at: data.publishedAt.slice(0, 16).replace('T', ' ') }) : t('evaluation.notPublished')}
        </Typography.Text>
      </Space>

      <Card size="small" title={t('evaluation.trainees')}>
        <Table<TraineeScorecard>
          rowKey="cadreId"
          size="small"
          loading={loading}
          dataSource={trainees}
          pagination={trainees.length > 15 ? { pageSize: 15, size: 'small', showSizeChanger: false } : false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={t('evaluation.empty')} /> }}
          onRow={(r) => ({
            onClick: () => setSelected(r.cadreId),
            style: { cursor: 'pointer', background: r.cadreId === chosen?.cadreId ? '#f0f5ff' : undefined },
          })}
          columns={[
            { title: t('evaluation.name'), dataIndex: 'name', fixed: 'left', width: 90 },
            { title: t('evaluation.org'), dataIndex: 'orgName', ellipsis: true, width: 140 },
            { title: t('evaluation.topic'), dataIndex: 'topicTitle', ellipsis: true, width: 160, render: (v: string | null) => v ?? '—' },
            ...EVALUATION_COMPONENTS.map((c) => ({
              title: `${names[c]} ${weights[c]}%`,
              key: c,
              width: 92,
              align: 'right' as const,
              render: (_: unknown, r: TraineeScorecard) => cell(r.components[c]),
            })),
            {
              title: t('evaluation.score'),
              dataIndex: 'score',
              width: 90,
              align: 'right',
              sorter: (a, b) => (a.score ?? -1) - (b.score ?? -1),
              render: (v: number | null) => <strong>{v === null ? '—' : v.toFixed(2)}</strong>,
            },
            { title: t('evaluation.grade'), dataIndex: 'grade', width: 80, render: (g: ReviewResult | null) => grade(g) },
            {
              title: t('evaluation.published'),
              key: 'published',
              width: 110,
              render: (_, r) => (r.published ? `${r.published.score.toFixed(2)} ${label('reviewResult', r.published.grade)}` : '—'),
            },
          ]}
        />
      </Card>
      <Row gutter={12}>
        <Col xs={24} xl={8}>
          <Card size="small" title={chosen ? `${t('evaluation.chart')} · ${chosen.name}` : t('evaluation.chart')}>
            {chosen ? (
              <>
                <EChart option={radarOption(chosen, names)} height={260} ariaLabel={t('evaluation.chart')} />
                <Typography.Text type="secondary">{t('evaluation.chartHint')}</Typography.Text>
              </>
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('evaluation.topics')}>
            <Table<TopicScorecard>
              rowKey="topicId"
              size="small"
              dataSource={data?.topics ?? []}
              pagination={(data?.topics.length ?? 0) > 10 ? { pageSize: 10, size: 'small' } : false}
              columns={[
                { title: t('evaluation.topic'), dataIndex: 'title' },
                { title: t('evaluation.members'), dataIndex: 'memberCount', width: 90, align: 'right' },
                {
                  title: t('evaluation.averageScore'),
                  dataIndex: 'averageScore',
                  width: 110,
                  align: 'right',
                  render: (v: number | null) => (v === null ? '—' : v.toFixed(2)),
                },
                { title: t('evaluation.defence'), dataIndex: 'defence', width: 90, align: 'right', render: (v: number | null) => cell(v) },
                {
                  title: t('evaluation.landingRate'),
                  dataIndex: 'landingRate',
                  width: 90,
                  align: 'right',
                  render: (v: number | null) => (v === null ? cell(v) : `${fmt(v)}%`),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
