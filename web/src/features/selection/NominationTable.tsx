// Nominations with the cadre summary, status and an action column; a row's name opens its approval history.
import { useState } from 'react';
import { Button, Drawer, Descriptions, Table, Tag, Timeline, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Nomination } from '@duibiao/contracts';
import { useLabel, useT } from '../../i18n/index.tsx';
import type { MessageKey } from '../../i18n/index.tsx';
import { NominationStatusTag } from './NominationStatusTag.tsx';

function HistoryDrawer({ nomination, onClose }: { nomination: Nomination | null; onClose: () => void }) {
  const t = useT();
  const label = useLabel();
  return (
    <Drawer open={nomination !== null} onClose={onClose} size={520} title={nomination ? `${nomination.cadre.name} · ${t('selection.history')}` : ''}>
      {nomination && (
        <>
          <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('selection.orgName')}>{nomination.cadre.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('selection.nominatingOrg')}>{nomination.nominatingOrg.name}</Descriptions.Item>
            <Descriptions.Item label={t('selection.status')}>
              <NominationStatusTag status={nomination.status} position={nomination.waitlistPosition} />
            </Descriptions.Item>
            <Descriptions.Item label={t('selection.statement')}>{nomination.statement ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Timeline
            items={nomination.events.map((e) => ({
              children: (
                <>
                  <Typography.Text strong>{t(`selection.event.${e.action}` as MessageKey)}</Typography.Text>
                  {' → '}
                  {label('nominationStatus', e.toStatus as Nomination['status'])}
                  <div>
                    <Typography.Text type="secondary">
                      {e.actorName ?? ''} · {e.at.slice(0, 16).replace('T', ' ')}
                    </Typography.Text>
                  </div>
                  {e.reason && <div>{e.reason}</div>}
                </>
              ),
            }))}
          />
        </>
      )}
    </Drawer>
  );
}

export function NominationTable({
  items,
  loading,
  actions,
  selection,
}: {
  items: Nomination[];
  loading: boolean;
  actions?: (n: Nomination) => React.ReactNode;
  selection?: { selected: number[]; onChange: (ids: number[]) => void };
}) {
  const t = useT();
  const label = useLabel();
  const [open, setOpen] = useState<Nomination | null>(null);
  const columns: TableColumnsType<Nomination> = [
    {
      title: t('selection.name'),
      key: 'name',
      render: (_, n) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(n)}>
          {n.cadre.name}
        </Button>
      ),
    },
    { title: t('selection.gender'), key: 'gender', width: 60, render: (_, n) => label('gender', n.cadre.gender) },
    { title: t('selection.age'), key: 'age', width: 60, render: (_, n) => n.cadre.age ?? '—' },
    { title: t('selection.orgName'), key: 'org', render: (_, n) => n.cadre.orgName },
    { title: t('selection.rank'), key: 'rank', render: (_, n) => label('rank', n.cadre.rank) },
    { title: t('selection.specialties'), key: 'sp', render: (_, n) => n.cadre.specialties.join('、') || '—' },
    {
      title: t('selection.grassroots'),
      key: 'gr',
      width: 60,
      render: (_, n) => (n.cadre.grassroots ? <Tag color="green">{t('selection.grassroots')}</Tag> : ''),
    },
    { title: t('selection.nominatingOrg'), key: 'by', render: (_, n) => n.nominatingOrg.name },
    { title: t('selection.status'), key: 'status', render: (_, n) => <NominationStatusTag status={n.status} position={n.waitlistPosition} /> },
    ...(actions ? [{ title: '', key: 'actions', render: (_: unknown, n: Nomination) => actions(n) }] : []),
  ];
  return (
    <>
      <Table<Nomination>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        {...(selection ? { rowSelection: { selectedRowKeys: selection.selected, onChange: (keys: React.Key[]) => selection.onChange(keys.map(Number)) } } : {})}
      />
      <HistoryDrawer nomination={open} onClose={() => setOpen(null)} />
    </>
  );
}
