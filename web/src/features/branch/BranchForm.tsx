// Form/edit the branch: name, formed-on date (on or before the program start) and note.
import { useState } from 'react';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { partyBranchInputSchema } from '@duibiao/contracts';
import type { PartyBranch, PartyBranchInput } from '@duibiao/contracts';
import { useT } from '../../i18n/index.tsx';
import { applyApiError, parseWithSchema } from '../../lib/forms.ts';

interface Props {
  open: boolean;
  branch: PartyBranch | null;
  startDate: string;
  onClose: () => void;
  onSave: (input: PartyBranchInput) => Promise<void>;
}

export function BranchForm({ open, branch, startDate, onClose, onSave }: Props) {
  const t = useT();
  const [form] = Form.useForm<PartyBranchInput>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setError(null);
    onClose();
  };

  const submit = async () => {
    const input = parseWithSchema(partyBranchInputSchema, form.getFieldsValue(true), form);
    if (!input) return;
    setSaving(true);
    try {
      await onSave(input);
      close();
    } catch (e) {
      setError(applyApiError(form, e, ['name', 'formedOn', 'note']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      onCancel={close}
      destroyOnHidden
      title={branch ? t('branch.edit') : t('branch.form')}
      footer={
        <Button type="primary" loading={saving} onClick={() => void submit()}>
          {t('branch.save')}
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={branch ? { name: branch.name, formedOn: branch.formedOn, note: branch.note } : undefined}>
        <Form.Item name="name" label={t('branch.name')} rules={[{ required: true }]}>
          <Input placeholder={t('branch.namePlaceholder')} maxLength={200} />
        </Form.Item>
        <Form.Item name="formedOn" label={t('branch.formedOn')} extra={t('branch.formedOnHint', { date: startDate })} rules={[{ required: true }]}>
          <Input type="date" max={startDate} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="note" label={t('branch.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
