// Add or edit one compliance rule; the server's validateHoursRule answers with dotted paths that land on the fields.
import { useState } from 'react';
import { Alert, Button, Drawer, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { RANKS, type HoursRuleDto, type Rank } from '@duibiao/contracts';
import { ApiError } from '../../api/client.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { createRule, updateRule } from './api.ts';

interface Values {
  id: string;
  name: { zh: string; en: string };
  appliesTo: { ranks: Rank[] };
  window: { kind: 'calendarYear' | 'calendarYears'; years?: number; anchorYear?: number };
  category: 'all' | 'online';
  minHours?: number | null;
  minDays?: number | null;
}

const EMPTY: Values = {
  id: '',
  name: { zh: '', en: '' },
  appliesTo: { ranks: ['township', 'staff'] },
  window: { kind: 'calendarYear', years: 5, anchorYear: 2023 },
  category: 'all',
  minHours: 90,
  minDays: null,
};

/** 'appliesTo.ranks[1]' → ['appliesTo', 'ranks']: a list error belongs to the list's field. */
const fieldPath = (field: string) =>
  field
    .replace(/\[\d+\]$/, '')
    .split('.')
    .filter(Boolean);

function toDto(v: Values): HoursRuleDto {
  return {
    id: v.id.trim(),
    name: { zh: v.name.zh, en: v.name.en },
    appliesTo: { ranks: v.appliesTo.ranks },
    window:
      v.window.kind === 'calendarYear' ? { kind: 'calendarYear' } : { kind: 'calendarYears', years: v.window.years ?? 0, anchorYear: v.window.anchorYear ?? 0 },
    category: v.category,
    ...(v.minHours === null || v.minHours === undefined ? {} : { minHours: v.minHours }),
    ...(v.minDays === null || v.minDays === undefined ? {} : { minDays: v.minDays }),
  };
}

export function RuleFormDrawer({ open, rule, onClose, onSaved }: { open: boolean; rule: HoursRuleDto | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const kind = Form.useWatch(['window', 'kind'], form);

  /** Fresh values each time the drawer opens (the same drawer serves add and edit). */
  const reset = () => {
    setFormError(null);
    form.resetFields();
    form.setFieldsValue(
      rule
        ? {
            ...rule,
            window: rule.window.kind === 'calendarYear' ? { kind: 'calendarYear', years: 5, anchorYear: 2023 } : rule.window,
            minHours: rule.minHours ?? null,
            minDays: rule.minDays ?? null,
          }
        : EMPTY,
    );
  };

  const submit = async () => {
    const values = form.getFieldsValue(true) as Values;
    setSaving(true);
    setFormError(null);
    try {
      const dto = toDto(values);
      await (rule ? updateRule(rule.id, dto) : createRule(dto));
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.details.length > 0) {
        form.setFields(e.details.filter((d) => d.field !== '').map((d) => ({ name: fieldPath(d.field) as never, errors: [d.message] })));
        if (e.details.some((d) => d.field === '')) setFormError(e.message);
      } else {
        setFormError(e instanceof Error ? e.message : String(e));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      forceRender
      afterOpenChange={(isOpen) => isOpen && reset()}
      size={520}
      title={rule ? t('hours.rules.edit') : t('hours.rules.add')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item name="id" label={t('hours.rules.code')} extra={t('hours.rules.codeHelp')}>
          <Input disabled={!!rule} maxLength={60} />
        </Form.Item>
        <Form.Item name={['name', 'zh']} label={t('hours.rules.nameZh')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name={['name', 'en']} label={t('hours.rules.nameEn')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name={['appliesTo', 'ranks']} label={t('hours.rules.ranks')}>
          <Select mode="multiple" options={RANKS.map((r) => ({ value: r, label: label('rank', r) }))} />
        </Form.Item>
        <Form.Item name={['window', 'kind']} label={t('hours.rules.window')}>
          <Radio.Group
            options={[
              { value: 'calendarYear', label: t('hours.window.year') },
              { value: 'calendarYears', label: t('hours.rules.windowBlock') },
            ]}
          />
        </Form.Item>
        {kind === 'calendarYears' && (
          <Space size={16} align="start">
            <Form.Item name={['window', 'years']} label={t('hours.rules.years')}>
              <InputNumber min={1} max={50} precision={0} />
            </Form.Item>
            <Form.Item name={['window', 'anchorYear']} label={t('hours.rules.anchorYear')}>
              <InputNumber min={1} max={9999} precision={0} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="category" label={t('hours.rules.category')}>
          <Radio.Group
            options={[
              { value: 'all', label: t('hours.category.all') },
              { value: 'online', label: t('hours.category.online') },
            ]}
          />
        </Form.Item>
        <Space size={16} align="start">
          <Form.Item name="minHours" label={t('hours.rules.minHours')}>
            <InputNumber min={0} step={1} />
          </Form.Item>
          <Form.Item name="minDays" label={t('hours.rules.minDays')}>
            <InputNumber min={0} step={1} />
          </Form.Item>
        </Space>
        <Alert type="info" showIcon title={t('hours.rules.anyHelp')} />
      </Form>
    </Drawer>
  );
}
