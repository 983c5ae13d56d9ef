// Tables for the dry run: planned changes (preview) and every problem found (row, column, message).
import { Table, Tag } from 'antd';
import { RANKS } from '@duibiao/contracts';
import type { ImportError, ImportJob, Rank } from '@duibiao/contracts';
import { useLabel, useT } from '../../i18n/index.tsx';

type PreviewRow = ImportJob['preview'][number];
const ACTION_COLORS = { create: 'green', update: 'blue', unchanged: 'default' } as const;

const isRank = (v: string): v is Rank => (RANKS as readonly string[]).includes(v);

export function PreviewTable({ rows }: { rows: PreviewRow[] }) {
  const t = useT();
  const label = useLabel();
  return (
    <Table<PreviewRow>
      rowKey="row"
      size="small"
      dataSource={rows}
      scroll={{ x: 800 }}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      columns={[
        { title: t('imports.row'), dataIndex: 'row', width: 70 },
        {
          title: t('imports.action'),
          dataIndex: 'action',
          width: 90,
          render: (a: PreviewRow['action']) => <Tag color={ACTION_COLORS[a]}>{t(`imports.action.${a}`)}</Tag>,
        },
        { title: t('cadres.name'), dataIndex: 'name', width: 100 },
        { title: t('cadres.idNumber'), dataIndex: 'idNumber', width: 190 },
        { title: t('cadres.unit'), dataIndex: 'unitName', ellipsis: true, render: (v: string) => v || '—' },
        { title: t('cadres.position'), dataIndex: 'position', ellipsis: true, render: (v: string | null) => v ?? '—' },
        { title: t('cadres.rank'), dataIndex: 'rank', width: 170, render: (v: string | null) => (v === null ? '—' : isRank(v) ? label('rank', v) : v) },
      ]}
    />
  );
}

export function ErrorsTable({ errors }: { errors: ImportError[] }) {
  const t = useT();
  return (
    <Table<ImportError>
      rowKey={(e, i) => `${e.row}-${e.column}-${i ?? 0}`}
      size="small"
      dataSource={errors}
      scroll={{ x: 560 }}
      pagination={{ pageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (total) => t('common.total', { total }) }}
      columns={[
        { title: t('imports.row'), dataIndex: 'row', width: 80, sorter: (a, b) => a.row - b.row },
        { title: t('imports.column'), dataIndex: 'column', width: 140 },
        { title: t('imports.problem'), dataIndex: 'message' },
      ]}
    />
  );
}
