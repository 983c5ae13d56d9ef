// Roster table columns; sortable ones map to the server's sort fields.
import { Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { CadreSummary } from '@duibiao/contracts';
import type { TFunction } from '../../i18n/index.tsx';
import type { useLabel } from '../../i18n/index.tsx';
import type { CadreListState, CadreSort } from './filters.ts';

type Label = ReturnType<typeof useLabel>;
type SortOrder = 'ascend' | 'descend' | null;

/** Column key → server sort field; age sorts by birth date in the opposite direction. */
export const SORT_BY_COLUMN: Record<string, { field: CadreSort; invert: boolean }> = {
  name: { field: 'name', invert: false },
  age: { field: 'birthDate', invert: true },
  org: { field: 'org', invert: false },
  rank: { field: 'rank', invert: false },
};

function sortOrderOf(column: string, state: CadreListState): SortOrder {
  const spec = SORT_BY_COLUMN[column];
  if (!spec || spec.field !== state.sort) return null;
  const asc = (state.order === 'asc') !== spec.invert;
  return asc ? 'ascend' : 'descend';
}

export function cadreColumns(t: TFunction, label: Label, state: CadreListState): TableColumnsType<CadreSummary> {
  return [
    {
      title: t('cadres.name'),
      key: 'name',
      dataIndex: 'name',
      fixed: 'left',
      width: 150,
      sorter: true,
      sortOrder: sortOrderOf('name', state),
      // 基层 / 年轻 tags sit beside the name: they describe the person and save a column.
      render: (name: string, c) => (
        <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4, alignItems: 'center' }}>
          <Link to={`/cadres/${c.id}`} style={{ marginInlineEnd: 2 }}>
            {name}
          </Link>
          {c.isGrassroots && (
            <Tag color="green" style={{ marginInlineEnd: 0 }}>
              {t('common.grassroots')}
            </Tag>
          )}
          {c.isYoung && (
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>
              {t('common.youngShort')}
            </Tag>
          )}
        </span>
      ),
    },
    { title: t('cadres.gender'), key: 'gender', dataIndex: 'gender', width: 72, render: (g: CadreSummary['gender']) => label('gender', g) },
    {
      title: t('cadres.age'),
      key: 'age',
      dataIndex: 'age',
      width: 76,
      sorter: true,
      sortOrder: sortOrderOf('age', state),
      render: (a: number | null) => a ?? '—',
    },
    { title: t('cadres.unit'), key: 'org', width: 170, ellipsis: true, sorter: true, sortOrder: sortOrderOf('org', state), render: (_, c) => c.org.name },
    { title: t('cadres.position'), key: 'position', dataIndex: 'position', width: 160, ellipsis: true, render: (p: string | null) => p ?? '—' },
    {
      title: t('cadres.rank'),
      key: 'rank',
      dataIndex: 'rank',
      width: 170,
      sorter: true,
      sortOrder: sortOrderOf('rank', state),
      render: (r: CadreSummary['rank']) => label('rank', r),
    },
    { title: t('cadres.education'), key: 'education', dataIndex: 'education', width: 100, render: (e: CadreSummary['education']) => label('education', e) },
    {
      title: t('cadres.specialties'),
      key: 'specialties',
      dataIndex: 'specialties',
      width: 180,
      render: (list: string[]) =>
        list.length
          ? list.map((s) => (
              <Tag key={s} style={{ marginBottom: 2 }}>
                {s}
              </Tag>
            ))
          : '—',
    },
    {
      title: t('cadres.idNumber'),
      key: 'idNumber',
      dataIndex: 'idNumber',
      width: 180,
      render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span>,
    },
  ];
}
