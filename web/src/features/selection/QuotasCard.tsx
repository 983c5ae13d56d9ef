// Quotas per sending unit (picked from the org tree) or unit category, with used and remaining places.
import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { UNIT_CATEGORIES, UNIT_CATEGORY_GRASSROOTS_LABEL, type OrgKind, type Quota, type UnitCategory } from '@duibiao/contracts';
import { ApiError } from '../../api/client.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { useLabel, useLang, useT } from '../../i18n/index.tsx';
import { createQuota, deleteQuota, updateQuota } from './api.ts';

interface Values {
  target: 'unit' | 'category';
  orgId?: number;
  unitCategory?: UnitCategory;
  quota: number;
  note?: string;
}

function QuotaModal({ programId, open, onClose, onSaved }: { programId: number; open: boolean; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const label = useLabel();
  const { lang } = useLang();
  const [form] = Form.useForm<Values>();
  const target = Form.useWatch('target', form);
  const categoryLabel = (c: UnitCategory) => (c === 'grassroots' ? UNIT_CATEGORY_GRASSROOTS_LABEL[lang] : label('orgKind', c as OrgKind));
  const save = async (v: Values) => {
    try {
      await createQuota(programId, {
        orgId: v.target === 'unit' ? (v.orgId ?? null) : null,
        unitCategory: v.target === 'category' ? (v.unitCategory ?? null) : null,
        quota: v.quota,
        note: v.note ?? null,
      });
      form.resetFields();
      onSaved();
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.details.length) form.setFields(e.details.map((d) => ({ name: d.field as keyof Values, errors: [d.message] })));
      else form.setFields([{ name: 'quota', errors: [e instanceof Error ? e.message : String(e)] }]);
    }
  };
  return (
    <Modal open={open} title={t('selection.addQuota')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ target: 'unit', quota: 5 }} onFinish={(v) => void save(v)}>
        <Form.Item name="target" label={t('selection.quotaTarget')}>
          <Radio.Group
            options={[
              { value: 'unit', label: t('selection.byUnit') },
              { value: 'category', label: t('selection.byCategory') },
            ]}
          />
        </Form.Item>
        {target === 'category' ? (
          <Form.Item name="unitCategory" label={t('selection.category')} rules={[{ required: true }]}>
            <Select options={UNIT_CATEGORIES.filter((c) => c !== 'region').map((c) => ({ value: c, label: categoryLabel(c) }))} />
          </Form.Item>
        ) : (
          <Form.Item name="orgId" label={t('selection.unit')} rules={[{ required: true }]}>
            <OrgTreeSelect />
          </Form.Item>
        )}
        <Form.Item name="quota" label={t('selection.quota')} rules={[{ required: true }]}>
          <InputNumber min={1} max={10000} precision={0} />
        </Form.Item>
        <Form.Item name="note" label={t('selection.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function QuotasCard({ programId, quotas, loading, onChanged }: { programId: number; quotas: Quota[]; loading: boolean; onChanged: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      onChanged();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const columns: TableColumnsType<Quota> = [
    { title: t('selection.quotaTarget'), dataIndex: 'label' },
    {
      title: t('selection.quota'),
      dataIndex: 'quota',
      width: 120,
      render: (q: number, row) => (
        <InputNumber
          key={`${row.id}:${q}`}
          aria-label={`${row.label} ${t('selection.quota')}`}
          size="small"
          min={1}
          max={10000}
          precision={0}
          defaultValue={q}
          onBlur={(e) => {
            const v = Number(e.target.value);
            if (v && v !== q) void run(() => updateQuota(row.id, { quota: v }));
          }}
        />
      ),
    },
    { title: t('selection.used'), dataIndex: 'used', width: 80 },
    { title: t('selection.remaining'), dataIndex: 'remaining', width: 80 },
    { title: t('selection.note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
    {
      title: '',
      key: 'del',
      width: 70,
      render: (_, row) => (
        <Popconfirm title={t('selection.deleteQuotaConfirm')} onConfirm={() => void run(() => deleteQuota(row.id))}>
          <Button size="small" danger type="link">
            {t('common.delete')}
          </Button>
        </Popconfirm>
      ),
    },
  ];
  return (
    <Card
      title={t('selection.quotas')}
      size="small"
      extra={
        <Space>
          <Button size="small" onClick={() => setAdding(true)}>
            {t('selection.addQuota')}
          </Button>
        </Space>
      }
    >
      <Table<Quota> rowKey="id" size="small" loading={loading} columns={columns} dataSource={quotas} pagination={false} />
      <QuotaModal programId={programId} open={adding} onClose={() => setAdding(false)} onSaved={onChanged} />
    </Card>
  );
}
