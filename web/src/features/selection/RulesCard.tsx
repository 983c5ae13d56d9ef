// The organizer's eligibility rules and targets as a form; server field errors land on their fields.
import { useEffect } from 'react';
import { App, Button, Card, Checkbox, Col, DatePicker, Form, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Rank, SelectionRulesInput, SelectionRulesView } from '@duibiao/contracts';
import { ApiError } from '../../api/client.ts';
import { useLabelOptions, useT } from '../../i18n/index.tsx';
import { putRules } from './api.ts';

interface Values {
  maxAge?: number | null;
  ageAsOf?: Dayjs | null;
  ranks?: Rank[];
  minServiceYears?: number | null;
  specialtiesAny?: string[];
  excludeOverlapping?: boolean;
  capacity?: number | null;
  grassrootsPercent?: number | null;
  nominationDeadline?: Dayjs | null;
}

const given = <T,>(v: T | null | undefined): T | undefined => (v === null || v === undefined ? undefined : v);

function toInput(v: Values): SelectionRulesInput {
  const eligibility = {
    maxAge: given(v.maxAge),
    ageAsOf: v.ageAsOf ? v.ageAsOf.format('YYYY-MM-DD') : undefined,
    ranks: v.ranks?.length ? v.ranks : undefined,
    minServiceYears: given(v.minServiceYears),
    specialtiesAny: v.specialtiesAny?.length ? v.specialtiesAny : undefined,
    excludeOverlapping: v.excludeOverlapping || undefined,
  };
  const share = given(v.grassrootsPercent);
  return {
    eligibility,
    capacity: given(v.capacity),
    grassrootsShareMin: share === undefined ? undefined : share / 100,
    nominationDeadline: v.nominationDeadline ? v.nominationDeadline.format('YYYY-MM-DD') : undefined,
  };
}

/** Server paths (eligibility.maxAge, grassrootsShareMin) → form field names. */
const FIELD: Record<string, keyof Values> = { grassrootsShareMin: 'grassrootsPercent' };
const fieldOf = (path: string): keyof Values => FIELD[path] ?? (path.replace(/^eligibility\./, '').split('.')[0] as keyof Values);

export function RulesCard({ programId, view, onSaved }: { programId: number; view: SelectionRulesView | undefined; onSaved: () => void }) {
  const t = useT();
  const options = useLabelOptions();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (!view) return;
    const e = view.rules.eligibility ?? {};
    form.setFieldsValue({
      maxAge: e.maxAge ?? null,
      ageAsOf: e.ageAsOf ? dayjs(e.ageAsOf) : null,
      ranks: e.ranks ?? [],
      minServiceYears: e.minServiceYears ?? null,
      specialtiesAny: e.specialtiesAny ?? [],
      excludeOverlapping: e.excludeOverlapping ?? false,
      capacity: view.rules.capacity ?? null,
      grassrootsPercent: view.rules.grassrootsShareMin === undefined ? null : Math.round(view.rules.grassrootsShareMin * 100),
      nominationDeadline: view.rules.nominationDeadline ? dayjs(view.rules.nominationDeadline) : null,
    });
  }, [view, form]);

  const save = async (values: Values) => {
    try {
      await putRules(programId, toInput(values));
      void message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.details.length) form.setFields(e.details.map((d) => ({ name: fieldOf(d.field), errors: [d.message] })));
      else void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Card title={t('selection.rules')} size="small">
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="maxAge" label={t('selection.maxAge')}>
              <InputNumber min={18} max={70} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="ageAsOf" label={t('selection.ageAsOf')} extra={view ? t('selection.ageAsOfHint', { day: view.referenceDay }) : undefined}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="minServiceYears" label={t('selection.minServiceYears')}>
              <InputNumber min={0} max={50} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="ranks" label={t('selection.ranks')}>
              <Select mode="multiple" allowClear options={options('rank')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="specialtiesAny" label={t('selection.specialtiesAny')}>
              <Select mode="tags" allowClear tokenSeparators={[',', '，', '、']} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name="capacity"
              label={t('selection.capacity')}
              extra={
                view && view.rules.capacity === undefined ? t('selection.capacityHint', { n: view.effectiveCapacity ?? t('selection.noLimit') }) : undefined
              }
            >
              <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="grassrootsPercent" label={t('selection.grassrootsTarget')}>
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="nominationDeadline" label={t('selection.nominationDeadline')} extra={t('selection.nominationDeadlineHint')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="excludeOverlapping" valuePropName="checked">
              <Checkbox>{t('selection.excludeOverlapping')}</Checkbox>
            </Form.Item>
          </Col>
          <Col xs={24} md={24} style={{ textAlign: 'right' }}>
            <Button type="primary" htmlType="submit">
              {t('selection.saveRules')}
            </Button>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
