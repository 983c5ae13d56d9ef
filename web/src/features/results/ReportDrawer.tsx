// One research report: the online editor (title, summary, plain-text body) while it is a draft and the viewer may
// edit, else a reader; the Word/PDF file (upload, download); submit or return; and the recommendations drawn from it,
// with candidates found in the text offered for confirmation. Used by the program tab and the phone page.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Drawer, Empty, Form, Grid, Input, List, Popconfirm, Skeleton, Space, Typography, Upload } from 'antd';
import { FileOutlined, UploadOutlined } from '@ant-design/icons';
import { REPORT_BODY_MAX_CHARS } from '@duibiao/contracts';
import type { RecommendationCandidate, ReportDetail } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useT } from '../../i18n/index.tsx';
import { applyApiError } from '../../lib/forms.ts';
import {
  addReportRecommendation,
  extractRecommendations,
  getReport,
  listReportRecommendations,
  reportFileUrl,
  returnReport,
  submitReport,
  updateReport,
  uploadReportFile,
} from './api.ts';
import { RecStatusTag, RecommendationFormModal, ReportStatusTag, reportOwner } from './parts.tsx';
import { useAction } from '../../hooks/useAction.ts';

type Values = { title: string; summary: string; body: string };

function Editor({ detail, onSaved }: { detail: ReportDetail; onSaved: (d: ReportDetail) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    form.setFieldsValue({ title: detail.title, summary: detail.summary ?? '', body: detail.body ?? '' });
  }, [detail.id, detail.updatedAt, detail.title, detail.summary, detail.body, form]);
  const save = async () => {
    const v = form.getFieldsValue(true) as Values;
    setSaving(true);
    setError(null);
    try {
      onSaved(await updateReport(detail.id, { title: v.title, summary: v.summary || null, body: v.body || null }));
      void message.success(t('results.saved'));
    } catch (e) {
      setError(applyApiError(form, e, ['title', 'summary', 'body']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form form={form} name="report" layout="vertical">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Form.Item name="title" label={t('results.reportTitle')} required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="summary" label={t('results.summary')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
      <Form.Item name="body" label={t('results.body')}>
        <Input.TextArea autoSize={{ minRows: 12, maxRows: 30 }} maxLength={REPORT_BODY_MAX_CHARS} showCount placeholder={t('results.bodyPlaceholder')} />
      </Form.Item>
      <Button type="primary" loading={saving} onClick={() => void save()}>
        {t('results.save')}
      </Button>
    </Form>
  );
}

function ReportRecommendations({ detail }: { detail: ReportDetail }) {
  const t = useT();
  const act = useAction();
  const { data, loading, reload } = useRequest((signal) => listReportRecommendations(detail.id, signal), detail.id);
  const [candidates, setCandidates] = useState<RecommendationCandidate[] | null>(null);
  const [adding, setAdding] = useState<{ initial: RecommendationCandidate | null } | null>(null);
  return (
    <Card
      size="small"
      title={t('results.recommendations')}
      extra={
        detail.canRecommend && (
          <Space wrap>
            <Button size="small" onClick={() => void act(async () => setCandidates(await extractRecommendations(detail.id)))}>
              {t('results.extract')}
            </Button>
            <Button size="small" type="primary" onClick={() => setAdding({ initial: null })}>
              {t('results.addRecommendation')}
            </Button>
          </Space>
        )
      }
    >
      {candidates && (
        <Alert
          type="info"
          style={{ marginBottom: 8 }}
          closable={{ onClose: () => setCandidates(null) }}
          title={candidates.length === 0 ? t('results.extractNone') : t('results.extract')}
          description={
            candidates.length > 0 && (
              <List
                size="small"
                dataSource={candidates}
                renderItem={(c) => (
                  <List.Item
                    actions={[
                      <Button key="use" size="small" onClick={() => setAdding({ initial: c })}>
                        {t('results.useCandidate')}
                      </Button>,
                    ]}
                  >
                    {c.title}
                  </List.Item>
                )}
              />
            )
          }
        />
      )}
      <List
        size="small"
        loading={loading}
        dataSource={data ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('results.noRecommendations')} /> }}
        renderItem={(r) => (
          <List.Item extra={<RecStatusTag status={r.status} overdue={r.overdue} />}>
            <List.Item.Meta title={r.title} description={`${r.ownerName ?? '—'} · ${r.deadline ?? '—'}`} />
          </List.Item>
        )}
      />
      <RecommendationFormModal
        open={adding !== null}
        programId={detail.programId}
        initial={adding?.initial ?? null}
        save={(input) => addReportRecommendation(detail.id, input)}
        onClose={() => setAdding(null)}
        onSaved={() => {
          setAdding(null);
          reload();
        }}
      />
    </Card>
  );
}

export function ReportDrawer({ id, onClose, onChanged }: { id: number | null; onClose: () => void; onChanged: () => void }) {
  const t = useT();
  const act = useAction();
  const isPhone = !(Grid.useBreakpoint().sm ?? true);
  const { data, error, loading } = useRequest((signal) => getReport(id!, signal), id ?? 0, id !== null);
  const [fresh, setFresh] = useState<ReportDetail | null>(null);
  const detail = fresh && fresh.id === id ? fresh : data && data.id === id ? data : null;
  const saved = (d: ReportDetail) => {
    setFresh(d);
    onChanged();
  };
  const run = (fn: () => Promise<ReportDetail>, done: string) => act(async () => saved(await fn()), done);

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 820}
      title={detail?.title ?? t('results.reports')}
      afterOpenChange={(open) => !open && setFresh(null)}
      extra={
        detail && (
          <Space>
            {detail.canEdit && (
              <Popconfirm title={t('results.submitConfirm')} onConfirm={() => void run(() => submitReport(detail.id), t('results.submitted'))}>
                <Button type="primary">{t('results.submit')}</Button>
              </Popconfirm>
            )}
            {detail.canReturn && <Button onClick={() => void run(() => returnReport(detail.id), t('results.returned'))}>{t('results.return')}</Button>}
          </Space>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error.message} />}
      {loading && !detail && <Skeleton active />}
      {detail && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap>
            <ReportStatusTag status={detail.status} />
            <Typography.Text type="secondary">
              {reportOwner(detail, t)} · {detail.programName} · {t('results.updatedAt')} {detail.updatedAt.slice(0, 10)}
            </Typography.Text>
          </Space>
          {!detail.canEdit && detail.status === 'submitted' && <Alert type="info" showIcon title={t('results.readOnly')} />}
          <Card
            size="small"
            title={t('results.file')}
            extra={
              detail.canEdit && (
                <Upload
                  accept=".pdf,.docx"
                  showUploadList={false}
                  customRequest={({ file }) => void run(() => uploadReportFile(detail.id, file as File), t('results.uploaded', { name: (file as File).name }))}
                >
                  <Button size="small" icon={<UploadOutlined />}>
                    {t('results.upload')}
                  </Button>
                </Upload>
              )
            }
          >
            {detail.fileName ? (
              <a href={reportFileUrl(detail.id)}>
                <FileOutlined /> {detail.fileName}
              </a>
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            )}
          </Card>
          {detail.canEdit ? (
            <Editor detail={detail} onSaved={saved} />
          ) : (
            <Card size="small" title={t('results.body')}>
              {detail.summary && <Typography.Paragraph type="secondary">{detail.summary}</Typography.Paragraph>}
              <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8 }}>{detail.body ?? '—'}</div>
            </Card>
          )}
          <ReportRecommendations detail={detail} />
        </Space>
      )}
    </Drawer>
  );
}
