// 求解: choose stable or rank-optimal and a lottery seed, solve, read the result, compare two runs side by side, and
// take one (采用此方案) as draft placements.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Radio, Space, Table, Tag, Typography } from 'antd';
import type { PlacementMode, PlacementRunDetail, PlacementRunSummary } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { applyRun, getRun, listRuns, solvePlacement } from './api.ts';
import { RunResultCard } from './RunResultCard.tsx';

function RunCompare({ a, b }: { a: PlacementRunDetail; b: PlacementRunDetail }) {
  const t = useT();
  const label = useLabel();
  const byCadre = new Map(b.outcomes.map((o) => [o.cadreId, o]));
  const differ = a.outcomes.filter((o) => (o.post?.id ?? null) !== (byCadre.get(o.cadreId)?.post?.id ?? null));
  const name = (r: PlacementRunDetail) => `#${r.id} ${label('placementMode', r.mode)}`;
  const rows = [
    { key: 'placed', label: t('placement.solve.placed'), a: a.stats.placed, b: b.stats.placed },
    { key: 'blocking', label: t('placement.solve.blocking'), a: a.stats.blockingPairs, b: b.stats.blockingPairs },
    { key: 'total', label: t('placement.solve.totalRank'), a: a.stats.totalRank, b: b.stats.totalRank },
    ...[0, 1, 2].map((i) => ({
      key: `h${i}`,
      label: t('placement.solve.choiceN', { n: i + 1 }),
      a: a.stats.rankHistogram[i] ?? 0,
      b: b.stats.rankHistogram[i] ?? 0,
    })),
  ];
  const where = (r: PlacementRunDetail, cadreId: number) => {
    const o = r.outcomes.find((x) => x.cadreId === cadreId);
    return o?.post ? `${o.post.hostUnitName}·${o.post.title}（${t('placement.solve.choiceN', { n: o.choice ?? 0 })}）` : t('placement.solve.notPlaced');
  };
  return (
    <Card size="small" title={t('placement.solve.compareTitle')} style={{ marginTop: 16 }}>
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '', dataIndex: 'label' },
          { title: name(a), dataIndex: 'a', align: 'right' },
          { title: name(b), dataIndex: 'b', align: 'right' },
        ]}
      />
      <Typography.Paragraph strong style={{ marginTop: 12 }}>
        {t('placement.solve.differ')}（{differ.length}）
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="cadreId"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={differ}
        columns={[
          { title: t('placement.prefs.cadre'), dataIndex: 'cadreName', width: 100 },
          { title: name(a), key: 'a', render: (_: unknown, o) => where(a, o.cadreId) },
          { title: name(b), key: 'b', render: (_: unknown, o) => where(b, o.cadreId) },
        ]}
      />
    </Card>
  );
}

export function SolveSection({ programId, canWrite, onApplied }: { programId: number; canWrite: boolean; onApplied: () => void }) {
  const t = useT();
  const label = useLabel();
  const { message } = App.useApp();
  const [mode, setMode] = useState<PlacementMode>('stable');
  const [seed, setSeed] = useState(1);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [shownId, setShownId] = useState<number | null>(null);
  const [compareIds, setCompareIds] = useState<number[]>([]);
  const runs = useRequest((signal) => listRuns(programId, signal), programId);
  const latest = runs.data?.[0]?.id ?? null;
  const showing = shownId ?? latest;
  const shown = useRequest((signal) => getRun(showing!, signal), showing ?? 0, showing !== null);
  const [first, second] = compareIds;
  const compareA = useRequest((signal) => getRun(first!, signal), first ?? 0, first !== undefined && second !== undefined);
  const compareB = useRequest((signal) => getRun(second!, signal), second ?? 0, first !== undefined && second !== undefined);

  const solve = async () => {
    setBusy(true);
    setError(null);
    try {
      const run = await solvePlacement(programId, { mode, seed });
      setShownId(run.id);
      runs.reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const apply = async (id: number) => {
    setBusy(true);
    try {
      const placements = await applyRun(id);
      void message.success(t('placement.solve.applied', { n: placements.filter((p) => p.status === 'draft').length }));
      onApplied();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {canWrite && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Form layout="vertical">
            <Form.Item label={t('placement.solve.mode')} extra={mode === 'stable' ? t('placement.solve.stableHelp') : t('placement.solve.optimalHelp')}>
              <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as PlacementMode)} optionType="button" buttonStyle="solid">
                <Radio.Button value="stable">{label('placementMode', 'stable')}</Radio.Button>
                <Radio.Button value="optimal">{label('placementMode', 'optimal')}</Radio.Button>
              </Radio.Group>
            </Form.Item>
            <Form.Item label={t('placement.solve.seed')} extra={t('placement.solve.seedHelp')}>
              <Space>
                <InputNumber min={0} max={2147483647} precision={0} value={seed} onChange={(v) => setSeed(v ?? 0)} />
                <Button type="primary" loading={busy} onClick={() => void solve()}>
                  {t('placement.solve.run')}
                </Button>
              </Space>
            </Form.Item>
          </Form>
          {error && <Alert type="error" showIcon title={error} />}
        </Card>
      )}
      {shown.data && (
        <RunResultCard
          run={shown.data}
          extra={
            canWrite && (
              <Button type="primary" loading={busy} onClick={() => void apply(shown.data!.id)}>
                {t('placement.solve.apply')}
              </Button>
            )
          }
        />
      )}
      <Card
        size="small"
        title={t('placement.solve.history')}
        style={{ marginTop: 16 }}
        extra={<Typography.Text type="secondary">{t('placement.solve.compareHint')}</Typography.Text>}
      >
        <Table<PlacementRunSummary>
          rowKey="id"
          size="small"
          loading={runs.loading}
          dataSource={runs.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('placement.solve.empty') }}
          rowSelection={{
            selectedRowKeys: compareIds,
            onChange: (keys) => setCompareIds((keys as number[]).slice(-2)),
            columnTitle: t('placement.solve.compare'),
          }}
          columns={[
            { title: '#', dataIndex: 'id', width: 60 },
            { title: t('placement.solve.mode'), dataIndex: 'mode', render: (m: PlacementMode) => label('placementMode', m) },
            { title: t('placement.solve.seed'), dataIndex: 'seed', width: 80 },
            { title: t('placement.solve.placed'), key: 'placed', render: (_: unknown, r) => `${r.stats.placed}/${r.stats.placed + r.stats.unplaced}` },
            { title: t('placement.solve.blocking'), key: 'bp', render: (_: unknown, r) => r.stats.blockingPairs },
            { title: t('placement.solve.totalRank'), key: 'tr', render: (_: unknown, r) => r.stats.totalRank },
            { title: '', key: 'pub', render: (_: unknown, r) => r.publishedAt && <Tag color="green">{t('placement.solve.published')}</Tag> },
            {
              title: '',
              key: 'view',
              width: 70,
              render: (_: unknown, r) => (
                <Button type="link" size="small" disabled={r.id === showing} onClick={() => setShownId(r.id)}>
                  {t('placement.solve.view')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {compareA.data && compareB.data && compareIds.length === 2 && <RunCompare a={compareA.data} b={compareB.data} />}
    </>
  );
}
