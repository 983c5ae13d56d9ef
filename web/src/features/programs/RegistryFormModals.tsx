// Create/edit forms of the instructor and venue registries.
import { useEffect, useState } from 'react';
import { Alert, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Switch } from 'antd';
import { INSTRUCTOR_ROLE_LABELS, INSTRUCTOR_ROLES, instructorInputSchema, instructorPatchSchema, venueInputSchema, venuePatchSchema } from '@duibiao/contracts';
import type { Instructor, Venue } from '@duibiao/contracts';
import { useLang, useT } from '../../i18n/index.tsx';
import { applyApiError, parseWithSchema } from '../../lib/forms.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { useMe } from '../auth/session.ts';
import { createInstructor, createVenue, updateInstructor, updateVenue } from './api.ts';

const textOrNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

interface ModalProps<T> {
  target: T | 'new' | null;
  onClose: () => void;
  onSaved: () => void;
}

/** Shared life of both forms: reset on open, validate with the contract schema, map server field errors. */
function useRegistryForm<V extends object>(open: boolean, initial: () => V, fields: string[]) {
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(initial() as Parameters<typeof form.setFieldsValue>[0]);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset only when the modal opens for a target
  }, [open]);
  const save = async (send: (values: V) => Promise<boolean>, onSaved: () => void) => {
    const values = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      if (await send(values)) onSaved();
    } catch (e) {
      setError(applyApiError(form, e, fields));
    } finally {
      setSaving(false);
    }
  };
  const afterOpenChange = (isOpen: boolean) => {
    if (!isOpen) setError(null);
  };
  return { form, saving, error, save, afterOpenChange };
}

export function InstructorFormModal({ target, onClose, onSaved }: ModalProps<Instructor>) {
  const t = useT();
  const { lang } = useLang();
  const me = useMe();
  const { form, saving, error, save, afterOpenChange } = useRegistryForm(
    target !== null,
    () => (target && target !== 'new' ? { ...target, orgId: target.org.id } : { orgId: me.org.id, external: false, role: 'professor' }),
    ['orgId', 'name', 'title', 'unit', 'external', 'role'],
  );
  const submit = () =>
    save(async (v: Record<string, unknown>) => {
      const body = { ...v, title: textOrNull(v.title as string), unit: textOrNull(v.unit as string) };
      if (target === 'new') {
        const input = parseWithSchema(instructorInputSchema, body, form);
        if (!input) return false;
        await createInstructor(input);
      } else if (target) {
        const patch = parseWithSchema(instructorPatchSchema, body, form);
        if (!patch) return false;
        await updateInstructor(target.id, patch);
      }
      return true;
    }, onSaved);
  const half = { xs: 24, sm: 12 };
  return (
    <Modal
      open={target !== null}
      title={target === 'new' ? t('registry.addInstructor') : t('registry.editInstructor')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={saving}
      forceRender
      afterOpenChange={afterOpenChange}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form name="instructor" form={form} layout="vertical">
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item label={t('registry.instructorName')} name="name" rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('registry.role')} name="role" rules={[{ required: true }]}>
              <Select options={INSTRUCTOR_ROLES.map((r) => ({ value: r, label: INSTRUCTOR_ROLE_LABELS[r][lang] }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('registry.title_')} name="title">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('registry.unit')} name="unit">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('registry.org')} name="orgId" rules={[{ required: true }]}>
              <OrgTreeSelect />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('registry.external')} name="external" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

export function VenueFormModal({ target, onClose, onSaved }: ModalProps<Venue>) {
  const t = useT();
  const me = useMe();
  const { form, saving, error, save, afterOpenChange } = useRegistryForm(
    target !== null,
    () => (target && target !== 'new' ? { ...target, orgId: target.org.id, coordSystem: 'wgs84' } : { orgId: me.org.id, offsite: false, coordSystem: 'wgs84' }),
    ['orgId', 'name', 'address', 'lat', 'lng', 'offsite', 'coordSystem'],
  );
  const submit = () =>
    save(async (v: Record<string, unknown>) => {
      const body = { ...v, address: textOrNull(v.address as string), lat: v.lat ?? null, lng: v.lng ?? null };
      if (target === 'new') {
        const input = parseWithSchema(venueInputSchema, body, form);
        if (!input) return false;
        await createVenue(input);
      } else if (target) {
        const patch = parseWithSchema(venuePatchSchema, body, form);
        if (!patch) return false;
        await updateVenue(target.id, patch);
      }
      return true;
    }, onSaved);
  const half = { xs: 24, sm: 12 };
  return (
    <Modal
      open={target !== null}
      title={target === 'new' ? t('registry.addVenue') : t('registry.editVenue')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={saving}
      width={620}
      forceRender
      afterOpenChange={afterOpenChange}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form name="venue" form={form} layout="vertical">
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item label={t('registry.venueName')} name="name" rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('registry.org')} name="orgId" rules={[{ required: true }]}>
              <OrgTreeSelect />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label={t('registry.address')} name="address">
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('registry.lat')} name="lat">
              <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('registry.lng')} name="lng">
              <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label={t('registry.coordSystem')} name="coordSystem" extra={t('registry.coordHint')}>
              <Radio.Group
                options={[
                  { value: 'wgs84', label: t('registry.coordWgs') },
                  { value: 'gcj02', label: t('registry.coordGcj') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label={t('registry.offsite')} name="offsite" valuePropName="checked" extra={t('registry.offsiteHint')}>
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
