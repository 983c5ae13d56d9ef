// Small shared pieces of the results feature: status tags, the owner-unit picker and the
// recommendation form (used from a report, from the program tab and on the phone).
import { useState } from 'react';
import { App, DatePicker, Form, Input, Modal, Select, Tag } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { recommendationInputSchema } from '@duibiao/contracts';
import type { RecommendationCandidate, RecommendationDetail, RecommendationInput, RecommendationStatus, Report } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import type { TFunction } from '../../i18n/index.tsx';
import { applyApiError, parseWithSchema } from '../../lib/forms.ts';
import { listOwnerUnits } from './api.ts';

const STATUS_COLORS: Record<RecommendationStatus, string> = {
  proposed: 'default',
  accepted: 'blue',
  in_progress: 'processing',
  landed: 'success',
  rejected: 'error',
};

export function RecStatusTag({ status, overdue }: { status: RecommendationStatus; overdue?: boolean }) {
  const label = useLabel();
  const t = useT();
  return (
    <>
      <Tag color={STATUS_COLORS[status]}>{label('recommendationStatus', status)}</Tag>
      {overdue && <Tag color="red">{t('results.overdue')}</Tag>}
    </>
  );
}

export function ReportStatusTag({ status }: { status: Report['status'] }) {
  const label = useLabel();
  return <Tag color={status === 'submitted' ? 'green' : 'default'}>{label('reportStatus', status)}</Tag>;
}

export const reportOwner = (r: Report, t: TFunction): string =>
  r.topicTitle
    ? t('results.ownerTopic', { name: r.topicTitle })
    : r.groupName
      ? t('results.ownerGroup', { name: r.groupName })
      : r.cadreName
        ? t('results.ownerCadre', { name: r.cadreName })
        : t('results.ownerProgram');

/** The program's possible owner units (organizer and below), indented by depth. */
export function OwnerUnitSelect({ programId, id, value, onChange }: { programId: number; id?: string; value?: number; onChange?: (v: number) => void }) {
  const { data, loading } = useRequest((signal) => listOwnerUnits(programId, signal), programId);
  return (
    <Select<number>
      // Form.Item's id, so its label names the select (screen readers, getByLabel).
      id={id}
      showSearch={{ optionFilterProp: 'title' }}
      loading={loading}
      value={value}
      onChange={onChange}
      options={(data ?? []).map((o) => ({ value: o.id, title: o.name, label: `${'\u3000'.repeat(Math.min(o.depth, 4))}${o.name}` }))}
    />
  );
}

type FormValues = Omit<RecommendationInput, 'deadline'> & { deadline?: Dayjs | null };
const FIELDS = ['title', 'content', 'ownerOrgId', 'deadline', 'expectedEffect'];

/** Adds a recommendation through `save`; `initial` pre-fills it (e.g. a candidate found in the report text). */
export function RecommendationFormModal({
  open,
  programId,
  initial,
  save,
  onClose,
  onSaved,
}: {
  open: boolean;
  programId: number;
  initial?: RecommendationCandidate | null;
  save: (input: RecommendationInput) => Promise<RecommendationDetail>;
  onClose: () => void;
  onSaved: (r: RecommendationDetail) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const values = form.getFieldsValue(true) as FormValues;
    const input = parseWithSchema(recommendationInputSchema, { ...values, deadline: values.deadline ? values.deadline.format('YYYY-MM-DD') : null }, form);
    if (!input) return;
    setSaving(true);
    try {
      const saved = await save(input);
      void message.success(t('results.saved'));
      onSaved(saved);
    } catch (e) {
      setError(applyApiError(form, e, FIELDS));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('results.addRecommendation')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okText={t('results.save')}
      destroyOnHidden
    >
      {error && <div style={{ color: '#cf1322', marginBottom: 8 }}>{error}</div>}
      <Form
        form={form}
        name="recommendation"
        layout="vertical"
        preserve={false}
        initialValues={initial ? { title: initial.title, content: initial.content } : {}}
      >
        <Form.Item name="title" label={t('results.recTitle')} required>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="content" label={t('results.recContent')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="ownerOrgId" label={t('results.ownerUnit')} extra={t('results.ownerUnitHint')} required>
          <OwnerUnitSelect programId={programId} />
        </Form.Item>
        <Form.Item name="deadline" label={t('results.deadline')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} />
        </Form.Item>
        <Form.Item name="expectedEffect" label={t('results.expectedEffect')}>
          <Input maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
