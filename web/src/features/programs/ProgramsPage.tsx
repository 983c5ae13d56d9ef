// 培训项目: filters kept in the URL (type, status, year, organizer, keyword), a table on desktop and cards on
// phones, and the create drawer.
import { useState } from 'react';
import { Alert, Button, Card, Grid, Input, InputNumber, List, Pagination, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { PROGRAM_STATUSES, PROGRAM_TYPES } from '@duibiao/contracts';
import type { ProgramSummary } from '@duibiao/contracts';
import { useLabel, useLabelOptions, useT } from '../../i18n/index.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { readEnum, readInt, readStr, useQueryParams } from '../../hooks/useQueryParams.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { useCan } from '../auth/session.ts';
import { listPrograms } from './api.ts';
import { ProgramFormDrawer } from './ProgramFormDrawer.tsx';
import { STATUS_COLORS, dateRange, dayCount } from './format.ts';

export default function ProgramsPage() {
  const t = useT();
  const label = useLabel();
  const options = useLabelOptions();
  const can = useCan();
  const navigate = useNavigate();
  const isPhone = !(Grid.useBreakpoint().md ?? true);
  const { params, update } = useQueryParams();
  const [creating, setCreating] = useState(false);
  const query = {
    type: readEnum(params, 'type', PROGRAM_TYPES),
    status: readEnum(params, 'status', PROGRAM_STATUSES),
    year: readInt(params, 'year'),
    orgId: readInt(params, 'orgId'),
    q: readStr(params, 'q'),
    page: readInt(params, 'page') ?? 1,
    pageSize: readInt(params, 'pageSize') ?? 20,
  };
  const { data, error, loading } = useRequest((signal) => listPrograms(query, signal), params.toString());

  const statusTag = (p: ProgramSummary) => <Tag color={STATUS_COLORS[p.status]}>{label('programStatus', p.status)}</Tag>;
  const columns: TableColumnsType<ProgramSummary> = [
    {
      title: t('programs.name'),
      key: 'name',
      render: (_, p) => (
        <div>
          <Link to={`/programs/${p.id}`}>{p.name}</Link>
          <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>
            {p.code}
            {p.partner ? ` · ${p.partner}` : ''}
          </div>
        </div>
      ),
    },
    { title: t('programs.type'), dataIndex: 'type', width: 120, render: (v: ProgramSummary['type']) => label('programType', v) },
    { title: t('programs.status'), key: 'status', width: 100, render: (_, p) => statusTag(p) },
    { title: t('programs.organizer'), key: 'org', width: 140, render: (_, p) => p.organizer.name, ellipsis: true },
    {
      title: t('programs.dates'),
      key: 'dates',
      width: 210,
      render: (_, p) => (
        <>
          {dateRange(p.startDate, p.endDate)}
          <Typography.Text type="secondary"> · {t('programs.days', { n: dayCount(p.startDate, p.endDate) })}</Typography.Text>
        </>
      ),
    },
    { title: t('programs.places'), key: 'places', width: 140, ellipsis: { showTitle: true }, render: (_, p) => p.places.join('、') || '—' },
    { title: t('programs.classCount'), dataIndex: 'classCount', width: 70, align: 'right' },
    { title: t('programs.traineeCount'), dataIndex: 'traineeCount', width: 70, align: 'right' },
  ];

  return (
    <>
      <PageHeader
        title={t('programs.title')}
        extra={
          <>
            <Link to="/programs/registry">
              <Button icon={<TeamOutlined />}>{t('programs.registry')}</Button>
            </Link>
            {can('program:write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('programs.create')}
              </Button>
            )}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap size={[8, 8]} style={{ width: '100%' }}>
          <Input.Search
            allowClear
            defaultValue={query.q}
            placeholder={t('programs.searchPlaceholder')}
            onSearch={(q) => update({ q })}
            style={{ width: isPhone ? '100%' : 260 }}
            aria-label={t('common.search')}
          />
          <Select
            allowClear
            placeholder={t('programs.allTypes')}
            value={query.type}
            options={options('programType')}
            onChange={(type) => update({ type })}
            style={{ width: 150 }}
            aria-label={t('programs.type')}
          />
          <Select
            allowClear
            placeholder={t('programs.allStatuses')}
            value={query.status}
            options={options('programStatus')}
            onChange={(status) => update({ status })}
            style={{ width: 130 }}
            aria-label={t('programs.status')}
          />
          <InputNumber
            placeholder={t('programs.year')}
            value={query.year}
            min={2000}
            max={2100}
            onChange={(year) => update({ year: year ?? undefined })}
            style={{ width: 110 }}
            aria-label={t('programs.year')}
          />
          <OrgTreeSelect
            allowClear
            placeholder={t('filters.orgPlaceholder')}
            value={query.orgId}
            onChange={(orgId) => update({ orgId })}
            style={{ width: isPhone ? '100%' : 220 }}
            aria-label={t('programs.organizer')}
          />
        </Space>
      </Card>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      {isPhone ? (
        <>
          <List<ProgramSummary>
            loading={loading}
            dataSource={data?.items}
            renderItem={(p) => (
              <Card size="small" style={{ marginBottom: 8 }} onClick={() => void navigate(`/programs/${p.id}`)} hoverable>
                <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                  <Typography.Text strong>{p.name}</Typography.Text>
                  {statusTag(p)}
                </div>
                <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13, marginTop: 4 }}>
                  {label('programType', p.type)} · {dateRange(p.startDate, p.endDate)}
                </div>
                <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
                  {p.organizer.name} · {t('programs.traineeCount')} {p.traineeCount}
                </div>
              </Card>
            )}
          />
          <Pagination
            simple
            current={query.page}
            pageSize={query.pageSize}
            total={data?.total ?? 0}
            onChange={(page) => update({ page })}
            style={{ textAlign: 'center', marginTop: 8 }}
          />
        </>
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <Table<ProgramSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data?.items}
            loading={loading}
            scroll={{ x: 1000 }}
            onChange={(pagination) => update({ page: pagination.current, pageSize: pagination.pageSize })}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              showTotal: (total) => t('common.total', { total }),
            }}
          />
        </Card>
      )}
      <ProgramFormDrawer
        open={creating}
        program={null}
        onClose={() => setCreating(false)}
        onSaved={(p) => {
          setCreating(false);
          void navigate(`/programs/${p.id}`);
        }}
      />
    </>
  );
}
