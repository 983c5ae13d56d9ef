// Set a new password for another user.
import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { PASSWORD_RULE_MESSAGE, resetPasswordBodySchema } from '@duibiao/contracts';
import type { User } from '@duibiao/contracts';
import { useLang, useT } from '../../i18n/index.tsx';
import { applyApiError, parseWithSchema } from '../../lib/forms.ts';
import { resetUserPassword } from './api.ts';

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!user) return;
    const values = await form.validateFields();
    const body = parseWithSchema(resetPasswordBodySchema, values, form);
    if (!body) return;
    setSaving(true);
    setError(null);
    try {
      await resetUserPassword(user.id, body.newPassword);
      void message.success(t('users.passwordReset'));
      onClose();
    } catch (e) {
      setError(applyApiError(form, e, ['newPassword']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={user ? t('users.resetPasswordFor', { name: user.displayName }) : ''}
      open={user !== null}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item label={t('password.new')} name="newPassword" rules={[{ required: true }]} extra={lang === 'zh' ? PASSWORD_RULE_MESSAGE : t('password.rule')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
