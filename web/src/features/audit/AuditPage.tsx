// 审计日志: filters in the URL, paged table, expandable before/after, export of the filtered entries.
import { Alert, Button, Card, DatePicker, Input, Select, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, type AuditEntry } from '@duibiao/contracts';
import { useLang, useT } from '../../i18n/index.tsx';
import type { Query } from '../../api/client.ts';
import { useRequest } from '../../hooks/useRequest.ts';
import { readInt, readStr, useQueryParams } from '../../hooks/useQueryParams.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { auditExportUrl, listAudit } from './api.ts';
import { AuditDiff } from './AuditDiff.tsx';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Labels = Record<string, { zh: string; en: string }>;

export default function AuditPage() {
  const t = useT();
  const { lang } = useLang();
  const labelOf = (labels: Labels, code: string) => labels[code]?.[lang] ?? code;
  const { params, update } = useQueryParams();
  const filter: Query = {
    actor: readStr(params, 'actor'),
    action: readStr(params, 'action'),
    entityType: readStr(params, 'entityType'),
    entityId: readStr(params, 'entityId'),
    from: readStr(params, 'from'),
    to: readStr(params, 'to'),
  };
  const page = readInt(params, 'page') ?? 1;
  const pageSize = readInt(params, 'pageSize') ?? 20;
  const from = typeof filter.from === 'string' && ISO_DATE.test(filter.from) ? dayjs(filter.from) : null;
  const to = typeof filter.to === 'string' && ISO_DATE.test(filter.to) ? dayjs(filter.to) : null;
  // The URL keeps calendar dates; the API gets the whole local days as instants with offset.
  const apiFilter: Query = { ...filter, from: from?.startOf('day').format(), to: to?.endOf('day').format() };
  const { data, error, loading } = useRequest((signal) => listAudit({ ...apiFilter, page, pageSize }, signal), params.toString());

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
    {
      title: t('audit.actor'),
      key: 'actor',
      width: 200,
      render: (_, e) =>
        e.actor ? (
          <>
            <div>{e.actor.displayName}</div>
            <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{e.actor.username}</div>
          </>
        ) : (
          t('audit.system')
        ),
    },
    { title: t('audit.action'), dataIndex: 'action', width: 150, render: (a: string) => <Tag title={a}>{labelOf(AUDIT_ACTIONS, a)}</Tag> },
    {
      title: t('audit.entity'),
      key: 'entity',
      width: 140,
      render: (_, e) => `${labelOf(AUDIT_ENTITY_TYPES, e.entityType)}${e.entityId ? ` #${e.entityId}` : ''}`,
    },
    { title: t('audit.summary'), dataIndex: 'summary', ellipsis: true },
  ];

  // Text filters apply on Enter / search click; the date range at once.
  const choiceFilter = (key: 'action' | 'entityType', labels: Labels, width: number) => (
    <Select
      aria-label={t(`audit.${key}`)}
      placeholder={t(`audit.${key}`)}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={typeof filter[key] === 'string' ? filter[key] : undefined}
      options={Object.entries(labels).map(([value, l]) => ({ value, label: l[lang] }))}
      onChange={(v?: string) => update({ [key]: v })}
      style={{ width, maxWidth: '100%' }}
    />
  );

  const textFilter = (key: 'actor' | 'entityId', width: number) => (
    <Input.Search
      key={`${key}:${String(filter[key] ?? '')}`}
      aria-label={t(`audit.${key}`)}
      placeholder={t(`audit.${key}`)}
      allowClear
      defaultValue={typeof filter[key] === 'string' ? filter[key] : undefined}
      onSearch={(v) => update({ [key]: v.trim() })}
      style={{ width, maxWidth: '100%' }}
    />
  );

  return (
    <>
      <PageHeader
        title={t('nav.audit')}
        extra={
          <Button icon={<DownloadOutlined />} href={auditExportUrl(apiFilter)}>
            {t('audit.export')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <div className="db-filter-bar" role="search">
          {textFilter('actor', 180)}
          {choiceFilter('action', AUDIT_ACTIONS, 180)}
          {choiceFilter('entityType', AUDIT_ENTITY_TYPES, 140)}
          {textFilter('entityId', 140)}
          <DatePicker.RangePicker
            aria-label={t('audit.dateRange')}
            value={[from, to]}
            allowEmpty={[true, true]}
            onChange={(range) => update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          />
        </div>
      </Card>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items}
          loading={loading}
          scroll={{ x: 980 }}
          expandable={{ expandedRowRender: (e) => <AuditDiff entry={e} />, rowExpandable: (e) => e.before !== null || e.after !== null }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, s) => update({ page: p, pageSize: s }),
          }}
        />
      </Card>
    </>
  );
}
