// Create or edit a topic: optionally from a key problem of the program's list (its title becomes the default), goals,
// outputs, field, team size range and the owner unit. Server field errors land on the form.
import { useEffect, useState } from 'react';
import { Form, Input, InputNumber, Select, Space } from 'antd';
import type { Topic, TopicInput } from '@duibiao/contracts';
import { ApiError } from '../../api/client.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabelOptions, useT } from '../../i18n/index.tsx';
import { createTopic, listKeyProblems, updateTopic } from './api.ts';

interface Props {
  programId: number;
  open: boolean;
  topic: Topic | null;
  onClose: () => void;
  onSaved: () => void;
}

export function TopicFormDrawer({ programId, open, topic, onClose, onSaved }: Props) {
  const t = useT();
  const options = useLabelOptions();
  const [form] = Form.useForm<TopicInput>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The problems module may be absent or empty: then topics are free text only.
  const problems = useRequest((signal) => listKeyProblems(programId, signal).catch(() => []), programId, open);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (topic)
      form.setFieldsValue({
        keyProblemId: topic.keyProblem?.id ?? null,
        code: topic.code,
        title: topic.title,
        goals: topic.goals,
        expectedOutputs: topic.expectedOutputs,
        field: topic.field,
        teamMin: topic.teamMin,
        teamMax: topic.teamMax,
        ownerOrgId: topic.ownerOrg?.id ?? null,
      });
    else form.setFieldsValue({ teamMin: 3, teamMax: 8 });
  }, [open, topic, form]);

  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      if (topic) await updateTopic(topic.id, values);
      else await createTopic(programId, values);
      onSaved();
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.details?.length) form.setFields(e.details.map((d) => ({ name: d.field as keyof TopicInput, errors: [d.message] })));
      setError(e instanceof Error ? e.message : String(e));
      throw e;
    } finally {
      setSaving(false);
    }
  };

  const active = (problems.data ?? []).filter((p) => p.status === 'active');
  return (
    <FormDrawer
      title={topic ? t('topics.edit') : t('topics.create')}
      open={open}
      onClose={onClose}
      width={560}
      saving={saving}
      onSave={save}
      error={error}
      onAfterClose={() => setError(null)}
    >
      <Form form={form} layout="vertical">
        {active.length > 0 && (
          <Form.Item name="keyProblemId" label={t('topics.keyProblem')} extra={t('topics.keyProblemHelp')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={active.map((p) => ({ value: p.id, label: p.title }))}
              onChange={(id: number | undefined) => {
                const p = active.find((x) => x.id === id);
                if (p && !form.getFieldValue('title')) form.setFieldsValue({ title: p.title, field: p.field });
              }}
            />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('topics.name')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="code" label={t('topics.code')}>
          <Input maxLength={30} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="field" label={t('topics.field')}>
          <Select allowClear options={options('problemField')} />
        </Form.Item>
        <Form.Item name="goals" label={t('topics.goals')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="expectedOutputs" label={t('topics.outputs')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Space size="large">
          <Form.Item name="teamMin" label={t('topics.teamMin')} rules={[{ required: true }]}>
            <InputNumber min={1} max={50} precision={0} />
          </Form.Item>
          <Form.Item name="teamMax" label={t('topics.teamMax')} rules={[{ required: true }]}>
            <InputNumber min={1} max={50} precision={0} />
          </Form.Item>
        </Space>
        <Form.Item name="ownerOrgId" label={t('topics.owner')}>
          <OrgTreeSelect />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
