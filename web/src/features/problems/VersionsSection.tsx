// 已发布版本: published lists (1.0, 2.0 …) with the "16+N" headline, publish the working list, view a version, diff two
// versions (colour-coded: added green, removed red, changed orange, merged blue) and export xlsx/docx.
import { useState } from 'react';
import { Alert, App, Button, Card, Drawer, Form, Input, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { DiffOutlined, FileExcelOutlined, FileWordOutlined, NodeIndexOutlined, SendOutlined } from '@ant-design/icons';
import { problemListPublishSchema, type ProblemListDetail, type ProblemListVersion } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { applyApiError, parseWithSchema } from '../../lib/forms.ts';
import { ForwardTraceDrawer } from '../trace/ForwardTraceDrawer.tsx';
import { diffVersions, exportUrl, getVersion, listVersions, publishVersion } from './api.ts';
import { KIND_COLORS, SourceQuestions } from './WorkingListSection.tsx';

export function VersionsSection({ programId, canWrite }: { programId: number; canWrite: boolean }) {
  const t = useT();
  const versions = useRequest((signal) => listVersions(programId, signal), programId);
  const [publishing, setPublishing] = useState(false);
  const [viewing, setViewing] = useState<number | null>(null);
  const [pair, setPair] = useState<{ from?: number; to?: number }>({});
  const list = versions.data ?? [];
  // Until the curator picks, compare the two latest versions.
  const from = pair.from ?? list.at(-2)?.id;
  const to = pair.to ?? list.at(-1)?.id;

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {canWrite && (
          <Button type="primary" icon={<SendOutlined />} onClick={() => setPublishing(true)}>
            {t('problems.v.publish')}
          </Button>
        )}
        <Button icon={<FileExcelOutlined />} href={exportUrl(programId, 'xlsx')}>
          {t('problems.v.exportWorking')}
        </Button>
      </Space>
      {versions.error && <Alert type="error" showIcon title={versions.error.message} style={{ marginBottom: 12 }} />}
      <Table<ProblemListVersion>
        rowKey="id"
        size="small"
        loading={versions.loading}
        dataSource={[...list].reverse()}
        pagination={false}
        locale={{ emptyText: t('problems.v.empty') }}
        columns={[
          { title: t('problems.v.version'), dataIndex: 'version', width: 80, render: (v: string) => <Tag color="blue">{v}</Tag> },
          { title: t('problems.v.title'), dataIndex: 'title' },
          { title: t('problems.v.headline'), dataIndex: 'headline', width: 240 },
          { title: t('problems.v.publishedAt'), dataIndex: 'publishedAt', width: 170, render: (v: string) => v.slice(0, 16).replace('T', ' ') },
          { title: t('problems.v.publishedBy'), dataIndex: 'publishedByName', width: 100 },
          {
            title: t('common.actions'),
            width: 220,
            render: (_, v) => (
              <Space size={4}>
                <Button size="small" onClick={() => setViewing(v.id)}>
                  {t('problems.v.view')}
                </Button>
                <Button size="small" icon={<FileExcelOutlined />} href={exportUrl(programId, 'xlsx', v.id)} aria-label="xlsx" />
                <Button size="small" icon={<FileWordOutlined />} href={exportUrl(programId, 'docx', v.id)} aria-label="docx" />
              </Space>
            ),
          },
        ]}
      />
      {list.length >= 2 && (
        <Card size="small" style={{ marginTop: 16 }} title={t('problems.v.diff')}>
          <Space wrap>
            <Select
              placeholder={t('problems.v.from')}
              style={{ width: 140 }}
              value={from}
              onChange={(v) => setPair({ from: v, to })}
              options={list.map((v) => ({ value: v.id, label: v.version }))}
            />
            →
            <Select
              placeholder={t('problems.v.to')}
              style={{ width: 140 }}
              value={to}
              onChange={(v) => setPair({ from, to: v })}
              options={list.map((v) => ({ value: v.id, label: v.version }))}
            />
          </Space>
          {from !== undefined && to !== undefined && <DiffView programId={programId} from={from} to={to} />}
        </Card>
      )}
      {publishing && (
        <PublishModal
          programId={programId}
          onClose={() => setPublishing(false)}
          onDone={() => {
            setPublishing(false);
            versions.reload();
          }}
        />
      )}
      <Drawer open={viewing !== null} onClose={() => setViewing(null)} size={760} title={t('problems.v.view')}>
        {viewing !== null && <VersionView programId={programId} versionId={viewing} />}
      </Drawer>
    </>
  );
}

function VersionView({ programId, versionId }: { programId: number; versionId: number }) {
  const t = useT();
  const label = useLabel();
  const version = useRequest((signal) => getVersion(programId, versionId, signal), versionId);
  const [tracing, setTracing] = useState<number | null>(null);
  const v: ProblemListDetail | undefined = version.data;
  if (!v) return version.error ? <Alert type="error" showIcon title={version.error.message} /> : null;
  return (
    <>
      <Typography.Title level={4}>
        {v.title} <Tag color="blue">{v.version}</Tag>
      </Typography.Title>
      <Typography.Paragraph strong>{v.headline}</Typography.Paragraph>
      {v.note && <Typography.Paragraph type="secondary">{v.note}</Typography.Paragraph>}
      <List
        dataSource={v.items}
        renderItem={(item, i) => (
          <List.Item
            actions={[
              // Snapshot items keep the key problem's id, so a published item traces forward like a working one.
              <Button key="trace" type="link" size="small" icon={<NodeIndexOutlined />} onClick={() => setTracing(item.id)}>
                {t('trace.fwd.action')}
              </Button>,
            ]}
          >
            <div style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>
                  {i + 1}. {item.title}
                </Typography.Text>
                {item.kind && <Tag color={KIND_COLORS[item.kind]}>{label('keyProblemKind', item.kind)}</Tag>}
                {item.field && <Tag>{label('problemField', item.field)}</Tag>}
                <Typography.Text type="secondary">{t('problems.w.sourcesOf', { n: item.questionIds.length })}</Typography.Text>
              </Space>
              <SourceQuestions item={item} />
            </div>
          </List.Item>
        )}
      />
      <ForwardTraceDrawer target={tracing === null ? null : { kind: 'keyProblem', id: tracing }} onClose={() => setTracing(null)} />
    </>
  );
}

/** A few of the merged items, shortened: a merge of 10 questions must stay one readable line. */
const mergedSample = (from: readonly { title: string }[]) =>
  from
    .slice(0, 3)
    .map((f) => `「${f.title.length > 18 ? `${f.title.slice(0, 18)}…` : f.title}」`)
    .join('、') + (from.length > 3 ? ' …' : '');

function DiffView({ programId, from, to }: { programId: number; from: number; to: number }) {
  const t = useT();
  const label = useLabel();
  const diff = useRequest((signal) => diffVersions(programId, from, to, signal), `${from}-${to}`);
  const d = diff.data;
  if (!d) return diff.error ? <Alert type="error" showIcon title={diff.error.message} style={{ marginTop: 12 }} /> : null;
  const line = (color: string, mark: string, text: string, key: string | number) => (
    <div key={key} style={{ borderLeft: `4px solid ${color}`, padding: '2px 8px', margin: '4px 0', background: '#fafafa' }}>
      <Typography.Text strong style={{ color }}>
        {mark}
      </Typography.Text>{' '}
      {text}
    </div>
  );
  const nothing = d.added.length + d.removed.length + d.changed.length + d.merged.length === 0;
  return (
    <div style={{ marginTop: 12 }}>
      <Space wrap style={{ marginBottom: 8 }}>
        <DiffOutlined />
        <Typography.Text>
          {d.from.version}：{d.from.headline} → {d.to.version}：{d.to.headline}
        </Typography.Text>
      </Space>
      {nothing && <Typography.Paragraph type="secondary">{t('problems.v.same')}</Typography.Paragraph>}
      {d.merged.map((m) =>
        line(
          '#1677ff',
          t('problems.v.merged'),
          t('problems.v.mergedLine', { into: m.into.title, n: m.from.length, from: mergedSample(m.from) }),
          `m${m.into.id}`,
        ),
      )}
      {d.added.map((a) => line('#389e0d', t('problems.v.added'), `${a.title}${a.kind ? `（${label('keyProblemKind', a.kind)}）` : ''}`, `a${a.id}`))}
      {d.removed.map((r) => line('#cf1322', t('problems.v.removed'), r.title, `r${r.id}`))}
      {d.changed.map((c) =>
        line(
          '#d46b08',
          t('problems.v.changed'),
          c.changes
            .map((x) =>
              x.field === 'title'
                ? `「${x.before ?? ''}」→「${x.after ?? ''}」`
                : x.field === 'kind'
                  ? `${label('keyProblemKind', x.before as 'fixed' | 'open' | null)} → ${label('keyProblemKind', x.after as 'fixed' | 'open' | null)}`
                  : `${label('problemField', x.before as never)} → ${label('problemField', x.after as never)}`,
            )
            .join('；'),
          `c${c.id}`,
        ),
      )}
    </div>
  );
}

function PublishModal({ programId, onClose, onDone }: { programId: number; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const body = parseWithSchema(problemListPublishSchema, form.getFieldsValue(), form);
    if (!body) return;
    setBusy(true);
    setError(null);
    try {
      const v = await publishVersion(programId, body);
      void message.success(`${v.version}：${v.headline}`);
      onDone();
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('problems.v.publish')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okText={t('problems.v.publishOk')}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">{t('problems.v.publishHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ version: '', title: t('problems.v.defaultTitle') }}>
        <Form.Item name="version" label={t('problems.v.version')} required extra={t('problems.v.versionHint')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="title" label={t('problems.v.title')} required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="note" label={t('problems.v.note')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
