// 学员: the roster with class, group and roles; add from the cadre registry, import with a dry run, export.
import { useState } from 'react';
import { Alert, App, Button, Input, Popconfirm, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined, WarningOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { Enrolment } from '@duibiao/contracts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useCan } from '../auth/session.ts';
import { enrolmentExportUrl, listClasses, listEnrolments, removeEnrolment } from './api.ts';
import { AddTraineesModal } from './AddTraineesModal.tsx';
import { EnrolmentEditModal } from './EnrolmentEditModal.tsx';
import { EnrolmentImportModal } from './EnrolmentImportModal.tsx';
import { useAction } from '../../hooks/useAction.ts';

const ROLE_COLORS = { monitor: 'red', group_leader: 'gold', party_contact: 'magenta' } as const;

export default function EnrolmentsTab({ programId }: { programId: number }) {
  const t = useT();
  const label = useLabel();
  const can = useCan();
  const act = useAction();
  const { message } = App.useApp();
  const canWrite = can('program:write');
  const [filter, setFilter] = useState<{ classId?: number; groupId?: number; q?: string }>({});
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<Enrolment | null>(null);
  const classes = useRequest((signal) => listClasses(programId, signal), programId);
  const query = { ...filter, ...page };
  const { data, error, loading, reload } = useRequest((signal) => listEnrolments(programId, query, signal), `${programId}:${JSON.stringify(query)}`);
  const refresh = () => {
    reload();
    classes.reload();
  };
  const groups = classes.data?.find((c) => c.id === filter.classId)?.groups ?? [];

  const columns: TableColumnsType<Enrolment> = [
    {
      title: t('enrolments.name'),
      key: 'name',
      width: 120,
      fixed: 'left',
      render: (_, e) => (
        <Space size={4}>
          <Link to={`/cadres/${e.cadre.id}`}>{e.cadre.name}</Link>
          {e.withdrawalFlaggedAt && (
            <Tooltip title={t('enrolments.withdrawalFlag')}>
              <WarningOutlined style={{ color: '#cf1322' }} aria-label={t('enrolments.withdrawalFlag')} />
            </Tooltip>
          )}
        </Space>
      ),
    },
    { title: t('enrolments.unit'), key: 'unit', render: (_, e) => e.cadre.orgName, ellipsis: true },
    { title: t('enrolments.position'), key: 'position', width: 140, render: (_, e) => e.cadre.position ?? '—', ellipsis: true },
    {
      title: t('enrolments.class'),
      dataIndex: 'className',
      width: 200,
      ellipsis: true,
      render: (v: string | null) => v ?? <Tag>{t('enrolments.unplaced')}</Tag>,
    },
    { title: t('enrolments.group'), dataIndex: 'groupName', width: 100, render: (v: string | null) => v ?? '—' },
    {
      title: t('enrolments.roles'),
      dataIndex: 'roles',
      width: 200,
      render: (roles: Enrolment['roles']) =>
        roles.map((r) => (
          <Tag key={r} color={ROLE_COLORS[r]}>
            {label('classRole', r)}
          </Tag>
        )),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_, e) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(e)}>
            {t('enrolments.edit')}
          </Button>
          <Popconfirm
            title={t('enrolments.removeConfirm', { name: e.cadre.name })}
            okButtonProps={{ danger: true }}
            onConfirm={() => void act(() => removeEnrolment(programId, e.id), t('common.deleted')).then(refresh)}
          >
            <Button type="link" size="small" danger>
              {t('enrolments.remove')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between', marginBottom: 16 }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('enrolments.searchPlaceholder')}
            onSearch={(q) => setFilter((f) => ({ ...f, q: q || undefined }))}
            style={{ width: 220 }}
          />
          <Select
            allowClear
            placeholder={t('enrolments.allClasses')}
            value={filter.classId}
            options={classes.data?.map((c) => ({ value: c.id, label: c.name }))}
            onChange={(classId?: number) => {
              setFilter((f) => ({ ...f, classId, groupId: undefined }));
              setPage((p) => ({ ...p, page: 1 }));
            }}
            style={{ width: 140 }}
            aria-label={t('enrolments.class')}
          />
          <Select
            allowClear
            disabled={!filter.classId}
            placeholder={t('enrolments.allGroups')}
            value={filter.groupId}
            options={groups.map((g) => ({ value: g.id, label: g.name }))}
            onChange={(groupId?: number) => {
              setFilter((f) => ({ ...f, groupId }));
              setPage((p) => ({ ...p, page: 1 }));
            }}
            style={{ width: 130 }}
            aria-label={t('enrolments.group')}
          />
        </Space>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={enrolmentExportUrl(programId, filter)}>
            {t('enrolments.export')}
          </Button>
          {canWrite && (
            <>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('enrolments.import')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('enrolments.add')}
              </Button>
            </>
          )}
        </Space>
      </div>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Table<Enrolment>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={loading}
        scroll={{ x: 1000 }}
        onChange={(p) => setPage({ page: p.current ?? 1, pageSize: p.pageSize ?? 50 })}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [50, 100, 200],
          showTotal: (total) => t('common.total', { total }),
        }}
      />
      <AddTraineesModal
        programId={programId}
        open={adding}
        classes={classes.data ?? []}
        onClose={() => setAdding(false)}
        onAdded={(n) => {
          setAdding(false);
          void message.success(t('enrolments.added', { n }));
          refresh();
        }}
      />
      <EnrolmentEditModal
        programId={programId}
        enrolment={editing}
        classes={classes.data ?? []}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void message.success(t('common.saved'));
          refresh();
        }}
      />
      <EnrolmentImportModal
        programId={programId}
        open={importing}
        onClose={() => setImporting(false)}
        onImported={(n) => {
          setImporting(false);
          void message.success(t('enrolments.imported', { n }));
          refresh();
        }}
      />
    </>
  );
}
