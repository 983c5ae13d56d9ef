// 干部名册: URL-kept filters, server-side paging and sorting, import/export/new.
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Table } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { CadreSummary } from '@duibiao/contracts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useQueryParams } from '../../hooks/useQueryParams.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCan } from '../auth/session.ts';
import { cadreExportUrl, listCadres } from './api.ts';
import { filterQuery, listQuery, readCadreList } from './filters.ts';
import { CadreFilterBar } from './CadreFilterBar.tsx';
import { cadreColumns, SORT_BY_COLUMN } from './cadreColumns.tsx';
import { CadreFormDrawer } from './CadreFormDrawer.tsx';

export default function CadresPage() {
  const t = useT();
  const label = useLabel();
  const can = useCan();
  const navigate = useNavigate();
  const { params, update } = useQueryParams();
  const [creating, setCreating] = useState(false);
  const state = useMemo(() => readCadreList(params), [params]);
  const { data, error, loading } = useRequest((signal) => listCadres(listQuery(state), signal), params.toString());
  const columns = useMemo(() => cadreColumns(t, label, state), [t, label, state]);

  return (
    <>
      <PageHeader
        title={t('nav.cadres')}
        extra={
          <>
            {can('cadre:import') && (
              <Link to="/cadres/import">
                <Button icon={<UploadOutlined />}>{t('cadres.import')}</Button>
              </Link>
            )}
            <Button icon={<DownloadOutlined />} href={cadreExportUrl(filterQuery(state.filter))}>
              {t('cadres.export')}
            </Button>
            {can('cadre:write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('cadres.create')}
              </Button>
            )}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <CadreFilterBar value={state.filter} onChange={(f) => update(filterQuery(f))} />
      </Card>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<CadreSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items}
          loading={loading}
          scroll={{ x: 1260 }}
          onChange={(pagination, _filters, sorter, extra) => {
            if (extra.action === 'sort') {
              const s = Array.isArray(sorter) ? sorter[0] : sorter;
              const spec = s?.order ? SORT_BY_COLUMN[String(s.columnKey)] : undefined;
              if (!spec) return update({ sort: undefined, order: undefined });
              const asc = (s?.order === 'ascend') !== spec.invert;
              return update({ sort: spec.field, order: asc ? 'asc' : 'desc' });
            }
            update({ page: pagination.current, pageSize: pagination.pageSize });
          }}
          pagination={{
            current: state.page,
            pageSize: state.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => t('common.total', { total }),
          }}
        />
      </Card>
      <CadreFormDrawer
        open={creating}
        cadre={null}
        onClose={() => setCreating(false)}
        onSaved={(c) => {
          setCreating(false);
          void navigate(`/cadres/${c.id}`);
        }}
      />
    </>
  );
}
