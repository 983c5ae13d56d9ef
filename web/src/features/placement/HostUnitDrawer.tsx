// Register or edit a host unit (实训单位) in a drawer; the contact account must be a host-contact user in scope.
import { useEffect, useState } from 'react';
import { App, Form, Input, InputNumber, Select } from 'antd';
import { hostUnitInputSchema, hostUnitPatchSchema } from '@duibiao/contracts';
import type { HostUnit } from '@duibiao/contracts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabelOptions, useT } from '../../i18n/index.tsx';
import { applyApiError, parseWithSchema } from '../../lib/forms.ts';
import { useCan, useMe } from '../auth/session.ts';
import { listUsers } from '../users/api.ts';
import { createHostUnit, updateHostUnit } from './api.ts';

interface Values {
  orgId?: number;
  name: string;
  kind: string;
  city?: string;
  field?: string;
  address?: string;
  capacity: number;
  contactUserId?: number | null;
  contactName?: string;
  contactPhone?: string;
  mentorName?: string;
}
const FIELDS = ['orgId', 'name', 'kind', 'city', 'field', 'address', 'capacity', 'contactUserId', 'contactName', 'contactPhone', 'mentorName'];

interface Props {
  open: boolean;
  unit: HostUnit | null;
  onClose: () => void;
  onSaved: () => void;
}

export function HostUnitDrawer({ open, unit, onClose, onSaved }: Props) {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const options = useLabelOptions();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const contacts = useRequest((signal) => listUsers({ role: 'host_contact', pageSize: 500 }, signal), 'host-contacts', open && can('user:read'));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (unit) form.setFieldsValue({ ...unit, contactUserId: unit.contactUser?.id ?? null, orgId: unit.org.id } as unknown as Values);
    else form.setFieldsValue({ orgId: me.org.id, kind: 'enterprise', capacity: 1 });
  }, [open, unit, form, me.org.id]);

  const submit = async () => {
    await form.validateFields();
    const v = form.getFieldsValue(true) as Values;
    const body = {
      name: v.name,
      kind: v.kind,
      city: v.city ?? null,
      field: v.field ?? null,
      address: v.address ?? null,
      capacity: v.capacity,
      contactUserId: v.contactUserId ?? null,
      contactName: v.contactName ?? null,
      contactPhone: v.contactPhone ?? null,
      mentorName: v.mentorName ?? null,
    };
    setSaving(true);
    setError(null);
    try {
      if (unit) {
        const patch = parseWithSchema(hostUnitPatchSchema, body, form);
        if (!patch) return;
        await updateHostUnit(unit.id, patch);
      } else {
        const input = parseWithSchema(hostUnitInputSchema, { ...body, orgId: v.orgId }, form);
        if (!input) return;
        await createHostUnit(input);
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
    <FormDrawer
      title={unit ? t('placement.units.edit') : t('placement.units.create')}
      open={open}
      onClose={onClose}
      width={560}
      saving={saving}
      onSave={submit}
      error={error}
    >
      <Form form={form} layout="vertical">
        {!unit && (
          <Form.Item label={t('placement.units.org')} name="orgId" rules={[{ required: true }]}>
            <OrgTreeSelect />
          </Form.Item>
        )}
        <Form.Item label={t('placement.units.name')} name="name" rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('placement.units.kind')} name="kind" rules={[{ required: true }]}>
          <Select options={options('hostUnitKind')} />
        </Form.Item>
        <Form.Item label={t('placement.units.city')} name="city">
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label={t('placement.units.field')} name="field">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={t('placement.units.address')} name="address">
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item label={t('placement.units.capacity')} name="capacity" rules={[{ required: true }]}>
          <InputNumber min={0} max={10000} precision={0} />
        </Form.Item>
        <Form.Item label={t('placement.units.contactUser')} name="contactUserId" extra={t('placement.units.contactUserHelp')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={contacts.loading}
            options={(contacts.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.org.name}）` }))}
          />
        </Form.Item>
        <Form.Item label={t('placement.units.contactName')} name="contactName">
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label={t('placement.units.contactPhone')} name="contactPhone">
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item label={t('placement.units.mentor')} name="mentorName">
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
