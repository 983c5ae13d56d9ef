// 工作清单: the active key problems in priority order — kind tag, move up/down, source questions on expand, edit
// (rephrase, field, fixed/open), merge the selected items, split one, remove one.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, MergeCellsOutlined, NodeIndexOutlined, ScissorOutlined } from '@ant-design/icons';
import { keyProblemUpdateSchema, type KeyProblem, type KeyProblemKind, type ProblemField } from '@duibiao/contracts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useLabelOptions, useT } from '../../i18n/index.tsx';
import { applyApiError, parseWithSchema } from '../../lib/forms.ts';
import { ForwardTraceDrawer } from '../trace/ForwardTraceDrawer.tsx';
import { listKeyProblems, removeKeyProblem, reorderKeyProblems, splitKeyProblem, updateKeyProblem } from './api.ts';
import { MergeModal } from './MergeModal.tsx';

export const KIND_COLORS: Record<KeyProblemKind, string> = { fixed: 'red', open: 'green' };

export function SourceQuestions({ item }: { item: Pick<KeyProblem, 'questions'> }) {
  return (
    <ol style={{ margin: 0, paddingLeft: 20 }}>
      {item.questions.map((q) => (
        <li key={q.id}>
          {q.text}{' '}
          <Typography.Text type="secondary">— {[q.homeOrgName, q.submitterName].filter((x, i, a) => x && a.indexOf(x) === i).join(' / ')}</Typography.Text>
        </li>
      ))}
    </ol>
  );
}

export function WorkingListSection({ programId, canWrite }: { programId: number; canWrite: boolean }) {
  const t = useT();
  const label = useLabel();
  const { message } = App.useApp();
  const items = useRequest((signal) => listKeyProblems(programId, signal), programId);
  const [selected, setSelected] = useState<number[]>([]);
  const [editing, setEditing] = useState<KeyProblem | null>(null);
  const [splitting, setSplitting] = useState<KeyProblem | null>(null);
  const [merging, setMerging] = useState(false);
  const [tracing, setTracing] = useState<number | null>(null);
  const list = items.data ?? [];
  const counts = { fixed: list.filter((k) => k.kind === 'fixed').length, open: list.filter((k) => k.kind === 'open').length };

  const act = async (run: () => Promise<unknown>) => {
    try {
      await run();
      items.reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const move = (index: number, by: number) => {
    const ids = list.map((k) => k.id);
    [ids[index], ids[index + by]] = [ids[index + by]!, ids[index]!];
    void act(() => reorderKeyProblems(programId, ids));
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text strong>{t('problems.w.headline', { fixed: counts.fixed, open: counts.open, n: list.length })}</Typography.Text>
        {canWrite && (
          <Button icon={<MergeCellsOutlined />} disabled={selected.length < 2} onClick={() => setMerging(true)}>
            {t('problems.w.merge', { n: selected.length })}
          </Button>
        )}
      </Space>
      {items.error && <Alert type="error" showIcon title={items.error.message} style={{ marginBottom: 12 }} />}
      <Table<KeyProblem>
        rowKey="id"
        size="small"
        loading={items.loading}
        dataSource={list}
        pagination={false}
        rowSelection={canWrite ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) } : undefined}
        expandable={{ expandedRowRender: (k) => <SourceQuestions item={k} /> }}
        locale={{ emptyText: t('problems.w.empty') }}
        columns={[
          { title: t('problems.w.no'), width: 60, render: (_, __, i) => i + 1 },
          {
            title: t('problems.w.title'),
            render: (_, k) => (
              <>
                {k.title}
                {k.description && (
                  <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
                    {k.description}
                  </Typography.Paragraph>
                )}
              </>
            ),
          },
          {
            title: t('problems.w.kind'),
            width: 90,
            render: (_, k) => (k.kind ? <Tag color={KIND_COLORS[k.kind]}>{label('keyProblemKind', k.kind)}</Tag> : <Tag>{t('problems.w.unclassified')}</Tag>),
          },
          { title: t('problems.q.field'), width: 100, render: (_, k) => label('problemField', k.field) },
          { title: t('problems.w.sources'), width: 90, render: (_, k) => k.questions.length },
          {
            title: t('trace.fwd.title'),
            width: 80,
            render: (_, k) => (
              <Button type="link" size="small" icon={<NodeIndexOutlined />} onClick={() => setTracing(k.id)}>
                {t('trace.fwd.action')}
              </Button>
            ),
          },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  width: 200,
                  render: (_: unknown, k: KeyProblem, i: number) => (
                    <Space size={0}>
                      <Button
                        type="text"
                        size="small"
                        icon={<ArrowUpOutlined />}
                        disabled={i === 0}
                        aria-label={t('problems.w.up')}
                        onClick={() => move(i, -1)}
                      />
                      <Button
                        type="text"
                        size="small"
                        icon={<ArrowDownOutlined />}
                        disabled={i === list.length - 1}
                        aria-label={t('problems.w.down')}
                        onClick={() => move(i, 1)}
                      />
                      <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(k)} />
                      <Button
                        type="text"
                        size="small"
                        icon={<ScissorOutlined />}
                        disabled={k.questions.length < 2}
                        aria-label={t('problems.w.split')}
                        onClick={() => setSplitting(k)}
                      />
                      <Popconfirm title={t('problems.w.removeConfirm')} onConfirm={() => void act(() => removeKeyProblem(programId, k.id))}>
                        <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('problems.w.remove')} />
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <EditDrawer
        programId={programId}
        item={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          items.reload();
        }}
      />
      {splitting && (
        <SplitModal
          programId={programId}
          item={splitting}
          onClose={() => setSplitting(null)}
          onDone={() => {
            setSplitting(null);
            items.reload();
          }}
        />
      )}
      <ForwardTraceDrawer target={tracing === null ? null : { kind: 'keyProblem', id: tracing }} onClose={() => setTracing(null)} />
      {merging && (
        <MergeModal
          programId={programId}
          members={list.filter((k) => selected.includes(k.id)).map((k) => ({ id: k.id, title: k.title }))}
          onClose={() => setMerging(false)}
          onDone={() => {
            setMerging(false);
            setSelected([]);
            items.reload();
          }}
        />
      )}
    </>
  );
}

function EditDrawer({ programId, item, onClose, onSaved }: { programId: number; item: KeyProblem | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const options = useLabelOptions();
  const [form] = Form.useForm<{ title: string; description: string | null; field: ProblemField | null; kind: KeyProblemKind | null }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (!item) return;
    const body = parseWithSchema(keyProblemUpdateSchema, form.getFieldsValue(), form);
    if (!body) return;
    setSaving(true);
    try {
      await updateKeyProblem(programId, item.id, body);
      onSaved();
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <FormDrawer
      title={t('problems.w.edit')}
      open={item !== null}
      onClose={onClose}
      width={560}
      saving={saving}
      onSave={save}
      error={error}
      onAfterClose={() => setError(null)}
    >
      {item && (
        <Form
          form={form}
          layout="vertical"
          key={item.id}
          initialValues={{ title: item.title, description: item.description, field: item.field, kind: item.kind }}
        >
          <Form.Item name="title" label={t('problems.w.title')} required>
            <Input.TextArea rows={2} maxLength={200} showCount />
          </Form.Item>
          <Form.Item name="description" label={t('problems.w.description')}>
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
          <Form.Item name="field" label={t('problems.q.field')}>
            <Select allowClear options={options('problemField')} />
          </Form.Item>
          <Form.Item name="kind" label={t('problems.w.kind')}>
            <Radio.Group options={[...options('keyProblemKind'), { value: null as unknown as KeyProblemKind, label: t('problems.w.unclassified') }]} />
          </Form.Item>
          <Typography.Text type="secondary">{t('problems.w.sourcesOf', { n: item.questions.length })}</Typography.Text>
          <SourceQuestions item={item} />
        </Form>
      )}
    </FormDrawer>
  );
}

/** Each source question goes to one part; every part needs a title and at least one question. */
function SplitModal({ programId, item, onClose, onDone }: { programId: number; item: KeyProblem; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [titles, setTitles] = useState<string[]>([item.title, '']);
  const [partOf, setPartOf] = useState<Record<number, number>>(Object.fromEntries(item.questions.map((q, i) => [q.id, i === 0 ? 0 : 1])));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await splitKeyProblem(programId, item.id, {
        parts: titles.map((title, p) => ({ title, questionIds: item.questions.filter((q) => partOf[q.id] === p).map((q) => q.id) })),
      });
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const partOptions = titles.map((title, p) => ({ value: p, label: `${t('problems.w.part', { n: p + 1 })} ${title.slice(0, 12)}` }));
  return (
    <Modal
      open
      title={t('problems.w.splitTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      okText={t('problems.w.split')}
      width={720}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {titles.map((title, p) => (
          <Input
            key={p}
            addonBefore={t('problems.w.part', { n: p + 1 })}
            value={title}
            maxLength={200}
            onChange={(e) => setTitles(titles.map((x, i) => (i === p ? e.target.value : x)))}
          />
        ))}
        <Button size="small" onClick={() => setTitles([...titles, ''])}>
          {t('problems.w.addPart')}
        </Button>
        {item.questions.map((q) => (
          <Space key={q.id} style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Text style={{ maxWidth: 460 }} ellipsis={{ tooltip: q.text }}>
              {q.text}
            </Typography.Text>
            <Select style={{ width: 180 }} options={partOptions} value={partOf[q.id]} onChange={(v) => setPartOf({ ...partOf, [q.id]: v })} />
          </Space>
        ))}
      </Space>
    </Modal>
  );
}
