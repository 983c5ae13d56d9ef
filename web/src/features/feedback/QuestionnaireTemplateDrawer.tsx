// Create, edit or view a questionnaire template in a drawer: its name and an ordered list of questions (type, title,
// required, options of choice questions), with a phone-sized preview of what trainees will see. Questions are frozen
// once the template has answers (only the name may change); an ancestor's template is shown read-only.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, ConfigProvider, Drawer, Empty, Form, Grid, Input, Select, Space, Switch, Tabs, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { QUESTION_TYPES, questionnaireTemplateInputSchema, questionnaireTemplatePatchSchema } from '@duibiao/contracts';
import type { Question, QuestionnaireTemplate, QuestionType } from '@duibiao/contracts';
import { ApiError } from '../../api/client.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { useT } from '../../i18n/index.tsx';
import { applyApiError, parseWithSchema } from '../../lib/forms.ts';
import { useMe } from '../auth/session.ts';
import { createTemplate, updateTemplate } from './api.ts';
import { QuestionInput } from './MobileQuestionnaire.tsx';

interface QuestionValues {
  /** Kept from the template (results are aggregated per id) or generated for a new question; never shown. */
  id: string;
  type: QuestionType;
  title?: string;
  required?: boolean;
  options?: string[];
}

interface Values {
  orgId?: number;
  name?: string;
  questions?: QuestionValues[];
}

/** What a new template starts from (a copy of another one, or of the built-in default). */
export interface TemplateDraft {
  name: string;
  questions: Question[];
}

const FIELDS = ['orgId', 'name', 'questions'];
const MAX_QUESTIONS = 50;
const MAX_OPTIONS = 20;

const isChoice = (type: QuestionType | undefined) => type === 'single' || type === 'multi';

/** A question id not used yet in the list: q1, q2, … */
function nextId(questions: readonly QuestionValues[]): string {
  const used = new Set(questions.map((q) => q.id));
  let n = questions.length + 1;
  while (used.has(`q${n}`)) n += 1;
  return `q${n}`;
}

/** The questions as the API wants them: options only on choice questions. */
const toQuestions = (questions: readonly QuestionValues[]) =>
  questions.map((q) => ({
    id: q.id,
    type: q.type,
    title: q.title ?? '',
    required: q.required ?? true,
    ...(isChoice(q.type) ? { options: q.options ?? [] } : {}),
  }));

const toValues = (questions: readonly Question[]): QuestionValues[] => questions.map((q) => ({ ...q, options: q.options ?? [] }));

/** The questionnaire as a trainee sees it on the phone (nothing is submitted). */
function Preview({ name, questions }: { name: string; questions: readonly QuestionValues[] }) {
  const t = useT();
  const [form] = Form.useForm<Record<string, unknown>>();
  const shown = questions.filter((q) => q.type);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('questionnaires.previewNote')}</Typography.Text>
      <div style={{ maxWidth: 390, margin: '0 auto', border: '8px solid #1f1f1f', borderRadius: 24, padding: 12, background: '#f5f5f5' }}>
        <Card size="small" title={<span style={{ whiteSpace: 'normal' }}>{name || t('questionnaires.name')}</span>}>
          {shown.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('questionnaires.noQuestions')} />
          ) : (
            <Form form={form} layout="vertical">
              {shown.map((q, i) => (
                <Form.Item key={`${q.id}-${i}`} name={`p${i}`} label={`${i + 1}. ${q.title ?? ''}`} required={q.required ?? true}>
                  <QuestionInput
                    q={{ id: q.id, type: q.type, title: q.title ?? '', required: q.required ?? true, options: (q.options ?? []).filter(Boolean) }}
                  />
                </Form.Item>
              ))}
              <Button type="primary" block size="large" disabled>
                {t('feedbackMobile.submitQuestionnaire')}
              </Button>
            </Form>
          )}
        </Card>
      </div>
    </Space>
  );
}

/** The options of one choice question: add, remove, move up and down. */
function OptionsList({ questionName }: { questionName: number }) {
  const t = useT();
  return (
    <Form.List name={[questionName, 'options']}>
      {(fields, { add, remove, move }, { errors }) => (
        <Form.Item label={t('questionnaires.options')} required style={{ marginBottom: 0 }}>
          {fields.map((field, index) => (
            <Space key={field.key} align="start" style={{ display: 'flex', marginBottom: 4 }}>
              <Form.Item
                name={field.name}
                style={{ marginBottom: 4, width: 320 }}
                rules={[{ required: true, whitespace: true, message: t('questionnaires.option', { n: index + 1 }) }]}
              >
                <Input maxLength={100} placeholder={t('questionnaires.option', { n: index + 1 })} />
              </Form.Item>
              <Button
                type="text"
                icon={<ArrowUpOutlined />}
                disabled={index === 0}
                aria-label={t('questionnaires.moveUp')}
                title={t('questionnaires.moveUp')}
                onClick={() => move(index, index - 1)}
              />
              <Button
                type="text"
                icon={<ArrowDownOutlined />}
                disabled={index === fields.length - 1}
                aria-label={t('questionnaires.moveDown')}
                title={t('questionnaires.moveDown')}
                onClick={() => move(index, index + 1)}
              />
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                title={t('common.delete')}
                onClick={() => remove(field.name)}
              />
            </Space>
          ))}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" size="small" icon={<PlusOutlined />} disabled={fields.length >= MAX_OPTIONS} onClick={() => add('')} style={{ marginTop: 4 }}>
            {t('questionnaires.addOption')}
          </Button>
        </Form.Item>
      )}
    </Form.List>
  );
}

interface Props {
  open: boolean;
  /** The template to edit or view; null for a new one (started from `draft` when given). */
  template: QuestionnaireTemplate | null;
  draft?: TemplateDraft | null;
  /** View only: an ancestor's template, the built-in default, or a user without program:write. */
  readOnly?: boolean;
  onClose: () => void;
  onSaved: (t: QuestionnaireTemplate) => void;
}

export function QuestionnaireTemplateDrawer({ open, template, draft, readOnly = false, onClose, onSaved }: Props) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const isPhone = !(Grid.useBreakpoint().sm ?? true);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState('edit');
  const watchedQuestions = Form.useWatch('questions', { form, preserve: true });
  const watchedName = Form.useWatch('name', form);
  const questions = watchedQuestions ?? [];
  const frozen = !readOnly && template !== null && template.responseCount > 0;

  // Each opening starts on the editor without the last error (state adjusted while rendering, not in an effect).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setError(null);
      setTab('edit');
    }
  }

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const source = template ?? draft;
    form.setFieldsValue({
      orgId: template?.orgId ?? me.org.id,
      name: source?.name,
      questions: source ? toValues(source.questions) : [{ id: 'q1', type: 'rating', title: '', required: true, options: [] }],
    });
  }, [open, template, draft, form, me.org.id]);

  const submit = async () => {
    await form.validateFields();
    const v = form.getFieldsValue(true) as Values;
    const body = { name: v.name ?? '', questions: toQuestions(v.questions ?? []) };
    setSaving(true);
    setError(null);
    try {
      let saved: QuestionnaireTemplate;
      if (template) {
        // Frozen questions are not sent: the server refuses any question change once answers exist.
        const patch = parseWithSchema(questionnaireTemplatePatchSchema, frozen ? { name: body.name } : body, form);
        if (!patch) return;
        saved = await updateTemplate(template.id, patch);
      } else {
        const input = parseWithSchema(questionnaireTemplateInputSchema, { ...body, orgId: v.orgId }, form);
        if (!input) return;
        saved = await createTemplate(input);
      }
      void message.success(t('common.saved'));
      onSaved(saved);
    } catch (e) {
      // A generated question id is never shown: its errors (e.g. duplicates) land on the question's title.
      const mapped =
        e instanceof ApiError
          ? new ApiError(
              e.status,
              e.code,
              e.message,
              e.details.map((d) => ({ ...d, field: d.field.replace(/^(questions\.\d+)\.id$/, '$1.title') })),
              e.requestId,
            )
          : e;
      const shown = applyApiError(form, mapped, FIELDS);
      // A conflict (answers already collected) always shows the server's explanation.
      setError(e instanceof ApiError && e.status === 409 ? e.message : shown);
      setTab('edit');
    } finally {
      setSaving(false);
    }
  };

  const typeOptions = QUESTION_TYPES.map((type) => ({ value: type, label: t(`questionnaires.type.${type}`) }));
  const title = readOnly ? t('questionnaires.view') : template ? t('questionnaires.edit') : t('questionnaires.create');

  const editor = (
    <Form form={form} layout="vertical" disabled={readOnly}>
      {!template && !readOnly && (
        <Form.Item label={t('questionnaires.org')} name="orgId" rules={[{ required: true }]}>
          <OrgTreeSelect />
        </Form.Item>
      )}
      <Form.Item label={t('questionnaires.name')} name="name" rules={[{ required: true, whitespace: true, message: t('questionnaires.name') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <ConfigProvider componentDisabled={readOnly || frozen}>
        <Form.List name="questions">
          {(fields, { add, remove, move }, { errors }) => (
            <>
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {t('questionnaires.questionsCount', { n: fields.length })}
              </Typography.Title>
              {fields.map((field, index) => {
                const type = questions[field.name]?.type;
                return (
                  <Card
                    key={field.key}
                    size="small"
                    style={{ marginBottom: 12 }}
                    title={t('questionnaires.question', { n: index + 1 })}
                    extra={
                      !readOnly &&
                      !frozen && (
                        <Space size={0}>
                          <Button
                            type="text"
                            size="small"
                            icon={<ArrowUpOutlined />}
                            disabled={index === 0}
                            aria-label={t('questionnaires.moveUp')}
                            title={t('questionnaires.moveUp')}
                            onClick={() => move(index, index - 1)}
                          />
                          <Button
                            type="text"
                            size="small"
                            icon={<ArrowDownOutlined />}
                            disabled={index === fields.length - 1}
                            aria-label={t('questionnaires.moveDown')}
                            title={t('questionnaires.moveDown')}
                            onClick={() => move(index, index + 1)}
                          />
                          <Button
                            type="text"
                            size="small"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={t('questionnaires.deleteQuestion')}
                            title={t('questionnaires.deleteQuestion')}
                            onClick={() => remove(field.name)}
                          />
                        </Space>
                      )
                    }
                  >
                    <Space wrap align="start" size={16}>
                      <Form.Item label={t('questionnaires.type')} name={[field.name, 'type']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
                        <Select
                          style={{ width: 180 }}
                          options={typeOptions}
                          onChange={(next: QuestionType) => {
                            const path: ['questions', number, 'options'] = ['questions', field.name, 'options'];
                            const current = (form.getFieldValue(path) as string[] | undefined) ?? [];
                            if (isChoice(next) && current.length === 0) form.setFieldValue(path, ['', '']);
                          }}
                        />
                      </Form.Item>
                      <Form.Item label={t('questionnaires.required')} name={[field.name, 'required']} valuePropName="checked" style={{ marginBottom: 8 }}>
                        <Switch />
                      </Form.Item>
                    </Space>
                    <Form.Item
                      label={t('questionnaires.questionTitle')}
                      name={[field.name, 'title']}
                      rules={[{ required: true, whitespace: true, message: t('questionnaires.questionTitle') }]}
                      style={{ marginBottom: isChoice(type) ? 8 : 0 }}
                      extra={type === 'rating' ? t('questionnaires.ratingHint') : type === 'text' ? t('questionnaires.textHint') : undefined}
                    >
                      <Input maxLength={200} placeholder={t('questionnaires.questionTitlePlaceholder')} />
                    </Form.Item>
                    {isChoice(type) && <OptionsList questionName={field.name} />}
                  </Card>
                );
              })}
              <Form.ErrorList errors={errors} />
              {!readOnly && !frozen && (
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  disabled={fields.length >= MAX_QUESTIONS}
                  style={{ marginTop: 4 }}
                  onClick={() =>
                    add({ id: nextId((form.getFieldValue('questions') as QuestionValues[] | undefined) ?? []), type: 'rating', title: '', required: true })
                  }
                >
                  {t('questionnaires.addQuestion')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </ConfigProvider>
    </Form>
  );

  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      size={isPhone ? '100%' : 720}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{readOnly ? t('questionnaires.close') : t('common.cancel')}</Button>
          {!readOnly && (
            <Button type="primary" loading={saving} onClick={() => void submit().catch(() => setTab('edit'))}>
              {t('common.save')}
            </Button>
          )}
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {readOnly && template && !template.canEdit && <Alert type="info" showIcon title={t('questionnaires.readOnly')} style={{ marginBottom: 16 }} />}
      {frozen && <Alert type="warning" showIcon title={t('questionnaires.frozen', { n: template.responseCount })} style={{ marginBottom: 16 }} />}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'edit', label: readOnly ? t('questionnaires.questions') : t('questionnaires.edit.tab'), children: editor, forceRender: true },
          { key: 'preview', label: t('questionnaires.preview'), children: <Preview name={watchedName ?? ''} questions={questions} /> },
        ]}
      />
    </Drawer>
  );
}
