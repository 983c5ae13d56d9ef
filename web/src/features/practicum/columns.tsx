// Table columns of a follow-up row (host list and organizer overview), and the compact card used on phones.
import { Card, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { PracticumRow } from '@duibiao/contracts';
import type { TFunction } from '../../i18n/index.tsx';
import { StatusTag } from './parts.tsx';

export function LogProgress({ row, t }: { row: PracticumRow; t: TFunction }) {
  return (
    <Space size={4} wrap>
      {t('practicum.logCountValue', { n: row.logsSubmitted, m: row.logsExpected })}
      {row.flagNoRecentLog ? (
        <Tag color="error">{t('practicum.flagNoLog')}</Tag>
      ) : (
        row.missingWeeks.length > 0 && <Tag color="warning">{t('practicum.missing', { n: row.missingWeeks.length })}</Tag>
      )}
    </Space>
  );
}

const doneTag = (done: boolean, t: TFunction, extra?: string) =>
  done ? <Tag color="green">{extra ?? t('practicum.done')}</Tag> : <Typography.Text type="secondary">{t('practicum.notDone')}</Typography.Text>;

export function rowColumns(
  t: TFunction,
  label: (g: 'reviewResult', c: string | null) => string,
  open: (row: PracticumRow) => void,
): TableColumnsType<PracticumRow> {
  return [
    {
      title: t('practicum.cadre'),
      key: 'cadre',
      fixed: 'left',
      width: 150,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <a onClick={() => open(r)}>{r.cadre.name}</a>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.cadre.homeUnit}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('practicum.hostUnit'), key: 'host', width: 200, render: (_, r) => `${r.hostUnitName} · ${r.postTitle}` },
    { title: t('practicum.period'), key: 'period', width: 190, render: (_, r) => `${r.startDate ?? '—'} ~ ${r.endDate ?? '—'}` },
    { title: t('practicum.status'), dataIndex: 'status', width: 110, render: (_, r) => <StatusTag status={r.status} /> },
    { title: t('practicum.checkinDone'), key: 'checkin', width: 90, render: (_, r) => doneTag(r.remoteCheckinDone, t) },
    { title: t('practicum.logCount'), key: 'logs', width: 170, render: (_, r) => <LogProgress row={r} t={t} /> },
    { title: t('practicum.lastLog'), dataIndex: 'lastLogWeek', width: 110, render: (v: string | null) => v ?? '—' },
    { title: t('practicum.comments'), key: 'comments', width: 90, render: (_, r) => `${r.commentsGiven}/${r.logsSubmitted}` },
    {
      title: t('practicum.midterm'),
      key: 'midterm',
      width: 100,
      render: (_, r) => doneTag(r.midterm.done, t, r.midterm.score === null ? undefined : String(r.midterm.score)),
    },
    {
      title: t('practicum.final'),
      key: 'final',
      width: 110,
      render: (_, r) => doneTag(r.final.done, t, r.final.result ? label('reviewResult', r.final.result) : undefined),
    },
  ];
}

/** A row as a tappable card for 360–430 px screens. */
export function RowCard({ row, t, onOpen }: { row: PracticumRow; t: TFunction; onOpen: () => void }) {
  return (
    <Card size="small" hoverable onClick={onOpen} title={row.cadre.name} extra={<StatusTag status={row.status} />}>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {row.cadre.homeUnit} · {row.postTitle}
        </Typography.Text>
        <span>
          {row.startDate ?? '—'} ~ {row.endDate ?? '—'}
        </span>
        <Space size={4} wrap>
          {t('practicum.logCount')} <LogProgress row={row} t={t} />
          {row.uncommentedLogs > 0 && (
            <Tag color="blue">
              {t('practicum.awaitingComment')} {row.uncommentedLogs}
            </Tag>
          )}
        </Space>
      </Space>
    </Card>
  );
}
