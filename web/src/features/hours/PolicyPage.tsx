// /hours/policy — how attendance becomes 学时 for programs organized under a node: set here, inherited, or the default.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Form, InputNumber, Popconfirm, Radio, Row, Space, Typography } from 'antd';
import { CREDIT_MODES, creditPolicySchema, type CreditPolicyInput } from '@duibiao/contracts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useT } from '../../i18n/index.tsx';
import { applyApiError, parseWithSchema } from '../../lib/forms.ts';
import { useCan, useMe } from '../auth/session.ts';
import { getPolicy, putPolicy, resetPolicy } from './api.ts';
import { HoursHeader } from './HoursNav.tsx';

const FIELDS = ['late', 'leftEarly', 'lateGraceMinutes', 'onlineFactor', 'roundTo'];

export default function PolicyPage() {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const { message } = App.useApp();
  const [orgId, setOrgId] = useState(me.org.id);
  const { data, error, loading, reload } = useRequest((signal) => getPolicy(orgId, signal), orgId);
  const [form] = Form.useForm<CreditPolicyInput>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const writable = can('hours:write');

  useEffect(() => {
    if (data) form.setFieldsValue(data.policy);
  }, [data, form]);

  const save = async () => {
    const values = parseWithSchema(creditPolicySchema, form.getFieldsValue(true), form);
    if (!values) return;
    setSaving(true);
    setFormError(null);
    try {
      await putPolicy(orgId, values);
      void message.success(t('hours.policy.saved'));
      reload();
    } catch (e) {
      setFormError(applyApiError(form, e, FIELDS));
    } finally {
      setSaving(false);
    }
  };

  const modeOptions = CREDIT_MODES.map((m) => ({ value: m, label: t(`hours.mode.${m}`) }));
  const source =
    data?.source === 'own'
      ? t('hours.policy.sourceOwn')
      : data?.source === 'inherited'
        ? t('hours.policy.sourceInherited', { org: data.from?.name ?? '' })
        : t('hours.policy.sourceDefault');

  return (
    <>
      <HoursHeader />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('hours.policy.title')} loading={loading && !data}>
            <Space wrap style={{ marginBottom: 16 }}>
              <span>{t('hours.policy.org')}</span>
              <OrgTreeSelect style={{ width: 260 }} value={orgId} onChange={(v) => setOrgId(v ?? me.org.id)} aria-label={t('hours.policy.org')} />
            </Space>
            {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
            {data && <Alert type={data.source === 'own' ? 'success' : 'info'} showIcon title={source} style={{ marginBottom: 16 }} />}
            {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
            <Form form={form} layout="vertical" disabled={!writable} onFinish={() => void save()}>
              <Form.Item name="late" label={t('hours.policy.late')}>
                <Radio.Group options={modeOptions} />
              </Form.Item>
              <Form.Item name="lateGraceMinutes" label={t('hours.policy.grace')} extra={t('hours.policy.graceHelp')}>
                <InputNumber min={0} max={120} precision={0} addonAfter={t('hours.policy.minutes')} />
              </Form.Item>
              <Form.Item name="leftEarly" label={t('hours.policy.leftEarly')}>
                <Radio.Group options={modeOptions} />
              </Form.Item>
              <Form.Item name="onlineFactor" label={t('hours.policy.onlineFactor')} extra={t('hours.policy.onlineFactorHelp')}>
                <InputNumber min={0} max={2} step={0.1} />
              </Form.Item>
              <Form.Item name="roundTo" label={t('hours.policy.roundTo')}>
                <Radio.Group
                  options={[
                    { value: 0.1, label: '0.1' },
                    { value: 0.5, label: '0.5' },
                    { value: 1, label: '1' },
                  ]}
                />
              </Form.Item>
              {writable && (
                <Space>
                  <Button type="primary" htmlType="submit" loading={saving}>
                    {t('hours.policy.save')}
                  </Button>
                  {data?.source === 'own' && (
                    <Popconfirm
                      title={t('hours.policy.resetConfirm')}
                      onConfirm={() =>
                        void resetPolicy(orgId).then(
                          () => reload(),
                          (e: unknown) => void message.error(e instanceof Error ? e.message : String(e)),
                        )
                      }
                    >
                      <Button>{t('hours.policy.reset')}</Button>
                    </Popconfirm>
                  )}
                </Space>
              )}
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('hours.policy.howTitle')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('hours.mode.full')}>{t('hours.policy.fullHelp')}</Descriptions.Item>
              <Descriptions.Item label={t('hours.mode.proportional')}>{t('hours.policy.proportionalHelp')}</Descriptions.Item>
              <Descriptions.Item label={t('hours.mode.none')}>{t('hours.policy.noneHelp')}</Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('hours.policy.notes')}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </>
  );
}
