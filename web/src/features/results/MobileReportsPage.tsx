// /m/reports — the trainee's research reports on the phone: their own (S4 follow-along), their study group's and their
// task force's; start a new one for any of these, write it online or upload Word/PDF, submit it, and add
// recommendations drawn from it (the same drawer as the desktop, full width).
import { useState } from 'react';
import { Alert, Button, Card, Empty, Form, Input, List, Select, Skeleton, Space, Typography } from 'antd';
import type { ReportTarget } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useT } from '../../i18n/index.tsx';
import type { TFunction } from '../../i18n/index.tsx';
import { createReport, listMyReports, listMyReportTargets } from './api.ts';
import { ReportDrawer } from './ReportDrawer.tsx';
import { ReportStatusTag, reportOwner } from './parts.tsx';
import { useAction } from '../../hooks/useAction.ts';

const targetKey = (x: ReportTarget) => `${x.programId}:${x.kind}:${x.groupId ?? x.topicId ?? ''}`;
const targetLabel = (x: ReportTarget, t: TFunction) =>
  `${x.programName} · ${
    x.kind === 'topic'
      ? t('results.ownerTopic', { name: x.name ?? '' })
      : x.kind === 'group'
        ? t('results.ownerGroup', { name: x.name ?? '' })
        : t('results.ownReport')
  }`;

function NewReport({ onCreated }: { onCreated: (id: number) => void }) {
  const t = useT();
  const act = useAction();
  const { data: targets, loading } = useRequest((signal) => listMyReportTargets(signal), 'targets');
  const [key, setKey] = useState<string | undefined>();
  const [title, setTitle] = useState('');
  if (loading && !targets) return <Skeleton active />;
  if (!targets || targets.length === 0) return <Empty description={t('results.noPrograms')} />;
  const target = targets.find((x) => targetKey(x) === key);
  const create = () =>
    void act(async () => {
      if (!target) return;
      const r = await createReport(target.programId, { title, topicId: target.topicId, groupId: target.groupId });
      setTitle('');
      onCreated(r.id);
    });
  return (
    <Form layout="vertical">
      <Form.Item label={t('results.pickProgram')} required>
        <Select
          value={key}
          onChange={setKey}
          placeholder={t('results.pickProgramHint')}
          options={targets.map((x) => ({ value: targetKey(x), label: targetLabel(x, t) }))}
        />
      </Form.Item>
      <Form.Item label={t('results.reportTitle')} required>
        <Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
      </Form.Item>
      <Button type="primary" block disabled={!target || title.trim() === ''} onClick={create}>
        {t('results.newReport')}
      </Button>
    </Form>
  );
}

export default function MobileReportsPage() {
  const t = useT();
  const { data, error, loading, reload } = useRequest((signal) => listMyReports(signal), 'mine');
  const [openId, setOpenId] = useState<number | null>(null);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('results.myReports')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('results.myReportsHint')}</Typography.Text>
      {error && <Alert type="error" showIcon title={error.message} />}
      <Card size="small">
        <List
          loading={loading}
          dataSource={data ?? []}
          locale={{ emptyText: <Empty description={t('results.noReports')} /> }}
          renderItem={(r) => (
            <List.Item onClick={() => setOpenId(r.id)} style={{ cursor: 'pointer' }} extra={<ReportStatusTag status={r.status} />}>
              <List.Item.Meta
                title={<Typography.Link>{r.title}</Typography.Link>}
                description={`${reportOwner(r, t)} · ${r.programName} · ${r.updatedAt.slice(0, 10)}`}
              />
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('results.newReport')}>
        <NewReport
          onCreated={(id) => {
            reload();
            setOpenId(id);
          }}
        />
      </Card>
      <ReportDrawer id={openId} onClose={() => setOpenId(null)} onChanged={reload} />
    </Space>
  );
}
