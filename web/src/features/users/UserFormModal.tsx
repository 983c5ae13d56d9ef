// Create or edit a user account (username and initial password only when creating).
import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { createUserBodySchema, PASSWORD_RULE_MESSAGE, updateUserBodySchema } from '@duibiao/contracts';
import type { Role, User } from '@duibiao/contracts';
import { useLabelOptions, useLang, useT } from '../../i18n/index.tsx';
import { applyApiError, parseWithSchema } from '../../lib/forms.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { createUser, updateUser } from './api.ts';

export type UserFormTarget = { mode: 'create'; orgId: number } | { mode: 'edit'; user: User };

interface Values {
  username?: string;
  displayName: string;
  password?: string;
  role: Role;
  orgId: number;
  cadreId?: number | null;
  isActive?: boolean;
}

const FIELDS = ['username', 'displayName', 'password', 'role', 'orgId', 'cadreId', 'isActive'];

export function UserFormModal({ target, onClose, onSaved }: { target: UserFormTarget | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const options = useLabelOptions();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isCreate = target?.mode === 'create';

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'create') form.setFieldsValue({ orgId: target.orgId, role: 'program_manager', cadreId: null });
    else {
      const { user } = target;
      form.setFieldsValue({ displayName: user.displayName, role: user.role, orgId: user.org.id, cadreId: user.cadreId, isActive: user.isActive });
    }
  }, [target, form]);

  const submit = async () => {
    if (!target) return;
    await form.validateFields();
    const values = { ...form.getFieldsValue(), cadreId: (form.getFieldValue('cadreId') as number | null | undefined) ?? null };
    setSaving(true);
    setError(null);
    try {
      if (target.mode === 'create') {
        const body = parseWithSchema(createUserBodySchema, values, form);
        if (!body) return;
        await createUser(body);
      } else {
        const body = parseWithSchema(updateUserBodySchema, values, form);
        if (!body) return;
        await updateUser(target.user.id, body);
      }
      void message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      setError(applyApiError(form, e, FIELDS));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={isCreate ? t('users.create') : t('users.edit')}
      open={target !== null}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={saving}
      afterClose={() => setError(null)}
      forceRender
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        {isCreate && (
          <Form.Item label={t('users.username')} name="username" rules={[{ required: true }]} extra={t('users.usernameHint')}>
            <Input autoComplete="off" maxLength={32} />
          </Form.Item>
        )}
        <Form.Item label={t('users.displayName')} name="displayName" rules={[{ required: true }]}>
          <Input maxLength={50} />
        </Form.Item>
        {isCreate && (
          <Form.Item
            label={t('users.initialPassword')}
            name="password"
            rules={[{ required: true }]}
            extra={lang === 'zh' ? PASSWORD_RULE_MESSAGE : t('password.rule')}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item label={t('users.role')} name="role" rules={[{ required: true }]}>
          <Select options={options('role')} />
        </Form.Item>
        <Form.Item label={t('users.org')} name="orgId" rules={[{ required: true }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item label={t('users.cadreId')} name="cadreId" extra={t('users.cadreIdHint')}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        {!isCreate && (
          <Form.Item label={t('users.active')} name="isActive" valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
