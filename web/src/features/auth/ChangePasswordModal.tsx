// Account menu → change password (current + new + confirmation).
import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { changePasswordBodySchema, PASSWORD_RULE_MESSAGE } from '@duibiao/contracts';
import { useLang, useT } from '../../i18n/index.tsx';
import { applyApiError, parseWithSchema } from '../../lib/forms.ts';
import { changePassword } from './session.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const values = await form.validateFields();
    const body = parseWithSchema(changePasswordBodySchema, values, form);
    if (!body) return;
    setSaving(true);
    try {
      await changePassword(body);
      void message.success(t('password.changed'));
      form.resetFields();
      onClose();
    } catch (e) {
      const msg = applyApiError(form, e, ['currentPassword', 'newPassword']);
      if (msg) void message.error(msg);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={t('header.changePassword')}
      open={open}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item label={t('password.current')} name="currentPassword" rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('password.new')}
          name="newPassword"
          extra={lang === 'zh' ? PASSWORD_RULE_MESSAGE : t('password.rule')}
          rules={[{ required: true }, { min: 10, message: lang === 'zh' ? PASSWORD_RULE_MESSAGE : t('password.rule') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('password.confirm')}
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
