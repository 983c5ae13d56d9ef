// One recommendation (对策建议): what, who owns it and by when; the timeline of status changes and progress notes; the
// evidence (figures as statistics, documents to download); and, for the organizer or the owner unit, the status
// buttons allowed now, a progress note, a figure and a document upload. Shared by the program tab and /landing.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Grid,
  Input,
  InputNumber,
  List,
  Modal,
  Skeleton,
  Space,
  Statistic,
  Timeline,
  Upload,
} from 'antd';
import { FileOutlined, UploadOutlined } from '@ant-design/icons';
import type { RecommendationDetail, RecommendationStatus } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { addFigure, addProgress, changeRecommendationStatus, evidenceFileUrl, getRecommendation, uploadEvidence } from './api.ts';
import { RecStatusTag } from './parts.tsx';

function StatusButtons({ detail, onSaved }: { detail: RecommendationDetail; onSaved: (d: RecommendationDetail) => void }) {
  const t = useT();
  const label = useLabel();
  const { message } = App.useApp();
  const [target, setTarget] = useState<RecommendationStatus | null>(null);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const close = () => {
    setTarget(null);
    setNote('');
  };
  const confirm = async () => {
    if (!target) return;
    setSaving(true);
    try {
      const body = target === 'rejected' ? { status: target, reason: note || null } : { status: target, note: note || null };
      onSaved(await changeRecommendationStatus(detail.id, body));
      void message.success(t('results.saved'));
      close();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  if (detail.nextStatuses.length === 0) return null;
  return (
    <>
      <Space wrap>
        {detail.nextStatuses.map((s) => (
          <Button key={s} danger={s === 'rejected'} type={s === 'rejected' ? 'default' : 'primary'} ghost={s !== 'rejected'} onClick={() => setTarget(s)}>
            {t('results.moveTo', { status: label('recommendationStatus', s) })}
          </Button>
        ))}
      </Space>
      <Modal
        open={target !== null}
        title={target ? t('results.moveTo', { status: label('recommendationStatus', target) }) : ''}
        onCancel={close}
        onOk={() => void confirm()}
        confirmLoading={saving}
        okText={t('results.confirm')}
        cancelText={t('results.cancel')}
      >
        <Input.TextArea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={target === 'rejected' ? t('results.reason') : t('results.note')}
          autoSize={{ minRows: 3 }}
          maxLength={1000}
        />
      </Modal>
    </>
  );
}

function ActForms({ detail, onSaved }: { detail: RecommendationDetail; onSaved: (d: RecommendationDetail) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [progress] = Form.useForm<{ note: string }>();
  const [figure] = Form.useForm<{ label: string; value: number; unit?: string }>();
  const run = async (fn: () => Promise<RecommendationDetail>, reset?: () => void) => {
    try {
      onSaved(await fn());
      reset?.();
      void message.success(t('results.saved'));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const open = detail.status !== 'landed' && detail.status !== 'rejected';
  return (
    <Card size="small">
      {open && (
        <Form
          form={progress}
          layout="inline"
          onFinish={(v) =>
            void run(
              () => addProgress(detail.id, v.note),
              () => progress.resetFields(),
            )
          }
          style={{ marginBottom: 12 }}
        >
          <Form.Item name="note" rules={[{ required: true, message: t('results.progressNote') }]} style={{ flex: 1, minWidth: 220 }}>
            <Input placeholder={t('results.progressNote')} maxLength={2000} />
          </Form.Item>
          <Button htmlType="submit">{t('results.addProgress')}</Button>
        </Form>
      )}
      {detail.status !== 'rejected' && (
        <Space wrap align="start">
          <Form
            form={figure}
            layout="inline"
            onFinish={(v) =>
              void run(
                () => addFigure(detail.id, { label: v.label, value: v.value, unit: v.unit ?? null }),
                () => figure.resetFields(),
              )
            }
          >
            <Form.Item name="label" rules={[{ required: true, message: t('results.figureLabel') }]}>
              <Input placeholder={t('results.figureLabel')} maxLength={100} style={{ width: 170 }} />
            </Form.Item>
            <Form.Item name="value" rules={[{ required: true, message: t('results.figureValue') }]}>
              <InputNumber placeholder={t('results.figureValue')} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="unit">
              <Input placeholder={t('results.figureUnit')} maxLength={20} style={{ width: 110 }} />
            </Form.Item>
            <Button htmlType="submit">{t('results.addFigure')}</Button>
          </Form>
          <Upload
            accept=".pdf,.doc,.docx,.xlsx,.jpg,.jpeg,.png"
            showUploadList={false}
            customRequest={({ file }) => void run(() => uploadEvidence(detail.id, file as File))}
          >
            <Button icon={<UploadOutlined />}>{t('results.uploadEvidence')}</Button>
          </Upload>
        </Space>
      )}
    </Card>
  );
}

export function RecommendationDrawer({ id, onClose, onChanged }: { id: number | null; onClose: () => void; onChanged: () => void }) {
  const t = useT();
  const label = useLabel();
  const isPhone = !(Grid.useBreakpoint().sm ?? true);
  const { data, error, loading } = useRequest((signal) => getRecommendation(id!, signal), id ?? 0, id !== null);
  const [fresh, setFresh] = useState<RecommendationDetail | null>(null);
  const detail = fresh && fresh.id === id ? fresh : data && data.id === id ? data : null;
  const saved = (d: RecommendationDetail) => {
    setFresh(d);
    onChanged();
  };
  const figures = detail?.evidence.filter((e) => e.kind === 'figure') ?? [];
  const documents = detail?.evidence.filter((e) => e.kind === 'document') ?? [];

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 760}
      title={detail?.title ?? t('results.recommendations')}
      afterOpenChange={(open) => !open && setFresh(null)}
    >
      {error && <Alert type="error" showIcon title={error.message} />}
      {loading && !detail && <Skeleton active />}
      {detail && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Descriptions size="small" bordered column={isPhone ? 1 : 2} styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label={t('results.status')}>
              <RecStatusTag status={detail.status} overdue={detail.overdue} />
            </Descriptions.Item>
            <Descriptions.Item label={t('results.source')}>
              {label('recommendationSource', detail.source)}
              {detail.reportTitle || detail.topicTitle ? `：${detail.reportTitle ?? detail.topicTitle}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('results.ownerUnit')}>{detail.ownerName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('results.deadline')}>
              <span style={detail.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>{detail.deadline ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('results.program')} span={isPhone ? 1 : 2}>
              {detail.programName}
            </Descriptions.Item>
            {detail.content && (
              <Descriptions.Item label={t('results.recContent')} span={isPhone ? 1 : 2}>
                <div style={{ whiteSpace: 'pre-wrap' }}>{detail.content}</div>
              </Descriptions.Item>
            )}
            {detail.expectedEffect && (
              <Descriptions.Item label={t('results.expectedEffect')} span={isPhone ? 1 : 2}>
                {detail.expectedEffect}
              </Descriptions.Item>
            )}
            {detail.rejectReason && (
              <Descriptions.Item label={t('results.rejectReason')} span={isPhone ? 1 : 2}>
                {detail.rejectReason}
              </Descriptions.Item>
            )}
            {detail.landedAt && <Descriptions.Item label={t('results.landedAt')}>{detail.landedAt}</Descriptions.Item>}
          </Descriptions>
          <StatusButtons detail={detail} onSaved={saved} />
          <Card size="small" title={t('results.evidence')}>
            {detail.evidence.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('results.noEvidence')} />}
            {figures.length > 0 && (
              <Space size={32} wrap style={{ marginBottom: documents.length > 0 ? 12 : 0 }}>
                {figures.map((f) => (
                  <Statistic key={f.id} title={f.label} value={f.value ?? 0} suffix={f.unit ?? ''} />
                ))}
              </Space>
            )}
            {documents.length > 0 && (
              <List
                size="small"
                dataSource={documents}
                renderItem={(d) => (
                  <List.Item>
                    <a href={evidenceFileUrl(detail.id, d.id)}>
                      <FileOutlined /> {d.label}
                      {d.label !== d.fileName ? `（${d.fileName}）` : ''}
                    </a>
                  </List.Item>
                )}
              />
            )}
          </Card>
          {detail.canAct && <ActForms detail={detail} onSaved={saved} />}
          <Card size="small" title={t('results.timeline')}>
            <Timeline
              items={[...detail.updates].reverse().map((u) => ({
                color: u.toStatus === 'landed' ? 'green' : u.toStatus === 'rejected' ? 'red' : 'blue',
                content: (
                  <div>
                    <div>
                      <strong>{u.fromStatus === u.toStatus ? t('results.addProgress') : label('recommendationStatus', u.toStatus)}</strong>
                      <span style={{ color: 'rgba(0,0,0,0.45)', marginLeft: 8 }}>
                        {u.createdAt.slice(0, 10)} {u.authorName ?? ''}
                      </span>
                    </div>
                    {u.note && <div style={{ whiteSpace: 'pre-wrap' }}>{u.note}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
        </Space>
      )}
    </Drawer>
  );
}
