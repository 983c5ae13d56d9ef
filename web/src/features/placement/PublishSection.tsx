// 发布: the program's placements — drafts from the applied run can be moved to another post by hand (the server refuses
// banned or full posts and reports the blocking pairs after the move), then 发布安置 notifies trainees and hosts.
import { App, Alert, Button, Popconfirm, Popover, Select, Table, Tag, Typography } from 'antd';
import type { Placement, PlacementStatus } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { listPlacements, listPosts, overridePlacement, publishPlacements } from './api.ts';

const STATUS_COLORS: Record<PlacementStatus, string> = { draft: 'gold', published: 'green', reported: 'blue', completed: 'purple' };

export function PublishSection({ programId, canWrite }: { programId: number; canWrite: boolean }) {
  const t = useT();
  const label = useLabel();
  const { message, modal } = App.useApp();
  const placements = useRequest((signal) => listPlacements(programId, signal), programId);
  const posts = useRequest((signal) => listPosts(programId, signal), programId, canWrite);
  const rows = placements.data ?? [];
  const drafts = rows.filter((p) => p.status === 'draft').length;

  const move = async (p: Placement, postId: number) => {
    try {
      const result = await overridePlacement(p.id, postId);
      void message.success(t('placement.publish.moved', { n: result.blockingPairs }));
      placements.reload();
    } catch (e) {
      void modal.error({ title: t('placement.publish.move'), content: e instanceof Error ? e.message : String(e) });
    }
  };
  const publish = async () => {
    try {
      const result = await publishPlacements(programId);
      void message.success(result.published === 0 ? t('placement.publish.nothing') : t('placement.publish.done', { n: result.published, m: result.notified }));
      placements.reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 12, flexWrap: 'wrap', gap: 8 }}>
        <Typography.Text type="secondary">{t('placement.publish.count', { n: rows.length, d: drafts })}</Typography.Text>
        {canWrite && (
          <Popconfirm title={t('placement.publish.confirm', { n: drafts })} onConfirm={() => void publish()} disabled={drafts === 0}>
            <Button type="primary" disabled={drafts === 0}>
              {t('placement.publish.publish')}
            </Button>
          </Popconfirm>
        )}
      </div>
      {placements.error && <Alert type="error" showIcon title={placements.error.message} style={{ marginBottom: 12 }} />}
      <Table<Placement>
        rowKey="id"
        size="small"
        loading={placements.loading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('placement.publish.empty') }}
        columns={[
          { title: t('placement.prefs.cadre'), key: 'cadre', width: 100, render: (_: unknown, p) => p.cadre.name },
          { title: t('placement.units.org'), key: 'org', width: 150, render: (_: unknown, p) => p.cadre.orgName },
          { title: t('placement.publish.unit'), key: 'unit', render: (_: unknown, p) => p.hostUnit.name },
          {
            title: t('placement.publish.post'),
            key: 'post',
            render: (_: unknown, p) =>
              canWrite && p.status === 'draft' ? (
                <Select
                  size="small"
                  style={{ minWidth: 200 }}
                  aria-label={t('placement.publish.move')}
                  value={p.post.id}
                  onChange={(postId: number) => void move(p, postId)}
                  options={(posts.data ?? []).map((post) => ({ value: post.id, label: `${post.hostUnit.name}·${post.title}` }))}
                />
              ) : (
                p.post.title
              ),
          },
          {
            title: t('placement.solve.choice'),
            dataIndex: 'choice',
            width: 90,
            render: (c: number | null, p) => (
              <Popover content={<div style={{ maxWidth: 320 }}>{p.explanation}</div>}>
                <span>{c === null ? '—' : t('placement.solve.choiceN', { n: c })}</span>
              </Popover>
            ),
          },
          {
            title: t('placement.publish.dates'),
            key: 'dates',
            width: 120,
            render: (_: unknown, p) => (
              <span style={{ fontSize: 12 }}>
                {p.startDate ?? ''}
                <br />~ {p.endDate ?? ''}
              </span>
            ),
          },
          {
            title: t('placement.publish.status'),
            dataIndex: 'status',
            width: 110,
            render: (s: PlacementStatus) => <Tag color={STATUS_COLORS[s]}>{label('placementStatus', s)}</Tag>,
          },
        ]}
      />
    </>
  );
}
