// Bids on one topic (投标情况): bidder, unit, the rank the topic had in their list, proposal, result; managers pick
// winners by hand, which forms the task force.
import { useState } from 'react';
import { App, Button, Drawer, Empty, Table, Tag } from 'antd';
import type { Topic } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { getTopicBids, pickWinners } from './api.ts';

const BID_COLORS = { active: 'processing', won: 'success', lost: 'default', withdrawn: 'default' } as const;

export function BidsDrawer({ topic, canWrite, onClose, onChanged }: { topic: Topic | null; canWrite: boolean; onClose: () => void; onChanged: () => void }) {
  const t = useT();
  const label = useLabel();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const bids = useRequest((signal) => getTopicBids(topic!.id, signal), topic?.id ?? 0, topic !== null);
  const pickable = canWrite && (topic?.status === 'bidding' || topic?.status === 'assigned');

  const pick = async () => {
    setBusy(true);
    try {
      const members = await pickWinners(topic!.id, { cadreIds: selected });
      void message.success(t('topics.bids.picked', { n: members.filter((m) => m.role !== 'liaison').length }));
      setSelected([]);
      bids.reload();
      onChanged();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      title={topic ? t('topics.bids.title', { title: topic.title }) : ''}
      open={topic !== null}
      onClose={onClose}
      size={720}
      extra={
        pickable && (
          <Button type="primary" disabled={selected.length === 0} loading={busy} onClick={() => void pick()}>
            {t('topics.bids.pick')}（{selected.length}）
          </Button>
        )
      }
    >
      <Table
        size="small"
        rowKey="cadreId"
        loading={bids.loading}
        pagination={false}
        dataSource={bids.data ?? []}
        locale={{ emptyText: <Empty description={t('topics.bids.empty')} /> }}
        rowSelection={pickable ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) } : undefined}
        columns={[
          { title: t('topics.bids.cadre'), dataIndex: 'cadreName', width: 90 },
          { title: t('topics.bids.unit'), dataIndex: 'orgName', width: 150 },
          { title: t('topics.bids.rank'), dataIndex: 'rank', width: 80, render: (n: number) => t('topics.solve.choiceN', { n }) },
          { title: t('topics.bids.proposal'), dataIndex: 'proposal', render: (p: string | null) => p ?? '—' },
          {
            title: t('topics.bids.status'),
            dataIndex: 'status',
            width: 80,
            render: (s: keyof typeof BID_COLORS) => <Tag color={BID_COLORS[s]}>{label('bidStatus', s)}</Tag>,
          },
        ]}
      />
    </Drawer>
  );
}
