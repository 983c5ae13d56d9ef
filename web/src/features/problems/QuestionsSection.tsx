// 原始问题: every question of the program with filters (field, source, unit), add one for a unit, import a sheet, and
// promote the questions not yet on the working list.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { NodeIndexOutlined, PlusOutlined, UploadOutlined, VerticalAlignTopOutlined } from '@ant-design/icons';
import { questionInputSchema, type ProblemField, type ProblemQuestion, type QuestionImportResult, type QuestionSource } from '@duibiao/contracts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { ImportCheckModal } from '../../components/ImportCheckModal.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useLabelOptions, useT } from '../../i18n/index.tsx';
import { applyApiError, parseWithSchema } from '../../lib/forms.ts';
import { ForwardTraceDrawer } from '../trace/ForwardTraceDrawer.tsx';
import { createQuestion, importQuestions, listQuestions, promoteQuestions, questionTemplateUrl } from './api.ts';

interface Props {
  programId: number;
  canWrite: boolean;
  onPromoted: () => void;
}

export function QuestionsSection({ programId, canWrite, onPromoted }: Props) {
  const t = useT();
  const label = useLabel();
  const options = useLabelOptions();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<{ field?: ProblemField; source?: QuestionSource; homeOrgId?: number }>({});
  const questions = useRequest((signal) => listQuestions(programId, filter, signal), `${programId}:${JSON.stringify(filter)}`);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [tracing, setTracing] = useState<number | null>(null);
  const unlinked = questions.data?.filter((q) => q.keyProblems.length === 0).length ?? 0;

  const promote = async () => {
    setBusy(true);
    try {
      await promoteQuestions(programId);
      void message.success(t('problems.q.promoted', { n: unlinked }));
      questions.reload();
      onPromoted();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('problems.q.field')}
          style={{ width: 140 }}
          options={options('problemField')}
          value={filter.field}
          onChange={(field) => setFilter({ ...filter, field })}
        />
        <Select
          allowClear
          placeholder={t('problems.q.source')}
          style={{ width: 120 }}
          options={options('questionSource')}
          value={filter.source}
          onChange={(source) => setFilter({ ...filter, source })}
        />
        <OrgTreeSelect
          allowClear
          placeholder={t('problems.q.unit')}
          style={{ width: 200 }}
          value={filter.homeOrgId}
          onChange={(homeOrgId) => setFilter({ ...filter, homeOrgId })}
        />
        {canWrite && (
          <>
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('problems.q.add')}
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('problems.q.import')}
            </Button>
            <Button type="primary" icon={<VerticalAlignTopOutlined />} disabled={unlinked === 0} loading={busy} onClick={() => void promote()}>
              {t('problems.q.promote', { n: unlinked })}
            </Button>
          </>
        )}
      </Space>
      {questions.error && <Alert type="error" showIcon title={questions.error.message} style={{ marginBottom: 12 }} />}
      <Table<ProblemQuestion>
        rowKey="id"
        size="small"
        loading={questions.loading}
        dataSource={questions.data ?? []}
        pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          { title: '#', dataIndex: 'id', width: 60 },
          { title: t('problems.q.text'), dataIndex: 'text' },
          { title: t('problems.q.field'), dataIndex: 'field', width: 100, render: (f: ProblemField | null) => label('problemField', f) },
          { title: t('problems.q.source'), dataIndex: 'source', width: 90, render: (s: QuestionSource) => label('questionSource', s) },
          {
            title: t('problems.q.submitter'),
            width: 180,
            render: (_, q) => [q.homeOrgName, q.submitterName].filter((x, i, a) => x && a.indexOf(x) === i).join(' / '),
          },
          {
            title: t('problems.q.feeds'),
            width: 220,
            render: (_, q) =>
              q.keyProblems.length === 0 ? (
                <Typography.Text type="secondary">{t('problems.q.notPromoted')}</Typography.Text>
              ) : (
                // The active items it feeds; merged-away singletons only when nothing active is left.
                (q.keyProblems.some((k) => k.status === 'active') ? q.keyProblems.filter((k) => k.status === 'active') : q.keyProblems).map((k) => (
                  <Tag key={k.id} color={k.status === 'active' ? 'blue' : undefined} style={{ whiteSpace: 'normal' }}>
                    {k.title.slice(0, 18)}
                    {k.status !== 'active' && ` (${label('keyProblemStatus', k.status)})`}
                  </Tag>
                ))
              ),
          },
          {
            title: t('trace.fwd.title'),
            width: 80,
            // A question on no key problem has nowhere to go yet; the column says so instead of opening an empty drawer.
            render: (_, q) =>
              q.keyProblems.length > 0 && (
                <Button type="link" size="small" icon={<NodeIndexOutlined />} onClick={() => setTracing(q.id)}>
                  {t('trace.fwd.action')}
                </Button>
              ),
          },
        ]}
      />
      <ForwardTraceDrawer target={tracing === null ? null : { kind: 'question', id: tracing }} onClose={() => setTracing(null)} />
      <AddQuestionDrawer
        programId={programId}
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          questions.reload();
        }}
      />
      <ImportCheckModal<QuestionImportResult['preview'][number]>
        open={importing}
        onClose={() => setImporting(false)}
        onImported={(n) => {
          setImporting(false);
          void message.success(t('problems.q.imported', { n }));
          questions.reload();
        }}
        width={820}
        title={t('problems.q.importTitle')}
        hint={t('problems.q.importHint')}
        templateLabel={t('problems.q.template')}
        templateHref={questionTemplateUrl(programId)}
        commitLabel={(n) => t('problems.q.commit', { n })}
        run={(file, dryRun) => importQuestions(programId, file, dryRun)}
        previewColumns={[
          { title: t('problems.q.text'), dataIndex: 'text' },
          { title: t('problems.q.field'), dataIndex: 'field', width: 100, render: (f: ProblemField | null) => label('problemField', f) },
          { title: t('problems.q.unit'), dataIndex: 'homeOrgName', width: 160 },
          { title: t('problems.q.submitter'), dataIndex: 'submitterName', width: 100 },
        ]}
      />
    </>
  );
}

function AddQuestionDrawer({ programId, open, onClose, onSaved }: { programId: number; open: boolean; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const options = useLabelOptions();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const body = parseWithSchema(questionInputSchema, form.getFieldsValue(), form);
    if (!body) return;
    setSaving(true);
    setError(null);
    try {
      await createQuestion(programId, body);
      form.resetFields();
      onSaved();
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <FormDrawer
      title={t('problems.q.add')}
      open={open}
      onClose={onClose}
      width={520}
      saving={saving}
      onSave={save}
      error={error}
      onAfterClose={() => setError(null)}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="text" label={t('problems.q.text')} required>
          <Input.TextArea rows={4} showCount maxLength={500} />
        </Form.Item>
        <Form.Item name="field" label={t('problems.q.field')}>
          <Select allowClear options={options('problemField')} />
        </Form.Item>
        <Form.Item name="homeOrgId" label={t('problems.q.unit')} extra={t('problems.q.unitHint')}>
          <OrgTreeSelect allowClear />
        </Form.Item>
        <Form.Item name="submitterName" label={t('problems.q.submitter')}>
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
