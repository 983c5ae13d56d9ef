// One placed cadre, opened from the host's list or the organizer's overview: who they are (no ID number, no mobile),
// their weekly logs with the 导师点评 form, the 中期评估 and 期满考核 forms. Full width on a phone.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Drawer, Form, Grid, Input, InputNumber, Select, Skeleton, Space, Typography } from 'antd';
import { REVIEW_RESULTS, finalReviewInputSchema, midtermReviewInputSchema, placementCommentInputSchema } from '@duibiao/contracts';
import type { FormInstance } from 'antd';
import type { HostPlacementDetail, PlacementLog } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { applyApiError, parseWithSchema } from '../../lib/forms.ts';
import { commentLog, getHostPlacement, saveFinal, saveMidterm } from './api.ts';
import { LogList, StatusTag } from './parts.tsx';

type Save = (run: () => Promise<HostPlacementDetail>, fields: string[], form: FormInstance) => Promise<void>;

function CommentForm({ placementId, log, save }: { placementId: number; log: PlacementLog; save: Save }) {
  const t = useT();
  const [form] = Form.useForm<{ comment: string }>();
  const [open, setOpen] = useState(log.mentorComment === null);
  if (!open)
    return (
      <Button size="small" onClick={() => setOpen(true)}>
        {t('practicum.editComment')}
      </Button>
    );
  const submit = () => {
    const input = parseWithSchema(placementCommentInputSchema, form.getFieldsValue(true), form);
    if (input) void save(() => commentLog(placementId, log.id, input), ['comment'], form);
  };
  return (
    <Form form={form} initialValues={{ comment: log.mentorComment ?? '' }}>
      <Form.Item name="comment" style={{ marginBottom: 6 }}>
        <Input.TextArea rows={2} maxLength={2000} placeholder={t('practicum.commentPlaceholder')} aria-label={t('practicum.mentorComment')} />
      </Form.Item>
      <Button size="small" type="primary" onClick={submit}>
        {t('practicum.submitComment')}
      </Button>
    </Form>
  );
}

function ReviewForm({ detail, kind, save }: { detail: HostPlacementDetail; kind: 'midterm' | 'final'; save: Save }) {
  const t = useT();
  const label = useLabel();
  const [form] = Form.useForm<{ hostFeedback: string; score?: number; result?: string }>();
  const current = detail.reviews.find((r) => r.kind === kind);
  const submit = () => {
    const values = form.getFieldsValue(true) as object;
    if (kind === 'midterm') {
      const input = parseWithSchema(midtermReviewInputSchema, values, form);
      if (input) void save(() => saveMidterm(detail.id, input), ['hostFeedback', 'score'], form);
    } else {
      const input = parseWithSchema(finalReviewInputSchema, values, form);
      if (input) void save(() => saveFinal(detail.id, input), ['hostFeedback', 'score', 'result'], form);
    }
  };
  const disabled = kind === 'midterm' && detail.status === 'completed';
  return (
    <Card size="small" title={label('reviewKind', kind)}>
      {kind === 'final' && <Typography.Paragraph type="secondary">{t('practicum.finalHint')}</Typography.Paragraph>}
      {current?.hours != null && <Alert type="success" showIcon title={t('practicum.hoursValue', { n: current.hours })} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        disabled={disabled}
        initialValues={{ hostFeedback: current?.hostFeedback ?? '', score: current?.score ?? undefined, result: current?.result ?? undefined }}
      >
        <Space wrap>
          <Form.Item name="score" label={t('practicum.score')} required>
            <InputNumber min={0} max={100} precision={0} style={{ width: 120 }} />
          </Form.Item>
          {kind === 'final' && (
            <Form.Item name="result" label={t('practicum.result')} required>
              <Select style={{ width: 140 }} options={REVIEW_RESULTS.map((r) => ({ value: r, label: label('reviewResult', r) }))} />
            </Form.Item>
          )}
        </Space>
        <Form.Item name="hostFeedback" label={t('practicum.hostFeedback')} required>
          <Input.TextArea rows={3} maxLength={3000} />
        </Form.Item>
        <Button type="primary" onClick={submit}>
          {kind === 'midterm' ? t('practicum.saveMidterm') : t('practicum.saveFinal')}
        </Button>
      </Form>
    </Card>
  );
}

export function PlacementDrawer({ id, canWrite, onClose, onChanged }: { id: number | null; canWrite: boolean; onClose: () => void; onChanged: () => void }) {
  const t = useT();
  const label = useLabel();
  const { message } = App.useApp();
  const isPhone = !(Grid.useBreakpoint().sm ?? true);
  const { data, error, loading } = useRequest((signal) => getHostPlacement(id!, signal), id ?? 0, id !== null);
  const [fresh, setFresh] = useState<HostPlacementDetail | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const detail = fresh && fresh.id === id ? fresh : data && data.id === id ? data : null;

  const save: Save = async (run, fields, form) => {
    setSaveError(null);
    try {
      setFresh(await run());
      onChanged();
      void message.success(t('practicum.saved'));
    } catch (e) {
      setSaveError(applyApiError(form, e, fields));
    }
  };
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 720}
      title={detail ? `${detail.cadre.name} · ${detail.hostUnit.name}` : t('practicum.profile')}
      afterOpenChange={(open) => {
        if (!open) {
          setFresh(null);
          setSaveError(null);
        }
      }}
    >
      {error && <Alert type="error" showIcon title={error.message} />}
      {loading && !detail && <Skeleton active />}
      {saveError && <Alert type="error" showIcon title={saveError} style={{ marginBottom: 12 }} />}
      {detail && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Descriptions size="small" bordered column={isPhone ? 1 : 2} styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label={t('practicum.cadre')}>{detail.cadre.name}</Descriptions.Item>
            <Descriptions.Item label={t('practicum.gender')}>{detail.cadre.gender ? label('gender', detail.cadre.gender) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('practicum.age')}>{detail.cadre.age ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('practicum.homeUnit')}>{detail.cadre.homeUnit}</Descriptions.Item>
            <Descriptions.Item label={t('practicum.position')}>{detail.cadre.position ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('practicum.specialties')}>{detail.cadre.specialties.join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('practicum.post')}>{detail.post.title}</Descriptions.Item>
            <Descriptions.Item label={t('practicum.period')}>
              {detail.startDate ?? '—'} ~ {detail.endDate ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('practicum.status')}>
              <StatusTag status={detail.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('practicum.checkin')}>{detail.remoteCheckin.firstTasks ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Card size="small" title={t('practicum.logs')}>
            <LogList
              logs={detail.logs}
              commentSlot={
                canWrite ? (log) => <CommentForm key={`${log.id}-${log.commentedAt ?? ''}`} placementId={detail.id} log={log} save={save} /> : undefined
              }
            />
          </Card>
          {canWrite && <ReviewForm key={`m-${detail.reviews.length}`} detail={detail} kind="midterm" save={save} />}
          {canWrite && <ReviewForm key={`f-${detail.status}`} detail={detail} kind="final" save={save} />}
        </Space>
      )}
    </Drawer>
  );
}
