// Sign-in: centred card; server errors (wrong password, locked, rate limited) shown above the form.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { loginBodySchema } from '@duibiao/contracts';
import type { LoginBody } from '@duibiao/contracts';
import { useT } from '../../i18n/index.tsx';
import { applyApiError, parseWithSchema } from '../../lib/forms.ts';
import { LanguageSwitch } from '../../components/HeaderActions.tsx';
import { login } from './session.ts';

/** Only same-site paths are valid redirect targets (no //evil.example). */
export const safeNext = (next: string | null): string => (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/');

export default function LoginPage() {
  const t = useT();
  const [form] = Form.useForm<LoginBody>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (values: LoginBody) => {
    const body = parseWithSchema(loginBodySchema, values, form);
    if (!body) return;
    setSubmitting(true);
    setError(null);
    try {
      const me = await login(body);
      // Trainees live on the phone pages; everyone else (or an explicit next) goes where they were heading.
      const next = params.get('next');
      await navigate(next === null && me.role === 'trainee' ? '/m' : safeNext(next), { replace: true });
    } catch (e) {
      setError(applyApiError(form, e, ['username', 'password']));
      setSubmitting(false);
    }
  };

  return (
    <main
      style={{
        flex: 1,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #15305f 0%, #1e5bb8 60%, #f5f6f8 60%)',
      }}
    >
      <Card style={{ width: '100%', maxWidth: 400, boxShadow: '0 8px 24px rgba(0,0,0,0.12)' }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <LanguageSwitch />
        </div>
        <div style={{ textAlign: 'center', margin: '8px 0 24px' }}>
          <span className="db-logo" style={{ width: 44, height: 44, fontSize: 24 }} aria-hidden>
            对
          </span>
          <Typography.Title level={3} style={{ margin: '12px 0 4px' }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </div>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={(values) => void onFinish(values)} requiredMark={false} autoComplete="on">
          <Form.Item label={t('login.username')} name="username" rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
