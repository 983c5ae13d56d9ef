// /host-units — the host-unit registry (实训单位库): units registered in the caller's subtree plus those shared by a
// parent node; create and edit in a drawer, delete only while no program has posts there.
import { useState } from 'react';
import { Alert, App, Button, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { HostUnit } from '@duibiao/contracts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { deleteHostUnit, listHostUnits } from './api.ts';
import { HostUnitDrawer } from './HostUnitDrawer.tsx';

export default function HostUnitsPage() {
  const t = useT();
  const label = useLabel();
  const { message } = App.useApp();
  const units = useRequest((signal) => listHostUnits(signal), 'host-units');
  const [editing, setEditing] = useState<HostUnit | null>(null);
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');

  const remove = async (id: number) => {
    try {
      await deleteHostUnit(id);
      void message.success(t('common.deleted'));
      units.reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const needle = filter.trim();
  const rows = (units.data ?? []).filter((u) => !needle || [u.name, u.city, u.field].some((v) => v?.includes(needle)));

  return (
    <>
      <PageHeader
        title={t('placement.units.title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(null);
              setOpen(true);
            }}
          >
            {t('placement.units.create')}
          </Button>
        }
      />
      <Input.Search
        allowClear
        placeholder={t('placement.units.search')}
        style={{ maxWidth: 320, marginBottom: 16 }}
        onChange={(e) => setFilter(e.target.value)}
      />
      {units.error && <Alert type="error" showIcon title={units.error.message} style={{ marginBottom: 16 }} />}
      <Table<HostUnit>
        rowKey="id"
        size="middle"
        loading={units.loading}
        dataSource={rows}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('placement.units.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('placement.units.name'),
            dataIndex: 'name',
            render: (name: string, u) => (
              <Space size={4} wrap>
                {name}
                {!u.canEdit && <Tag>{t('placement.units.shared')}</Tag>}
              </Space>
            ),
          },
          { title: t('placement.units.kind'), dataIndex: 'kind', width: 100, render: (k: HostUnit['kind']) => label('hostUnitKind', k) },
          { title: t('placement.units.city'), dataIndex: 'city', width: 90, render: (v: string | null) => v ?? '—' },
          { title: t('placement.units.field'), dataIndex: 'field', width: 120, render: (v: string | null) => v ?? '—' },
          { title: t('placement.units.capacity'), dataIndex: 'capacity', width: 100, align: 'right' },
          {
            title: t('placement.units.contactName'),
            key: 'contact',
            width: 180,
            render: (_: unknown, u) => [u.contactName, u.contactPhone, u.contactUser ? `@${u.contactUser.name}` : null].filter(Boolean).join(' · ') || '—',
          },
          { title: t('placement.units.mentor'), dataIndex: 'mentorName', width: 100, render: (v: string | null) => v ?? '—' },
          { title: t('placement.units.posts'), dataIndex: 'postCount', width: 80, align: 'right' },
          { title: t('placement.units.org'), key: 'org', width: 140, render: (_: unknown, u) => u.org.name },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            fixed: 'right',
            render: (_: unknown, u) =>
              u.canEdit && (
                <Space size={0}>
                  <Button
                    type="text"
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={t('common.edit')}
                    onClick={() => {
                      setEditing(u);
                      setOpen(true);
                    }}
                  />
                  <Popconfirm title={t('placement.units.deleteConfirm')} onConfirm={() => void remove(u.id)}>
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} disabled={u.postCount > 0} />
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <HostUnitDrawer
        open={open}
        unit={editing}
        onClose={() => setOpen(false)}
        onSaved={() => {
          setOpen(false);
          units.reload();
        }}
      />
    </>
  );
}
