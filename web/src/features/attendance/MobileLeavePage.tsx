// /m/leave — ask for leave (a day, then the sessions of that day, a reason, optional evidence) and follow my requests.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, DatePicker, Empty, Form, Input, List, Popconfirm, Select, Skeleton, Space, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useT } from '../../i18n/index.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { applyApiError } from '../../lib/forms.ts';
import { cancelLeave, getMyPrograms, getMySessions, listMyLeave, requestLeave, uploadLeaveAttachment } from './api.ts';
import { clock, dayClock, LeaveTag } from './attendance-ui.tsx';

interface FormValues {
  programId: number;
  date: Dayjs;
  sessionIds: number[];
  reason: string;
}

export default function MobileLeavePage() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const programs = useRequest((signal) => getMyPrograms(signal), 'programs');
  const mine = useRequest((signal) => listMyLeave(signal), 'mine');
  const programId = Form.useWatch('programId', form);
  const date = Form.useWatch('date', form);
  const day = date ? date.format('YYYY-MM-DD') : undefined;
  const daySessions = useRequest((signal) => getMySessions(day, signal), day ?? '', day !== undefined);
  const options = (daySessions.data?.sessions ?? []).filter((s) => s.programId === programId && s.mark?.status !== 'excused');
  const [file, setFile] = useState<File | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // One program is the usual case: pick it for the trainee.
  useEffect(() => {
    if (programs.data?.length && form.getFieldValue('programId') === undefined) form.setFieldValue('programId', programs.data[0]!.programId);
  }, [programs.data, form]);
  // A new day (or program) preselects all of its sessions: "the whole day" is what most trainees mean.
  const optionKey = options.map((o) => o.id).join(',');
  useEffect(() => {
    form.setFieldValue('sessionIds', optionKey === '' ? [] : optionKey.split(',').map(Number));
  }, [optionKey, form]);

  const onFinish = async (values: FormValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const created = await requestLeave({ programId: values.programId, sessionIds: values.sessionIds, reason: values.reason });
      if (file) await uploadLeaveAttachment(created.id, file);
      void message.success(t('leaveForm.submitted'));
      form.resetFields(['reason', 'date', 'sessionIds']);
      setFile(null);
      mine.reload();
    } catch (e) {
      setError(applyApiError(form, e, ['programId', 'sessionIds', 'reason']));
    } finally {
      setSubmitting(false);
    }
  };

  const onCancel = async (id: number) => {
    try {
      await cancelLeave(id);
      void message.success(t('leaveForm.cancelled'));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
    mine.reload();
  };

  if (programs.loading && !programs.data) return <Skeleton active />;
  if (programs.data && programs.data.length === 0) return <Empty description={t('leaveForm.noPrograms')} />;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card title={t('leaveForm.title')} size="small">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void onFinish(v)}>
          <Form.Item name="programId" label={t('leaveForm.program')} rules={[{ required: true }]}>
            <Select options={(programs.data ?? []).map((p) => ({ value: p.programId, label: p.name }))} />
          </Form.Item>
          <Form.Item name="date" label={t('leaveForm.date')} rules={[{ required: true, message: t('leaveForm.pickDate') }]}>
            <DatePicker style={{ width: '100%' }} inputReadOnly defaultPickerValue={dayjs()} />
          </Form.Item>
          <Form.Item name="sessionIds" label={t('leaveForm.sessions')} rules={[{ required: true, type: 'array', min: 1, message: t('leaveForm.sessions') }]}>
            {day === undefined ? (
              <Typography.Text type="secondary">{t('leaveForm.pickDate')}</Typography.Text>
            ) : daySessions.loading ? (
              <Skeleton active paragraph={{ rows: 1 }} />
            ) : options.length === 0 ? (
              <Typography.Text type="secondary">{t('leaveForm.noSessions')}</Typography.Text>
            ) : (
              <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
                {options.map((s) => (
                  <Checkbox key={s.id} value={s.id}>
                    {clock(s.startsAt)}–{clock(s.endsAt)} {s.title}（{t('mobile.hours', { n: s.creditedHours })}）
                  </Checkbox>
                ))}
              </Checkbox.Group>
            )}
          </Form.Item>
          <Form.Item name="reason" label={t('leaveForm.reason')} rules={[{ required: true, min: 2, message: t('leaveForm.reasonPlaceholder') }]}>
            <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('leaveForm.reasonPlaceholder')} />
          </Form.Item>
          <Form.Item label={t('leaveForm.attachment')}>
            <Upload
              accept=".pdf,.jpg,.jpeg,.png,.webp,.heic"
              maxCount={1}
              beforeUpload={(f) => {
                setFile(f);
                return false;
              }}
              onRemove={() => setFile(null)}
              fileList={file ? [{ uid: 'evidence', name: file.name, status: 'done' }] : []}
            >
              <Button icon={<UploadOutlined />}>{t('leaveForm.choose')}</Button>
            </Upload>
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            {t('leaveForm.submit')}
          </Button>
        </Form>
      </Card>

      <Card title={t('leaveForm.mine')} size="small">
        {mine.data && mine.data.length > 0 ? (
          <List
            dataSource={mine.data}
            renderItem={(l) => (
              <List.Item style={{ display: 'block' }} extra={null}>
                <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                  <Typography.Text strong>{l.sessions.length > 0 ? dayClock(l.sessions[0]!.startsAt) : ''}</Typography.Text>
                  <LeaveTag status={l.status} />
                </div>
                <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.65)' }}>
                  {l.sessions.map((s) => s.title).join('、')}（{t('mobile.hours', { n: l.hours })}）
                </div>
                <div style={{ fontSize: 13 }}>{l.reason}</div>
                {l.attachmentName && (
                  <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
                    <PaperClipOutlined /> {l.attachmentName}
                  </div>
                )}
                {l.decisionNote && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{l.decisionNote}</div>}
                {l.status === 'pending' && (
                  <Popconfirm title={t('leaveForm.cancelConfirm')} onConfirm={() => void onCancel(l.id)}>
                    <Button size="small" style={{ marginTop: 6 }}>
                      {t('leaveForm.cancel')}
                    </Button>
                  </Popconfirm>
                )}
              </List.Item>
            )}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('leave.empty')} />
        )}
      </Card>
    </Space>
  );
}
