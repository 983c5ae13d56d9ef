// 回避: bans of the program's trainees (former employer, close relative, manual), added by hand or proposed by
// matching unit names (自动识别) and then accepted in one go.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, ScanOutlined } from '@ant-design/icons';
import type { BanDetectResult, BanKind, PlacementBan } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useLabelOptions, useT } from '../../i18n/index.tsx';
import { applyApiError } from '../../lib/forms.ts';
import { createBan, deleteBan, detectBans, getPreferences, listBans, listHostUnits } from './api.ts';

interface Values {
  cadreId?: number;
  hostUnitId?: number;
  kind: BanKind;
  reason?: string;
}

export function BansSection({ programId, canWrite }: { programId: number; canWrite: boolean }) {
  const t = useT();
  const label = useLabel();
  const options = useLabelOptions();
  const { message } = App.useApp();
  const bans = useRequest((signal) => listBans(programId, signal), programId);
  const overview = useRequest((signal) => getPreferences(programId, signal), programId, canWrite);
  const units = useRequest((signal) => listHostUnits(signal), 'units', canWrite);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [detected, setDetected] = useState<BanDetectResult | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async () => {
    await form.validateFields();
    const v = form.getFieldsValue(true) as Values;
    setError(null);
    try {
      await createBan({ cadreId: v.cadreId!, hostUnitId: v.hostUnitId!, kind: v.kind, reason: v.reason ?? null });
      form.resetFields();
      bans.reload();
    } catch (e) {
      setError(applyApiError(form, e, ['cadreId', 'hostUnitId', 'kind', 'reason']));
    }
  };
  const detect = async (apply: boolean) => {
    setBusy(true);
    try {
      const result = await detectBans(programId, apply);
      if (apply) {
        void message.success(t('placement.bans.applied', { n: result.applied }));
        setDetected(null);
        bans.reload();
      } else setDetected(result);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (id: number) => {
    try {
      await deleteBan(id);
      bans.reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <>
      {canWrite && (
        <Form form={form} layout="inline" initialValues={{ kind: 'manual' }} style={{ marginBottom: 12, rowGap: 8 }}>
          <Form.Item name="cadreId" rules={[{ required: true, message: t('placement.bans.cadre') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              placeholder={t('placement.bans.cadre')}
              style={{ width: 160 }}
              options={(overview.data?.cadres ?? []).map((c) => ({ value: c.cadreId, label: c.name }))}
            />
          </Form.Item>
          <Form.Item name="hostUnitId" rules={[{ required: true, message: t('placement.bans.unit') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              placeholder={t('placement.bans.unit')}
              style={{ width: 220 }}
              options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
          <Form.Item name="kind">
            <Select style={{ width: 140 }} options={options('banKind')} />
          </Form.Item>
          <Form.Item name="reason">
            <Input placeholder={t('placement.bans.reason')} maxLength={300} style={{ width: 200 }} />
          </Form.Item>
          <Space>
            <Button icon={<PlusOutlined />} onClick={() => void add().catch(() => undefined)}>
              {t('placement.bans.create')}
            </Button>
            <Button icon={<ScanOutlined />} loading={busy} onClick={() => void detect(false)}>
              {t('placement.bans.detect')}
            </Button>
          </Space>
        </Form>
      )}
      {(error ?? bans.error) && <Alert type="error" showIcon title={error ?? bans.error?.message} style={{ marginBottom: 12 }} />}
      <Table<PlacementBan>
        rowKey="id"
        size="small"
        loading={bans.loading}
        dataSource={bans.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('placement.bans.empty') }}
        columns={[
          { title: t('placement.bans.cadre'), key: 'cadre', render: (_: unknown, b) => b.cadre.name },
          { title: t('placement.bans.unit'), key: 'unit', render: (_: unknown, b) => b.hostUnit.name },
          { title: t('placement.bans.kind'), dataIndex: 'kind', render: (k: BanKind) => label('banKind', k) },
          { title: t('placement.bans.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 70,
                  render: (_: unknown, b: PlacementBan) => (
                    <Popconfirm title={t('placement.bans.deleteConfirm')} onConfirm={() => void remove(b.id)}>
                      <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={detected !== null}
        title={detected && detected.proposals.length > 0 ? t('placement.bans.proposals', { n: detected.proposals.length }) : t('placement.bans.noProposals')}
        onCancel={() => setDetected(null)}
        okText={t('placement.bans.applyAll')}
        okButtonProps={{ disabled: !detected?.proposals.length, loading: busy }}
        onOk={() => void detect(true)}
        width={680}
      >
        <Typography.Paragraph type="secondary">{t('placement.bans.detectNote')}</Typography.Paragraph>
        <Table
          rowKey={(p) => `${p.cadre.id}-${p.hostUnit.id}`}
          size="small"
          pagination={false}
          dataSource={detected?.proposals ?? []}
          columns={[
            { title: t('placement.bans.cadre'), key: 'cadre', render: (_: unknown, p) => p.cadre.name },
            { title: t('placement.bans.unit'), key: 'unit', render: (_: unknown, p) => p.hostUnit.name },
            { title: t('placement.bans.matched'), dataIndex: 'reason' },
          ]}
        />
      </Modal>
    </>
  );
}
