// 培训档案 tab: this year's standing against each rule, yearly totals, programs attended and training taken elsewhere.
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, Popconfirm, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { HoursEntryView, TrainingFile, TrainingFileProgram } from '@duibiao/contracts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useCan } from '../auth/session.ts';
import { deleteEntry, evidenceUrl } from '../hours/api.ts';
import { EntryFormModal } from '../hours/EntryFormModal.tsx';
import { fmtHours } from '../hours/format.ts';
import { RuleProgress } from '../hours/RuleProgress.tsx';
import { getTrainingFile } from './api.ts';
import { GRADE_COLORS } from '../evaluation/grades.ts';

export function TrainingFileTab({ cadreId }: { cadreId: number }) {
  const t = useT();
  const label = useLabel();
  const can = useCan();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useRequest((signal) => getTrainingFile(cadreId, signal), cadreId);
  const [editing, setEditing] = useState<HoursEntryView | 'new' | null>(null);
  const writable = can('hours:write');

  if (loading && !data) return <Skeleton active />;
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!data) return null;

  const remove = async (id: number) => {
    try {
      await deleteEntry(id);
      void message.success(t('common.deleted'));
      reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('hours.file.compliance', { year: data.compliance.year })}>
            {data.compliance.results.length === 0 ? (
              <Empty description={t('hours.file.noRules')} />
            ) : (
              data.compliance.results.map((r) => <RuleProgress key={r.ruleId} rule={data.compliance.rules.find((x) => x.id === r.ruleId)} result={r} />)
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('hours.file.years', { total: fmtHours(data.totalHours) })}>
            <Table<TrainingFile['years'][number]>
              rowKey="year"
              size="small"
              pagination={false}
              dataSource={data.years}
              locale={{ emptyText: t('cadres.trainingEmpty') }}
              columns={[
                { title: t('hours.file.year'), dataIndex: 'year', width: 70 },
                { title: t('hours.file.hours'), dataIndex: 'hours', align: 'right', render: fmtHours },
                { title: t('hours.col.online'), dataIndex: 'onlineHours', align: 'right', render: fmtHours },
                { title: t('hours.col.days'), dataIndex: 'days', align: 'right' },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('hours.file.programs')}>
        <Table<TrainingFileProgram>
          rowKey="programId"
          size="small"
          pagination={false}
          dataSource={data.programs}
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('cadres.trainingEmpty') }}
          columns={[
            {
              title: t('cadres.program'),
              dataIndex: 'name',
              render: (name: string, p) => (can('program:read') ? <Link to={`/programs/${p.programId}`}>{name}</Link> : name),
            },
            { title: t('hours.file.type'), dataIndex: 'type', width: 110, render: (v: TrainingFileProgram['type']) => label('programType', v) },
            { title: t('hours.file.dates'), key: 'dates', width: 190, render: (_, p) => `${p.startDate} ~ ${p.endDate}` },
            { title: t('hours.program.class'), dataIndex: 'className', width: 170, ellipsis: true, render: (v: string | null) => v ?? '—' },
            { title: t('hours.file.hours'), dataIndex: 'hours', width: 70, align: 'right', render: fmtHours },
            { title: t('hours.col.days'), dataIndex: 'days', width: 60, align: 'right' },
            {
              title: t('hours.file.assessment'),
              dataIndex: 'assessment',
              width: 90,
              render: (a: TrainingFileProgram['assessment'], p) =>
                a ? (
                  <Tag color={a === 'fail' ? 'error' : a === 'excellent' ? 'gold' : 'success'} title={p.assessmentReason ?? undefined}>
                    {label('assessment', a)}
                  </Tag>
                ) : (
                  '—'
                ),
            },
            {
              // Published final evaluation (综合评价, issue 5).
              title: t('evaluation.trainingFile'),
              dataIndex: 'evaluation',
              width: 120,
              render: (ev: TrainingFileProgram['evaluation']) =>
                ev ? (
                  <Space size={4}>
                    <span>{ev.score.toFixed(1)}</span>
                    <Tag color={GRADE_COLORS[ev.grade]}>{label('reviewResult', ev.grade)}</Tag>
                  </Space>
                ) : (
                  '—'
                ),
            },
            { title: t('hours.program.absences'), dataIndex: 'absences', width: 70, align: 'right' },
            {
              title: t('hours.program.leave'),
              dataIndex: 'leaveHours',
              width: 110,
              align: 'right',
              render: (v: number, p) => (
                <Space size={4}>
                  {fmtHours(v)}
                  {p.withdrawalFlagged && <Tag color="error">{t('hours.program.withdraw')}</Tag>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('hours.file.manual')}
        extra={
          writable && (
            <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('hours.entry.add')}
            </Button>
          )
        }
      >
        <Table<HoursEntryView>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.manualEntries}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('hours.file.noManual') }}
          columns={[
            { title: t('hours.entry.date'), dataIndex: 'date', width: 110 },
            { title: t('hours.entry.title'), dataIndex: 'title' },
            { title: t('hours.entry.provider'), dataIndex: 'provider', render: (v: string | null) => v ?? '—' },
            {
              title: t('hours.entry.category'),
              dataIndex: 'category',
              width: 90,
              render: (c: string) => t(c === 'online' ? 'hours.category.online' : 'hours.category.offline'),
            },
            { title: t('hours.file.hours'), dataIndex: 'hours', width: 70, align: 'right', render: fmtHours },
            { title: t('hours.col.days'), dataIndex: 'days', width: 60, align: 'right' },
            {
              title: t('hours.entry.evidence'),
              dataIndex: 'evidenceName',
              width: 160,
              ellipsis: true,
              render: (name: string | null, e) =>
                name ? (
                  <a href={evidenceUrl(e.id)} download>
                    <DownloadOutlined /> {name}
                  </a>
                ) : (
                  <Typography.Text type="secondary">{t('hours.entry.noEvidence')}</Typography.Text>
                ),
            },
            ...(writable
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 130,
                    render: (_: unknown, e: HoursEntryView) => (
                      <Space>
                        <Button size="small" onClick={() => setEditing(e)}>
                          {t('common.edit')}
                        </Button>
                        <Popconfirm title={t('hours.entry.deleteConfirm')} onConfirm={() => void remove(e.id)} okButtonProps={{ danger: true }}>
                          <Button size="small" danger>
                            {t('common.delete')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <EntryFormModal
        open={editing !== null}
        cadreId={cadreId}
        entry={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void message.success(t('common.saved'));
          reload();
        }}
      />
    </Space>
  );
}
