// First plan of a topic's milestones: the four default nodes with due dates in order (the server names any out of order).
import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DEFAULT_MILESTONES, type MilestoneKind, type TopicProcess } from '@duibiao/contracts';
import { useT } from '../../i18n/index.tsx';
import { applyApiError } from '../../lib/forms.ts';
import { createPlan } from './api.ts';

interface Row {
  kind: MilestoneKind;
  title: string;
  dueDate: Dayjs;
}

export function PlanCard({ topicId, onChanged }: { topicId: number; onChanged: (view: TopicProcess) => void }) {
  const t = useT();
  const [form] = Form.useForm<{ milestones: Row[] }>();
  const [error, setError] = useState<string | null>(null);
  const initial = DEFAULT_MILESTONES.map((m, i) => ({ ...m, dueDate: dayjs().add(14 * (i + 1) + 7 * i, 'day') }));
  const submit = async (v: { milestones: Row[] }) => {
    setError(null);
    try {
      onChanged(
        await createPlan(topicId, { milestones: v.milestones.map((m) => ({ kind: m.kind, title: m.title, dueDate: m.dueDate.format('YYYY-MM-DD') })) }),
      );
    } catch (e) {
      setError(applyApiError(form, e));
    }
  };
  return (
    <Card size="small" title={t('milestones.makePlan')} style={{ marginBottom: 12 }}>
      <Alert type="info" showIcon title={t('milestones.planHint')} style={{ marginBottom: 12 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} initialValues={{ milestones: initial }} onFinish={(v) => void submit(v)}>
        <Form.List name="milestones">
          {(fields) =>
            fields.map((f) => (
              <Space key={f.key} wrap align="start">
                <Form.Item name={[f.name, 'kind']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item name={[f.name, 'title']} rules={[{ required: true, max: 200 }]}>
                  <Input style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'dueDate']} rules={[{ required: true }]}>
                  <DatePicker allowClear={false} inputReadOnly />
                </Form.Item>
              </Space>
            ))
          }
        </Form.List>
        <Button type="primary" htmlType="submit">
          {t('milestones.savePlan')}
        </Button>
      </Form>
    </Card>
  );
}
