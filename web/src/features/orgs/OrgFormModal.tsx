// Create a child org or edit one: code, name, level, kind (validated with the contract schema).
import { useEffect, useState } from 'react';
import { App, Alert, Form, Input, Modal, Select } from 'antd';
import { createOrgBodySchema, ORG_LEVELS, updateOrgBodySchema } from '@duibiao/contracts';
import type { OrgKind, OrgLevel, OrgNode } from '@duibiao/contracts';
import { useLabelOptions, useT } from '../../i18n/index.tsx';
import { applyApiError, parseWithSchema } from '../../lib/forms.ts';
import { createOrg, updateOrg } from './api.ts';

export type OrgFormTarget = { mode: 'create'; parent: OrgNode } | { mode: 'edit'; org: OrgNode };

interface Values {
  code: string;
  name: string;
  level: OrgLevel;
  kind: OrgKind;
}

const FIELDS = ['code', 'name', 'level', 'kind'];

/** Sensible defaults for a new child: one level down, a kind matching that level. */
function childDefaults(parent: OrgNode): Partial<Values> {
  const level = ORG_LEVELS[Math.min(ORG_LEVELS.indexOf(parent.level) + 1, ORG_LEVELS.length - 1)]!;
  const kind: OrgKind = level === 'township' ? 'township' : level === 'village' ? 'village' : 'party_gov';
  return { level, kind, code: `${parent.code}-` };
}

export function OrgFormModal({ target, onClose, onSaved }: { target: OrgFormTarget | null; onClose: () => void; onSaved: (org: OrgNode) => void }) {
  const t = useT();
  const options = useLabelOptions();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue(target.mode === 'edit' ? target.org : childDefaults(target.parent));
  }, [target, form]);

  const submit = async () => {
    if (!target) return;
    await form.validateFields();
    const values = form.getFieldsValue();
    setSaving(true);
    setError(null);
    try {
      let saved: OrgNode;
      if (target.mode === 'create') {
        const body = parseWithSchema(createOrgBodySchema, { ...values, parentId: target.parent.id }, form);
        if (!body) return;
        saved = await createOrg(body);
      } else {
        const body = parseWithSchema(updateOrgBodySchema, values, form);
        if (!body) return;
        saved = await updateOrg(target.org.id, body);
      }
      void message.success(t('common.saved'));
      onSaved(saved);
    } catch (e) {
      setError(applyApiError(form, e, FIELDS));
    } finally {
      setSaving(false);
    }
  };

  const title = !target ? '' : target.mode === 'create' ? t('orgs.createChildOf', { name: target.parent.name }) : t('orgs.edit');
  return (
    <Modal
      title={title}
      open={target !== null}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={saving}
      afterClose={() => setError(null)}
      forceRender
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Form.Item label={t('orgs.name')} name="name" rules={[{ required: true, message: t('orgs.nameRequired') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={t('orgs.code')} name="code" rules={[{ required: true, message: t('orgs.codeRequired') }]} extra={t('orgs.codeHint')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label={t('orgs.level')} name="level" rules={[{ required: true }]}>
          <Select options={options('orgLevel')} />
        </Form.Item>
        <Form.Item label={t('orgs.kind')} name="kind" rules={[{ required: true }]}>
          <Select options={options('orgKind')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
