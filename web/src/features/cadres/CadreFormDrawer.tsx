// Create or edit a cadre in a drawer; masked ID/mobile values are only sent when the user replaced them.
import { useEffect, useState } from 'react';
import { App, Col, DatePicker, Divider, Form, Input, Row, Select } from 'antd';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { cadreInputSchema, cadrePatchSchema } from '@duibiao/contracts';
import type { CadreDetail, Education, Rank } from '@duibiao/contracts';
import { useLabelOptions, useT } from '../../i18n/index.tsx';
import { applyApiError, parseWithSchema } from '../../lib/forms.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { useMe } from '../auth/session.ts';
import { createCadre, updateCadre } from './api.ts';
import { ExperienceFields } from './ExperienceFields.tsx';

interface Values {
  name: string;
  idNumber: string;
  orgId: number;
  ethnicity?: string | null;
  politicalStatus?: string | null;
  mobile?: string | null;
  position?: string | null;
  rank?: Rank | null;
  education?: Education | null;
  specialties: string[];
  workStartDate?: Dayjs | null;
  experiences: { startDate: Dayjs | null; endDate: Dayjs | null; unitName: string; position: string }[];
}

const FIELDS = [
  'name',
  'idNumber',
  'orgId',
  'ethnicity',
  'politicalStatus',
  'mobile',
  'position',
  'rank',
  'education',
  'specialties',
  'workStartDate',
  'experiences',
];
const day = (s: string | null | undefined) => (s ? dayjs(s) : null);
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const textOrNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

function toValues(c: CadreDetail): Values {
  return {
    name: c.name,
    idNumber: c.idNumber,
    orgId: c.org.id,
    ethnicity: c.ethnicity,
    politicalStatus: c.politicalStatus,
    mobile: c.mobile,
    position: c.position,
    rank: c.rank,
    education: c.education,
    specialties: c.specialties,
    workStartDate: day(c.workStartDate),
    experiences: c.experiences.map((e) => ({ startDate: day(e.startDate), endDate: day(e.endDate), unitName: e.unitName, position: e.position })),
  };
}

function toBody(v: Values) {
  return {
    name: v.name,
    idNumber: v.idNumber?.trim(),
    orgId: v.orgId,
    ethnicity: textOrNull(v.ethnicity),
    politicalStatus: textOrNull(v.politicalStatus),
    mobile: textOrNull(v.mobile),
    position: textOrNull(v.position),
    rank: v.rank ?? null,
    education: v.education ?? null,
    specialties: v.specialties ?? [],
    workStartDate: iso(v.workStartDate),
    experiences: (v.experiences ?? []).map((e) => ({ startDate: iso(e.startDate), endDate: iso(e.endDate), unitName: e.unitName, position: e.position })),
  };
}

interface Props {
  open: boolean;
  cadre: CadreDetail | null;
  onClose: () => void;
  onSaved: (c: CadreDetail) => void;
}

export function CadreFormDrawer({ open, cadre, onClose, onSaved }: Props) {
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
    form.setFieldsValue(cadre ? toValues(cadre) : { orgId: me.org.id, specialties: [], experiences: [] });
  }, [open, cadre, form, me.org.id]);

  const submit = async () => {
    await form.validateFields();
    const body: Record<string, unknown> = toBody(form.getFieldsValue(true) as Values);
    setSaving(true);
    setError(null);
    try {
      let saved: CadreDetail;
      if (cadre) {
        // Masked values came from the server; unchanged means "keep what is stored".
        if (body.idNumber === cadre.idNumber) delete body.idNumber;
        if (body.mobile === cadre.mobile) delete body.mobile;
        const patch = parseWithSchema(cadrePatchSchema, body, form);
        if (!patch) return;
        saved = await updateCadre(cadre.id, patch);
      } else {
        const input = parseWithSchema(cadreInputSchema, body, form);
        if (!input) return;
        saved = await createCadre(input);
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
  return (
    <FormDrawer
      title={cadre ? t('cadres.editTitle', { name: cadre.name }) : t('cadres.create')}
      open={open}
      onClose={onClose}
      width={640}
      saving={saving}
      onSave={submit}
      error={error}
      onAfterClose={() => setError(null)}
    >
      <Form form={form} layout="vertical">
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item label={t('cadres.name')} name="name" rules={[{ required: true }]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('cadres.idNumber')} name="idNumber" rules={[{ required: true }]} extra={cadre ? t('cadres.maskedHint') : undefined}>
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label={t('cadres.unit')} name="orgId" rules={[{ required: true }]}>
              <OrgTreeSelect />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('cadres.position')} name="position">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('cadres.rank')} name="rank">
              <Select allowClear options={options('rank')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('cadres.education')} name="education">
              <Select allowClear options={options('education')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('cadres.workStartDate')} name="workStartDate">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('cadres.ethnicity')} name="ethnicity">
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('cadres.politicalStatus')} name="politicalStatus">
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('cadres.mobile')} name="mobile">
              <Input maxLength={11} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label={t('cadres.specialties')} name="specialties" extra={t('cadres.specialtiesHint')}>
              <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">{t('cadres.experiences')}</Divider>
        <ExperienceFields />
      </Form>
    </FormDrawer>
  );
}
