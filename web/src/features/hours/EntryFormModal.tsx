// Add or edit a manual hours entry (training taken elsewhere), with an optional evidence file.
import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { hoursEntryInputSchema, type HoursEntryView } from '@duibiao/contracts';
import { useT } from '../../i18n/index.tsx';
import { applyApiError, parseWithSchema } from '../../lib/forms.ts';
import { createEntry, updateEntry, uploadEvidence } from './api.ts';

interface Values {
  category: 'offline' | 'online';
  title: string;
  provider?: string | null;
  date: Dayjs | null;
  hours: number | null;
  days: number | null;
  note?: string | null;
}

const FIELDS = ['category', 'title', 'provider', 'date', 'hours', 'days', 'note'];
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.doc,.docx,.ofd';

export function EntryFormModal({
  open,
  cadreId,
  entry,
  onClose,
  onSaved,
}: {
  open: boolean;
  cadreId: number;
  entry: HoursEntryView | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  /** Fresh values each time the modal opens (the same modal serves add and edit). */
  const reset = () => {
    setFile(null);
    setFormError(null);
    form.resetFields();
    form.setFieldsValue(
      entry ? { ...entry, date: dayjs(entry.date) } : { category: 'offline', title: '', provider: '', date: null, hours: null, days: 0, note: '' },
    );
  };

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const body = parseWithSchema(
      hoursEntryInputSchema,
      {
        ...v,
        date: v.date ? v.date.format('YYYY-MM-DD') : '',
        hours: v.hours ?? undefined,
        days: v.days ?? 0,
        provider: v.provider || null,
        note: v.note || null,
      },
      form,
    );
    if (!body) return;
    setSaving(true);
    setFormError(null);
    try {
      const saved = entry ? await updateEntry(entry.id, body) : await createEntry(cadreId, body);
      if (file) await uploadEvidence(saved.id, file);
      onSaved();
    } catch (e) {
      setFormError(applyApiError(form, e, FIELDS));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={entry ? t('hours.entry.edit') : t('hours.entry.add')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okText={t('common.save')}
      forceRender
      afterOpenChange={(isOpen) => isOpen && reset()}
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="category" label={t('hours.entry.category')}>
          <Radio.Group
            options={[
              { value: 'offline', label: t('hours.category.offline') },
              { value: 'online', label: t('hours.category.online') },
            ]}
          />
        </Form.Item>
        <Form.Item name="title" label={t('hours.entry.title')} required>
          <Input maxLength={200} placeholder={t('hours.entry.titlePlaceholder')} />
        </Form.Item>
        <Form.Item name="provider" label={t('hours.entry.provider')}>
          <Input maxLength={200} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item name="date" label={t('hours.entry.date')} required>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="hours" label={t('hours.entry.hours')} required>
            <InputNumber min={0} max={2000} step={0.5} />
          </Form.Item>
          <Form.Item name="days" label={t('hours.entry.days')}>
            <InputNumber min={0} max={366} precision={0} />
          </Form.Item>
        </div>
        <Form.Item name="note" label={t('hours.entry.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item
          name="file"
          label={t('hours.entry.evidence')}
          extra={entry?.evidenceName ? t('hours.entry.evidenceReplace', { name: entry.evidenceName }) : t('hours.entry.evidenceHelp')}
        >
          <Upload
            accept={ACCEPT}
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined />}>{t('hours.entry.chooseFile')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
