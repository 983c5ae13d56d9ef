// Program tab 研究课题: topics with status, key problem, owner, team and bids; create/edit, open bidding, bids per topic
// (manual pick), 智能分配 with the run's histogram and adoption, task-force editor, roster export.
import { useState } from 'react';
import { App, Button, DatePicker, Dropdown, Empty, Modal, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Topic, TopicStatus } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { useCan } from '../auth/session.ts';
import { deleteTopic, listProgramTopics, rosterUrl, setTopicStatus } from './api.ts';
import { BidsDrawer } from './BidsDrawer.tsx';
import { topicColumns } from './columns.tsx';
import { MembersDrawer } from './MembersDrawer.tsx';
import { SolveCard } from './SolveCard.tsx';
import { TopicFormDrawer } from './TopicFormDrawer.tsx';
import { OverdueMilestonesAlert } from '../milestones/OverdueMilestonesAlert.tsx';

export default function TopicsTab({ programId }: { programId: number }) {
  const t = useT();
  const label = useLabel();
  const { message } = App.useApp();
  const canWrite = useCan()('program:write');
  const topics = useRequest((signal) => listProgramTopics(programId, signal), programId);
  const [editing, setEditing] = useState<Topic | null | 'new'>(null);
  const [bidsOf, setBidsOf] = useState<Topic | null>(null);
  const [membersOf, setMembersOf] = useState<Topic | null>(null);
  const [opening, setOpening] = useState<Topic | null>(null);
  const [closesOn, setClosesOn] = useState<Dayjs | null>(dayjs().add(7, 'day'));

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      topics.reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const move = (topic: Topic, status: TopicStatus) => act(() => setTopicStatus(topic.id, status));

  const nextMoves = (r: Topic): { key: string; label: string; onClick: () => void }[] => {
    const items: { key: string; label: string; onClick: () => void }[] = [];
    if (r.status === 'draft') items.push({ key: 'bidding', label: t('topics.openBidding'), onClick: () => setOpening(r) });
    if (r.status === 'draft' && r.group) items.push({ key: 'claim', label: t('topics.claim'), onClick: () => void move(r, 'assigned') });
    if (r.status === 'assigned') items.push({ key: 'start', label: t('topics.start'), onClick: () => void move(r, 'in_progress') });
    if (r.status === 'in_progress') items.push({ key: 'done', label: t('topics.complete'), onClick: () => void move(r, 'completed') });
    if (r.status === 'draft')
      items.push({
        key: 'delete',
        label: t('topics.delete'),
        onClick: () => void Modal.confirm({ title: t('topics.deleteConfirm'), onOk: () => act(() => deleteTopic(r.id)) }),
      });
    return items;
  };

  return (
    <>
      <OverdueMilestonesAlert programId={programId} />
      <Space style={{ marginBottom: 12 }} wrap>
        {canWrite && (
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('topics.create')}
          </Button>
        )}
        <Button href={rosterUrl(programId, 'xlsx')}>{t('topics.exportXlsx')}</Button>
        <Button href={rosterUrl(programId, 'docx')}>{t('topics.exportDocx')}</Button>
      </Space>
      <Table<Topic>
        size="small"
        rowKey="id"
        loading={topics.loading}
        dataSource={topics.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('topics.empty')} /> }}
        scroll={{ x: 1000 }}
        columns={[
          ...topicColumns(t, label),
          {
            title: t('topics.bids'),
            key: 'bids',
            width: 70,
            render: (_: unknown, r) => (
              <Button size="small" type="link" onClick={() => setBidsOf(r)}>
                {r.bidCount}
              </Button>
            ),
          },
          { title: t('topics.closesOn'), dataIndex: 'biddingClosesOn', width: 100, render: (d: string | null) => d ?? '—' },
          {
            title: '',
            key: 'actions',
            width: 200,
            render: (_: unknown, r) => (
              <Space size={0}>
                <Button size="small" type="link" onClick={() => setMembersOf(r)}>
                  {t('topics.members.manage')}
                </Button>
                {canWrite && (
                  <Button size="small" type="link" onClick={() => setEditing(r)}>
                    {t('topics.edit')}
                  </Button>
                )}
                {canWrite && nextMoves(r).length > 0 && (
                  <Dropdown menu={{ items: nextMoves(r).map(({ key, label: l, onClick }) => ({ key, label: l, onClick })) }}>
                    <Button size="small" type="link">
                      {t('topics.status')} ▾
                    </Button>
                  </Dropdown>
                )}
              </Space>
            ),
          },
        ]}
      />
      <SolveCard programId={programId} canWrite={canWrite} onAdopted={topics.reload} />
      <TopicFormDrawer
        programId={programId}
        open={editing !== null}
        topic={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={topics.reload}
      />
      <BidsDrawer topic={bidsOf} canWrite={canWrite} onClose={() => setBidsOf(null)} onChanged={topics.reload} />
      <MembersDrawer topic={membersOf} canWrite={canWrite} onClose={() => setMembersOf(null)} onChanged={topics.reload} />
      <Modal
        title={t('topics.openBiddingTitle')}
        open={opening !== null}
        onCancel={() => setOpening(null)}
        onOk={() => void act(() => setTopicStatus(opening!.id, 'bidding', closesOn?.format('YYYY-MM-DD'))).then(() => setOpening(null))}
      >
        <DatePicker value={closesOn} onChange={setClosesOn} style={{ width: '100%' }} />
      </Modal>
    </>
  );
}
