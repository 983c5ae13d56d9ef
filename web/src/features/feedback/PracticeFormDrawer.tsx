// Create or edit a good practice in a drawer; a new one may come prefilled from a trainee's reflection.
import { useEffect, useState } from 'react';
import { Alert, App, AutoComplete, Form, Input, Select } from 'antd';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { practiceInputSchema, practicePatchSchema } from '@duibiao/contracts';
import type { Practice } from '@duibiao/contracts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { useT } from '../../i18n/index.tsx';
import { applyApiError, parseWithSchema } from '../../lib/forms.ts';
import { useMe } from '../auth/session.ts';
import { createPractice, updatePractice } from './api.ts';

interface Values {
  orgId?: number;
  title: string;
  summary: string;
  body?: string;
  fields: string[];
  sourceCity?: string;
}

/** What a new practice starts from (e.g. a reflection): the drawer fills the form with it. */
export interface PracticeDraft {
  title: string;
  summary: string;
  body?: string;
  fields?: string[];
  sourceCity?: string;
  reflectionId?: number;
  programId?: number;
}

const FIELDS = ['orgId', 'title', 'summary', 'body', 'fields', 'sourceCity'];

interface Props {
  open: boolean;
  practice: Practice | null;
  draft?: PracticeDraft | null;
  fieldOptions?: string[];
  cityOptions?: string[];
  onClose: () => void;
  onSaved: (p: Practice) => void;
}

export function PracticeFormDrawer({ open, practice, draft, fieldOptions = [], cityOptions = [], onClose, onSaved }: Props) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (practice) {
      form.setFieldsValue({ ...practice, body: practice.body ?? undefined, sourceCity: practice.sourceCity ?? undefined, orgId: practice.org.id });
    } else {
      form.setFieldsValue({
        orgId: me.org.id,
        fields: draft?.fields ?? [],
        title: draft?.title,
        summary: draft?.summary,
        body: draft?.body,
        sourceCity: draft?.sourceCity,
      });
    }
  }, [open, practice, draft, form, me.org.id]);

  const submit = async () => {
    await form.validateFields();
    const v = form.getFieldsValue(true) as Values;
    const body = { title: v.title, summary: v.summary, body: v.body ?? '', fields: v.fields ?? [], sourceCity: v.sourceCity ?? '' };
    setSaving(true);
    setError(null);
    try {
      let saved: Practice;
      if (practice) {
        const patch = parseWithSchema(practicePatchSchema, body, form);
        if (!patch) return;
        saved = await updatePractice(practice.id, patch);
      } else {
        const input = parseWithSchema(practiceInputSchema, { ...body, orgId: v.orgId, reflectionId: draft?.reflectionId, programId: draft?.programId }, form);
        if (!input) return;
        saved = await createPractice(input);
      }
      void message.success(t('common.saved'));
      onSaved(saved);
    } catch (e) {
      setError(applyApiError(form, e, FIELDS));
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormDrawer
      title={practice ? t('practices.edit') : t('practices.create')}
      open={open}
      onClose={onClose}
      width={560}
      saving={saving}
      onSave={submit}
      error={error}
    >
      {draft?.reflectionId && !practice && <Alert type="info" showIcon title={t('practices.fromReflection')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        {!practice && (
          <Form.Item label={t('practices.org')} name="orgId" rules={[{ required: true }]}>
            <OrgTreeSelect />
          </Form.Item>
        )}
        <Form.Item label={t('practices.name')} name="title" rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('practices.summary')} name="summary" rules={[{ required: true }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item label={t('practices.body')} name="body">
          <Input.TextArea rows={6} maxLength={20000} />
        </Form.Item>
        <Form.Item label={t('practices.fields')} name="fields" extra={t('practices.fieldsHint')}>
          <Select mode="tags" maxCount={10} options={fieldOptions.map((f) => ({ value: f, label: f }))} tokenSeparators={[',', '，', '、']} />
        </Form.Item>
        <Form.Item label={t('practices.city')} name="sourceCity">
          <AutoComplete allowClear maxLength={100} options={cityOptions.map((c) => ({ value: c }))} filterOption />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
