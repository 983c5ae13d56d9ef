// Create or edit a program in a drawer: the shared Zod schema checks it first, server field errors land on fields.
import { useEffect, useState } from 'react';
import { App, Button, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { programInputSchema, programPatchSchema } from '@duibiao/contracts';
import type { ProgramDetail, ProgramType, SessionType } from '@duibiao/contracts';
import { useLabelOptions, useT } from '../../i18n/index.tsx';
import { applyApiError, parseWithSchema } from '../../lib/forms.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { useMe } from '../auth/session.ts';
import { createProgram, updateProgram } from './api.ts';

interface Values {
  name: string;
  type: ProgramType;
  themes: string[];
  organizerOrgId: number;
  partner?: string | null;
  startDate: Dayjs | null;
  endDate: Dayjs | null;
  places: string[];
  budgetYuan?: number | null;
  targets: { onsiteShareMin?: number | null; seminarHoursMin?: number | null; minimums: { sessionType?: SessionType; hoursMin?: number }[] };
  description?: string | null;
}

const FIELDS = ['name', 'type', 'themes', 'organizerOrgId', 'partner', 'startDate', 'endDate', 'places', 'budgetYuan', 'targets', 'description'];
const textOrNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

function toValues(p: ProgramDetail): Values {
  return {
    name: p.name,
    type: p.type,
    themes: p.themes,
    organizerOrgId: p.organizer.id,
    partner: p.partner,
    startDate: dayjs(p.startDate),
    endDate: dayjs(p.endDate),
    places: p.places,
    budgetYuan: p.budgetYuan,
    targets: { onsiteShareMin: p.targets.onsiteShareMin ?? null, seminarHoursMin: p.targets.seminarHoursMin ?? null, minimums: p.targets.minimums },
    description: p.description,
  };
}

function toBody(v: Values) {
  return {
    name: v.name?.trim(),
    type: v.type,
    themes: v.themes ?? [],
    organizerOrgId: v.organizerOrgId,
    partner: textOrNull(v.partner),
    startDate: v.startDate?.format('YYYY-MM-DD'),
    endDate: v.endDate?.format('YYYY-MM-DD'),
    places: v.places ?? [],
    budgetYuan: v.budgetYuan ?? null,
    targets: {
      onsiteShareMin: v.targets?.onsiteShareMin ?? null,
      seminarHoursMin: v.targets?.seminarHoursMin ?? null,
      minimums: (v.targets?.minimums ?? []).filter((m) => m.sessionType),
    },
    description: textOrNull(v.description),
  };
}

interface Props {
  open: boolean;
  program: ProgramDetail | null;
  onClose: () => void;
  onSaved: (p: ProgramDetail) => void;
}

export function ProgramFormDrawer({ open, program, onClose, onSaved }: Props) {
  const t = useT();
  const me = useMe();
  const options = useLabelOptions();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      program
        ? toValues(program)
        : { type: 'centralized_class', organizerOrgId: me.org.id, themes: [], places: [], targets: { minimums: [] }, startDate: null, endDate: null },
    );
  }, [open, program, form, me.org.id]);

  const submit = async () => {
    await form.validateFields();
    const body = toBody(form.getFieldsValue(true) as Values);
    setSaving(true);
    setError(null);
    try {
      let saved: ProgramDetail;
      if (program) {
        const patch = parseWithSchema(programPatchSchema, body, form);
        if (!patch) return;
        saved = await updateProgram(program.id, patch);
      } else {
        const input = parseWithSchema(programInputSchema, body, form);
        if (!input) return;
        saved = await createProgram(input);
      }
      void message.success(t('common.saved'));
      onSaved(saved);
    } catch (e) {
      setError(applyApiError(form, e, FIELDS));
    } finally {
      setSaving(false);
    }
  };

  const half = { xs: 24, sm: 12 };
  const percent = {
    // Stored as a share 0..1, typed as a percentage.
    getValueProps: (v: number | null | undefined) => ({ value: v === null || v === undefined ? v : Math.round(v * 1000) / 10 }),
    normalize: (v: number | null) => (v === null || v === undefined ? null : v / 100),
  };
  return (
    <FormDrawer
      title={program ? t('programs.editTitle', { name: program.name }) : t('programs.create')}
      open={open}
      onClose={onClose}
      width={680}
      saving={saving}
      onSave={submit}
      error={error}
      onAfterClose={() => setError(null)}
    >
      <Form name="program" form={form} layout="vertical">
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item label={t('programs.name')} name="name" rules={[{ required: true }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('programs.type')} name="type" rules={[{ required: true }]}>
              <Select options={options('programType')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('programs.organizer')} name="organizerOrgId" rules={[{ required: true }]}>
              <OrgTreeSelect />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('programs.startDate')} name="startDate" rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('programs.endDate')} name="endDate" rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label={t('programs.themes')} name="themes" extra={t('programs.themesHint')}>
              <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('programs.partner')} name="partner" extra={t('programs.partnerHint')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('programs.places')} name="places">
              <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('programs.budget')} name="budgetYuan">
              <InputNumber min={0} step={10000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">{t('programs.targets')}</Divider>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item label={t('programs.onsiteShareMin')} name={['targets', 'onsiteShareMin']} {...percent}>
              <InputNumber min={0} max={100} step={5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('programs.seminarHoursMin')} name={['targets', 'seminarHoursMin']}>
              <InputNumber min={0} step={1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name={['targets', 'minimums']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item name={[field.name, 'sessionType']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
                    <Select options={options('sessionType')} placeholder={t('programs.minimumType')} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'hoursMin']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
                    <InputNumber min={0} placeholder={t('programs.minimumHours')} style={{ width: 150 }} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>
                {t('programs.addMinimum')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item label={t('programs.description')} name="description">
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
