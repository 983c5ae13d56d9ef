// Program detail tab 学时: per trainee the credited hours, days, leave, absences and the 1/7 withdrawal flag.
import { Alert, App, Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ReloadOutlined, WarningFilled } from '@ant-design/icons';
import type { ProgramHoursRow } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useT } from '../../i18n/index.tsx';
import { useCan } from '../auth/session.ts';
import { getProgramHours, recomputeProgramHours } from './api.ts';
import { fmtHours } from './format.ts';

export default function ProgramHoursTab({ programId }: { programId: number }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useRequest((signal) => getProgramHours(programId, signal), programId);

  const recompute = async () => {
    try {
      await recomputeProgramHours(programId);
      void message.success(t('hours.program.recomputed'));
      reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  if (error) return <Alert type="error" showIcon title={error.message} />;
  const flagged = data?.items.filter((r) => r.mustWithdraw) ?? [];
  const p = data?.policy;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Text type="secondary">
          {p &&
            t('hours.program.policy', {
              source: p.source === 'default' ? t('hours.policy.sourceDefault') : (p.from?.name ?? ''),
              late: t(`hours.mode.${p.policy.late}`),
              grace: p.policy.lateGraceMinutes,
              leftEarly: t(`hours.mode.${p.policy.leftEarly}`),
              factor: p.policy.onlineFactor,
              round: p.policy.roundTo,
            })}
        </Typography.Text>
        {can('hours:write') && (
          <Button icon={<ReloadOutlined />} onClick={() => void recompute()}>
            {t('hours.program.recompute')}
          </Button>
        )}
      </div>
      {flagged.length > 0 && (
        <Alert type="error" showIcon title={t('hours.program.flagged', { n: flagged.length })} description={flagged.map((r) => r.name).join('、')} />
      )}
      <Table<ProgramHoursRow>
        rowKey="enrolmentId"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showSizeChanger: true }}
        scroll={{ x: 1100 }}
        summary={() => {
          // Over every trainee, not just the page shown.
          const all = data?.items ?? [];
          if (all.length === 0) return null;
          const mean = (pick: (r: ProgramHoursRow) => number) => fmtHours(all.reduce((sum, r) => sum + pick(r), 0) / all.length);
          return (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}>
                {t('hours.program.total', { n: all.length })}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {mean((r) => r.scheduledHours)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {mean((r) => r.creditedHours)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} colSpan={5} />
            </Table.Summary.Row>
          );
        }}
        columns={[
          { title: t('hours.col.name'), dataIndex: 'name', width: 100, fixed: 'left' },
          { title: t('hours.col.org'), dataIndex: 'org', ellipsis: true },
          { title: t('hours.program.class'), dataIndex: 'className', width: 200, ellipsis: true, render: (v: string | null) => v ?? '—' },
          { title: t('hours.program.scheduled'), dataIndex: 'scheduledHours', width: 90, align: 'right', render: fmtHours },
          { title: t('hours.program.credited'), dataIndex: 'creditedHours', width: 90, align: 'right', render: (v: number) => <strong>{fmtHours(v)}</strong> },
          { title: t('hours.col.online'), dataIndex: 'onlineHours', width: 80, align: 'right', render: fmtHours },
          { title: t('hours.col.days'), dataIndex: 'days', width: 60, align: 'right' },
          { title: t('hours.program.leave'), dataIndex: 'leaveHours', width: 90, align: 'right', render: fmtHours },
          {
            title: t('hours.program.absences'),
            dataIndex: 'absences',
            width: 80,
            align: 'right',
            render: (n: number) => (n > 0 ? <Tag color="orange">{n}</Tag> : 0),
          },
          {
            title: t('hours.program.flag'),
            key: 'flag',
            width: 140,
            render: (_, r) =>
              r.mustWithdraw ? (
                <Tooltip title={t('hours.program.flagHelp')}>
                  <Tag color="error" icon={<WarningFilled />}>
                    {t('hours.program.withdraw')}
                  </Tag>
                </Tooltip>
              ) : r.enrolmentStatus === 'withdrawn' ? (
                <Tag>{t('hours.program.withdrawn')}</Tag>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
        ]}
      />
    </Space>
  );
}
