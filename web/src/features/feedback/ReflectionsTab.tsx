// Program detail tab: the trainees' reflections (signed), one opened with its action items; managers move items
// along and take a reflection into the good-practice library.
import { useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Grid, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ACTION_ITEM_STATUSES } from '@duibiao/contracts';
import type { ActionItem, ActionItemStatus, Reflection } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useT } from '../../i18n/index.tsx';
import { useCan } from '../auth/session.ts';
import { getProgramReflections, setActionItemStatus } from './api.ts';
import { ActionStatusTag, STATUS_COLOR } from './ActionStatusTag.tsx';
import { PracticeFormDrawer, type PracticeDraft } from './PracticeFormDrawer.tsx';

function ReflectionDrawer({ reflection, onClose, onChanged }: { reflection: Reflection | null; onClose: () => void; onChanged: (r: Reflection) => void }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const isPhone = !(Grid.useBreakpoint().sm ?? true);
  const [draft, setDraft] = useState<PracticeDraft | null>(null);

  const changeStatus = async (item: ActionItem, status: ActionItemStatus) => {
    try {
      onChanged(await setActionItemStatus(item.id, status));
      void message.success(t('common.saved'));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const columns: TableColumnsType<ActionItem> = [
    { title: t('reflections.content'), dataIndex: 'content' },
    { title: t('reflections.owner'), dataIndex: 'owner', width: 100 },
    { title: t('reflections.deadline'), dataIndex: 'deadline', width: 110, render: (d: string | null) => d ?? '—' },
    {
      title: t('reflections.status'),
      dataIndex: 'status',
      width: 130,
      render: (status: ActionItemStatus, item) =>
        can('program:write') ? (
          <Select
            size="small"
            value={status}
            style={{ width: 110 }}
            options={ACTION_ITEM_STATUSES.map((s) => ({ value: s, label: t(`feedback.actionStatus.${s}`) }))}
            onChange={(s: ActionItemStatus) => void changeStatus(item, s)}
          />
        ) : (
          <ActionStatusTag status={status} />
        ),
    },
  ];

  return (
    <Drawer
      open={reflection !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 720}
      title={reflection?.title}
      extra={
        reflection &&
        can('practice:write') &&
        (reflection.practiceIds.length > 0 ? (
          <Tag color="green">{t('reflections.inLibrary')}</Tag>
        ) : (
          <Button
            type="primary"
            onClick={() =>
              setDraft({ title: reflection.title, summary: reflection.learned.slice(0, 2000), body: reflection.body ?? undefined, reflectionId: reflection.id })
            }
          >
            {t('reflections.toPractice')}
          </Button>
        ))
      }
    >
      {reflection && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" column={isPhone ? 1 : 3}>
            <Descriptions.Item label={t('reflections.trainee')}>{reflection.cadre.name}</Descriptions.Item>
            <Descriptions.Item label={t('reflections.unit')}>{reflection.cadre.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('reflections.written')}>{reflection.createdAt.slice(0, 10)}</Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('reflections.learned')}</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{reflection.learned}</Typography.Paragraph>
            {reflection.body && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{reflection.body}</Typography.Paragraph>}
          </div>
          <div>
            <Typography.Title level={5}>{t('reflections.whatIWillDo')}</Typography.Title>
            <Table rowKey="id" size="small" pagination={false} columns={columns} dataSource={reflection.actionItems} scroll={{ x: 560 }} />
          </div>
        </Space>
      )}
      <PracticeFormDrawer
        open={draft !== null}
        practice={null}
        draft={draft}
        onClose={() => setDraft(null)}
        onSaved={(p) => {
          setDraft(null);
          if (reflection) onChanged({ ...reflection, practiceIds: [...reflection.practiceIds, p.id] });
        }}
      />
    </Drawer>
  );
}

export default function ReflectionsTab({ programId }: { programId: number }) {
  const t = useT();
  const [q, setQ] = useState('');
  const { data, error, loading } = useRequest((signal) => getProgramReflections(programId, q, signal), `${programId}#${q}`);
  const [openId, setOpenId] = useState<number | null>(null);
  const [changed, setChanged] = useState<Record<number, Reflection>>({});
  const rows = (data ?? []).map((r) => changed[r.id] ?? r);
  const open = rows.find((r) => r.id === openId) ?? null;

  const columns: TableColumnsType<Reflection> = [
    { title: t('reflections.trainee'), key: 'trainee', width: 110, render: (_, r) => r.cadre.name },
    { title: t('reflections.unit'), key: 'unit', width: 180, render: (_, r) => r.cadre.orgName },
    {
      title: t('reflections.title'),
      dataIndex: 'title',
      render: (title: string, r) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link onClick={() => setOpenId(r.id)}>{title}</Typography.Link>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 420, fontSize: 12 }}>
            {r.learned}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('reflections.actions'),
      key: 'actions',
      width: 200,
      render: (_, r) => (
        <Space wrap size={[4, 4]}>
          {ACTION_ITEM_STATUSES.map((s) => {
            const n = r.actionItems.filter((i) => i.status === s).length;
            return n > 0 ? (
              <Tag key={s} color={STATUS_COLOR[s]}>
                {t(`feedback.actionStatus.${s}`)} {n}
              </Tag>
            ) : null;
          })}
          {r.practiceIds.length > 0 && <Tag color="green">{t('reflections.inLibrary')}</Tag>}
        </Space>
      ),
    },
    { title: t('reflections.written'), dataIndex: 'createdAt', width: 110, render: (d: string) => d.slice(0, 10) },
  ];

  if (error) return <Alert type="error" showIcon title={error.message} />;
  return (
    <>
      <Input.Search
        allowClear
        enterButton
        placeholder={t('reflections.search')}
        style={{ maxWidth: 420, marginBottom: 12 }}
        onSearch={(value) => setQ(value.trim())}
      />
      <Table rowKey="id" size="small" loading={loading} columns={columns} dataSource={rows} locale={{ emptyText: t('reflections.none') }} scroll={{ x: 800 }} />
      <ReflectionDrawer reflection={open} onClose={() => setOpenId(null)} onChanged={(r) => setChanged((c) => ({ ...c, [r.id]: r }))} />
    </>
  );
}
