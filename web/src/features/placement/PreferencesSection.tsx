// 志愿: every trainee's ranked choices (entered by the trainee on the phone or here on their behalf), first-choice
// demand per post, and the host side: rankings, scores, or the documented scoring formula.
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Form, InputNumber, Modal, Popover, Select, Space, Table, Tag, Typography } from 'antd';
import { CalculatorOutlined, DownloadOutlined, EditOutlined, UploadOutlined } from '@ant-design/icons';
import type { HostPost, PreferenceOverview } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useT } from '../../i18n/index.tsx';
import { applyScoreFormula, getPreferences, preferenceTemplateUrl, setCadrePreferences } from './api.ts';
import { PreferencesImportModal } from './PreferencesImportModal.tsx';

type CadreRow = PreferenceOverview['cadres'][number];
type HostRow = PreferenceOverview['hosts'][number];
const postName = (p: HostPost | undefined) => (p ? `${p.hostUnit.name}·${p.title}` : '—');

export function PreferencesSection({ programId, canWrite }: { programId: number; canWrite: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const overview = useRequest((signal) => getPreferences(programId, signal), programId);
  const [editing, setEditing] = useState<CadreRow | null>(null);
  const [choice, setChoice] = useState<number[]>([]);
  const [formulaOpen, setFormulaOpen] = useState(false);
  const [weights, setWeights] = useState({ specialtyWeight: 60, experienceWeight: 40, overwrite: false });
  const [busy, setBusy] = useState(false);
  const [importOpen, setImportOpen] = useState(false);

  const data = overview.data;
  const posts = new Map((data?.posts ?? []).map((p) => [p.id, p]));
  const cadres = new Map((data?.cadres ?? []).map((c) => [c.cadreId, c.name]));
  const firstChoices = (postId: number) => (data?.cadres ?? []).filter((c) => c.postIds[0] === postId).length;

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      void message.success(done);
      overview.reload();
      return true;
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const top = (h: HostRow): string => {
    const ids =
      h.kind === 'ranking'
        ? h.ranking
        : Object.entries(h.scores)
            .sort((a, b) => b[1] - a[1])
            .map(([id]) => Number(id));
    return ids
      .slice(0, 3)
      .map((id) => (h.kind === 'scores' ? `${cadres.get(id) ?? id}（${h.scores[String(id)]}）` : (cadres.get(id) ?? String(id))))
      .join('、');
  };

  return (
    <>
      {overview.error && <Alert type="error" showIcon title={overview.error.message} style={{ marginBottom: 12 }} />}
      {data?.locked && <Alert type="info" showIcon title={t('placement.prefs.locked')} style={{ marginBottom: 12 }} />}
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          {t('placement.prefs.summary', { done: (data?.cadres ?? []).filter((c) => c.postIds.length > 0).length, total: data?.cadres.length ?? 0 })}
        </Typography.Text>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={preferenceTemplateUrl(programId)}>
            {t('placement.prefs.template')}
          </Button>
          {canWrite && !data?.locked && (
            <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
              {t('placement.prefs.import')}
            </Button>
          )}
        </Space>
      </Flex>
      <Table<CadreRow>
        rowKey="cadreId"
        size="small"
        loading={overview.loading}
        dataSource={data?.cadres ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 700 }}
        columns={[
          { title: t('placement.prefs.cadre'), dataIndex: 'name', width: 100 },
          { title: t('placement.units.org'), dataIndex: 'orgName', width: 160 },
          {
            title: t('placement.prefs.choices'),
            key: 'choices',
            render: (_: unknown, c) =>
              c.postIds.length === 0 ? (
                <Typography.Text type="secondary">{t('placement.prefs.none')}</Typography.Text>
              ) : (
                <Popover
                  title={c.name}
                  content={
                    <ol style={{ margin: 0, paddingLeft: 20, maxWidth: 420 }}>
                      {c.postIds.map((id) => (
                        <li key={id}>{postName(posts.get(id))}</li>
                      ))}
                    </ol>
                  }
                >
                  {c.postIds.slice(0, 3).map((id, i) => (
                    <Tag key={id}>{`${i + 1}. ${postName(posts.get(id))}`}</Tag>
                  ))}
                  {c.postIds.length > 3 && <Tag color="blue">+{c.postIds.length - 3}</Tag>}
                </Popover>
              ),
          },
          ...(canWrite && !data?.locked
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 60,
                  render: (_: unknown, c: CadreRow) => (
                    <Button
                      type="text"
                      size="small"
                      icon={<EditOutlined />}
                      aria-label={t('common.edit')}
                      onClick={() => {
                        setEditing(c);
                        setChoice(c.postIds);
                      }}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      <Card
        size="small"
        title={t('placement.prefs.hostSide')}
        style={{ marginTop: 16 }}
        extra={
          canWrite && (
            <Button icon={<CalculatorOutlined />} onClick={() => setFormulaOpen(true)}>
              {t('placement.prefs.formula')}
            </Button>
          )
        }
      >
        <Table<HostRow>
          rowKey="postId"
          size="small"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={data?.hosts ?? []}
          columns={[
            { title: t('placement.solve.post'), key: 'post', render: (_: unknown, h) => postName(posts.get(h.postId)) },
            { title: t('placement.posts.seats'), key: 'seats', width: 60, align: 'right', render: (_: unknown, h) => posts.get(h.postId)?.seats },
            { title: t('placement.prefs.demand'), key: 'demand', width: 90, align: 'right', render: (_: unknown, h) => firstChoices(h.postId) },
            { title: t('placement.prefs.hostKind'), dataIndex: 'kind', width: 170, render: (k: HostRow['kind']) => t(`placement.prefs.kind.${k}`) },
            { title: t('placement.prefs.top'), key: 'top', render: (_: unknown, h) => top(h) || '—' },
          ]}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={editing ? t('placement.prefs.editFor', { name: editing.name }) : ''}
        confirmLoading={busy}
        onCancel={() => setEditing(null)}
        onOk={() =>
          void run(() => setCadrePreferences(programId, editing!.cadreId, { postIds: choice }), t('common.saved')).then((ok) => ok && setEditing(null))
        }
      >
        <Typography.Paragraph type="secondary">{t('placement.prefs.postsHint')}</Typography.Paragraph>
        <Select
          mode="multiple"
          style={{ width: '100%' }}
          value={choice}
          onChange={setChoice}
          optionFilterProp="label"
          options={(data?.posts ?? []).map((p) => ({ value: p.id, label: postName(p) }))}
        />
      </Modal>
      <PreferencesImportModal
        programId={programId}
        open={importOpen}
        onClose={() => setImportOpen(false)}
        onImported={(n) => {
          setImportOpen(false);
          void message.success(t('placement.prefs.imported', { n }));
          overview.reload();
        }}
      />
      <Modal
        open={formulaOpen}
        title={t('placement.prefs.formulaTitle')}
        confirmLoading={busy}
        onCancel={() => setFormulaOpen(false)}
        onOk={() =>
          void run(() => applyScoreFormula(programId, weights), t('placement.prefs.filled', { n: data?.posts.length ?? 0 })).then(
            (ok) => ok && setFormulaOpen(false),
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('placement.prefs.formulaNote')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('placement.prefs.specialtyWeight')}>
            <InputNumber min={0} max={100} value={weights.specialtyWeight} onChange={(v) => setWeights((w) => ({ ...w, specialtyWeight: v ?? 0 }))} />
          </Form.Item>
          <Form.Item label={t('placement.prefs.experienceWeight')}>
            <InputNumber min={0} max={100} value={weights.experienceWeight} onChange={(v) => setWeights((w) => ({ ...w, experienceWeight: v ?? 0 }))} />
          </Form.Item>
          <Checkbox checked={weights.overwrite} onChange={(e) => setWeights((w) => ({ ...w, overwrite: e.target.checked }))}>
            {t('placement.prefs.overwrite')}
          </Checkbox>
        </Form>
      </Modal>
    </>
  );
}
