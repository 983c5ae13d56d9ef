// 师资与教学点: the instructor and venue registries of the caller's subtree (used by classes and the timetable).
import { useState } from 'react';
import { Alert, Button, Card, Input, Popconfirm, Space, Table, Tabs, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { INSTRUCTOR_ROLE_LABELS } from '@duibiao/contracts';
import type { Instructor, Venue } from '@duibiao/contracts';
import { useLang, useT } from '../../i18n/index.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useQueryParams } from '../../hooks/useQueryParams.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCan } from '../auth/session.ts';
import { deleteInstructor, deleteVenue, listInstructors, listVenues } from './api.ts';
import { InstructorFormModal, VenueFormModal } from './RegistryFormModals.tsx';
import { useAction } from '../../hooks/useAction.ts';

function InstructorsPanel({ canWrite }: { canWrite: boolean }) {
  const t = useT();
  const { lang } = useLang();
  const act = useAction();
  const [q, setQ] = useState('');
  const [target, setTarget] = useState<Instructor | 'new' | null>(null);
  const { data, error, loading, reload } = useRequest((signal) => listInstructors({ q }, signal), q);
  const columns: TableColumnsType<Instructor> = [
    { title: t('registry.instructorName'), dataIndex: 'name', width: 110, fixed: 'left' },
    { title: t('registry.title_'), dataIndex: 'title', width: 140, render: (v: string | null) => v ?? '—' },
    { title: t('registry.unit'), dataIndex: 'unit', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: t('registry.role'), dataIndex: 'role', width: 110, render: (r: Instructor['role']) => INSTRUCTOR_ROLE_LABELS[r][lang] },
    {
      title: t('registry.source'),
      dataIndex: 'external',
      width: 80,
      render: (e: boolean) => (e ? <Tag color="orange">{t('registry.external')}</Tag> : <Tag>{t('registry.internal')}</Tag>),
    },
    { title: t('registry.org'), key: 'org', width: 130, render: (_, i) => i.org.name, ellipsis: true },
  ];
  if (canWrite)
    columns.push(
      actionsColumn(
        t,
        (i) => setTarget(i),
        (i) => act(() => deleteInstructor(i.id), t('common.deleted')).then(reload),
      ),
    );
  return (
    <>
      <Toolbar onSearch={setQ} addLabel={t('registry.addInstructor')} onAdd={canWrite ? () => setTarget('new') : undefined} />
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Table<Instructor>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data}
        loading={loading}
        scroll={{ x: 800 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
      />
      <InstructorFormModal
        target={target}
        onClose={() => setTarget(null)}
        onSaved={() => {
          setTarget(null);
          reload();
        }}
      />
    </>
  );
}

function VenuesPanel({ canWrite }: { canWrite: boolean }) {
  const t = useT();
  const act = useAction();
  const [q, setQ] = useState('');
  const [target, setTarget] = useState<Venue | 'new' | null>(null);
  const { data, error, loading, reload } = useRequest((signal) => listVenues({ q }, signal), q);
  const columns: TableColumnsType<Venue> = [
    { title: t('registry.venueName'), dataIndex: 'name', width: 200, fixed: 'left' },
    { title: t('registry.address'), dataIndex: 'address', ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: t('registry.coords'),
      key: 'coords',
      width: 170,
      render: (_, v) => (v.lat === null || v.lng === null ? '—' : `${v.lat.toFixed(5)}, ${v.lng.toFixed(5)}`),
    },
    { title: t('registry.offsite'), dataIndex: 'offsite', width: 70, render: (o: boolean) => (o ? <Tag color="purple">{t('registry.offsite')}</Tag> : '—') },
    { title: t('registry.org'), key: 'org', width: 130, render: (_, v) => v.org.name, ellipsis: true },
  ];
  if (canWrite)
    columns.push(
      actionsColumn(
        t,
        (v) => setTarget(v),
        (v) => act(() => deleteVenue(v.id), t('common.deleted')).then(reload),
      ),
    );
  return (
    <>
      <Toolbar onSearch={setQ} addLabel={t('registry.addVenue')} onAdd={canWrite ? () => setTarget('new') : undefined} />
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Table<Venue>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data}
        loading={loading}
        scroll={{ x: 800 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
      />
      <VenueFormModal
        target={target}
        onClose={() => setTarget(null)}
        onSaved={() => {
          setTarget(null);
          reload();
        }}
      />
    </>
  );
}

function Toolbar({ onSearch, addLabel, onAdd }: { onSearch: (q: string) => void; addLabel: string; onAdd?: () => void }) {
  const t = useT();
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between', marginBottom: 16 }}>
      <Input.Search allowClear placeholder={t('registry.searchName')} onSearch={onSearch} style={{ width: 240 }} />
      {onAdd && (
        <Button type="primary" icon={<PlusOutlined />} onClick={onAdd}>
          {addLabel}
        </Button>
      )}
    </div>
  );
}

function actionsColumn<T extends { name: string }>(t: ReturnType<typeof useT>, onEdit: (row: T) => void, onDelete: (row: T) => Promise<unknown>) {
  return {
    title: t('common.actions'),
    key: 'actions',
    width: 120,
    fixed: 'right' as const,
    render: (_: unknown, row: T) => (
      <Space size={0}>
        <Button type="link" size="small" onClick={() => onEdit(row)}>
          {t('common.edit')}
        </Button>
        <Popconfirm title={t('registry.deleteConfirm', { name: row.name })} okButtonProps={{ danger: true }} onConfirm={() => void onDelete(row)}>
          <Button type="link" size="small" danger>
            {t('common.delete')}
          </Button>
        </Popconfirm>
      </Space>
    ),
  };
}

export default function RegistryPage() {
  const t = useT();
  const can = useCan();
  const { params, update } = useQueryParams();
  const canWrite = can('program:write');
  return (
    <>
      <Link to="/programs" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('programs.backToList')}
      </Link>
      <PageHeader title={t('registry.title')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={params.get('tab') ?? 'instructors'}
          onChange={(tab) => update({ tab })}
          items={[
            { key: 'instructors', label: t('registry.instructors'), children: <InstructorsPanel canWrite={canWrite} /> },
            { key: 'venues', label: t('registry.venues'), children: <VenuesPanel canWrite={canWrite} /> },
          ]}
        />
      </Card>
    </>
  );
}
