// Per-class statistics of the plan on the board: size vs capacity, grassroots vs the class floor, specialty fit and
// same-unit pairs vs the best spread possible.
import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { FormationClass, FormationStats } from '@duibiao/contracts';
import { useT } from '../../i18n/index.tsx';

type Row = FormationStats['classes'][number];
const pct = (n: number, d: number) => (d === 0 ? '0%' : `${Math.round((n / d) * 1000) / 10}%`);

export function FormationStatsTable({ stats, classes }: { stats: FormationStats; classes: FormationClass[] }) {
  const t = useT();
  const name = new Map(classes.map((c) => [c.id, c.name]));
  const ok = (good: boolean) => <span style={{ color: good ? '#52c41a' : '#ff4d4f', marginInlineEnd: 4 }}>{good ? '✓' : '✗'}</span>;
  const columns: TableColumnsType<Row> = [
    { title: t('formation.class'), dataIndex: 'id', render: (id: string) => name.get(id) ?? id },
    {
      title: t('formation.size'),
      key: 'size',
      render: (_, r) => (
        <span>
          {ok(r.size <= r.capacity)}
          {r.size}/{r.capacity}
        </span>
      ),
    },
    {
      title: t('formation.grassroots'),
      key: 'grassroots',
      render: (_, r) => (
        <span>
          {ok(r.grassroots >= r.requiredGrassroots)}
          {t('formation.grassrootsValue', { n: r.grassroots, share: pct(r.grassroots, r.size), need: r.requiredGrassroots })}
        </span>
      ),
    },
    { title: t('formation.fit'), dataIndex: 'fit', align: 'right' },
    { title: t('formation.groups'), dataIndex: 'groups', align: 'right' },
    {
      title: t('formation.sameUnit'),
      key: 'pairs',
      render: (_, r) => (
        <span>
          {ok(r.sameUnitPairs <= r.sameUnitPairsLowerBound)}
          {t('formation.sameUnitValue', { n: r.sameUnitPairs, bound: r.sameUnitPairsLowerBound })}
        </span>
      ),
    },
  ];
  return (
    <>
      <Table<Row> rowKey="id" size="small" pagination={false} columns={columns} dataSource={stats.classes} scroll={{ x: 640 }} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('formation.fitTotal', { fit: stats.totalFit, bound: stats.fitUpperBound })}
      </Typography.Text>
    </>
  );
}
