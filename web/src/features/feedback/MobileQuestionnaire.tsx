// One end-of-program questionnaire on the phone: collapsed to its status, expanded to a form built from the
// template's questions; the server's per-question errors land on the questions.
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, Radio, Rate, Space, Tag } from 'antd';
import type { MyQuestionnaire, Question, QuestionnaireAnswers } from '@duibiao/contracts';
import { useT } from '../../i18n/index.tsx';
import { ApiError } from '../../api/client.ts';
import { submitQuestionnaire } from './api.ts';

/** The answer control of one question (also used by the template preview). */
export function QuestionInput({ q, value, onChange }: { q: Question; value?: unknown; onChange?: (v: unknown) => void }) {
  switch (q.type) {
    case 'rating':
      return <Rate value={(value as number) ?? 0} onChange={onChange} style={{ fontSize: 28 }} />;
    case 'single':
      return (
        <Radio.Group value={value} onChange={(e) => onChange?.(e.target.value)}>
          <Space orientation="vertical">
            {q.options?.map((o) => (
              <Radio key={o} value={o} style={{ minHeight: 32 }}>
                {o}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      );
    case 'multi':
      return (
        <Checkbox.Group value={(value as string[]) ?? []} onChange={onChange}>
          <Space orientation="vertical">
            {q.options?.map((o) => (
              <Checkbox key={o} value={o} style={{ minHeight: 32 }}>
                {o}
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      );
    case 'text':
      return <Input.TextArea rows={3} maxLength={2000} value={value as string} onChange={(e) => onChange?.(e.target.value)} />;
  }
}

export function MobileQuestionnaire({ questionnaire, onSubmitted }: { questionnaire: MyQuestionnaire; onSubmitted: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submitted = questionnaire.submittedAt !== null;

  const submit = async () => {
    const values = form.getFieldsValue(true) as Record<string, unknown>;
    // Unanswered questions are left out (a 0-star rating means "not answered").
    const answers = Object.fromEntries(
      Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== '' && v !== 0 && !(Array.isArray(v) && v.length === 0)),
    ) as QuestionnaireAnswers['answers'];
    setSaving(true);
    setError(null);
    try {
      await submitQuestionnaire(questionnaire.programId, { answers });
      void message.success(t('feedbackMobile.saved'));
      setOpen(false);
      onSubmitted();
    } catch (e) {
      // Details arrive as answers.<questionId>; the form's fields are named by question id.
      if (e instanceof ApiError && e.details.length > 0) {
        form.setFields(e.details.map((d) => ({ name: d.field.replace(/^answers\./, ''), errors: [d.message] })));
        setError(e.message);
      } else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      size="small"
      title={<span style={{ whiteSpace: 'normal' }}>{questionnaire.programName}</span>}
      extra={
        submitted ? (
          <Tag color="success">{t('feedbackMobile.submitted', { at: questionnaire.submittedAt!.slice(0, 10) })}</Tag>
        ) : (
          !open && (
            <Button type="primary" onClick={() => setOpen(true)}>
              {t('feedbackMobile.fill')}
            </Button>
          )
        )
      }
    >
      <div style={{ color: '#888', fontSize: 12 }}>{questionnaire.name}</div>
      {open && !submitted && (
        <Form form={form} layout="vertical" style={{ marginTop: 12 }}>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          {questionnaire.questions.map((q, i) => (
            <Form.Item key={q.id} name={q.id} label={`${i + 1}. ${q.title}`} required={q.required}>
              <QuestionInput q={q} />
            </Form.Item>
          ))}
          <Button type="primary" block size="large" loading={saving} onClick={() => void submit()}>
            {t('feedbackMobile.submitQuestionnaire')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
