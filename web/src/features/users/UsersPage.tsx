// 用户管理: filter by org/role/text, paged table, create/edit, reset password, unlock, (de)activate.
import { useState } from 'react';
import { Alert, App, Button, Card, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { ROLES } from '@duibiao/contracts';
import type { User } from '@duibiao/contracts';
import { useLabel, useLabelOptions, useT } from '../../i18n/index.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { readEnum, readInt, readStr, useQueryParams } from '../../hooks/useQueryParams.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { useCan, useMe } from '../auth/session.ts';
import { listUsers, unlockUser, updateUser } from './api.ts';
import { UserFormModal } from './UserFormModal.tsx';
import type { UserFormTarget } from './UserFormModal.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';

const isLocked = (u: User) => u.lockedUntil !== null && dayjs(u.lockedUntil).isAfter(dayjs());
const fmt = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

export default function UsersPage() {
  const t = useT();
  const label = useLabel();
  const options = useLabelOptions();
  const can = useCan();
  const me = useMe();
  const { message } = App.useApp();
  const { params, update } = useQueryParams();
  const [formTarget, setFormTarget] = useState<UserFormTarget | null>(null);
  const [resetFor, setResetFor] = useState<User | null>(null);

  const query = {
    orgId: readInt(params, 'orgId'),
    role: readEnum(params, 'role', ROLES),
    q: readStr(params, 'q'),
    page: readInt(params, 'page') ?? 1,
    pageSize: readInt(params, 'pageSize') ?? 20,
  };
  const { data, error, loading, reload } = useRequest((signal) => listUsers(query, signal), params.toString());
  const canWrite = can('user:write');

  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      void message.success(done);
      reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const columns: TableColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username', width: 140, fixed: 'left' },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 190 },
    { title: t('users.role'), dataIndex: 'role', width: 150, render: (r: User['role']) => label('role', r) },
    { title: t('users.org'), key: 'org', render: (_, u) => u.org.name, ellipsis: true },
    {
      title: t('users.status'),
      key: 'status',
      width: 110,
      render: (_, u) =>
        !u.isActive ? (
          <Tag>{t('users.inactive')}</Tag>
        ) : isLocked(u) ? (
          <Tooltip title={fmt(u.lockedUntil)}>
            <Tag color="red">{t('users.locked')}</Tag>
          </Tooltip>
        ) : (
          <Tag color="green">{t('users.activeTag')}</Tag>
        ),
    },
    { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', width: 150, render: fmt },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 280,
      render: (_, u) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setFormTarget({ mode: 'edit', user: u })}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => setResetFor(u)}>
            {t('users.resetPassword')}
          </Button>
          {isLocked(u) && (
            <Button type="link" size="small" onClick={() => void act(() => unlockUser(u.id), t('users.unlocked'))}>
              {t('users.unlock')}
            </Button>
          )}
          <Button
            type="link"
            size="small"
            danger={u.isActive}
            disabled={u.id === me.id}
            onClick={() => void act(() => updateUser(u.id, { isActive: !u.isActive }), t('common.saved'))}
          >
            {u.isActive ? t('users.deactivate') : t('users.activate')}
          </Button>
        </Space>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create', orgId: query.orgId ?? me.org.id })}>
              {t('users.create')}
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <div className="db-filter-bar" role="search">
          <OrgTreeSelect
            aria-label={t('filters.org')}
            placeholder={t('filters.org')}
            allowClear
            value={query.orgId}
            onChange={(v) => update({ orgId: v })}
            style={{ minWidth: 220 }}
          />
          <Select
            aria-label={t('users.role')}
            placeholder={t('users.role')}
            allowClear
            value={query.role}
            onChange={(v) => update({ role: v })}
            options={options('role')}
            style={{ minWidth: 160 }}
          />
          <Input.Search
            aria-label={t('common.search')}
            placeholder={t('users.searchPlaceholder')}
            allowClear
            defaultValue={query.q}
            key={query.q ?? ''}
            onSearch={(v) => update({ q: v.trim() })}
            style={{ width: 260, maxWidth: '100%' }}
          />
        </div>
      </Card>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<User>
          rowKey="id"
          columns={columns}
          dataSource={data?.items}
          loading={loading}
          scroll={{ x: 1000 }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => update({ page, pageSize }),
          }}
        />
      </Card>
      <UserFormModal
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onSaved={() => {
          setFormTarget(null);
          reload();
        }}
      />
      <ResetPasswordModal user={resetFor} onClose={() => setResetFor(null)} />
    </>
  );
}
