// Create or edit a class: name, theme, place, capacity, the tutor from the instructor registry and tutor accounts.
import { useEffect, useState } from 'react';
import { Alert, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { classInputSchema, classPatchSchema } from '@duibiao/contracts';
import type { ProgramClass } from '@duibiao/contracts';
import { useT } from '../../i18n/index.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { applyApiError, parseWithSchema } from '../../lib/forms.ts';
import { useCan } from '../auth/session.ts';
import { listUsers } from '../users/api.ts';
import { createClass, listInstructors, updateClass } from './api.ts';

interface Values {
  name: string;
  theme?: string | null;
  place?: string | null;
  capacity: number;
  tutorInstructorId?: number | null;
  tutorUserIds: number[];
  themeTags: string[];
  /** Shown as a percentage; the API takes a share in [0, 1]. */
  minGrassrootsPercent?: number | null;
}
const FIELDS = ['name', 'theme', 'place', 'capacity', 'tutorInstructorId', 'tutorUserIds', 'themeTags'];
const textOrNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

interface Props {
  programId: number;
  /** null = closed; 'new' = create; a class = edit it. */
  target: ProgramClass | 'new' | null;
  onClose: () => void;
  onSaved: () => void;
}

export function ClassFormModal({ programId, target, onClose, onSaved }: Props) {
  const t = useT();
  const can = useCan();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = target !== null;
  const instructors = useRequest((signal) => listInstructors({}, signal), 'instructors', open);
  const tutors = useRequest((signal) => listUsers({ role: 'tutor', pageSize: 500 }, signal), 'tutors', open && can('user:read'));

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue(
      target === 'new'
        ? { capacity: 50, tutorUserIds: [], themeTags: [], minGrassrootsPercent: 0 }
        : {
            name: target.name,
            theme: target.theme,
            place: target.place,
            capacity: target.capacity,
            tutorInstructorId: target.tutorInstructor?.id ?? null,
            tutorUserIds: target.tutorUsers.map((u) => u.id),
            themeTags: target.themeTags,
            minGrassrootsPercent: Math.round(target.minGrassrootsShare * 1000) / 10,
          },
    );
  }, [target, form]);

  const submit = async () => {
    const { minGrassrootsPercent, ...v } = await form.validateFields();
    const body = {
      ...v,
      themeTags: v.themeTags ?? [],
      minGrassrootsShare: (minGrassrootsPercent ?? 0) / 100,
      theme: textOrNull(v.theme),
      place: textOrNull(v.place),
      tutorInstructorId: v.tutorInstructorId ?? null,
      tutorUserIds: v.tutorUserIds ?? [],
    };
    setSaving(true);
    setError(null);
    try {
      if (target === 'new') {
        const input = parseWithSchema(classInputSchema, body, form);
        if (!input) return;
        await createClass(programId, input);
      } else if (target) {
        const patch = parseWithSchema(classPatchSchema, body, form);
        if (!patch) return;
        await updateClass(programId, target.id, patch);
      }
      onSaved();
    } catch (e) {
      setError(applyApiError(form, e, FIELDS));
    } finally {
      setSaving(false);
    }
  };

  // Accounts already assigned stay selectable by name even when the caller cannot list users.
  const tutorOptions = [
    ...(tutors.data?.items.map((u) => ({ value: u.id, label: `${u.displayName}（${u.org.name}）` })) ?? []),
    ...(target && target !== 'new'
      ? target.tutorUsers.filter((u) => !tutors.data?.items.some((x) => x.id === u.id)).map((u) => ({ value: u.id, label: u.name }))
      : []),
  ];
  const half = { xs: 24, sm: 12 };
  return (
    <Modal
      open={open}
      title={target === 'new' ? t('classes.create') : t('classes.edit')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={saving}
      width={640}
      forceRender
      afterOpenChange={(isOpen) => {
        if (!isOpen) setError(null);
      }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form name="programClass" form={form} layout="vertical">
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item label={t('classes.name')} name="name" rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('classes.capacity')} name="capacity" rules={[{ required: true }]}>
              <InputNumber min={1} max={10000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('classes.theme')} name="theme">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('classes.place')} name="place">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item label={t('classes.themeTags')} name="themeTags">
              <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label={t('classes.minGrassrootsShare')} name="minGrassrootsPercent">
              <InputNumber min={0} max={100} step={5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label={t('classes.tutorInstructor')} name="tutorInstructorId">
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                loading={instructors.loading}
                options={instructors.data?.map((i) => ({ value: i.id, label: [i.name, i.title, i.unit].filter(Boolean).join(' · ') }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label={t('classes.tutorUsers')} name="tutorUserIds" extra={t('classes.tutorUsersHint')}>
              <Select mode="multiple" allowClear showSearch optionFilterProp="label" loading={tutors.loading} options={tutorOptions} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
