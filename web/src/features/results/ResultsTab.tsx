// Program detail tab 成果落地: landing statistics, the program's research reports (open one to read, edit, upload or
// return it) and its recommendations tracked to landing (drawer per recommendation), with reflection action items
// brought into the same tracker, due reminders and the landing ledger export.
import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Radio, Select, Space, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Report } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useT } from '../../i18n/index.tsx';
import { useCan } from '../auth/session.ts';
import {
  addProgramRecommendation,
  createReport,
  getLandingStats,
  importFromReflections,
  listProgramRecommendations,
  listProgramReports,
  programLedgerUrl,
  sendReminders,
} from './api.ts';
import { RecommendationDrawer } from './RecommendationDrawer.tsx';
import { RecommendationTable } from './RecommendationTable.tsx';
import { ReportDrawer } from './ReportDrawer.tsx';
import { RecommendationFormModal, ReportStatusTag, reportOwner } from './parts.tsx';
import { useAction } from '../../hooks/useAction.ts';
import { listClasses, listEnrolments } from '../programs/api.ts';
import { listProgramTopics } from '../topics/api.ts';

type ReportOwnerKind = 'program' | 'topic' | 'group' | 'cadre';
const OWNER_LABEL = { topic: 'results.ownerKindTopic', group: 'results.ownerKindGroup', cadre: 'results.ownerKindCadre' } as const;

/** A new report of the whole program, a topic's task force, a study group (S2) or one trainee (S4 follow-along). */
function NewReportModal({ open, programId, onClose, onCreated }: { open: boolean; programId: number; onClose: () => void; onCreated: (id: number) => void }) {
  const t = useT();
  const act = useAction();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<ReportOwnerKind>('program');
  const [ownerId, setOwnerId] = useState<number | null>(null);
  // The choices load only when the modal opens, and only the list the chosen kind needs.
  const topics = useRequest((signal) => listProgramTopics(programId, signal), `topics-${programId}`, open && kind === 'topic');
  const classes = useRequest((signal) => listClasses(programId, signal), `classes-${programId}`, open && kind === 'group');
  const trainees = useRequest((signal) => listEnrolments(programId, { pageSize: 500 }, signal), `enrolments-${programId}`, open && kind === 'cadre');
  const options =
    kind === 'topic'
      ? (topics.data ?? []).map((x) => ({ value: x.id, label: x.title }))
      : kind === 'group'
        ? (classes.data ?? []).flatMap((c) => c.groups.map((g) => ({ value: g.id, label: `${c.name} · ${g.name}` })))
        : (trainees.data?.items ?? []).map((e) => ({ value: e.cadre.id, label: `${e.cadre.name}（${e.cadre.orgName}）` }));
  const ready = title.trim() !== '' && (kind === 'program' || ownerId !== null);
  return (
    <Modal
      open={open}
      title={t('results.newReport')}
      onCancel={onClose}
      okButtonProps={{ disabled: !ready }}
      onOk={() =>
        void act(async () => {
          const r = await createReport(programId, {
            title,
            topicId: kind === 'topic' ? ownerId : null,
            groupId: kind === 'group' ? ownerId : null,
            cadreId: kind === 'cadre' ? ownerId : null,
          });
          setTitle('');
          setOwnerId(null);
          onCreated(r.id);
        })
      }
    >
      <Form name="new-report" layout="vertical">
        <Form.Item name="title" label={t('results.reportTitle')} required>
          <Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
        </Form.Item>
        <Form.Item label={t('results.owner')}>
          <Radio.Group
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as ReportOwnerKind);
              setOwnerId(null);
            }}
            options={[
              { value: 'program', label: t('results.ownerProgram') },
              { value: 'topic', label: t('results.ownerKindTopic') },
              { value: 'group', label: t('results.ownerKindGroup') },
              { value: 'cadre', label: t('results.ownerKindCadre') },
            ]}
          />
        </Form.Item>
        {kind !== 'program' && (
          <Form.Item name="owner" label={t(OWNER_LABEL[kind])} required>
            <Select<number>
              showSearch={{ optionFilterProp: 'label' }}
              value={ownerId ?? undefined}
              onChange={setOwnerId}
              options={options}
              loading={topics.loading || classes.loading || trainees.loading}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export default function ResultsTab({ programId }: { programId: number }) {
  const t = useT();
  const can = useCan();
  const act = useAction();
  const { message } = App.useApp();
  const canWrite = can('program:write');
  const stats = useRequest((signal) => getLandingStats(programId, signal), programId);
  const reports = useRequest((signal) => listProgramReports(programId, signal), programId);
  const recs = useRequest((signal) => listProgramRecommendations(programId, signal), programId);
  const [reportId, setReportId] = useState<number | null>(null);
  const [recId, setRecId] = useState<number | null>(null);
  const [newReport, setNewReport] = useState(false);
  const [newRec, setNewRec] = useState(false);
  const reloadRecs = () => {
    recs.reload();
    stats.reload();
  };
  const error = stats.error ?? reports.error ?? recs.error;
  if (error) return <Alert type="error" showIcon title={error.message} />;
  const s = stats.data;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Space size={48} wrap>
          <Statistic title={t('results.total')} value={s?.total ?? 0} loading={stats.loading && !s} />
          <Statistic title={t('results.landed')} value={s?.landed ?? 0} valueStyle={{ color: '#389e0d' }} />
          <Statistic title={t('results.rate')} value={s?.landingRate == null ? '—' : `${Math.round(s.landingRate * 1000) / 10}%`} />
          <Statistic title={t('results.overdue')} value={s?.overdue ?? 0} valueStyle={{ color: (s?.overdue ?? 0) > 0 ? '#cf1322' : undefined }} />
        </Space>
      </Card>

      <Card
        size="small"
        title={t('results.reports')}
        extra={
          canWrite && (
            <Button size="small" type="primary" onClick={() => setNewReport(true)}>
              {t('results.newReport')}
            </Button>
          )
        }
      >
        <Table<Report>
          rowKey="id"
          size="small"
          loading={reports.loading}
          dataSource={reports.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: <Empty description={t('results.noReports')} /> }}
          onRow={(r) => ({ onClick: () => setReportId(r.id), style: { cursor: 'pointer' } })}
          scroll={{ x: 800 }}
          columns={[
            { title: t('results.reportTitle'), render: (_: unknown, r) => <Typography.Link>{r.title}</Typography.Link> },
            { title: t('results.owner'), width: 220, render: (_: unknown, r) => reportOwner(r, t) },
            { title: t('results.status'), width: 90, render: (_: unknown, r) => <ReportStatusTag status={r.status} /> },
            { title: t('results.file'), width: 90, render: (_: unknown, r) => (r.fileName ? <DownloadOutlined /> : '—') },
            { title: t('results.recCount'), width: 80, dataIndex: 'recommendationCount' },
            { title: t('results.updatedAt'), width: 110, render: (_: unknown, r) => r.updatedAt.slice(0, 10) },
          ]}
        />
      </Card>

      <Card
        size="small"
        title={t('results.recommendations')}
        extra={
          <Space wrap>
            {canWrite && (
              <>
                <Button size="small" type="primary" onClick={() => setNewRec(true)}>
                  {t('results.newRecommendation')}
                </Button>
                <Button
                  size="small"
                  onClick={() =>
                    void act(async () => {
                      const r = await importFromReflections(programId);
                      reloadRecs();
                      void message.success(t('results.imported', { created: r.created, already: r.alreadyTracked }));
                    })
                  }
                >
                  {t('results.fromReflections')}
                </Button>
                <Button
                  size="small"
                  onClick={() =>
                    void act(async () => {
                      const r = await sendReminders();
                      void message.success(t('results.reminded', { count: r.count }));
                    })
                  }
                >
                  {t('results.remind')}
                </Button>
              </>
            )}
            <Button size="small" icon={<DownloadOutlined />} href={programLedgerUrl(programId, 'xlsx')}>
              {t('results.exportXlsx')}
            </Button>
            <Button size="small" icon={<DownloadOutlined />} href={programLedgerUrl(programId, 'docx')}>
              {t('results.exportDocx')}
            </Button>
          </Space>
        }
      >
        <RecommendationTable rows={recs.data ?? []} loading={recs.loading} onOpen={setRecId} />
      </Card>

      <ReportDrawer id={reportId} onClose={() => setReportId(null)} onChanged={reports.reload} />
      <RecommendationDrawer id={recId} onClose={() => setRecId(null)} onChanged={reloadRecs} />
      <NewReportModal
        open={newReport}
        programId={programId}
        onClose={() => setNewReport(false)}
        onCreated={(id) => {
          setNewReport(false);
          reports.reload();
          setReportId(id);
        }}
      />
      <RecommendationFormModal
        open={newRec}
        programId={programId}
        save={(input) => addProgramRecommendation(programId, input)}
        onClose={() => setNewRec(false)}
        onSaved={() => {
          setNewRec(false);
          reloadRecs();
        }}
      />
    </Space>
  );
}
